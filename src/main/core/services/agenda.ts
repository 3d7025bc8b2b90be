import type { Locale, ParsedInputOf } from '../../../shared/contract';
import type { AgendaItem, CalendarRange, FollowupType, LosingTouchItem, TodaySummary } from '../../../shared/followups';
import { translate } from '../../../shared/i18n';
import { addDays, dayInfos, daysBetween } from '../domain/calendar/workdays';
import { buildIcs } from '../domain/calendar/ics';
import { maskName } from '../domain/kyc/masking';
import { localDate } from '../domain/local-date';
import { takeAgendaStale, takeSegmentsStale } from './clients';
import { regenerateBook } from './followup-generator';
import { followupTitle } from './followups';
import { computeSegments } from './segments';
import type { Session } from './session';

// The agenda: open follow-ups by the day they are shown, for the Today page, the
// calendar, the CLI and the .ics export. Generated items are brought up to date first.

const KYC_TYPES: readonly FollowupType[] = ['id_expiry', 'risk_rating'];
const LIST_LIMIT = 200;
const KYC_HORIZON_DAYS = 30;

const regeneratedOn = new WeakMap<Session, string>();

/** Regenerates the book's follow-ups once a day and after the book or its tiers changed. */
export function ensureAgendaFresh(s: Session): void {
  const today = localDate(s.now());
  if (takeSegmentsStale(s)) computeSegments(s);
  if (!takeAgendaStale(s) && regeneratedOn.get(s) === today) return;
  regenerateBook(s);
  regeneratedOn.set(s, today);
}

type AgendaTuple = [string, string, string, string, string, string, string | null, number, string | null];
const AGENDA_SELECT = `SELECT f.id, f.date, f.type, f.client_id, c.name, f.title, f.title_params, f.generated, seg.tier
  FROM followups f JOIN clients c ON c.id = f.client_id LEFT JOIN client_segments seg ON seg.client_id = f.client_id`;

export interface AgendaQuery {
  from: string;
  /** Exclusive. */
  to: string;
  /** Also the open items before `from` that are overdue today. */
  includeOverdue: boolean;
  types?: readonly FollowupType[];
  tier?: string;
}

/** Open follow-ups shown in [from, to), in date order (then type, then id). */
export function agendaItems(s: Session, locale: Locale, q: AgendaQuery): AgendaItem[] {
  const today = localDate(s.now());
  const params: (string | number)[] = [q.to];
  let where = `WHERE f.status = 'open' AND f.date < ?`;
  if (q.includeOverdue) {
    where += ` AND (f.date >= ? OR f.date < ?)`;
    params.push(q.from, today);
  } else {
    where += ` AND f.date >= ?`;
    params.push(q.from);
  }
  if (q.types?.length) {
    where += ` AND f.type IN (${q.types.map(() => '?').join(',')})`;
    params.push(...q.types);
  }
  if (q.tier) {
    where += ` AND seg.tier = ?`;
    params.push(q.tier);
  }
  const rows = s.db.prepare(`${AGENDA_SELECT} ${where} ORDER BY f.date, f.type, f.id`).raw().all(...params) as AgendaTuple[];
  return rows.map((r) => toItem(r, locale, today));
}

export function calendarRange(s: Session, locale: Locale, q: ParsedInputOf<'agenda.range'>): CalendarRange {
  ensureAgendaFresh(s);
  const to = addDays(q.to, 1);
  const items =
    q.status === 'open'
      ? agendaItems(s, locale, { from: q.from, to, includeOverdue: q.includeOverdue, types: q.types, tier: q.tier })
      : closedItems(s, locale, q.from, to, q.status, q.types);
  return { items, days: dayInfos(q.from, q.to) };
}

export function todaySummary(s: Session, locale: Locale): TodaySummary {
  ensureAgendaFresh(s);
  const today = localDate(s.now());
  const all = agendaItems(s, locale, { from: today, to: addDays(today, KYC_HORIZON_DAYS + 1), includeOverdue: true });
  const kyc = all.filter((i) => KYC_TYPES.includes(i.type));
  const work = all.filter((i) => !KYC_TYPES.includes(i.type));
  const overdue = work.filter((i) => i.date < today);
  const dueToday = work.filter((i) => i.date === today);
  const next7 = work.filter((i) => i.date > today && i.date <= addDays(today, 7));
  const losingTouch = losingTouchList(s, today);
  return {
    today,
    // The most valuable clients first within the overdue list: tier A, then B, then C, then oldest.
    overdue: overdue.sort((a, b) => (a.tier ?? 'Z').localeCompare(b.tier ?? 'Z') || a.date.localeCompare(b.date)).slice(0, LIST_LIMIT),
    dueToday: dueToday.slice(0, LIST_LIMIT),
    next7: next7.slice(0, LIST_LIMIT),
    losingTouch: losingTouch.slice(0, LIST_LIMIT),
    kyc: kyc.slice(0, LIST_LIMIT),
    occasions: [],
    counts: { overdue: overdue.length, dueToday: dueToday.length, next7: next7.length, losingTouch: losingTouch.length, kyc: kyc.length },
  };
}

