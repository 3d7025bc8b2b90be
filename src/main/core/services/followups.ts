import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Locale, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { FollowupRecord, FollowupType } from '../../../shared/followups';
import { translate } from '../../../shared/i18n';
import { addDays, shiftToWorkday } from '../domain/calendar/workdays';
import { shiftDirection } from '../domain/followups/generate';
import { COMPLAINT_REPLY_DAYS } from '../domain/followups/rules';
import { uuidv7 } from '../domain/ids';
import { localDate } from '../domain/local-date';
import { clients, clientSegments, followups } from '../store/schema';
import { load as loadClient } from './clients';
import { checkPlannedCap } from './contact-cap';
import type { Session } from './session';

// Follow-ups the manager plans, and the actions on any follow-up (done, snooze,
// reschedule, cancel). Generated items live in followup-generator.ts; both share the
// record shape here. Every action is one transaction with its audit entry.

type Row = typeof followups.$inferSelect;

export function createFollowup(s: Session, locale: Locale, input: ParsedInputOf<'followups.create'>): FollowupRecord {
  const client = loadClient(s, input.clientId);
  // A complaint reply is due 15 days after the client raised it, whatever date was typed.
  const due = input.type === 'complaint' && input.receivedOn ? minDate(input.due, addDays(input.receivedOn, COMPLAINT_REPLY_DAYS)) : input.due;
  if (input.type === 'call' || input.type === 'visit' || input.type === 'meeting') checkPlannedCap(s, client, due, input.overrideCap);
  const id = s.inTransaction({ action: 'followup.create', subject: input.clientId, details: { type: input.type, due } }, () =>
    insertFollowup(s, {
      clientId: input.clientId,
      type: input.type,
      title: input.title,
      due,
      purpose: input.purpose ?? null,
      attendees: input.attendees ?? [],
      talkingPoints: input.talkingPoints ?? null,
      notes: input.notes ?? null,
      receivedOn: input.receivedOn ?? null,
    }),
  );
  return getFollowup(s, locale, id);
}

/** Inserts a follow-up with its shown date moved off holidays (no audit: the caller's transaction records it). */
export function insertFollowup(
  s: Session,
  f: Pick<Row, 'clientId' | 'type' | 'title' | 'due'> & Partial<Pick<Row, 'titleParams' | 'generated' | 'sourceKey' | 'purpose' | 'attendees' | 'talkingPoints' | 'notes' | 'receivedOn'>>,
): string {
  const now = s.now().toISOString();
  const id = uuidv7(s.now().getTime());
  s.orm
    .insert(followups)
    .values({ ...f, id, date: shownDate(f.type, f.due), status: 'open', createdAt: now, updatedAt: now, rev: 1 })
    .run();
  return id;
}

/** The day an item is shown: its due date moved to a working day. */
export function shownDate(type: string, due: string): string {
  return shiftToWorkday(due, shiftDirection(type));
}

export function updateFollowup(s: Session, locale: Locale, input: ParsedInputOf<'followups.update'>): FollowupRecord {
  const row = loadFollowup(s, input.id);
  if (row.rev !== input.rev) throw new AppError('STALE_REVISION', { field: 'rev', params: { current: row.rev } });
  const changed = Object.keys(input.patch).filter((k) => input.patch[k as keyof typeof input.patch] !== undefined);
  s.inTransaction({ action: 'followup.update', subject: row.clientId, details: { id: row.id, fields: changed, before: pick(row, changed) } }, () =>
    touch(s, row.id, Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined))),
  );
  return getFollowup(s, locale, row.id);
}

/** Drag on the calendar: the manager's date is kept as chosen, also on a holiday, and survives regeneration. */
export function rescheduleFollowup(s: Session, locale: Locale, id: string, date: string): FollowupRecord {
  const row = openFollowup(s, id);
  s.inTransaction({ action: 'followup.reschedule', subject: row.clientId, details: { id, from: row.date, to: date } }, () =>
    touch(s, id, { date, pinned: true, snoozedUntil: null }),
  );
  return getFollowup(s, locale, id);
}

export function snoozeFollowup(s: Session, locale: Locale, id: string, until: string): FollowupRecord {
  const row = openFollowup(s, id);
  if (until <= localDate(s.now())) throw new AppError('INVALID_INPUT', { field: 'until', reason: 'not_future' });
  s.inTransaction({ action: 'followup.snooze', subject: row.clientId, details: { id, from: row.date, until } }, () =>
    touch(s, id, { date: until, snoozedUntil: until, pinned: true }),
  );
  return getFollowup(s, locale, id);
}

