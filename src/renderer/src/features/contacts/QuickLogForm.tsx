import { DownOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, ConfigProvider, Form, Input, Radio, Row, Select, Space, Typography, type RefSelectProps } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES, CONTACT_PURPOSES } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';
import { CapAlerts } from './CapAlerts';
import { ClientPicker } from './ClientPicker';
import { QuickLogMore } from './QuickLogMore';
import { carriesOutFollowup, contactInput, initialValues, useCapCheck, type QuickLogValues } from './quick-log-values';
import { useQuickLog, type QuickLogTarget } from './quick-log-store';

/** Tighter than a full-page form: the whole quick log fits on a 1280×800 screen. */
const COMPACT = { components: { Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 4px' } } };

/** Enter that is not finishing an IME composition (Chinese input confirms candidates with Enter). */
const plainEnter = (e: KeyboardEvent) => e.key === 'Enter' && !e.nativeEvent.isComposing && !e.shiftKey && !e.altKey;

/** The title of the follow-up this contact carries out, for the hint under the form. */
function useFollowupTitle(id: string | undefined): string | null {
  const [title, setTitle] = useState<string | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    invoke('followups.get', { id })
      .then((f) => live && setTitle(f.title))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);
  return id ? title : null;
}

/**
 * 快速记录联系. The fast path is keyboard only: type the client's initials, Enter picks the
 * first match and moves to the notes, Enter (or Ctrl+Enter anywhere) saves.
 */
export function QuickLogForm({ target, onDone }: { target: QuickLogTarget; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuickLogValues>();
  const init = useMemo(() => initialValues(target), [target]);
  const clientId = (Form.useWatch('clientId', form) as string | undefined) ?? target.clientId;
  const direction = Form.useWatch('direction', form) ?? init.direction;
  const purpose = Form.useWatch('purpose', form) ?? init.purpose;
  const outcome = Form.useWatch('outcome', form) ?? init.outcome;
  const next = Form.useWatch('next', form) ?? false;
  const [clientName, setClientName] = useState(target.clientName ?? '');
  const [more, setMore] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const pickerRef = useRef<RefSelectProps>(null);
  const notesRef = useRef<TextAreaRef>(null);
  const cap = useCapCheck(clientId, direction, purpose);
  const followupTitle = useFollowupTitle(target.followupId);

  // Focus where typing starts: the client search, or the notes when the client is given.
  useEffect(() => {
    const timer = setTimeout(() => (target.clientId ? notesRef.current?.focus() : pickerRef.current?.focus()), 0);
    return () => clearTimeout(timer);
  }, [target.clientId]);

  async function save(override: boolean) {
    if (busy.current) return;
    const values = form.getFieldsValue(true) as QuickLogValues;
    const id = values.clientId ?? target.clientId;
    if (!id) {
      setError(t('quickLog.clientRequired'));
      pickerRef.current?.focus();
      return;
    }
    if (values.next) {
      setMore(true);
      try {
        await form.validateFields(['nextDue', 'nextTitle']);
      } catch {
        return;
      }
    }
    busy.current = true;
    setSaving(true);
    setError(null);
    try {
      // Checked again right before saving: the cap counts contacts logged a moment ago too.
      const check = await invoke('contacts.checkCap', { clientId: id, direction: values.direction, purpose: values.purpose });
      cap.set(check);
      if (check.blocked || (check.overCap && !override)) return;
      const r = await invoke('contacts.log', contactInput(values, id, target, override));
      const sep = i18n.language === 'en' ? ' · ' : '；';
      const parts = [t('quickLog.saved', { name: clientName, outcome: t(`contactOutcomes.${values.outcome}`) })];
      if (r.nextDue) parts.push(t('quickLog.nextDueMsg', { date: r.nextDue }));
      if (r.createdFollowupId && values.nextDue) parts.push(t('quickLog.nextStepAdded', { date: values.nextDue.format('YYYY-MM-DD'), title: values.nextTitle?.trim() ?? '' }));
      void message.success(parts.join(sep));
      if (r.suspect) void message.warning(t('quickLog.suspect'), 8);
      useQuickLog.getState().saved();
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }

  // Ctrl+Enter (Cmd+Enter) saves from anywhere while the quick log is open, even before focus is inside it.
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.isComposing) {
        e.preventDefault();
        void saveRef.current(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const stopped = !!cap.check?.blocked || !!cap.check?.overCap;
  const options = <T extends string>(values: readonly T[], group: string) => values.map((v) => ({ value: v, label: t(`${group}.${v}`) }));

  return (
    <div>
      <ConfigProvider theme={COMPACT}>
        <Form form={form} name="quickLog" layout="vertical" requiredMark={false} initialValues={init} style={{ marginTop: 12 }}>
          {/* A given client is named in the modal title. */}
          {!target.clientId && (
            <Form.Item name="clientId" label={t('quickLog.client')}>
              <ClientPicker
                ref={pickerRef}
                onPicked={(row) => {
                  setClientName(row.name);
                  setError(null);
                  setTimeout(() => notesRef.current?.focus(), 0);
                }}
              />
            </Form.Item>
          )}
          <Form.Item name="outcome" label={t('quickLog.outcome')}>
            <Radio.Group aria-label={t('quickLog.outcome')} optionType="button" buttonStyle="solid" options={options(CONTACT_OUTCOMES, 'contactOutcomes')} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }} />
          </Form.Item>
          <Form.Item name="channel" label={t('quickLog.channel')}>
            <Radio.Group aria-label={t('quickLog.channel')} optionType="button" buttonStyle="solid" options={options(CONTACT_CHANNELS, 'contactChannels')} style={{ display: 'flex', flexWrap: 'wrap', rowGap: 6 }} />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="purpose" label={t('quickLog.purpose')}>
                <Select options={options(CONTACT_PURPOSES, 'contactPurposes')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="direction" label={t('quickLog.direction')}>
                <Select options={options(CONTACT_DIRECTIONS, 'contactDirections')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label={t('quickLog.notes')} style={{ marginBottom: 8 }}>
            <Input.TextArea
              ref={notesRef}
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={4000}
              placeholder={t('quickLog.notesPlaceholder')}
              onKeyDown={(e) => {
                if (plainEnter(e) && !e.ctrlKey && !e.metaKey) {
                  e.preventDefault();
                  void save(false);
                }
              }}
            />
          </Form.Item>
          <Button color="primary" variant="link" size="small" aria-expanded={more} icon={more ? <DownOutlined aria-hidden /> : <RightOutlined aria-hidden />} onClick={() => setMore(!more)} style={{ padding: 0, marginBottom: more ? 12 : 0 }}>
            {t('quickLog.more')}
          </Button>
          {more && <QuickLogMore next={next} onEnter={() => void save(false)} />}
        </Form>
      </ConfigProvider>
      {(followupTitle || cap.check?.blocked || cap.check?.overCap || error || cap.error) && (
        <Space orientation="vertical" size={8} style={{ width: '100%', marginTop: 12 }}>
          {followupTitle && (
            <Typography.Text type="secondary">
              {carriesOutFollowup(outcome) ? t('quickLog.followupLinked', { title: followupTitle }) : t('quickLog.followupStaysOpen', { title: followupTitle })}
            </Typography.Text>
        )}
        {cap.check && <CapAlerts check={cap.check} saving={saving} onOverride={() => void save(true)} />}
        {(error ?? cap.error) && <Alert role="alert" type="error" showIcon title={error ?? cap.error} />}
      </Space>
      )}
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 12, marginTop: 16 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('quickLog.keys')}</Typography.Text>
        <Space>
          <Button onClick={onDone}>{t('quickLog.cancel')}</Button>
          <Button type="primary" loading={saving} disabled={stopped} onClick={() => void save(false)}>
            {t('quickLog.save')}
          </Button>
        </Space>
      </div>
    </div>
  );
}
