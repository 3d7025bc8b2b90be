import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputRef } from 'antd';
import type { WorkspaceStatus } from '../../../../shared/contract';
import { RmError, errorText, invoke } from '../../api';
import { useSession } from '../../session-store';

export function UnlockPage({ status }: { status: WorkspaceStatus }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ passphrase: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [forgot, setForgot] = useState(false);
  const setStatus = useSession((s) => s.setStatus);
  const refresh = useSession((s) => s.refresh);
  const input = useRef<InputRef>(null);

  useEffect(() => input.current?.focus(), [error]);

  async function submit({ passphrase }: { passphrase: string }) {
    setBusy(true);
    try {
      setStatus(await invoke('workspace.unlock', { passphrase }));
    } catch (e) {
      const text = errorText(e);
      setError(text);
      form.setFields([{ name: 'passphrase', value: '', errors: e instanceof RmError ? [text] : [] }]);
      void refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="rm-center">
      <Card style={{ width: 420 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          <LockOutlined /> {t('unlock.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('unlock.manager', { id: status.managerId })}</Typography.Paragraph>
        {error && <Alert role="alert" type="error" showIcon title={error} description={status.failedAttempts > 0 ? t('unlock.failed', { count: status.failedAttempts }) : undefined} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="passphrase" label={t('unlock.passphrase')} rules={[{ required: true, message: t('errors.required', { field: t('unlock.passphrase') }) }]}>
            <Input.Password ref={input} autoFocus autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('unlock.submit')}
          </Button>
        </Form>
        <Button type="link" style={{ paddingInline: 0, marginTop: 12 }} onClick={() => setForgot((v) => !v)} aria-expanded={forgot}>
          {t('unlock.forgot')}
        </Button>
        {forgot && (
          <Alert
            type={status.escrowed ? 'info' : 'warning'}
            showIcon
            style={{ marginTop: 8 }}
            title={t(status.escrowed ? 'unlock.forgotEscrow' : 'unlock.forgotNoEscrow', { managerId: status.managerId, workspaceId: status.workspaceId?.slice(0, 8) })}
          />
        )}
      </Card>
    </main>
  );
}
