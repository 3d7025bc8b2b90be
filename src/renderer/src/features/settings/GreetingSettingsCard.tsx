import { App, Button, Card, Form, Input, InputNumber, Radio, Space, Switch } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GreetingSettings } from '../../../../shared/greetings';
import { errorText, invoke } from '../../api';
import { useSession } from '../../session-store';
import type { MergeField } from '../greetings/format';
import { TemplatesCard } from '../greetings/TemplatesCard';
import '../greetings/greetings.css';

/** 祝福设置 (signature, lead days, 29 Feb, optional occasions) and the template editor. */
export function GreetingSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const displayName = useSession((s) => s.status?.displayName ?? '');
  const [settings, setSettings] = useState<GreetingSettings | null>(null);

  useEffect(() => {
    invoke('greetings.settings', {}).then(setSettings, (e) => void message.error(errorText(e)));
  }, [message]);

  async function save(v: GreetingSettings) {
    try {
      setSettings(await invoke('greetings.settings', { ...v, branch: v.branch ?? '' }));
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  // What the length of a template is estimated with: a sample client, this manager and branch.
  const sample = useMemo<Record<MergeField, string>>(
    () => ({ salutation: '王先生', surname: '王', name: '王建国', occasion: '', age: '60', rmName: displayName, branch: settings?.branch ?? '' }),
    [displayName, settings?.branch],
  );

  const lead = (key: keyof GreetingSettings['leadDays'], label: string) => (
    <Form.Item name={['leadDays', key]} label={label} rules={[{ required: true, type: 'integer', min: 0, max: 30 }]}>
      <InputNumber min={0} max={30} aria-label={`${t('greetingSettings.leadDays')} · ${label}`} />
    </Form.Item>
  );
  const toggle = (name: 'lantern' | 'doubleNinth' | 'companyAnniversaries') => (
    <Form.Item name={name} valuePropName="checked" label={t(`greetingSettings.${name}`)} style={{ marginBottom: 12 }}>
      <Switch />
    </Form.Item>
  );

  return (
    <>
      <Card title={t('greetingSettings.title')}>
        {settings && (
          <Form layout="vertical" name="rm-greeting-settings" initialValues={settings} onFinish={save} requiredMark={false}>
            <Form.Item name="branch" label={t('greetingSettings.branch')} extra={t('greetingSettings.branchHelp')} rules={[{ max: 40 }]}>
              <Input maxLength={40} style={{ maxWidth: 320 }} />
            </Form.Item>
            <Form.Item label={t('greetingSettings.leadDays')} extra={t('greetingSettings.leadHelp')} style={{ marginBottom: 8 }}>
              <Space wrap size="middle">
                {lead('birthday', t('greetingSettings.leadBirthday'))}
                {lead('holiday', t('greetingSettings.leadHoliday'))}
              </Space>
            </Form.Item>
            <Form.Item name="feb29" label={t('greetingSettings.feb29')}>
              <Radio.Group
                aria-label={t('greetingSettings.feb29')}
                options={[
                  { value: 'feb28', label: t('greetingSettings.feb28') },
                  { value: 'mar1', label: t('greetingSettings.mar1') },
                ]}
              />
            </Form.Item>
            <Space wrap size={32}>
              {toggle('lantern')}
              {toggle('doubleNinth')}
              {toggle('companyAnniversaries')}
            </Space>
            <div>
              <Button type="primary" htmlType="submit">{t('greetingSettings.save')}</Button>
            </div>
          </Form>
        )}
      </Card>
      <TemplatesCard sample={sample} />
    </>
  );
}
