import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TodaySummary } from '../../../../shared/followups';
import type { SectionKey } from './AgendaSection';
import { longDate } from './format';

const STATS: { key: Exclude<SectionKey, 'occasions'>; color: string }[] = [
  { key: 'overdue', color: '#c41d1f' },
  { key: 'dueToday', color: '#1f5fbf' },
  { key: 'next7', color: '#1f5fbf' },
  { key: 'losingTouch', color: '#ad4e00' },
  { key: 'kyc', color: '#ad4e00' },
];

const STAT_BUTTON = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'flex-start',
  gap: 2,
  minWidth: 112,
  padding: '8px 14px',
  border: '1px solid #f0f0f0',
  borderRadius: 8,
  background: '#fafafa',
  cursor: 'pointer',
  font: 'inherit',
  textAlign: 'left',
} as const;

interface Props {
  name: string;
  data: TodaySummary | null;
  loading: boolean;
  onRefresh(): void;
}

/** Greeting, today's date and the five counts; a count scrolls to its section. */
export function TodayHeader({ name, data, loading, onRefresh }: Props) {
  const { t, i18n } = useTranslation();
  const jump = (key: SectionKey) => document.getElementById(`today-${key}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  const line = data
    ? [
        t('todayPage.dateLine', { date: longDate(data.today, i18n.language) }),
        data.counts.overdue + data.counts.dueToday > 0 ? t('todayPage.workload', { overdue: data.counts.overdue, dueToday: data.counts.dueToday }) : t('todayPage.allClear'),
      ].join(i18n.language === 'en' ? ' · ' : '，')
    : null;
  return (
    <Card size="small" styles={{ body: { padding: '16px 20px' } }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 16 }}>
        <div style={{ minWidth: 260 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>{t('today.welcome', { name })}</Typography.Title>
          {line ? <Typography.Text type="secondary">{line}</Typography.Text> : <Skeleton.Input active size="small" style={{ width: 240, marginTop: 6 }} />}
        </div>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'stretch', gap: 8 }}>
          {STATS.map(({ key, color }) => {
            const count = data?.counts[key];
            return (
              <button key={key} type="button" style={STAT_BUTTON} onClick={() => jump(key)} disabled={!data}>
                <span style={{ fontSize: 13, color: 'rgba(0, 0, 0, 0.68)' }}>{t(`todayPage.sections.${key}`)}</span>
                <span style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.2, fontVariantNumeric: 'tabular-nums', color: count ? color : 'rgba(0, 0, 0, 0.68)' }}>
                  {count === undefined ? '–' : count.toLocaleString()}
                </span>
              </button>
            );
          })}
          <Button type="text" aria-label={t('todayPage.refresh')} title={t('todayPage.refresh')} icon={<ReloadOutlined spin={loading} />} onClick={onRefresh} style={{ alignSelf: 'center' }} />
        </div>
      </div>
    </Card>
  );
}
