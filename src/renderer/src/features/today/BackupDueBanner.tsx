import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TodaySummary } from '../../../../shared/followups';
import { useSession } from '../../session-store';

/** One line: back up to a second medium (never backed up, too long ago, or only on the workspace's own disk). */
export function BackupDueBanner({ backup }: { backup: TodaySummary['backup'] | undefined }) {
  const { t, i18n } = useTranslation();
  if (!backup) return null;
  return (
    <Alert
      role="status"
      type="warning"
      showIcon
      icon={<SafetyCertificateOutlined aria-hidden />}
      title={
        <span>
          <strong>{t('backupReminder.title')}</strong>
          {i18n.language === 'en' ? ': ' : '：'}
          {t(`backupReminder.${backup.due}`, { days: backup.reminderDays })}
        </span>
      }
      action={
        <Button size="small" onClick={() => useSession.getState().setPage('settings')}>
          {t('backupUi.goBackup')}
        </Button>
      }
    />
  );
}
