import type { Locale, ParsedInputOf } from '../../../shared/contract';
import type { AgendaItem, CalendarRange, FollowupType, LosingTouchItem, TodaySummary } from '../../../shared/followups';
import { translate } from '../../../shared/i18n';
import { addDays, dayInfos, daysBetween } from '../domain/calendar/workdays';
import { buildIcs } from '../domain/calendar/ics';
import { maskName } from '../domain/kyc/masking';
import { localDate } from '../domain/local-date';
import { takeAgendaStale, takeSegmentsStale, unsegmentedClients } from './clients';
import { computeSegments, tiersOf } from './segments';
import { generatorOutdated, regenerateBook, regenerateForNewDay } from './followup-generator';
import { followupTitle } from './followups';
import { occasionEntries, todaysOccasions } from './greetings';
import type { Session } from './session';
import { syncReminder } from './sync';
import { backupReminder } from './backup';

// The agenda: open follow-ups by the day they are shown, for the Today page, the
// calendar, the CLI and the .ics export. Generated items are brought up to date first.

const KYC_SQL = `('id_expiry', 'risk_rating')`;
const LIST_LIMIT = 200;
const KYC_HORIZON_DAYS = 30;

const regeneratedOn = new WeakMap<Session, string>();

/**
 * Brings generated follow-ups up to date before they are read. Single edits regenerate
 * their client in their own transaction; here: tiers that moved (segments recompute
 * regenerates those clients), a whole-book pass after cadence settings changed or the
 * rules were upgraded, and once a day the IDs that expired since.
 */
export function ensureAgendaFresh(s: Session): void {
  const today = localDate(s.now());
  // Tiers are read as stored (the segments pass regenerates the clients whose tier moved);
  // clients with no tier at all yet (a new book, an import) are segmented first.
  if (unsegmentedClients(s) && takeSegmentsStale(s)) computeSegments(s);
  if (takeAgendaStale(s) || generatorOutdated(s)) {
    regenerateBook(s);
    regeneratedOn.set(s, today);
  } else if (regeneratedOn.get(s) !== today) {
    regenerateForNewDay(s, today);
    regeneratedOn.set(s, today);
  }
}

type AgendaTuple = [string, string, string, string, string, string, string | null, number, (string | null)?];
// Ranges read the tier from the cached map (a join per row costs more than the scan); the
// Today lists, capped and sorted by tier, join it. Names come from the small (id, name) index:
// left to itself the planner takes the id index and then a page of the wide table per item.
const CLIENT_NAMES = `clients c INDEXED BY clients_id_name ON c.id = f.client_id`;
const AGENDA_SELECT = `SELECT f.id, f.date, f.type, f.client_id, c.name, f.title, f.title_params, f.generated
  FROM followups f JOIN ${CLIENT_NAMES}`;
const AGENDA_SELECT_TIER = `SELECT f.id, f.date, f.type, f.client_id, c.name, f.title, f.title_params, f.generated, seg.tier
  FROM followups f JOIN ${CLIENT_NAMES} LEFT JOIN client_segments seg ON seg.client_id = f.client_id`;

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
    where += ` AND f.client_id IN (SELECT client_id FROM client_segments WHERE tier = ?)`;
    params.push(q.tier);
  }
  const rows = s.db.prepare(`${AGENDA_SELECT} ${where} ORDER BY f.date, f.type, f.id`).raw().all(...params) as AgendaTuple[];
  const tiers = tiersOf(s);
  return rows.map((r) => toItem(r, locale, today, tiers));
}

/** Where a reminder's announcements stopped: the instant of its check, and the due items written at that very instant. */
export interface AnnouncedUpTo {
  at: string;
  atEdge: string[];
}

/**
 * The open items due by `today` (overdue included) for a reminder: how many, the first few
 * (today's before the overdue ones), and where this announcement stops. With `since`, only the
 * items written (created, moved, edited) after the last one: those a reminder earlier in the day
 * has not announced. Counted in SQL: a branch-sized book can have 100,000 items due at once.
 */
export function dueForReminder(s: Session, locale: Locale, today: string, since: AnnouncedUpTo | null, first: number): { count: number; items: AgendaItem[]; upTo: AnnouncedUpTo } {
  const due = `f.status = 'open' AND f.date <= @today`;
  // Written after the last check, or at its very instant but not among the items it saw.
  const where = `WHERE ${due}${since === null ? '' : ` AND (f.updated_at > @at OR (f.updated_at = @at AND f.id NOT IN (SELECT value FROM json_each(@atEdge))))`}`;
  const params = since === null ? { today } : { today, at: since.at, atEdge: JSON.stringify(since.atEdge) };
  const count = s.db.prepare(`SELECT count(*) FROM followups f ${where}`).pluck().get(params) as number;
  const rows = count === 0 ? [] : (s.db.prepare(`${AGENDA_SELECT_TIER} ${where} ORDER BY f.date = @today DESC, f.date, f.type, f.id LIMIT ${first}`).raw().all(params) as AgendaTuple[]);
  const at = s.now().toISOString();
  const atEdge = s.db.prepare(`SELECT f.id FROM followups f WHERE ${due} AND f.updated_at = @at`).pluck().all({ today, at }) as string[];
  return { count, items: rows.map((r) => toItem(r, locale, today)), upTo: { at, atEdge } };
}

