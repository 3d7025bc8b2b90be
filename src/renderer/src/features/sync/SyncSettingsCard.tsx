import { App, Button, Card, Form, InputNumber, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncSettings } from '../../../../shared/sync';
import { errorText, invoke } from '../../api';
import { useSync } from './sync-store';

type Values = Pick<SyncSettings, 'intervalDays' | 'backlogThreshold' | 'autoExportOnLock'>;

/** How often Today reminds to export, and the automatic export the bank may have set up a folder for. */
export function SyncSettingsCard({ settings }: { settings: SyncSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const dir = settings.autoExportDir;

  async function save(v: Values) {
    setSaving(true);
    try {
      useSync.getState().setSettings(await invoke('sync.settings', { intervalDays: v.intervalDays, backlogThreshold: v.backlogThreshold, ...(dir ? { autoExportOnLock: v.autoExportOnLock } : {}) }));
      void message.success(t('syncPage.saved'));
      void useSync.getState().load();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card title={t('syncPage.settings')}>
      <Form<Values> layout="vertical" name="rm-sync-settings" initialValues={settings} onFinish={(v) => void save(v)} requiredMark={false}>
        <Space wrap size={32} align="start">
          <Form.Item name="intervalDays" label={t('syncPage.intervalDays')} extra={t('syncPage.intervalHelp')} rules={[{ required: true, type: 'integer', min: 1, max: 90 }]} style={{ width: 360 }}>
            <InputNumber min={1} max={90} />
          </Form.Item>
          <Form.Item name="backlogThreshold" label={t('syncPage.backlog')} extra={t('syncPage.backlogHelp')} rules={[{ required: true, type: 'integer', min: 1, max: 1_000_000 }]} style={{ width: 360 }}>
            <InputNumber min={1} max={1_000_000} style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="autoExportOnLock"
          valuePropName="checked"
          label={t('syncPage.autoExport')}
          extra={dir ? t('syncPage.autoExportDir', { dir }) : t('syncPage.autoExportNoDir')}
        >
          <Switch disabled={!dir} aria-label={t('syncPage.autoExport')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>{t('syncPage.saveSettings')}</Button>
      </Form>
    </Card>
  );
}
