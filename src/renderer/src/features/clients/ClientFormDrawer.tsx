import { Alert, App, Button, Drawer, Form, Input, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../../shared/clients';
import { isHqOwned } from '../../../../shared/sync';
import { RmError, errorText, invoke } from '../../api';
import { ClientFormFields } from './ClientFormFields';
import { fieldErrors } from './format';
import { FORM_FIELDS, NEW_CLIENT, toClientInput, toFormValues, toPatch, type FormValues } from './form-values';

type State = { mode: 'create' } | { mode: 'edit'; detail: ClientDetail } | null;

interface Props {
  state: State;
  onClose(): void;
  /** `proposed`: HQ-owned fields sent to head office as a change request instead of being changed. */
  onSaved(detail: ClientDetail, created: boolean, proposed?: string[]): void;
}

/** Create and edit share one form; the core's per-field reasons appear under the matching field. */
export function ClientFormDrawer({ state, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const editing = state?.mode === 'edit' ? state.detail : null;
  // HQ-owned fields the manager changed on a client HQ manages: they need a reason for head office.
  const [hqChanged, setHqChanged] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState(false);
  const noteRef = useRef<TextAreaRef>(null);

  // Each opening starts clean: the drawer destroys the form when hidden, and it remounts with these values.
  const initialValues = useMemo(() => (editing ? toFormValues(editing) : NEW_CLIENT), [editing]);
  // Keyed on what is open, not on the state object (hosts build a new one on every render).
  const mode = state?.mode ?? null;
  useEffect(() => {
    setProblem(null);
    setHqChanged([]);
    setNote('');
    setNoteError(false);
  }, [mode, editing]);

  function trackHqChanges() {
    if (!editing?.hqManaged) return;
    const changed = Object.keys(toPatch(form.getFieldsValue(true) as FormValues, editing)).filter(isHqOwned);
    setHqChanged((before) => (before.join() === changed.join() ? before : changed));
  }

  async function submit(values: FormValues) {
    const patch = editing ? toPatch(values, editing) : null;
    const proposed = editing?.hqManaged && patch ? Object.keys(patch).filter(isHqOwned) : [];
    if (proposed.length && !note.trim()) {
      setHqChanged(proposed);
      setNoteError(true);
      noteRef.current?.focus();
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      const saved =
        editing && patch
          ? await invoke('clients.update', { id: editing.id, rev: editing.rev, patch, ...(proposed.length ? { proposalNote: note.trim() } : {}) })
          : await invoke('clients.create', { client: toClientInput(values) });
      onSaved(saved, !editing, proposed);
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
        <>
          {hqChanged.length > 0 && (
            <ProposalNote
              fields={hqChanged.map((f) => t(`clientFields.${f}`)).join(t('hqFields.listSep'))}
              note={note}
              error={noteError}
              inputRef={noteRef}
              onChange={(v) => {
                setNote(v);
                if (v.trim()) setNoteError(false);
              }}
            />
          )}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('clientForm.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>{t('clientForm.save')}</Button>
          </Space>
        </>
      }
    >
      {problem && <Alert role="alert" type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      {editing?.hqManaged && <Alert type="info" showIcon title={t('hqFields.managed')} style={{ marginBottom: 16 }} />}
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
          trackHqChanges();
        }}
      >
        <ClientFormFields form={form} editing={editing} />
      </Form>
    </Drawer>
  );
}

/** 变更说明: why an HQ-owned field changed, sent to head office with the change request. Required before saving. */
function ProposalNote({ fields, note, error, inputRef, onChange }: { fields: string; note: string; error: boolean; inputRef: Ref<TextAreaRef>; onChange(v: string): void }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Paragraph style={{ marginBottom: 6, color: '#873800' }}>{t('hqFields.changed', { fields })}</Typography.Paragraph>
      <label htmlFor="rm-proposal-note" style={{ display: 'block', marginBottom: 4 }}>
        <span aria-hidden style={{ color: '#c41d1f', marginInlineEnd: 4 }}>*</span>
        {t('hqFields.note')}
      </label>
      <Input.TextArea
        id="rm-proposal-note"
        ref={inputRef}
        value={note}
        onChange={(e) => onChange(e.target.value)}
        maxLength={500}
        autoSize={{ minRows: 2, maxRows: 4 }}
        placeholder={t('hqFields.notePlaceholder')}
        status={error ? 'error' : undefined}
        aria-required
        aria-invalid={error}
        aria-describedby={error ? 'rm-proposal-note-error' : undefined}
      />
      {error && (
        <div id="rm-proposal-note-error" role="alert" style={{ color: '#c41d1f', marginTop: 4 }}>
          {t('hqFields.noteRequired')}
        </div>
      )}
    </div>
  );
}
