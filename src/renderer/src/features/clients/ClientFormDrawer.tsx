import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { RmError, errorText, invoke } from '../../api';
import { ClientFormFields } from './ClientFormFields';
import { fieldErrors } from './format';
import { FORM_FIELDS, NEW_CLIENT, toClientInput, toFormValues, toPatch, type FormValues } from './form-values';

type State = { mode: 'create' } | { mode: 'edit'; detail: ClientDetail } | null;

interface Props {
  state: State;
  onClose(): void;
  onSaved(detail: ClientDetail, created: boolean): void;
}

/** Create and edit share one form; the core's per-field reasons appear under the matching field. */
export function ClientFormDrawer({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = state?.mode === 'edit' ? state.detail : null;

  // Each opening starts clean: the drawer destroys the form when hidden, and it remounts with these values.
  const initialValues = useMemo(() => (editing ? toFormValues(editing) : NEW_CLIENT), [editing]);
  useEffect(() => setProblem(null), [state]);

  async function submit(values: FormValues) {
    setSaving(true);
    setProblem(null);
    try {
      const saved = editing
        ? await invoke('clients.update', { id: editing.id, rev: editing.rev, patch: toPatch(values, editing) })
        : await invoke('clients.create', { client: toClientInput(values) });
      onSaved(saved, !editing);
    } catch (e) {
      showError(e);
    } finally {
      setSaving(false);
    }
  }

  function showError(e: unknown) {
    if (!(e instanceof RmError)) return void message.error(errorText(e));
    const byField = fieldErrors(t, e.value);
    const onForm = [...byField].filter(([f]) => FORM_FIELDS.has(f));
    const elsewhere = [...byField].filter(([f]) => !FORM_FIELDS.has(f));
    if (onForm.length === 0 && elsewhere.length === 0) return setProblem(e.text);
    form.setFields(onForm.map(([name, errors]) => ({ name, errors })));
    if (onForm[0]) form.scrollToField(onForm[0][0], { block: 'center' });
    const others = elsewhere.map(([f, errs]) => t('clientForm.fieldError', { field: t(`clientFields.${f.split('.')[0]}`, { defaultValue: f }), reason: errs.join(' / ') })).join(' · ');
    setProblem([t('clientForm.fixFields', { count: byField.size }), others && t('clientForm.otherErrors', { list: others })].filter(Boolean).join(' '));
  }

  return (
    <Drawer
      open={state !== null}
      onClose={onClose}
      size={760}
      title={editing ? `${t('clientForm.editTitle')} · ${editing.name}` : t('clientForm.createTitle')}
      destroyOnHidden
      mask={{ closable: false }}
      closable={{ 'aria-label': t('clientDetail.close') }}
      footer={
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('clientForm.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('clientForm.save')}</Button>
        </Space>
      }
    >
      {problem && <Alert role="alert" type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        initialValues={initialValues}
        layout="vertical"
        requiredMark
        scrollToFirstError={{ block: 'center' }}
        onFinish={(v) => void submit(v)}
        onFinishFailed={() => setProblem(null)}
        onValuesChange={(changed: FormValues) => {
          // A company is identified by its credit code; a person by an ID document.
          if (changed['kind'] === 'company') form.setFieldValue('idType', 'uscc');
          else if (changed['kind'] === 'person' && form.getFieldValue('idType') === 'uscc') form.setFieldValue('idType', 'resident_id');
        }}
      >
        <ClientFormFields form={form} editing={editing} />
      </Form>
    </Drawer>
  );
}
