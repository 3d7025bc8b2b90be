import { CheckOutlined, ClockCircleOutlined, FileTextOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupRecord } from '../../../../shared/followups';
import { errorText, invoke } from '../../api';
import { TierTag } from '../../components/SegmentTags';
import { ToneTag } from '../../components/ToneTag';
import { useClientDetail } from '../clients/detail-store';
import { useQuickLog } from '../contacts/quick-log-store';
import { useVisitBrief } from '../visit-brief/visit-brief-store';
import { isContactPurpose, quickLogTarget, TYPE_COLORS } from './agenda-labels';
import type { CalendarItem } from './calendar-store';

interface Props {
  item: CalendarItem | null;
  onClose(): void;
  onChanged(): void;
}

/** The clicked follow-up with what the manager does next: open the client, log, prepare, done, snooze. */
export function EventDrawer({ item, onClose, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [record, setRecord] = useState<FollowupRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [snoozeTo, setSnoozeTo] = useState<Dayjs | null>(null);

  useEffect(() => {
    setRecord(null);
    setError(null);
    setSnoozeTo(null);
    if (!item) return;
    let live = true;
    invoke('followups.get', { id: item.id })
      .then((r) => live && setRecord(r))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [item]);

  if (!item) return null;
  const open = !item.done && record?.status !== 'done' && record?.status !== 'cancelled';
  const visit = item.type === 'visit' || item.type === 'meeting';

  async function act(run: () => Promise<FollowupRecord>, done: (r: FollowupRecord) => string) {
    setBusy(true);
    try {
      const r = await run();
      void message.success(done(r));
      onClose();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  function then(fn: () => void) {
    onClose();
    fn();
  }

  const purpose = record?.purpose ? (isContactPurpose(record.purpose) ? t(`contactPurposes.${record.purpose}`) : record.purpose) : null;
  const rows = [
    { key: 'type', label: t('calendarPage.event.type'), children: <Tag style={{ color: '#fff', background: TYPE_COLORS[item.type], borderColor: TYPE_COLORS[item.type] }}>{t(`followupTypes.${item.type}`)}</Tag> },
    { key: 'client', label: t('calendarPage.event.client'), children: <Space size={4}>{item.clientName}<TierTag tier={item.tier as 'A' | 'B' | 'C' | null} /></Space> },
    { key: 'subject', label: t('calendarPage.event.subject'), children: item.title },
    {
      key: 'date',
      label: t('calendarPage.event.date'),
      children: (
        <Space size={4}>
          {item.date}
          {item.overdue && <ToneTag tone="error">{t('calendarPage.overdue')}</ToneTag>}
          {item.done && <ToneTag tone="success">{t('calendarPage.done')}</ToneTag>}
        </Space>
      ),
    },
    ...(record && record.due !== record.date ? [{ key: 'due', label: t('calendarPage.event.due'), children: record.due }] : []),
    ...(purpose ? [{ key: 'purpose', label: t('calendarPage.event.purpose'), children: purpose }] : []),
    ...(record?.attendees.length ? [{ key: 'attendees', label: t('calendarPage.event.attendees'), children: record.attendees.join('、') }] : []),
    ...(record?.receivedOn ? [{ key: 'received', label: t('calendarPage.event.receivedOn'), children: record.receivedOn }] : []),
    ...(record?.talkingPoints ? [{ key: 'points', label: t('calendarPage.event.talkingPoints'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{record.talkingPoints}</span> }] : []),
    ...(item.generated ? [{ key: 'gen', label: t('calendarPage.event.status'), children: t('calendarPage.event.generated') }] : []),
  ];

  return (
    <Drawer open onClose={onClose} size={420} title={t('calendarPage.event.title')} destroyOnHidden closable={{ 'aria-label': t('calendarPage.event.close') }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {error && <Alert role="alert" type="error" showIcon title={error} />}
        <Descriptions size="small" column={1} bordered items={rows} />
        <Space wrap>
          <Button icon={<UserOutlined />} onClick={() => then(() => void useClientDetail.getState().open(item.clientId, { tier: item.tier as 'A' | 'B' | 'C' | null }))}>
            {t('calendarPage.event.openClient')}
          </Button>
          {open && (
            <Button icon={<MessageOutlined />} disabled={!record} onClick={() => record && then(() => useQuickLog.getState().open(quickLogTarget(record)))}>
              {t('calendarPage.event.logContact')}
            </Button>
          )}
          {open && visit && (
            <Button icon={<FileTextOutlined />} onClick={() => then(() => useVisitBrief.getState().open(item.id))}>
              {t('calendarPage.event.brief')}
            </Button>
          )}
          {open && (
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={() => void act(() => invoke('followups.complete', { id: item.id }), () => t('calendarPage.event.completed'))}>
              {t('calendarPage.event.complete')}
            </Button>
          )}
        </Space>
        {open && (
          <Space wrap aria-label={t('calendarPage.event.snooze')} role="group">
            <Typography.Text id="rm-snooze-label">
              <ClockCircleOutlined aria-hidden /> {t('calendarPage.event.snoozeTo')}
            </Typography.Text>
            <DatePicker
              aria-labelledby="rm-snooze-label"
              value={snoozeTo}
              onChange={setSnoozeTo}
              disabledDate={(d) => !d.isAfter(dayjs(), 'day')}
            />
            <Button
              disabled={!snoozeTo}
              loading={busy}
              onClick={() => snoozeTo && void act(() => invoke('followups.snooze', { id: item.id, until: snoozeTo.format('YYYY-MM-DD') }), (r) => t('calendarPage.event.snoozed', { date: r.date }))}
            >
              {t('calendarPage.event.snoozeOk')}
            </Button>
          </Space>
        )}
      </Space>
    </Drawer>
  );
}
