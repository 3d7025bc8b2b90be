import { Button, Form, Input, Modal, Select, Space, Switch, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GREETING_CHANNELS, OCCASION_KINDS, type GreetingTemplateInput } from '../../../../shared/greetings';
import { MERGE_FIELDS, type MergeField } from './format';
import { TemplateLength } from './TemplateLength';

type Values = Omit<GreetingTemplateInput, 'id'>;

interface Props {
  /** The template being edited, or a new one (id ''); null when closed. */
  template: GreetingTemplateInput | null;
  /** Saves; resolves to the core's error sentence for the text field, or null when saved. */
  onSave(t: GreetingTemplateInput): Promise<string | null>;
  onClose(): void;
  sample: Record<MergeField, string>;
}

/** One template: occasion, channel, marketing and milestone flags, the text with merge-field chips and its SMS length. */
export function TemplateModal({ template, onSave, onClose, sample }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const area = useRef<TextAreaRef>(null);
  const [busy, setBusy] = useState(false);
  const text = Form.useWatch('text', form) ?? '';
  const occasion = Form.useWatch('occasion', form);
  const channel = Form.useWatch('channel', form);

  /** Puts {{field}} where the cursor is (or at the end), and the cursor after it. */
  function insert(field: MergeField) {
    const el = area.current?.resizableTextArea?.textArea;
    const current: string = form.getFieldValue('text') ?? '';
    const token = `{{${field}}}`;
    const start = el?.selectionStart ?? current.length;
    const end = el?.selectionEnd ?? current.length;
    form.setFields([{ name: 'text', value: current.slice(0, start) + token + current.slice(end), errors: [] }]);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + token.length, start + token.length);
    });
  }

  async function save(v: Values) {
    if (!template) return;
    setBusy(true);
    const id = template.id || `${v.occasion}-${v.channel}-${Date.now().toString(36)}`;
    const milestone = v.occasion === 'birthday' && v.milestone ? true : undefined;
    const error = await onSave({ id, occasion: v.occasion, channel: v.channel, marketing: v.marketing, text: v.text, ...(milestone ? { milestone } : {}) });
    setBusy(false);
    if (error) form.setFields([{ name: 'text', errors: [error] }]);
  }

  const occasionName = occasion && occasion !== 'any' ? t(`occasionNames.${occasion}`) : t('occasionNames.lantern');
  return (
    <Modal
      open={template !== null}
      title={template?.id ? t('greetingTemplates.editTitle') : t('greetingTemplates.addTitle')}
      width={640}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{t('greetingTemplates.cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>{t('greetingTemplates.save')}</Button>,
      ]}
    >
      <Form form={form} name="rm-template" layout="vertical" onFinish={(v) => void save(v)} requiredMark={false} initialValues={template ? { ...template, milestone: template.milestone ?? false } : undefined}>
        <Space size={16} wrap align="start">
          <Form.Item name="occasion" label={t('greetingTemplates.occasion')}>
            <Select
              style={{ width: 180 }}
              options={[...OCCASION_KINDS.map((k) => ({ value: k, label: t(`occasionNames.${k}`) })), { value: 'any', label: t('greetingTemplates.anyOccasion') }]}
            />
          </Form.Item>
          <Form.Item name="channel" label={t('greetingTemplates.channel')}>
            <Select style={{ width: 110 }} options={GREETING_CHANNELS.map((c) => ({ value: c, label: t(`greetingsPage.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="marketing" label={t('greetingTemplates.marketingLabel')} valuePropName="checked" tooltip={t('greetingTemplates.marketingHelp')}>
            <Switch />
          </Form.Item>
          {occasion === 'birthday' && (
            <Form.Item name="milestone" label={t('greetingTemplates.milestoneLabel')} valuePropName="checked" tooltip={t('greetingTemplates.milestoneHelp')}>
              <Switch />
            </Form.Item>
          )}
        </Space>
        <div style={{ marginBottom: 8 }}>
          <Typography.Text id="rm-tpl-fields" style={{ marginRight: 8 }}>{t('greetingTemplates.fields')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('greetingTemplates.fieldsHelp')}</Typography.Text>
          <div className="rm-gfield-chips" role="group" aria-labelledby="rm-tpl-fields" style={{ marginTop: 6 }}>
            {MERGE_FIELDS.map((f) => (
              <Button key={f} size="small" onClick={() => insert(f)} title={`{{${f}}}`}>
                {t(`greetingTemplates.fieldNames.${f}`)}
                <code style={{ fontSize: 11, color: 'rgba(0, 0, 0, 0.62)' }}>{`{{${f}}}`}</code>
              </Button>
            ))}
          </div>
        </div>
        <Form.Item
          name="text"
          label={t('greetingTemplates.text')}
          rules={[{ required: true, whitespace: true, message: t('greetingTemplates.textRequired') }, { max: 1000 }]}
          extra={channel === 'sms' ? <TemplateLength text={text} sample={{ ...sample, occasion: occasionName }} hint /> : undefined}
        >
          <Input.TextArea ref={area} autoSize={{ minRows: 4, maxRows: 10 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
