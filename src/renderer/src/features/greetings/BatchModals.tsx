import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
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

/** Runs a batch action with a busy button; a failure is shown and the modal stays open. */
function useBatchAction() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  async function go(action: () => Promise<void>) {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return { busy, go };
}

/** The three batch modals share their frame: a title, 取消, and one primary action. */
function BatchModal({ open, onClose, title, okText, busy, onOk, children }: Props & { title: string; okText: string; busy: boolean; onOk(): void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('greetingsPage.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={onOk}>{okText}</Button>,
      ]}
    >
      {children}
    </Modal>
  );
}

/** "N marked" plus, when some were already done, "M unchanged". */
function markedText(done: string, unchanged: number, t: TFunction, lang: string): string {
  return [done, unchanged ? t('greetingsPage.unchanged', { count: unchanged }) : null].filter(Boolean).join(lang === 'en' ? '; ' : '；');
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
  const { busy, go } = useBatchAction();

  const run = () =>
    go(async () => {
      const r = await invoke('greetings.exportCsv', { items: refs });
      downloadText(r.fileName, r.content, 'text/csv;charset=utf-8');
      const missing = count - r.count;
      void message.success(missing > 0 ? t('greetingsPage.exportedMissing', { count: r.count, missing }) : t('greetingsPage.exported', { count: r.count }));
      onClose();
    });

  return (
    <BatchModal open={open} onClose={onClose} title={t('greetingsPage.exportTitle')} okText={t('greetingsPage.exportOk')} busy={busy} onOk={() => void run()}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('greetingsPage.exportBody', { count })}</Typography.Paragraph>
        <Alert type="warning" showIcon title={t('greetingsPage.exportAudit')} />
        <Typography.Text type="secondary">{t('greetingsPage.exportOnlyPending')}</Typography.Text>
      </Space>
    </BatchModal>
  );
}

/** 标记已发送: each becomes a contact attempt in the client's history; the channel can be set for all. */
export function MarkModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refs, count } = useBatch();
  const [channel, setChannel] = useState<GreetingChannel | ''>('');
  const { busy, go } = useBatchAction();

  const run = () =>
    go(async () => {
      const r = await invoke('greetings.mark', { items: refs, status: 'sent', channel: channel || undefined });
      void message.success(markedText(t('greetingsPage.marked', { count: r.sent }), r.unchanged, t, i18n.language));
      onClose();
      refresh();
    });

  return (
    <BatchModal open={open} onClose={onClose} title={t('greetingsPage.markTitle')} okText={t('greetingsPage.markOk')} busy={busy} onOk={() => void run()}>
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
    </BatchModal>
  );
}

/** 跳过: with the manager's reason (a few common ones one click away). */
export function SkipModal({ open, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { refs, count } = useBatch();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, go } = useBatchAction();

  const run = ({ reason }: { reason: string }) =>
    go(async () => {
      const r = await invoke('greetings.mark', { items: refs, status: 'skipped', reason: reason.trim() });
      void message.success(markedText(t('greetingsPage.skipped', { count: r.skipped }), r.unchanged, t, i18n.language));
      onClose();
      refresh();
    });

  return (
    <BatchModal open={open} onClose={onClose} title={t('greetingsPage.skipTitle')} okText={t('greetingsPage.skipOk')} busy={busy} onOk={() => form.submit()}>
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
    </BatchModal>
  );
}
