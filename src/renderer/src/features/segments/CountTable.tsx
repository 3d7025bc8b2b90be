import { RightOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { pct } from './format';

/** Ant Design's link blue is below WCAG AA on white; the theme's primary blue is not. */
export const LINK_STYLE = { color: '#1f5fbf' } as const;

/** Column headers stay on one line; the cells below are short numbers. */
export const NOWRAP = () => ({ style: { whiteSpace: 'nowrap' as const } });

export interface CountRow {
  key: string;
  /** The segment's tag or name, first column. */
  label: ReactNode;
  /** Words for the open button's accessible name, e.g. "A 类". */
  name: string;
  /** One line under the label: what the segment means or how it is defined. */
  hint?: string;
  count: number;
  /** Further cells (range, value…), placed between the label and the count. */
  [extra: string]: unknown;
}

interface Props<R extends CountRow> {
  rows: R[];
  total: number;
  labelTitle: string;
  extraColumns?: ColumnsType<R>;
  /** Opens the Clients page filtered to this segment. */
  onOpen(row: R): void;
}

/** Counts per segment with their share of the book; each row opens the Clients page filtered to it. */
export function CountTable<R extends CountRow>({ rows, total, labelTitle, extraColumns = [], onOpen }: Props<R>) {
  const { t } = useTranslation();
  const columns: ColumnsType<R> = [
    {
      title: labelTitle,
      dataIndex: 'label',
      key: 'label',
      render: (label: ReactNode, r) => (
        <>
          {label}
          {r.hint && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 2 }}>{r.hint}</Typography.Text>}
        </>
      ),
    },
    ...extraColumns,
    { title: t('segments.clientsCount'), dataIndex: 'count', key: 'count', align: 'right', onHeaderCell: NOWRAP, render: (n: number) => <span data-count>{n.toLocaleString('en-US')}</span> },
    { title: t('segments.clientShare'), key: 'share', align: 'right', onHeaderCell: NOWRAP, render: (_v, r) => (total ? pct(r.count / total) : '—') },
    {
      title: <VisuallyHidden>{t('segments.openColumn')}</VisuallyHidden>,
      key: 'open',
      width: 64,
      render: (_v, r) => (
        <Button
          type="link"
          size="small"
          disabled={r.count === 0}
          style={{ ...(r.count ? LINK_STYLE : {}), paddingInline: 0, gap: 0 }}
          aria-label={t('segments.openSegment', { name: r.name, count: r.count })}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(r);
          }}
        >
          {t('segments.open')}
          <RightOutlined aria-hidden style={{ marginInlineStart: 2 }} />
        </Button>
      ),
    },
  ];
  return (
    <Table<R>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={columns}
      onRow={(r) => ({ style: { cursor: r.count ? 'pointer' : undefined }, onClick: () => r.count && onOpen(r) })}
    />
  );
}