export function calendarRange(s: Session, locale: Locale, q: ParsedInputOf<'agenda.range'>): CalendarRange {
  ensureAgendaFresh(s);
  const to = addDays(q.to, 1);
  const items =
    q.status === 'open'
      ? agendaItems(s, locale, { from: q.from, to, includeOverdue: q.includeOverdue, types: q.types, tier: q.tier })
      : closedItems(s, locale, q.from, to, q.status, q.types, q.tier);
  return { items, days: dayInfos(q.from, q.to), occasions: occasionEntries(s, locale, q.from, q.to) };
}

export function todaySummary(s: Session, locale: Locale): TodaySummary {
  ensureAgendaFresh(s);
  const today = localDate(s.now());
  const in7 = addDays(today, 7);
  const kycEnd = addDays(today, KYC_HORIZON_DAYS);
  // Counts over everything; lists capped (a branch-sized book has tens of thousands overdue).
  const [overdue, dueToday, next7, kyc] = s.db
    .prepare(
      `SELECT coalesce(sum(f.type NOT IN ${KYC_SQL} AND f.date < @today), 0), coalesce(sum(f.type NOT IN ${KYC_SQL} AND f.date = @today), 0),
              coalesce(sum(f.type NOT IN ${KYC_SQL} AND f.date > @today AND f.date <= @in7), 0), coalesce(sum(f.type IN ${KYC_SQL}), 0)
       FROM followups f WHERE f.status = 'open' AND f.date <= @kycEnd`,
    )
    .raw()
    .get({ today, in7, kycEnd }) as [number, number, number, number];
  const list = (where: string, order: string, ...params: string[]) =>
    (s.db.prepare(`${AGENDA_SELECT_TIER} WHERE f.status = 'open' AND ${where} ORDER BY ${order} LIMIT ${LIST_LIMIT}`).raw().all(...params) as AgendaTuple[]).map((r) => toItem(r, locale, today));
  const losingTouch = losingTouchList(s, today);
  return {
    today,
    // The most valuable clients first within the overdue list: tier A, then B, then C, then oldest.
    overdue: list(`f.date < ? AND f.type NOT IN ${KYC_SQL}`, `coalesce(seg.tier, 'Z'), f.date, f.id`, today),
    dueToday: list(`f.date = ? AND f.type NOT IN ${KYC_SQL}`, 'f.type, f.id', today),
    next7: list(`f.date > ? AND f.date <= ? AND f.type NOT IN ${KYC_SQL}`, 'f.date, f.type, f.id', today, in7),
    losingTouch: losingTouch.rows,
    kyc: list(`f.date <= ? AND f.type IN ${KYC_SQL}`, 'f.date, f.type, f.id', kycEnd),
    occasions: todaysOccasions(s, locale, today),
    counts: { overdue, dueToday, next7, losingTouch: losingTouch.total, kyc },
    sync: syncReminder(s),
    backup: backupReminder(s),
  };
}

/** Clients reached longer ago than twice their cadence (the open cadence item is overdue by more than one interval). */
export function losingTouchList(s: Session, today: string, limit = LIST_LIMIT): { total: number; rows: LosingTouchItem[] } {
  const condition = `f.status = 'open' AND f.type = 'cadence' AND f.due < @today AND julianday(@today) - julianday(f.due) > json_extract(f.title_params, '$.days')`;
  // Only open cadence items past due qualify: read them from their own partial index (the planner, without statistics, would walk every open item).
  const total = s.db.prepare(`SELECT count(*) FROM followups f INDEXED BY followups_cadence_due WHERE ${condition}`).pluck().get({ today }) as number;
  const rows = s.db
    .prepare(
      `SELECT f.client_id, c.name, seg.tier, cs.last_reached_at, f.due, json_extract(f.title_params, '$.days') AS days
       FROM followups f INDEXED BY followups_cadence_due JOIN ${CLIENT_NAMES} LEFT JOIN client_segments seg ON seg.client_id = f.client_id
       LEFT JOIN contact_state cs ON cs.client_id = f.client_id
       WHERE ${condition} ORDER BY coalesce(seg.tier, 'Z'), f.due LIMIT ${limit}`,
    )
    .raw()
    .all({ today }) as [string, string, string | null, string | null, string, number][];
  return {
    total,
    rows: rows.map(([clientId, clientName, tier, lastReachedAt, due, intervalDays]) => ({ clientId, clientName, tier, lastReachedAt, intervalDays, daysSince: intervalDays + daysBetween(due, today) })),
  };
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

function closedItems(s: Session, locale: Locale, from: string, to: string, status: 'done' | 'cancelled', types?: readonly FollowupType[], tier?: string): AgendaItem[] {
  const params: string[] = [status, from, to];
  let where = `WHERE f.status = ? AND f.date >= ? AND f.date < ?`;
  if (types?.length) {
    where += ` AND f.type IN (${types.map(() => '?').join(',')})`;
    params.push(...types);
  }
  if (tier) {
    where += ` AND f.client_id IN (SELECT client_id FROM client_segments WHERE tier = ?)`;
    params.push(tier);
  }
  const today = localDate(s.now());
  const tiers = tiersOf(s);
  return (s.db.prepare(`${AGENDA_SELECT} ${where} ORDER BY f.date, f.type, f.id`).raw().all(...params) as AgendaTuple[]).map((r) => ({ ...toItem(r, locale, today, tiers), overdue: false }));
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

function toItem([id, date, type, clientId, clientName, title, titleParams, generated, tier]: AgendaTuple, locale: Locale, today: string, tiers?: Map<string, string>): AgendaItem {
  return {
    id,
    date,
    type: type as FollowupType,
    clientId,
    clientName,
    title: wordedTitle(title, titleParams, generated === 1, locale),
    overdue: date < today,
    generated: generated === 1,
    tier: (tiers ? tiers.get(clientId) : tier) ?? null,
  };
}
