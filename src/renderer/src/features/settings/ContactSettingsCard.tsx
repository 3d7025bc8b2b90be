import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSettings } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';

/** The contact cap and the keep-in-touch interval per tier (domain.md §2). */
export function ContactSettingsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [settings, setSettings] = useState<ContactSettings | null>(null);

  useEffect(() => {
    invoke('contacts.settings', {}).then(setSettings, (e) => void message.error(errorText(e)));
  }, [message]);

  async function save(v: ContactSettings) {
    try {
      setSettings(await invoke('contacts.settings', v));
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(errorText(e));
    }
  }

  const days = (name: keyof ContactSettings['cadence'], label: string, max: number) => (
    <Form.Item name={['cadence', name]} label={label} rules={[{ required: true, type: 'integer', min: 1, max }]}>
      <InputNumber min={1} max={max} aria-label={`${t('contactSettings.cadence')} · ${label}`} />
    </Form.Item>
  );

  return (
    <Card title={t('contactSettings.title')}>
      {settings && (
        <Form layout="vertical" initialValues={settings} onFinish={save}>
          <Form.Item name="contactCap" label={t('contactSettings.cap')} extra={t('contactSettings.capHelp')} rules={[{ required: true, type: 'integer', min: 1, max: 14 }]}>
            <InputNumber min={1} max={14} />
          </Form.Item>
          <Form.Item label={t('contactSettings.cadence')} extra={t('contactSettings.cadenceHelp')} style={{ marginBottom: 8 }}>
            <Space wrap size="middle">
              {days('A', t('contactSettings.tierA'), 365)}
              {days('B', t('contactSettings.tierB'), 365)}
              {days('C', t('contactSettings.tierC'), 730)}
              {days('default', t('contactSettings.tierNone'), 365)}
            </Space>
          </Form.Item>
          <Button type="primary" htmlType="submit">{t('contactSettings.save')}</Button>
        </Form>
      )}
    </Card>
  );
}
