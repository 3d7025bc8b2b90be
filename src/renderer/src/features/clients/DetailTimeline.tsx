import {
  BankOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  HomeOutlined,
  MailOutlined,
  MessageOutlined,
  PhoneOutlined,
  PlusCircleOutlined,
  VideoCameraOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Skeleton, Space, Timeline, Typography } from 'antd';
import type { TimelineItemType } from 'antd/es/timeline/Timeline';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactChannel, ContactOutcome, ContactRecord, TimelineEntry } from '../../../../shared/followups';
import { ToneTag } from '../../components/ToneTag';
import { errorText, invoke } from '../../api';
import { EditContactModal } from '../contacts/EditContactModal';
import { useQuickLog } from '../contacts/quick-log-store';
import { FOLLOWUP_TONES, instantLabel } from '../today/format';

const PAGE = 30;
const CHANNEL_ICONS: Record<ContactChannel, ReactNode> = {
  phone: <PhoneOutlined />,
  sms: <MessageOutlined />,
  wechat: <WechatOutlined />,
  email: <MailOutlined />,
  visit: <HomeOutlined />,
  branch_meeting: <BankOutlined />,
  video: <VideoCameraOutlined />,
  letter: <FileTextOutlined />,
};
// Dark enough to read on white: reached green, failed grey, refused orange, a message sent blue.
const OUTCOME_COLORS: Record<ContactOutcome, string> = {
  reached: '#237804',
  meeting_held: '#237804',
  no_answer: '#595959',
  busy: '#595959',
  wrong_number: '#a8071a',
  left_message: '#595959',
  declined: '#ad4e00',
  sent: '#1f5fbf',
};
const FOLLOWUP_ICONS = { created: <PlusCircleOutlined />, done: <CheckCircleOutlined />, cancelled: <CloseCircleOutlined /> };
const FOLLOWUP_COLORS = { created: '#1f5fbf', done: '#237804', cancelled: '#595959' };
/** Audit actions whose "fields" are the dates a follow-up moved between. */
const MOVES = new Set(['followup.reschedule', 'followup.snooze']);

function Head({ children, at }: { children: ReactNode; at: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: 12, alignItems: 'baseline' }}>
      <Space size={6} wrap>{children}</Space>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{instantLabel(at)}</Typography.Text>
    </div>
  );
}

function ContactContent({ c, t, onEdit }: { c: ContactRecord; t: TFunction; onEdit(c: ContactRecord): void }) {
  const facts = [
    t(`contactPurposes.${c.purpose}`),
    c.direction === 'inbound' ? t('timeline.inbound') : null,
    c.durationMinutes ? t('timeline.minutes', { count: c.durationMinutes }) : null,
    c.satisfaction ? t('timeline.satisfaction', { score: c.satisfaction }) : null,
    c.attendees.length ? c.attendees.join('、') : null,
  ].filter(Boolean);
  return (
    <>
      <Head at={c.at}>
        <Typography.Text strong>{t(`contactChannels.${c.channel}`)}</Typography.Text>
        <Typography.Text style={{ color: OUTCOME_COLORS[c.outcome] }}>{t(`contactOutcomes.${c.outcome}`)}</Typography.Text>
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => onEdit(c)} aria-label={`${t('contactEdit.edit')} ${t(`contactChannels.${c.channel}`)} ${c.at}`} style={{ padding: 0, height: 'auto' }}>
          {t('contactEdit.edit')}
        </Button>
      </Head>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>{facts.join(' · ')}</Typography.Text>
      {c.notes && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{c.notes}</Typography.Paragraph>}
    </>
  );
}

function fieldLabel(t: TFunction, exists: (k: string) => boolean, f: string): string {
  if (exists(`clientFields.${f}`)) return t(`clientFields.${f}`);
  if (exists(`timeline.fieldNames.${f}`)) return t(`timeline.fieldNames.${f}`);
  return f;
}

