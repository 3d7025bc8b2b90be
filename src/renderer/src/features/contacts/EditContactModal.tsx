import { Alert, Form, Input, InputNumber, Modal, Rate, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES, CONTACT_PURPOSES, type ContactRecord } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';

type Values = Pick<ContactRecord, 'channel' | 'direction' | 'outcome' | 'purpose' | 'notes' | 'durationMinutes' | 'satisfaction'>;

/** Corrects a logged contact; the core keeps the original values in the audit entry. */
export function EditContactModal({ contact, onClose, onSaved }: { contact: ContactRecord | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (contact) form.setFieldsValue(contact);
    setError(null);
  }, [contact, form]);

  async function save(v: Values) {
    if (!contact) return;
    setSaving(true);
    try {
      await invoke('contacts.update', { id: contact.id, rev: contact.rev, patch: { ...v, notes: v.notes ?? null, durationMinutes: v.durationMinutes ?? null, satisfaction: v.satisfaction || null } });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  const options = (group: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${group}.${value}`) }));
  return (
    <Modal open={contact !== null} title={t('contactEdit.title')} onCancel={onClose} onOk={() => form.submit()} okText={t('contactEdit.save')} cancelText={t('contactEdit.cancel')} confirmLoading={saving} destroyOnHidden>
      <Alert type="info" showIcon title={t('contactEdit.auditNote')} style={{ marginBottom: 16 }} />
      {error && <Alert role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={save}>
        <Form.Item name="outcome" label={t('contactEdit.outcome')}>
          <Select options={options('contactOutcomes', CONTACT_OUTCOMES)} />
        </Form.Item>
        <Form.Item name="channel" label={t('contactEdit.channel')}>
          <Select options={options('contactChannels', CONTACT_CHANNELS)} />
        </Form.Item>
        <Form.Item name="purpose" label={t('contactEdit.purpose')}>
          <Select options={options('contactPurposes', CONTACT_PURPOSES)} />
        </Form.Item>
        <Form.Item name="direction" label={t('contactEdit.direction')}>
          <Select options={options('contactDirections', CONTACT_DIRECTIONS)} />
        </Form.Item>
        <Form.Item name="notes" label={t('contactEdit.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="durationMinutes" label={t('contactEdit.duration')}>
          <InputNumber min={0} max={1440} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('contactEdit.satisfaction')}>
          <Rate aria-label={t('contactEdit.satisfaction')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
