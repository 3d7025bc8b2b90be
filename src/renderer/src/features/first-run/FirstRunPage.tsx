import { Alert, Button, Card, Checkbox, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RmError, errorText, invoke } from '../../api';
import { passphraseRules } from '../../components/passphrase-rules';
import { useSession } from '../../session-store';
import { RestoreFromBackup } from './RestoreFromBackup';

const DEMO_CLIENTS = 300;
const DEMO_SEED = 20261122;

interface Values {
  managerId: string;
  displayName: string;
  passphrase: string;
  confirm: string;
  demo: boolean;
}

export function FirstRunPage() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setStatus = useSession((s) => s.setStatus);
  const managerId = Form.useWatch('managerId', form);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
      const status = await invoke('workspace.create', { managerId: v.managerId, displayName: v.displayName, passphrase: v.passphrase, locale });
      if (v.demo) await invoke('demo.load', { clients: DEMO_CLIENTS, seed: DEMO_SEED });
      setStatus(status);
    } catch (e) {
      if (e instanceof RmError && e.value.field) {
        form.setFields([{ name: e.value.field === 'passphrase' ? 'passphrase' : (e.value.field as keyof Values), errors: [e.text] }]);
      } else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="rm-center">
      <Card style={{ width: 480 }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>{t('firstRun.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('firstRun.intro')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="managerId" label={t('firstRun.managerId')} extra={t('firstRun.managerIdHelp')} rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{1,31}$/, message: t('firstRun.managerIdHelp') }]}>
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item name="displayName" label={t('firstRun.displayName')} rules={[{ required: true, whitespace: true, message: t('errors.required', { field: t('firstRun.displayName') }) }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item name="passphrase" label={t('firstRun.passphrase')} extra={t('firstRun.passphraseHelp')} rules={passphraseRules(t, managerId)} hasFeedback>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('firstRun.confirm')}
            dependencies={['passphrase']}
            rules={[
              { required: true, message: t('errors.required', { field: t('firstRun.confirm') }) },
              ({ getFieldValue }) => ({
                validator: (_r, value) => (!value || value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('errors.PASSPHRASE_MISMATCH')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="demo" valuePropName="checked" initialValue={false}>
            <Checkbox>{t('firstRun.demo')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('firstRun.submit')}
          </Button>
        </Form>
        <RestoreFromBackup />
      </Card>
    </main>
  );
}
