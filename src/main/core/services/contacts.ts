import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ContactLogResult, ContactRecord } from '../../../shared/followups';
import { isProactive, isReached, SUSPECT_AFTER_FAILURES, trailingFailures } from '../domain/followups/rules';
import { uuidv7 } from '../domain/ids';
import { localDate } from '../domain/local-date';
import { contacts, contactState, followups } from '../store/schema';
import { load as loadClient } from './clients';
import { enforceCap, toContactRecord } from './contact-cap';
import { regenerateFor } from './followup-generator';
import { closeFollowup, insertFollowup, loadFollowup } from './followups';
import type { Session } from './session';

// The contact-attempt log (联系记录). Logging one is a single transaction: the attempt,
// the client's contact state, the follow-up it carries out, the next step, the cadence
// item it resets, and — on the third failure in a row — the verify-details task.

const FUTURE_SLACK_MS = 10 * 60_000;

export function logContact(s: Session, input: ParsedInputOf<'contacts.log'>): ContactLogResult {
  const client = loadClient(s, input.clientId);
  const at = input.at ? new Date(input.at) : s.now();
  // A log records what happened: an attempt cannot be later than now (a few minutes' clock skew allowed).
  if (at.getTime() > s.now().getTime() + FUTURE_SLACK_MS) throw new AppError('INVALID_INPUT', { field: 'at', reason: 'future' });
  enforceCap(s, client, at, input.direction, input.purpose, input.overrideCap);
  const linked = input.followupId ? loadFollowup(s, input.followupId) : null;
  if (linked && linked.clientId !== input.clientId) throw new AppError('INVALID_INPUT', { field: 'followupId', reason: 'other_client' });
  const id = uuidv7(at.getTime());
  const now = s.now().toISOString();
  return s.inTransaction(
    { action: 'contact.log', subject: input.clientId, details: (r: ContactLogResult) => ({ id, channel: input.channel, outcome: input.outcome, purpose: input.purpose, suspect: r.suspect }) },
    () => {
      s.orm
        .insert(contacts)
        .values({
          id,
          clientId: input.clientId,
          at: at.toISOString(),
          channel: input.channel,
          direction: input.direction,
          outcome: input.outcome,
          purpose: input.purpose,
          proactive: isProactive(input.direction, input.purpose),
          durationMinutes: input.durationMinutes ?? null,
          notes: input.notes ?? null,
          satisfaction: input.satisfaction ?? null,
          attendees: input.attendees ?? [],
          followupId: input.followupId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      // The follow-up is carried out when the client was reached; a KYC deadline clears only when the record is updated.
      if (linked?.status === 'open' && isReached(input.outcome) && linked.type !== 'id_expiry' && linked.type !== 'risk_rating') closeFollowup(s, linked.id, 'done', 'contacted', id);
      const { suspect, becameSuspect, lastReachedId } = refreshContactState(s, input.clientId, id);
      // This contact is now the last time the client was reached: the cadence item is carried out by it.
      if (lastReachedId === id) {
        const cadence = s.orm.select({ id: followups.id }).from(followups).where(and(eq(followups.clientId, input.clientId), eq(followups.type, 'cadence'), eq(followups.status, 'open'))).all();
        for (const f of cadence) closeFollowup(s, f.id, 'done', 'contacted', id);
      }
      let createdFollowupId: string | null = null;
      if (input.nextStep) createdFollowupId = insertFollowup(s, { clientId: input.clientId, type: input.nextStep.type, title: input.nextStep.title, due: input.nextStep.due });
      if (becameSuspect) {
        insertFollowup(s, {
          clientId: input.clientId,
          type: 'verify_contact',
          title: 'followupTitles.verifyContact',
          titleParams: { count: SUSPECT_AFTER_FAILURES },
          generated: true,
          sourceKey: `verify_contact:${input.clientId}:${id}`,
          due: localDate(s.now()),
        });
      }
      regenerateFor(s, [input.clientId]);
      return { contact: toContactRecord(loadContact(s, id)), nextDue: isReached(input.outcome) ? openCadenceDue(s, input.clientId) : null, suspect, createdFollowupId };
    },
  );
}

/** Edits a logged contact; the audit entry keeps every changed field's original value. */
export function updateContact(s: Session, input: ParsedInputOf<'contacts.update'>): ContactRecord {
  const row = loadContact(s, input.id);
  if (row.rev !== input.rev) throw new AppError('STALE_REVISION', { field: 'rev', params: { current: row.rev } });
  const patch = Object.fromEntries(Object.entries(input.patch).filter(([, v]) => v !== undefined)) as Partial<typeof row>;
  if (patch.at) {
    if (new Date(patch.at).getTime() > s.now().getTime() + FUTURE_SLACK_MS) throw new AppError('INVALID_INPUT', { field: 'at', reason: 'future' });
    patch.at = new Date(patch.at).toISOString();
  }
  const changed = Object.keys(patch).filter((k) => JSON.stringify(patch[k as keyof typeof row]) !== JSON.stringify(row[k as keyof typeof row]));
  if (changed.length === 0) return toContactRecord(row);
  const direction = (patch.direction ?? row.direction) as ContactRecord['direction'];
  const purpose = (patch.purpose ?? row.purpose) as ContactRecord['purpose'];
  const before = Object.fromEntries(changed.map((k) => [k, row[k as keyof typeof row]]));
  s.inTransaction({ action: 'contact.update', subject: row.clientId, details: { id: row.id, fields: changed, before } }, () => {
    s.orm
      .update(contacts)
      .set({ ...patch, proactive: isProactive(direction, purpose), updatedAt: s.now().toISOString(), rev: row.rev + 1 })
      .where(eq(contacts.id, row.id))
      .run();
    refreshContactState(s, row.clientId, null);
    regenerateFor(s, [row.clientId]);
  });
  return toContactRecord(loadContact(s, row.id));
}

export function listContacts(s: Session, clientId: string, limit: number, offset: number): { total: number; rows: ContactRecord[] } {
  loadClient(s, clientId);
  const total = s.orm.select({ n: sql<number>`count(*)` }).from(contacts).where(eq(contacts.clientId, clientId)).get()?.n ?? 0;
  const rows = s.orm.select().from(contacts).where(eq(contacts.clientId, clientId)).orderBy(desc(contacts.at)).limit(limit).offset(offset).all();
  return { total, rows: rows.map(toContactRecord) };
}

/**
 * Recomputes a client's contact state from the log (so edits and back-dated entries are
 * right too). `becameSuspect` is true when `newContactId` is the attempt that reached the threshold.
 */
export function refreshContactState(s: Session, clientId: string, newContactId: string | null): { suspect: boolean; becameSuspect: boolean; lastReachedId: string | null } {
  // Same instant: the order they were logged in (rowid), not the random tail of the UUID.
  const history = s.orm.select({ id: contacts.id, at: contacts.at, outcome: contacts.outcome }).from(contacts).where(eq(contacts.clientId, clientId)).orderBy(asc(contacts.at), sql`rowid`).all();
  const outcomes = history.map((h) => h.outcome as ContactRecord['outcome']);
  const failures = trailingFailures(outcomes);
  const lastReached = [...history].reverse().find((h) => isReached(h.outcome as ContactRecord['outcome'])) ?? null;
  const before = s.orm.select().from(contactState).where(eq(contactState.clientId, clientId)).get();
  const suspect = failures >= SUSPECT_AFTER_FAILURES;
  const values = { lastReachedAt: lastReached?.at ?? null, lastReachedId: lastReached?.id ?? null, lastAttemptAt: history.at(-1)?.at ?? null, consecutiveFailures: failures, suspect };
  s.orm.insert(contactState).values({ clientId, ...values }).onConflictDoUpdate({ target: contactState.clientId, set: values }).run();
  // Reached again: the details work, so an open verify task is settled.
  if (!suspect) {
    const open = s.orm.select({ id: followups.id }).from(followups).where(and(eq(followups.clientId, clientId), eq(followups.type, 'verify_contact'), eq(followups.status, 'open'))).all();
    for (const f of open) closeFollowup(s, f.id, 'done', 'reached');
  }
  const becameSuspect = suspect && !before?.suspect && newContactId !== null && history.at(-1)?.id === newContactId;
  return { suspect, becameSuspect, lastReachedId: values.lastReachedId };
}

function openCadenceDue(s: Session, clientId: string): string | null {
  return s.orm.select({ due: followups.due }).from(followups).where(and(eq(followups.clientId, clientId), eq(followups.type, 'cadence'), eq(followups.status, 'open'))).get()?.due ?? null;
}

function loadContact(s: Session, id: string): typeof contacts.$inferSelect {
  const row = s.orm.select().from(contacts).where(eq(contacts.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', { field: 'contactId' });
  return row;
}
