import { Alert, App, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorValue } from '../../../../shared/errors';
import { CONTACT_PURPOSES, MANUAL_FOLLOWUP_TYPES, type ContactRecord, type FollowupInput, type ManualFollowupType } from '../../../../shared/followups';
import { instantLabel } from '../today/format';
import { invoke, RmError, errorText } from '../../api';

interface Values {
  clientId: string;
  type: ManualFollowupType;
  due: Dayjs;
  title: string;
  purpose?: string;
  attendees?: string[];
  talkingPoints?: string;
  receivedOn?: Dayjs;
}

interface Props {
  open: boolean;
  onClose(): void;
  onCreated(date: string): void;
}

const SEARCH_DEBOUNCE_MS = 250;

/** 新建跟进: a call, visit, meeting, maturity, post-loan check or complaint reply for one client. */
export function NewFollowupModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const [clients, setClients] = useState<{ value: string; label: string }[]>([]);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<AppErrorValue | null>(null);
  const [recent, setRecent] = useState<ContactRecord[]>([]);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!open) return;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      invoke('clients.list', { query: query.trim() || undefined, limit: 10 })
        .then((r) => setClients(r.rows.map((c) => ({ value: c.id, label: c.mobileMasked ? `${c.name}（${c.mobileMasked}）` : c.name }))))
        .catch(() => setClients([]));
    }, query ? SEARCH_DEBOUNCE_MS : 0);
    return () => clearTimeout(timer.current);
  }, [open, query]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ type: 'call', due: dayjs() });
    setProblem(null);
    setQuery('');
  }, [open, form]);

  async function save(overrideCap: boolean) {
    const v = await form.validateFields();
    const input: FollowupInput = {
      clientId: v.clientId,
      type: v.type,
      due: v.due.format('YYYY-MM-DD'),
      title: v.title,
      purpose: v.purpose ?? null,
      attendees: v.attendees ?? [],
      talkingPoints: v.talkingPoints?.trim() || null,
      receivedOn: v.type === 'complaint' && v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : null,
      overrideCap,
    };
    setBusy(true);
    setProblem(null);
    try {
      const r = await invoke('followups.create', input);
      void message.success(t('calendarPage.form.created', { date: r.date }));
      onCreated(r.date);
    } catch (e) {
      if (e instanceof RmError && (e.value.code === 'CONTACT_CAP' || e.value.code === 'CONTACT_BLOCKED')) {
        setProblem(e.value);
        // Over the cap: list the contacts of the 7 days up to the planned day, as the quick log does.
        if (e.value.code === 'CONTACT_CAP') {
          const at = v.due.endOf('day').toISOString();
          setRecent(await invoke('contacts.checkCap', { clientId: v.clientId, at }).then((c) => c.recent, () => []));
        }
      } else void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const problemText = problem ? new RmError(problem).text : '';
  const required = (field: string) => [{ required: true, message: t('calendarPage.form.required', { field: t(`calendarPage.form.${field}`) }) }];

  return (
    <Modal
      open={open}
      title={t('calendarPage.form.title')}
      width={620}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>{t('calendarPage.form.cancel')}</Button>,
        <Button key="save" type="primary" loading={busy} onClick={() => void save(false).catch(() => undefined)}>{t('calendarPage.form.save')}</Button>,
      ]}
    >
      {problem?.code === 'CONTACT_CAP' && (
        <Alert
          role="alert"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendarPage.form.capTitle')}
          description={
            <>
              <div>{problemText}</div>
              {recent.length > 0 && (
                <ul style={{ margin: '6px 0 0', paddingInlineStart: 20 }}>
                  {recent.map((c) => (
                    <li key={c.id} style={{ fontVariantNumeric: 'tabular-nums' }}>
                      {instantLabel(c.at)} · {t(`contactChannels.${c.channel}`)} · {t(`contactOutcomes.${c.outcome}`)} · {t(`contactPurposes.${c.purpose}`)}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
          action={<Button size="small" danger loading={busy} onClick={() => void save(true).catch(() => undefined)}>{t('calendarPage.form.capOverride')}</Button>}
        />
      )}
      {problem?.code === 'CONTACT_BLOCKED' && <Alert role="alert" type="error" showIcon style={{ marginBottom: 16 }} title={t('calendarPage.form.blockedTitle')} description={problemText} />}
      <Form form={form} layout="vertical" requiredMark onValuesChange={() => problem && setProblem(null)}>
        <Form.Item name="clientId" label={t('calendarPage.form.client')} rules={required('client')}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQuery }}
            placeholder={t('calendarPage.form.clientPlaceholder')}
            notFoundContent={t('calendarPage.form.noClients')}
            options={clients}
          />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="type" label={t('calendarPage.form.type')} rules={required('type')} style={{ flex: 1 }}>
            <Select options={MANUAL_FOLLOWUP_TYPES.map((v) => ({ value: v, label: t(`followupTypes.${v}`) }))} />
          </Form.Item>
          <Form.Item name="due" label={t('calendarPage.form.due')} rules={required('due')} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          {type === 'complaint' && (
            <Form.Item name="receivedOn" label={t('calendarPage.form.receivedOn')} tooltip={t('calendarPage.form.receivedHelp')} rules={required('receivedOn')} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          )}
        </div>
        <Form.Item name="title" label={t('calendarPage.form.subject')} rules={[...required('subject'), { max: 200 }]}>
          <Input placeholder={t('calendarPage.form.subjectPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item name="purpose" label={t('calendarPage.form.purpose')}>
          <Select allowClear options={CONTACT_PURPOSES.map((p) => ({ value: p, label: t(`contactPurposes.${p}`) }))} />
        </Form.Item>
        <Form.Item name="attendees" label={t('calendarPage.form.attendees')} extra={t('calendarPage.form.attendeesHelp')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', '、']} />
        </Form.Item>
        <Form.Item name="talkingPoints" label={t('calendarPage.form.talkingPoints')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
