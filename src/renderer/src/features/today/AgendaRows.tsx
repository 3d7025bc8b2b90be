import { FileTextOutlined, PhoneOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, LosingTouchItem, TodaySummary } from '../../../../shared/followups';
import type { TierName } from '../../../../shared/segments';
import { TierTag } from '../../components/SegmentTags';
import { ToneTag } from '../../components/ToneTag';
import { useClientDetail } from '../clients/detail-store';
import { useQuickLog } from '../contacts/quick-log-store';
import { useVisitBrief } from '../visit-brief/visit-brief-store';
import { dayLabel, daysFrom, FOLLOWUP_TONES, hasVisitBrief, quickLogTarget } from './format';

const ROW = { display: 'flex', alignItems: 'center', gap: 12, padding: '10px 0', borderBottom: '1px solid #f0f0f0' } as const;
const WHEN = { width: 92, flex: 'none' } as const;
const HEAD = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '2px 6px' } as const;
const DETAIL = { color: 'rgba(0, 0, 0, 0.68)', fontSize: 13, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
const SMALL = { display: 'block', fontSize: 12 } as const;
const LINK = { background: 'none', border: 0, padding: 0, color: '#1f5fbf', cursor: 'pointer', font: 'inherit', fontWeight: 500 } as const;
const ACTIONS = { display: 'flex', gap: 6, flex: 'none' } as const;

// Rows are plain markup around a few antd controls: a busy book lists hundreds of them.

/** A row: when (left), who and what (middle), actions (right). */
function Row({ when, head, detail, actions }: { when: ReactNode; head: ReactNode; detail: ReactNode; actions: ReactNode }) {
  return (
    <li style={ROW}>
      <div style={WHEN}>{when}</div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={HEAD}>{head}</div>
        {detail && <div style={DETAIL} title={typeof detail === 'string' ? detail : undefined}>{detail}</div>}
      </div>
      <div style={ACTIONS}>{actions}</div>
    </li>
  );
}

/** The client's name, opening the client detail. */
function ClientLink({ id, name, tier }: { id: string; name: string; tier: string | null }) {
  const { t } = useTranslation();
  const open = () => void useClientDetail.getState().open(id, { tier: tier as TierName | null });
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <button type="button" onClick={open} title={t('todayPage.openClient', { name })} style={LINK}>
        {name}
      </button>
      {tier && <TierTag tier={tier as TierName} />}
    </span>
  );
}

function LogButton({ onClick }: { onClick(): void }) {
  const { t } = useTranslation();
  return (
    <Button size="small" color="primary" variant="outlined" icon={<PhoneOutlined aria-hidden />} onClick={onClick}>
      {t('todayPage.logContact')}
    </Button>
  );
}

export function AgendaRow({ item, today }: { item: AgendaItem; today: string }) {
  const { t, i18n } = useTranslation();
  const late = daysFrom(item.date, today);
  let when: ReactNode = dayLabel(item.date, today, i18n.language);
  if (item.date === today) when = <strong>{t('todayPage.today')}</strong>;
  else if (late === -1) when = t('todayPage.tomorrow');
  return (
    <Row
      when={
        <>
          {when}
          {late > 0 && (
            <span style={{ ...SMALL, color: '#c41d1f' }}>{t('todayPage.overdueDays', { count: late })}</span>
          )}
        </>
      }
      head={
        <>
          <ToneTag tone={FOLLOWUP_TONES[item.type]}>{t(`followupTypes.${item.type}`)}</ToneTag>
          <ClientLink id={item.clientId} name={item.clientName} tier={item.tier} />
        </>
      }
      detail={item.title}
      actions={
        <>
          {hasVisitBrief(item.type) && (
            <Button size="small" icon={<FileTextOutlined aria-hidden />} onClick={() => useVisitBrief.getState().open(item.id)}>
              {t('todayPage.visitBrief')}
            </Button>
          )}
          <LogButton onClick={() => useQuickLog.getState().open(quickLogTarget(item))} />
        </>
      }
    />
  );
}

export function LosingTouchRow({ item, today }: { item: LosingTouchItem; today: string }) {
  const { t, i18n } = useTranslation();
  const last = item.lastReachedAt ? t('todayPage.lastReached', { date: dayLabel(item.lastReachedAt.slice(0, 10), today, i18n.language) }) : t('todayPage.neverReached');
  return (
    <Row
      when={<strong style={{ color: '#873800' }}>{t('todayPage.daysShort', { count: item.daysSince })}</strong>}
      head={<ClientLink id={item.clientId} name={item.clientName} tier={item.tier} />}
      detail={`${last} · ${t('todayPage.cadenceDays', { days: item.intervalDays })}`}
      actions={<LogButton onClick={() => useQuickLog.getState().open({ clientId: item.clientId, clientName: item.clientName, purpose: 'care' })} />}
    />
  );
}

export function OccasionRow({ item, today }: { item: TodaySummary['occasions'][number]; today: string }) {
  const { i18n } = useTranslation();
  return (
    <Row
      when={dayLabel(item.date, today, i18n.language)}
      head={item.clientId && item.clientName ? <ClientLink id={item.clientId} name={item.clientName} tier={null} /> : <strong>{item.title}</strong>}
      detail={item.clientId ? item.title : null}
      actions={
        item.clientId && item.clientName ? (
          <LogButton onClick={() => useQuickLog.getState().open({ clientId: item.clientId!, clientName: item.clientName!, purpose: 'greeting' })} />
        ) : null
      }
    />
  );
}
