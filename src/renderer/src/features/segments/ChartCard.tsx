import { Card, Segmented } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  chart: ReactNode;
  table: ReactNode;
  /** Shown under the title, e.g. how the numbers were computed. */
  footer?: ReactNode;
}

/** A chart with a 表格 toggle: the same numbers as a table, for screen readers and exact reading. */
export function ChartCard({ title, chart, table, footer }: Props) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      style={{ height: '100%' }}
      extra={
        <Segmented<'chart' | 'table'>
          size="small"
          aria-label={t('segments.viewLabel', { title })}
          value={view}
          onChange={setView}
          options={[
            { value: 'chart', label: t('segments.chart') },
            { value: 'table', label: t('segments.table') },
          ]}
        />
      }
    >
      {view === 'chart' ? chart : table}
      {footer}
    </Card>
  );
}