export function completeFollowup(s: Session, locale: Locale, id: string, note?: string): FollowupRecord {
  const row = openFollowup(s, id);
  s.inTransaction({ action: 'followup.done', subject: row.clientId, details: { id, type: row.type } }, () => closeFollowup(s, id, 'done', note ?? 'manual'));
  return getFollowup(s, locale, id);
}

export function cancelFollowup(s: Session, locale: Locale, id: string, reason: string): FollowupRecord {
  const row = openFollowup(s, id);
  s.inTransaction({ action: 'followup.cancel', subject: row.clientId, details: { id, type: row.type, reason } }, () => closeFollowup(s, id, 'cancelled', reason));
  return getFollowup(s, locale, id);
}

/** Marks a follow-up done or cancelled (no audit: the caller's transaction records it). */
export function closeFollowup(s: Session, id: string, status: 'done' | 'cancelled', reason: string, contactId: string | null = null): void {
  touch(s, id, { status, closeReason: reason, doneAt: s.now().toISOString(), doneContactId: contactId });
}

export function getFollowup(s: Session, locale: Locale, id: string): FollowupRecord {
  const row = s.orm
    .select({ f: followups, name: clients.name, tier: clientSegments.tier })
    .from(followups)
    .innerJoin(clients, eq(clients.id, followups.clientId))
    .leftJoin(clientSegments, eq(clientSegments.clientId, followups.clientId))
    .where(eq(followups.id, id))
    .get();
  if (!row) throw new AppError('NOT_FOUND', { field: 'followupId' });
  return toRecord(row.f, row.name, row.tier, locale, localDate(s.now()));
}

/** Follow-ups of one client (open first, then newest). */
export function clientFollowups(s: Session, locale: Locale, clientId: string, types?: FollowupType[], status?: Row['status']): FollowupRecord[] {
  const client = loadClient(s, clientId);
  const tier = tierOf(s, clientId);
  const conds = [eq(followups.clientId, clientId), types ? inArray(followups.type, types) : undefined, status ? eq(followups.status, status) : undefined];
  const today = localDate(s.now());
  return s.orm
    .select()
    .from(followups)
    .where(and(...conds))
    .all()
    .map((r) => toRecord(r, client.name, tier, locale, today))
    .sort((a, b) => (a.status === 'open' ? 0 : 1) - (b.status === 'open' ? 0 : 1) || a.date.localeCompare(b.date));
}

export function toRecord(r: Row, clientName: string, tier: string | null, locale: Locale, today: string): FollowupRecord {
  return {
    id: r.id,
    clientId: r.clientId,
    clientName,
    type: r.type as FollowupType,
    title: followupTitle(r.title, r.titleParams, r.generated, locale),
    due: r.due,
    date: r.date,
    status: r.status,
    generated: r.generated,
    overdue: r.status === 'open' && r.date < today,
    purpose: r.purpose,
    attendees: r.attendees,
    talkingPoints: r.talkingPoints,
    notes: r.notes,
    receivedOn: r.receivedOn,
    snoozedUntil: r.snoozedUntil,
    doneAt: r.doneAt,
    tier,
    rev: r.rev,
  };
}

/** Generated items store an i18n key and are worded in the current language. */
export function followupTitle(title: string, params: Record<string, string | number> | null, generated: boolean, locale: Locale): string {
  return generated ? translate(locale, title, params ?? {}) : title;
}

export function loadFollowup(s: Session, id: string): Row {
  const row = s.orm.select().from(followups).where(eq(followups.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', { field: 'followupId' });
  return row;
}

function openFollowup(s: Session, id: string): Row {
  const row = loadFollowup(s, id);
  if (row.status !== 'open') throw new AppError('FOLLOWUP_CLOSED', { field: 'id', reason: row.status });
  return row;
}

function touch(s: Session, id: string, set: Partial<Row>): void {
  s.orm.update(followups).set({ ...set, updatedAt: s.now().toISOString(), rev: sql`${followups.rev} + 1` }).where(eq(followups.id, id)).run();
}

/** One client's tier as stored by the last segments pass (null before any). */
export function tierOf(s: Session, clientId: string): string | null {
  return s.orm.select({ tier: clientSegments.tier }).from(clientSegments).where(eq(clientSegments.clientId, clientId)).get()?.tier ?? null;
}

function pick(row: Row, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k as keyof Row]]));
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
