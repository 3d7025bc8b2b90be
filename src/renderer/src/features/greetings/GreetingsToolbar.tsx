import { Button, DatePicker, Segmented, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { GREETING_STATUSES, OCCASION_KINDS, type GreetingStatus, type OccasionKindName } from '../../../../shared/greetings';
import { localDay } from './format';
import { useGreetings } from './greetings-store';

const QUICK = [
  { key: 'today', days: 0 },
  { key: 'week', days: 6 },
  { key: 'month', days: 29 },
] as const;

/** Dates (with 今天 / 7 天 / 30 天), occasion, and the status filter that also shows the counts. */
export function GreetingsToolbar() {
  const { t } = useTranslation();
  const { from, to, occasion, status, counts, setRange, setOccasion, setStatus } = useGreetings();
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  const withCount = (label: string, n: number | null | undefined) => (n === null || n === undefined ? label : t('greetingsPage.statusCount', { status: label, n: n.toLocaleString() }));

  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12 }}>
      <Space wrap size={12}>
        <DatePicker.RangePicker
          aria-label={t('greetingsPage.range')}
          allowClear={false}
          value={[dayjs(from), dayjs(to)]}
          onChange={(r: [Dayjs | null, Dayjs | null] | null) => {
            if (r?.[0] && r[1]) setRange(r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD'));
          }}
          style={{ width: 260 }}
        />
        <Space.Compact aria-label={t('greetingsPage.quickLabel')} role="group">
          {QUICK.map(({ key, days }) => {
            const active = from === localDay(0) && to === localDay(days);
            return (
              <Button key={key} type={active ? 'primary' : 'default'} autoInsertSpace={false} aria-pressed={active} onClick={() => setRange(localDay(0), localDay(days))}>
                {t(`greetingsPage.quick.${key}`)}
              </Button>
            );
          })}
        </Space.Compact>
        <Select<OccasionKindName | ''>
          aria-label={t('greetingsPage.occasionFilter')}
          style={{ width: 150 }}
          value={occasion ?? ''}
          onChange={(v) => setOccasion(v || null)}
          options={[{ value: '', label: t('greetingsPage.allOccasions') }, ...OCCASION_KINDS.map((k) => ({ value: k, label: t(`occasionNames.${k}`) }))]}
        />
      </Space>
      <Space size={8} align="center">
        <Typography.Text id="rm-greeting-status-label" type="secondary">{t('greetingsPage.statusFilter')}</Typography.Text>
        <Segmented<GreetingStatus | 'all'>
          aria-labelledby="rm-greeting-status-label"
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? null : v)}
          options={[
            { value: 'all', label: withCount(t('greetingsPage.statuses.all'), all) },
            ...GREETING_STATUSES.map((s) => ({ value: s, label: withCount(t(`greetingsPage.statuses.${s}`), counts?.[s]) })),
          ]}
        />
      </Space>
    </div>
  );
}
