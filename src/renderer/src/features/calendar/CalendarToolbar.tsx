import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FOLLOWUP_TYPES, type FollowupType } from '../../../../shared/followups';
import { TIERS, type TierName } from '../../../../shared/segments';
import { TYPE_COLORS } from './agenda-labels';
import { useCalendar } from './calendar-store';

interface Props {
  onCreate(): void;
  onExport(): void;
}

/** Filters and actions above the calendar, and the colour legend. */
export function CalendarToolbar({ onCreate, onExport }: Props) {
  const { t } = useTranslation();
  const { filters, setFilters, items, loading } = useCalendar();

  return (
    <Space orientation="vertical" size={10} style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap size={12}>
          <Select<FollowupType[]>
            mode="multiple"
            allowClear
            aria-label={t('calendarPage.typeFilter')}
            placeholder={t('calendarPage.allTypes')}
            style={{ minWidth: 240, maxWidth: 420 }}
            maxTagCount="responsive"
            value={filters.types}
            onChange={(types) => setFilters({ types })}
            options={FOLLOWUP_TYPES.map((type) => ({ value: type, label: t(`followupTypes.${type}`) }))}
          />
          <Select<TierName | ''>
            aria-label={t('calendarPage.tierFilter')}
            style={{ width: 128 }}
            value={filters.tier ?? ''}
            onChange={(v) => setFilters({ tier: v || null })}
            options={[{ value: '', label: t('calendarPage.allTiers') }, ...TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))]}
          />
          <label className="rm-cal-switch">
            <Switch size="small" aria-label={t('calendarPage.showDone')} checked={filters.showDone} onChange={(showDone) => setFilters({ showDone })} />
            <span>{t('calendarPage.showDone')}</span>
          </label>
          <Typography.Text type="secondary" aria-live="polite">
            {loading ? t('calendarPage.loading') : t('calendarPage.count', { count: items.length })}
          </Typography.Text>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={onCreate}>{t('calendarPage.newFollowup')}</Button>
          <Button icon={<DownloadOutlined />} onClick={onExport}>{t('calendarPage.exportIcs')}</Button>
        </Space>
      </Space>
      <Legend />
    </Space>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <ul className="rm-cal-legend" aria-label={t('calendarPage.legend')}>
      {FOLLOWUP_TYPES.map((type) => (
        <li key={type}>
          <span className="rm-cal-swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden />
          {t(`followupTypes.${type}`)}
        </li>
      ))}
      <li>
        <span className="rm-ev-flag rm-ev-flag-legend" title={t('calendarPage.overdueHint')}>{t('calendarPage.overdueFlag')}</span>
      </li>
      <li>
        <span className="rm-cal-badge rm-cal-badge-off">{t('calendarPage.holidayBadge')}</span>
        {t('calendarPage.holidayHint')}
      </li>
      <li>
        <span className="rm-cal-badge rm-cal-badge-work">{t('calendarPage.workdayBadge')}</span>
        {t('calendarPage.makeUpWorkday')}
      </li>
      <li>
        <span className="rm-cal-swatch rm-cal-swatch-occ" aria-hidden />
        {t('calendarOccasions.legendPersonal')}
      </li>
      <li>
        <span className="rm-day-greeting">{t('calendarOccasions.legendHoliday')}</span>
      </li>
    </ul>
  );
}
