import { and, desc, eq, gt, inArray, lte } from 'drizzle-orm';
import type { ContactCapCheck } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ContactDirection, ContactPurpose, ContactRecord, ContactSettings } from '../../../shared/followups';
import { addDays } from '../domain/calendar/workdays';
import { CAP_WINDOW_DAYS, contactBlock, DEFAULT_CADENCE, DEFAULT_CONTACT_CAP, isProactive } from '../domain/followups/rules';
import { localDate } from '../domain/local-date';
import { clients, contacts, followups } from '../store/schema';
import { markAgendaStale } from './clients';
import type { Session } from './session';
import { readSetting, writeSetting } from './settings';

// 点到为止: at most N proactive contacts per client per 7 days. Over the cap the manager
// is warned with the recent contacts and may go ahead; opt-outs and do-not-contact are refused.

type ClientRow = typeof clients.$inferSelect;
type ContactRow = typeof contacts.$inferSelect;

export function contactSettings(s: Session): ContactSettings {
  const stored = readSetting<Partial<ContactSettings>>(s, 'contacts', {});
  return { contactCap: stored.contactCap ?? DEFAULT_CONTACT_CAP, cadence: { ...DEFAULT_CADENCE, ...stored.cadence } };
}

export function updateContactSettings(s: Session, patch: Partial<ContactSettings>): ContactSettings {
  const next = { ...contactSettings(s), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as ContactSettings;
  s.inTransaction({ action: 'settings.update', details: { changed: { contacts: next } } }, () => writeSetting(s, 'contacts', next));
  // New intervals move every client's keep-in-touch date (except those the manager placed).
  if (patch.cadence) markAgendaStale(s);
  return next;
}

/** What the cap says about a contact with this client at `at`. */
export function capCheck(s: Session, client: ClientRow, at: Date, direction: ContactDirection, purpose: ContactPurpose): ContactCapCheck {
  const cap = contactSettings(s).contactCap;
  const proactive = isProactive(direction, purpose);
  const blocked = contactBlock(client, direction, purpose);
  const recent = recentProactive(s, client.id, at);
  return { blocked, overCap: proactive && recent.length >= cap, cap, proactive, recent };
}

/** Throws when a contact is refused, or over the cap without the manager's go-ahead. */
export function enforceCap(s: Session, client: ClientRow, at: Date, direction: ContactDirection, purpose: ContactPurpose, override: boolean): void {
  const check = capCheck(s, client, at, direction, purpose);
  if (check.blocked) throw new AppError('CONTACT_BLOCKED', { field: 'purpose', reason: check.blocked });
  if (check.overCap && !override) throw new AppError('CONTACT_CAP', { field: 'overrideCap', params: { count: check.recent.length, cap: check.cap } });
}

/**
 * Planning a call, visit or meeting on `due`: contacts logged in the 7 days up to it plus
 * the calls and visits already planned in that window count toward the cap.
 */
export function checkPlannedCap(s: Session, client: ClientRow, due: string, override: boolean): void {
  // A planned call or visit is a proactive contact: the same refusal rule as logging one.
  const blocked = contactBlock(client, 'outbound', 'care');
  if (blocked) throw new AppError('CONTACT_BLOCKED', { field: 'type', reason: blocked });
  if (override) return;
  const cap = contactSettings(s).contactCap;
  const from = addDays(due, -(CAP_WINDOW_DAYS - 1));
  const logged = recentProactive(s, client.id, endOfDay(due)).filter((c) => localDate(new Date(c.at)) >= from).length;
  const planned = s.orm
    .select({ id: followups.id })
    .from(followups)
    .where(and(eq(followups.clientId, client.id), eq(followups.status, 'open'), inArray(followups.type, ['call', 'visit', 'meeting']), gt(followups.due, addDays(from, -1)), lte(followups.due, due)))
    .all().length;
  if (logged + planned >= cap) throw new AppError('CONTACT_CAP', { field: 'overrideCap', reason: 'planned', params: { count: logged + planned, cap, logged, planned } });
}

/** Proactive contacts in the 7 days before `at` (newest first). */
export function recentProactive(s: Session, clientId: string, at: Date): ContactRecord[] {
  const from = new Date(at.getTime() - CAP_WINDOW_DAYS * 86_400_000).toISOString();
  return s.orm
    .select()
    .from(contacts)
    .where(and(eq(contacts.clientId, clientId), eq(contacts.proactive, true), gt(contacts.at, from), lte(contacts.at, at.toISOString())))
    .orderBy(desc(contacts.at))
    .all()
    .map(toContactRecord);
}

export function toContactRecord(r: ContactRow): ContactRecord {
  return {
    id: r.id,
    clientId: r.clientId,
    at: r.at,
    channel: r.channel as ContactRecord['channel'],
    direction: r.direction as ContactRecord['direction'],
    outcome: r.outcome as ContactRecord['outcome'],
    purpose: r.purpose as ContactRecord['purpose'],
    durationMinutes: r.durationMinutes,
    notes: r.notes,
    satisfaction: r.satisfaction,
    attendees: r.attendees,
    followupId: r.followupId,
    rev: r.rev,
  };
}

function endOfDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 23, 59, 59, 999);
}