function toItem(e: TimelineEntry, n: number, t: TFunction, lang: string, exists: (k: string) => boolean, onEdit: (c: ContactRecord) => void): TimelineItemType {
  if (e.kind === 'contact') {
    return { key: `c-${e.contact.id}`, icon: CHANNEL_ICONS[e.contact.channel], color: OUTCOME_COLORS[e.contact.outcome], content: <ContactContent c={e.contact} t={t} onEdit={onEdit} /> };
  }
  if (e.kind === 'followup') {
    const f = e.followup;
    return {
      key: `f-${f.id}-${e.event}`,
      icon: FOLLOWUP_ICONS[e.event],
      color: FOLLOWUP_COLORS[e.event],
      content: (
        <>
          <Head at={e.at}>
            <Typography.Text strong>{t(`timeline.followup.${e.event}`)}</Typography.Text>
            <ToneTag tone={FOLLOWUP_TONES[f.type]}>{t(`followupTypes.${f.type}`)}</ToneTag>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('timeline.due', { date: f.date })}</Typography.Text>
          </Head>
          <Typography.Text>{f.title}</Typography.Text>
        </>
      ),
    };
  }
  const sep = lang === 'en' ? ', ' : '、';
  const change = MOVES.has(e.action)
    ? t('timeline.moved', { from: e.fields[0] ?? '', to: e.fields[1] ?? '' })
    : e.fields.length
      ? t('timeline.fields', { fields: e.fields.map((f) => fieldLabel(t, exists, f)).join(sep) })
      : null;
  return {
    key: `e-${n}-${e.at}-${e.action}`,
    icon: <EditOutlined />,
    color: '#595959',
    content: (
      <>
        <Head at={e.at}>
          <Typography.Text strong>{t(`auditActions.${e.action}`, { defaultValue: e.action })}</Typography.Text>
        </Head>
        {change && <Typography.Text type="secondary" style={{ fontSize: 13 }}>{change}</Typography.Text>}
      </>
    ),
  };
}

/** 联系记录: the client's contacts, follow-ups and edits, newest first; reloads after every contact logged. */
export function DetailTimeline({ clientId, rev }: { clientId: string; rev: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const savedCount = useQuickLog((s) => s.savedCount);
  const [entries, setEntries] = useState<TimelineEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<ContactRecord | null>(null);
  const [edits, setEdits] = useState(0);

  const load = useCallback(async (signal: { live: boolean }) => {
    try {
      const r = await invoke('clients.timeline', { id: clientId });
      if (signal.live) {
        setEntries(r);
        setError(null);
      }
    } catch (e) {
      if (signal.live) setError(errorText(e));
    }
  }, [clientId]);

  useEffect(() => {
    const signal = { live: true };
    void load(signal);
    return () => {
      signal.live = false;
    };
  }, [load, rev, savedCount, edits]);

  const exists = (k: string) => i18n.exists(k);
  let body: ReactNode;
  if (error) body = <Alert role="alert" type="error" showIcon title={error} action={<Button size="small" onClick={() => void load({ live: true })}>{t('timeline.retry')}</Button>} />;
  else if (!entries) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (!entries.some((e) => e.kind === 'contact') && entries.length <= 1) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<><div>{t('timeline.empty')}</div><Typography.Text type="secondary">{t('timeline.emptyHint')}</Typography.Text></>} />;
  } else {
    body = (
      <>
        <Timeline items={entries.slice(0, limit).map((e, n) => toItem(e, n, t, i18n.language, exists, setEditing))} style={{ marginTop: 8 }} />
        {entries.length > limit && (
          <Button color="primary" variant="link" onClick={() => setLimit(limit + PAGE * 2)} style={{ padding: 0 }}>
            {t('timeline.showMore', { count: entries.length - limit })}
          </Button>
        )}
      </>
    );
  }
  return (
    <Card size="small" title={t('timeline.title')}>
      {body}
      <EditContactModal
        contact={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setEdits((n) => n + 1);
          void message.success(t('contactEdit.saved'));
        }}
      />
    </Card>
  );
}
