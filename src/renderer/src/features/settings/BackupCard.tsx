import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/contract';
import { RmError, errorText, invoke } from '../../api';
import { instantText } from '../sync/format';

/** `1.2 MB`: the size of a backup, for the success message. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Encrypted backup: when and where the last one went, the reminder interval, and "Back up now". */
export function BackupCard() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ passphrase: string }>();

  const load = useCallback(() => invoke('backup.status', {}).then(setStatus, (e) => void message.error(errorText(e))), [message]);
  useEffect(() => void load(), [load]);

  async function backUp({ passphrase }: { passphrase: string }) {
    setBusy(true);
    try {
      const r = await invoke('backup.create', { passphrase });
      form.resetFields();
      if (!r.created) return;
      void message.success(t('backupUi.done', { name: r.name, size: sizeText(r.bytes) }));
      if (r.sameDevice) modal.warning({ title: t('backupReminder.title'), content: t('backupUi.doneSameDevice') });
      await load();
    } catch (e) {
      if (e instanceof RmError && e.value.field === 'passphrase') form.setFields([{ name: 'passphrase', errors: [e.text] }]);
      else void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  async function saveDays(reminderDays: number | null) {
    if (!reminderDays || reminderDays === status?.reminderDays) return;
    try {
      setStatus(await invoke('backup.settings', { reminderDays }));
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const at = (iso: string) => instantText(iso, i18n.language);
  return (
    <Card title={<span><SafetyCertificateOutlined /> {t('backupUi.title')}</span>}>
      <Typography.Paragraph type="secondary">{t('backupUi.intro')}</Typography.Paragraph>
      {status && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <div>
            {status.lastBackupAt ? t('backupUi.lastBackup', { at: at(status.lastBackupAt) }) : t('backupUi.never')}{' '}
            {status.lastBackupSameDevice !== null && (
              <Tag color={status.lastBackupSameDevice ? 'warning' : 'success'}>{t(status.lastBackupSameDevice ? 'backupUi.sameDevice' : 'backupUi.otherDevice')}</Tag>
            )}
          </div>
          {status.lastBackupFolder && <Typography.Text type="secondary">{t('backupUi.where', { folder: status.lastBackupFolder })}</Typography.Text>}
          {status.lastOffDeviceBackupAt && status.lastBackupSameDevice && <div>{t('backupUi.lastOffDevice', { at: at(status.lastOffDeviceBackupAt) })}</div>}
          {status.due && <Alert type="warning" showIcon role="status" title={t(`backupReminder.${status.due}`, { days: status.reminderDays })} />}
          <Form layout="vertical" requiredMark={false}>
            <Form.Item label={t('backupUi.reminderDays')}>
              <InputNumber aria-label={t('backupUi.reminderDays')} min={1} max={90} precision={0} defaultValue={status.reminderDays} onBlur={(e) => void saveDays(Number(e.target.value) || null)} />
            </Form.Item>
          </Form>
          <Form form={form} layout="vertical" onFinish={backUp} requiredMark={false}>
            <Form.Item name="passphrase" label={t('backupUi.passphrase')} rules={[{ required: true, message: t('errors.required', { field: t('unlock.passphrase') }) }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>{t('backupUi.backupNow')}</Button>
          </Form>
        </Space>
      )}
    </Card>
  );
}