/** Clients reached longer ago than twice their cadence (the open cadence item is overdue by more than one interval). */
export function losingTouchList(s: Session, today: string): LosingTouchItem[] {
  const rows = s.db
    .prepare(
      `SELECT f.client_id, c.name, seg.tier, cs.last_reached_at, f.due, json_extract(f.title_params, '$.days') AS days
       FROM followups f JOIN clients c ON c.id = f.client_id LEFT JOIN client_segments seg ON seg.client_id = f.client_id
       LEFT JOIN contact_state cs ON cs.client_id = f.client_id
       WHERE f.status = 'open' AND f.type = 'cadence' AND f.due < ? AND julianday(?) - julianday(f.due) > json_extract(f.title_params, '$.days')
       ORDER BY seg.tier, f.due`,
    )
    .raw()
    .all(today, today) as [string, string, string | null, string | null, string, number][];
  return rows.map(([clientId, clientName, tier, lastReachedAt, due, intervalDays]) => ({
    clientId,
    clientName,
    tier,
    lastReachedAt,
    intervalDays,
    daysSince: intervalDays + daysBetween(due, today),
  }));
}

/** RFC 5545 for Outlook: the chosen items, client by masked name only — no title text, notes or attendees. */
export function exportIcs(s: Session, locale: Locale, ids: string[]): { fileName: string; content: string; count: number } {
  const rows = s.db
    .prepare(`SELECT f.id, f.date, f.type, c.name, c.kind FROM followups f JOIN clients c ON c.id = f.client_id WHERE f.id IN (${ids.map(() => '?').join(',')}) ORDER BY f.date`)
    .raw()
    .all(...ids) as [string, string, FollowupType, string, 'person' | 'company'][];
  const events = rows.map(([id, date, type, name, kind]) => {
    const label = translate(locale, `followupTypes.${type}`);
    return { uid: id, date, summary: `${label} · ${maskName(name, kind)}`, category: label };
  });
  const content = buildIcs(events, { calendarName: translate(locale, 'calendar.icsName'), now: s.now() });
  s.inTransaction({ action: 'calendar.export', details: { count: events.length } }, () => undefined);
  return { fileName: `rm-workbench-${localDate(s.now())}.ics`, content, count: events.length };
}

function closedItems(s: Session, locale: Locale, from: string, to: string, status: 'done' | 'cancelled', types?: readonly FollowupType[]): AgendaItem[] {
  const params: string[] = [status, from, to];
  let where = `WHERE f.status = ? AND f.date >= ? AND f.date < ?`;
  if (types?.length) {
    where += ` AND f.type IN (${types.map(() => '?').join(',')})`;
    params.push(...types);
  }
  const today = localDate(s.now());
  return (s.db.prepare(`${AGENDA_SELECT} ${where} ORDER BY f.date, f.type, f.id`).raw().all(...params) as AgendaTuple[]).map((r) => ({ ...toItem(r, locale, today), overdue: false }));
}

// Generated titles repeat (every tier-B cadence item reads the same): word each once.
const worded = new Map<string, string>();

function wordedTitle(title: string, titleParams: string | null, generated: boolean, locale: Locale): string {
  if (!generated) return title;
  const key = `${locale}|${title}|${titleParams ?? ''}`;
  let text = worded.get(key);
  if (text === undefined) {
    if (worded.size > 20_000) worded.clear();
    text = followupTitle(title, titleParams ? (JSON.parse(titleParams) as Record<string, string | number>) : null, true, locale);
    worded.set(key, text);
  }
  return text;
}

function toItem([id, date, type, clientId, clientName, title, titleParams, generated, tier]: AgendaTuple, locale: Locale, today: string): AgendaItem {
  return {
    id,
    date,
    type: type as FollowupType,
    clientId,
    clientName,
    title: wordedTitle(title, titleParams, generated === 1, locale),
    overdue: date < today,
    generated: generated === 1,
    tier,
  };
}
