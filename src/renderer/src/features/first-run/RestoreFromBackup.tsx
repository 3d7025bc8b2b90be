import { HistoryOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RmError, errorText, invoke } from '../../api';
import { useSession } from '../../session-store';

/**
 * "Restore from backup" on the first-run screen (no workspace yet): the passphrase of the backup's
 * day here, the folder in the system's own dialog (the page never sees a path).
 */
export function RestoreFromBackup() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ passphrase: string }>();
  const setStatus = useSession((s) => s.setStatus);

  async function restore({ passphrase }: { passphrase: string }) {
    setBusy(true);
    setError(null);
    try {
      const r = await invoke('backup.restore', { passphrase });
      if (r.restored) setStatus(r.status);
    } catch (e) {
      if (e instanceof RmError && e.value.field === 'passphrase') form.setFields([{ name: 'passphrase', errors: [e.text] }]);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <Button type="link" icon={<HistoryOutlined />} onClick={() => setOpen(true)} style={{ paddingInline: 0, marginTop: 12 }}>
        {t('restoreUi.action')}
      </Button>
    );
  }
  return (
    <section aria-label={t('restoreUi.title')} style={{ marginTop: 16 }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>{t('restoreUi.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('restoreUi.intro')}</Typography.Paragraph>
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={restore} requiredMark={false}>
        <Form.Item name="passphrase" label={t('restoreUi.passphrase')} rules={[{ required: true, message: t('errors.required', { field: t('restoreUi.passphrase') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>{t('restoreUi.submit')}</Button>
          <Button onClick={() => setOpen(false)} disabled={busy}>{t('restoreUi.cancel')}</Button>
        </Space>
      </Form>
    </section>
  );
}
