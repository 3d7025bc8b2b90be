import { App, Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract';
import { RmError, errorText, invoke } from '../../api';
import { passphraseRules } from '../../components/passphrase-rules';
import { useSession } from '../../session-store';
import { ContactSettingsCard } from './ContactSettingsCard';
import { GreetingSettingsCard } from './GreetingSettingsCard';
import { HqSyncCard } from './HqSyncCard';
import { BackupCard } from './BackupCard';

export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [pwForm] = Form.useForm<{ current: string; next: string; confirm: string }>();
  const { refresh, status } = useSession();

  useEffect(() => {
    invoke('settings.get', {}).then(setSettings, (e) => void message.error(errorText(e)));
  }, [message]);

  async function save(v: Settings) {
    try {
      setSettings(await invoke('settings.update', v));
      await refresh();
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  async function changePassphrase(v: { current: string; next: string }) {
    try {
      await invoke('workspace.changePassphrase', { current: v.current, next: v.next });
      pwForm.resetFields();
      void message.success(t('settings.changed'));
    } catch (e) {
      if (e instanceof RmError && (e.value.field === 'current' || e.value.field === 'next')) pwForm.setFields([{ name: e.value.field, errors: [e.text] }]);
      else void message.error(errorText(e));
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 640 }}>
      <Card title={t('settings.general')}>
        {settings && (
          <Form layout="vertical" initialValues={settings} onFinish={save}>
            <Form.Item name="locale" label={t('settings.language')}>
              <Select aria-label={t('settings.language')} options={[{ value: 'zh-CN', label: '简体中文' }, { value: 'en', label: 'English' }]} />
            </Form.Item>
            <Form.Item name="autoLockMinutes" label={t('settings.autoLock')} rules={[{ required: true, type: 'integer', min: 1, max: 240 }]}>
              <InputNumber min={1} max={240} />
            </Form.Item>
            <Button type="primary" htmlType="submit">{t('settings.save')}</Button>
          </Form>
        )}
      </Card>
      <HqSyncCard />
      <BackupCard />
      <ContactSettingsCard />
      <GreetingSettingsCard />
      <Card title={t('settings.passphrase')}>
        <Form form={pwForm} layout="vertical" onFinish={changePassphrase} requiredMark={false}>
          <Form.Item name="current" label={t('settings.current')} rules={[{ required: true, message: t('errors.required', { field: t('settings.current') }) }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="next" label={t('settings.next')} rules={passphraseRules(t, status?.managerId ?? undefined)}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('settings.confirm')}
            dependencies={['next']}
            rules={[({ getFieldValue }) => ({ validator: (_r, v) => (v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('errors.PASSPHRASE_MISMATCH')))) })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">{t('settings.change')}</Button>
        </Form>
      </Card>
    </Space>
  );
}
