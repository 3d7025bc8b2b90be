import { SyncOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TodaySummary } from '../../../../shared/followups';
import { useSession } from '../../session-store';
import { instantText } from '../sync/format';

/** A compact reminder to export to head office: never exported, interval passed, or a backlog. */
export function SyncDueBanner({ sync }: { sync: TodaySummary['sync'] }) {
  const { t, i18n } = useTranslation();
  if (!sync?.due) return null;
  const last = sync.lastExportAt ? t('syncDue.lastExport', { at: instantText(sync.lastExportAt, i18n.language) }) : null;
  return (
    <Alert
      role="status"
      type="warning"
      showIcon
      icon={<SyncOutlined aria-hidden />}
      title={
        <span>
          <strong>{t('syncReminder.title')}</strong>
          {i18n.language === 'en' ? ': ' : '：'}
          {t(`syncReminder.${sync.due}`, { count: sync.pending })}
          {last && <span style={{ color: 'rgba(0, 0, 0, 0.68)', marginInlineStart: 8 }}>{last}</span>}
        </span>
      }
      action={
        <Button size="small" type="primary" onClick={() => useSession.getState().setPage('sync')}>
          {t('syncDue.goSync')}
        </Button>
      }
    />
  );
}
