import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GREETING_CHANNELS, type GreetingChannel } from '../../../../shared/greetings';
import { errorText, invoke } from '../../api';
import { downloadText } from '../../components/download';
import { toRef } from './format';
import { useGreetings } from './greetings-store';

interface Props {
  open: boolean;
  onClose(): void;
}

const SKIP_PRESETS = ['inPerson', 'phone', 'gift', 'later'] as const;

function useBatch() {
  const selected = useGreetings((s) => s.selected);
  const rows = [...selected.values()];
  return { rows, refs: rows.map(toRef), count: rows.length };
}

/** After a mark: the rows change status, the selection is spent. */
function refresh() {
  const s = useGreetings.getState();
  s.clearSelection();
  void s.load();
}

/** 导出短信平台 CSV: says the file holds mobile numbers and that the export is audited, then downloads it. */
export function ExportModal({ open, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { refs, count } = useBatch();
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const r = await invoke('greetings.exportCsv', { items: refs });
      downloadText(r.fileName, r.content, 'text/csv;charset=utf-8');
      const missing = count - r.count;
      void message.success(missing > 0 ? t('greetingsPage.exportedMissing', { count: r.count, missing }) : t('greetingsPage.exported', { count: r.count }));
      onClose();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('greetingsPage.exportTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('greetingsPage.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void run()}>{t('greetingsPage.exportOk')}</Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('greetingsPage.exportBody', { count })}</Typography.Paragraph>
        <Alert type="warning" showIcon title={t('greetingsPage.exportAudit')} />
        <Typography.Text type="secondary">{t('greetingsPage.exportOnlyPending')}</Typography.Text>
      </Space>
    </Modal>
  );
}

/** 标记已发送: each becomes a contact attempt in the client's history; the channel can be set for all. */
export function MarkModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refs, count } = useBatch();
  const [channel, setChannel] = useState<GreetingChannel | ''>('');
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    try {
      const r = await invoke('greetings.mark', { items: refs, status: 'sent', channel: channel || undefined });
      const parts = [t('greetingsPage.marked', { count: r.sent }), r.unchanged ? t('greetingsPage.unchanged', { count: r.unchanged }) : null].filter(Boolean);
      void message.success(parts.join(i18n.language === 'en' ? '; ' : '；'));
      onClose();
      refresh();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('greetingsPage.markTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('greetingsPage.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => void run()}>{t('greetingsPage.markOk')}</Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('greetingsPage.markBody', { count })}</Typography.Paragraph>
        <div>
          <Typography.Text id="rm-gmark-channel" strong style={{ display: 'block', marginBottom: 8 }}>{t('greetingsPage.markChannel')}</Typography.Text>
          <Radio.Group
            aria-labelledby="rm-gmark-channel"
            value={channel}
            onChange={(e) => setChannel(e.target.value as GreetingChannel | '')}
            options={[{ value: '', label: t('greetingsPage.channelAsIs') }, ...GREETING_CHANNELS.map((c) => ({ value: c, label: t(`greetingsPage.channels.${c}`) }))]}
          />
        </div>
      </Space>
    </Modal>
  );
}

/** 跳过: with the manager's reason (a few common ones one click away). */
export function SkipModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refs, count } = useBatch();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function run({ reason }: { reason: string }) {
    setBusy(true);
    try {
      const r = await invoke('greetings.mark', { items: refs, status: 'skipped', reason: reason.trim() });
      const parts = [t('greetingsPage.skipped', { count: r.skipped }), r.unchanged ? t('greetingsPage.unchanged', { count: r.unchanged }) : null].filter(Boolean);
      void message.success(parts.join(i18n.language === 'en' ? '; ' : '；'));
      onClose();
      refresh();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title={t('greetingsPage.skipTitle')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('greetingsPage.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>{t('greetingsPage.skipOk')}</Button>,
      ]}
    >
      <Typography.Paragraph>{t('greetingsPage.skipBody', { count })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void run(v)} requiredMark={false} preserve={false}>
        <Form.Item name="reason" label={t('greetingsPage.skipReason')} rules={[{ required: true, whitespace: true, message: t('greetingsPage.skipReasonRequired') }, { max: 200 }]}>
          <Input placeholder={t('greetingsPage.skipReasonPlaceholder')} maxLength={200} autoFocus />
        </Form.Item>
        <Space size={6} wrap>
          {SKIP_PRESETS.map((p) => (
            <Button key={p} size="small" onClick={() => form.setFieldsValue({ reason: t(`greetingsPage.skipPresets.${p}`) })}>
              {t(`greetingsPage.skipPresets.${p}`)}
            </Button>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
