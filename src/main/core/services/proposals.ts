import { and, desc, eq } from 'drizzle-orm';
import type { ClientInput, RevealableField } from '../../../shared/clients';
import { REVEALABLE_FIELDS } from '../../../shared/clients';
import { isHqOwned, type HqOwnedField, type ProposalRecord } from '../../../shared/sync';
import { uuidv7 } from '../domain/ids';
import { maskAddress, maskField, maskIdNumber, maskMobile } from '../domain/kyc/masking';
import { clients, proposals } from '../store/schema';
import { isEnrolled } from './sync';
import type { Session } from './session';

// The RM's corrections of HQ-owned fields (sync-format.md "proposed changes"): the HQ value stays,
// the correction travels to HQ with its note, and the next roster that covers the field settles it.

/** Enrolled with HQ and known to core banking: HQ-owned fields of this client change only by proposal. */
export function hqManaged(s: Session, client: { clientNo: string | null }): boolean {
  return client.clientNo !== null && isEnrolled(s);
}

/** Splits an edit: HQ-owned fields that changed become proposals (a pending one for the same field is replaced). */
export function proposeChanges(s: Session, clientId: string, current: ClientInput, fields: HqOwnedField[], patch: Partial<ClientInput>, note: string | null): string[] {
  const now = s.now().toISOString();
  const ids: string[] = [];
  for (const field of fields) {
    const pending = s.orm.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.clientId, clientId), eq(proposals.field, field), eq(proposals.status, 'pending'))).get();
    const proposed = patch[field] ?? null;
    if (pending) {
      s.db.prepare('UPDATE proposals SET proposed_value = ?, note = ?, updated_at = ?, rev = rev + 1 WHERE id = ?').run(JSON.stringify(proposed), note, now, pending.id);
      ids.push(pending.id);
    } else {
      const id = uuidv7(s.now().getTime());
      s.orm.insert(proposals).values({ id, clientId, field, hqValue: current[field] ?? null, proposedValue: proposed, note, status: 'pending', createdAt: now, updatedAt: now }).run();
      ids.push(id);
    }
  }
  return ids;
}

export function hqFieldsIn(keys: string[]): HqOwnedField[] {
  return keys.filter(isHqOwned);
}

/**
 * Settles pending proposals HQ has seen (their latest state is within the acknowledgement) when the
 * roster carries the field for that client: accepted if the value now on file is the proposed one.
 */
export function settleProposals(s: Session, ackedSeq: number, fieldsByClient: Map<string, Set<string>>, rosterSeq: number): { accepted: number; declined: number } {
  const out = { accepted: 0, declined: 0 };
  if (fieldsByClient.size === 0) return out;
  const rows = s.db
    .prepare(
      `SELECT p.id, p.client_id AS clientId, p.field, p.proposed_value AS proposed FROM proposals p WHERE p.status = 'pending'
       AND NOT EXISTS (SELECT 1 FROM sync_journal j WHERE j.entity = 'proposal' AND j.row_id = p.id AND j.seq > ?)`,
    )
    .all(ackedSeq) as { id: string; clientId: string; field: string; proposed: string | null }[];
  const now = s.now().toISOString();
  const settle = s.db.prepare('UPDATE proposals SET status = ?, settled_at = ?, roster_seq = ?, updated_at = ?, rev = rev + 1 WHERE id = ?');
  for (const p of rows) {
    if (!fieldsByClient.get(p.clientId)?.has(p.field)) continue;
    const client = s.orm.select().from(clients).where(eq(clients.id, p.clientId)).get() as Record<string, unknown> | undefined;
    if (!client) continue;
    const accepted = JSON.stringify(client[p.field] ?? null) === (p.proposed ?? 'null');
    settle.run(accepted ? 'accepted' : 'declined', now, rosterSeq, now, p.id);
    out[accepted ? 'accepted' : 'declined']++;
  }
  return out;
}

/** A client's proposals, newest first; values of revealable fields masked as the detail view masks them. */
export function clientProposals(s: Session, clientId: string): ProposalRecord[] {
  return s.orm
    .select()
    .from(proposals)
    .where(eq(proposals.clientId, clientId))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .all()
    .map((p) => ({
      id: p.id,
      clientId: p.clientId,
      field: p.field as HqOwnedField,
      hqValue: maskValue(p.field, p.hqValue),
      proposedValue: maskValue(p.field, p.proposedValue),
      note: p.note,
      status: p.status,
      createdAt: p.createdAt,
      settledAt: p.settledAt,
    }));
}

function maskValue(field: string, value: unknown): unknown {
  if (typeof value !== 'string' || !(REVEALABLE_FIELDS as readonly string[]).includes(field)) return value;
  switch (field as RevealableField) {
    case 'mobile':
      return maskMobile(value);
    case 'idNumber':
      return maskIdNumber(value);
    case 'addressRegistered':
    case 'addressResidence':
      return maskAddress(value);
    default:
      return maskField('account', value);
  }
}
