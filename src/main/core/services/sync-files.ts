import { createHash } from 'node:crypto';
import { linkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { clientInputSchema, type ClientInput } from '../../../shared/clients';
import { AppError } from '../../../shared/errors';
import { SYNC_ENTITIES, type RosterSummary, type SyncEntity, type SyncExportResult, type SyncProgress } from '../../../shared/sync';
import { GENESIS_HASH } from '../domain/audit-chain';
import { open, seal } from '../sync/envelope';
import { GzipMembers } from '../sync/gzip-members';
import { decodeRoster, EXPORT_FORMAT, exportFileName, exportFrame, FORMAT_VERSION, rosterMismatch, type ExportManifest, type RosterPayload } from '../sync/formats';
import { clients, syncHistory, syncState } from '../store/schema';
import { auditHead, auditSegment, auditSeqOfHash } from './audit';
import { applyUpdate, clientsChanged, followKycChanges, insertClient, markAgendaStale, toInput, validateClient } from './clients';
import { regenerateFor } from './followup-generator';
import { settleProposals } from './proposals';
import { CHILD_ENTITIES, changedChunks, chunkLines, journalHead, rowData, SYNCED } from './sync-journal';
import { recordHistory, requireEnrolled, syncSettings, syncStateRow } from './sync';
import type { Session } from './session';

// Export files (RM → HQ) and roster files (HQ → RM), sync-format.md.

export type OnProgress = (p: SyncProgress) => void;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface BuiltExport {
  manifest: ExportManifest;
  /** The JSON Lines payload, gzipped (sync-format.md allows gzip inside the literal data). */
  payload: Uint8Array;
  records: number;
}

/**
 * The current state of every row changed after HQ's acknowledged seq, plus the audit entries HQ
 * has not acknowledged, read in one transaction (a consistent snapshot). Cumulative: until a roster
 * acknowledges it, the next export starts from the same point. SQLite builds and joins the record
 * lines a chunk at a time (no object or string per row in JS); each chunk is gzipped on the thread
 * pool while SQLite builds the next.
 */
export async function buildPayload(s: Session, onProgress?: OnProgress): Promise<BuiltExport> {
  const gz = new GzipMembers();
  const frame = s.db.transaction(() => {
    const st = syncStateRow(s);
    const toSeq = journalHead(s);
    const fromSeq = Math.min(st.ackedThroughSeq, toSeq);
    // Progress counts journal entries not yet read as records to come: an upper bound (a row changed
    // twice is one record), exact once the last chunk is read. Counting rows first would cost a sort.
    const entries = s.db.prepare('SELECT count(*) FROM sync_journal WHERE seq > ? AND seq <= ?').pluck();
    let left = entries.get(fromSeq, toSeq) as number;
    onProgress?.({ phase: 'export', done: 0, total: left });

    const tally = Object.fromEntries(SYNC_ENTITIES.map((e) => [e, 0])) as Record<SyncEntity, number>;
    let done = 0;
    let reported = 0;
    let readThrough = fromSeq;
    for (const chunk of changedChunks(s, fromSeq, toSeq)) {
      gz.piece(chunk.hasGone ? withGoneRows(s, chunk.bytes) : chunk.bytes);
      for (const e of SYNC_ENTITIES) tally[e] += chunk.counts[e];
      done += chunk.rows;
      left -= entries.get(readThrough, chunk.throughSeq) as number;
      readThrough = chunk.throughSeq;
      if (done - reported >= 20_000) {
        reported = done;
        onProgress?.({ phase: 'export', done, total: done + left });
      }
    }
    const counts: Partial<Record<SyncEntity, number>> = {};
    for (const e of SYNC_ENTITIES) if (tally[e]) counts[e] = tally[e];

    const head = auditHead(s) ?? { seq: 0, hash: GENESIS_HASH };
    const auditFromSeq = Math.min(st.ackedAuditSeq, head.seq);
    const audit = auditSegment(s, auditFromSeq, head.seq);
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      version: FORMAT_VERSION,
      managerId: s.managerId,
      deviceId: st.deviceId,
      devicePublicKeyFp: st.deviceFingerprint,
      fromSeq,
      toSeq,
      createdAt: s.now().toISOString(),
      auditFromSeq,
      auditToSeq: head.seq,
      auditPrevHash: auditFromSeq === st.ackedAuditSeq ? st.ackedAuditHash : (audit[0]?.prevHash ?? head.hash),
      auditHeadHash: head.hash,
      counts,
    };
    return { manifest, records: done, ...exportFrame(manifest, done, counts, audit) };
  })();
  const payload = await gz.finish(frame.head, frame.tail);
  onProgress?.({ phase: 'export', done: frame.records, total: frame.records });
  return { manifest: frame.manifest, payload, records: frame.records };
}

/**
 * A chunk's lines with each gone row's line made: kept for HQ when its client left the book
 * (sync_outbox), else a delete (the RM deleted it).
 */
function withGoneRows(s: Session, bytes: Buffer): Buffer {
  const outbox = s.db.prepare('SELECT updated_at, data FROM sync_outbox WHERE entity = ? AND row_id = ?').raw();
  const deletedAt = JSON.stringify(s.now().toISOString());
  const lines = chunkLines(bytes).map((r) => {
    if (typeof r === 'string') return r;
    const head = `{"entity":"${r.entity}","id":${JSON.stringify(r.id)},`;
    const kept = outbox.get(r.entity, r.id) as [string, string] | undefined;
    if (kept) return `${head}"op":"upsert","rev":${r.seq},"updatedAt":${JSON.stringify(kept[0])},"data":${kept[1]}}`;
    return `${head}"op":"delete","rev":${r.seq},"updatedAt":${deletedAt},"data":null}`;
  });
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

interface SealedExport {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  manifest: ExportManifest;
  records: number;
}

/** Builds, signs with the device key and encrypts to HQ's key (nothing recorded yet). */
async function sealExport(s: Session, onProgress?: OnProgress): Promise<SealedExport> {
  const st = requireEnrolled(s);
  const built = await buildPayload(s, onProgress);
  const fileName = exportFileName(built.manifest);
  // Already gzipped: OpenPGP's own compression would only spend time on incompressible bytes.
  const bytes = await seal({ payload: built.payload, signingKey: st.devicePrivateKey, recipientKey: st.hqPublicKey, fileName, now: s.now(), compressed: true });
  return { fileName, bytes, sha256: sha256(bytes), manifest: built.manifest, records: built.records };
}

/** The export, handed to the RM (a download) or written to a folder: in the history and the audit log. */
function recordExport(s: Session, e: SealedExport, auto: boolean): SyncExportResult {
  const m = e.manifest;
  s.inTransaction({ action: 'sync.export', details: { fileName: e.fileName, sha256: e.sha256, fromSeq: m.fromSeq, toSeq: m.toSeq, auditToSeq: m.auditToSeq, records: e.records, auto } }, () => {
    recordHistory(s, {
      kind: 'export',
      outcome: 'written',
      fileName: e.fileName,
      sha256: e.sha256,
      fromSeq: m.fromSeq,
      toSeq: m.toSeq,
      auditFromSeq: m.auditFromSeq,
      auditToSeq: m.auditToSeq,
      auditHeadHash: m.auditHeadHash,
      counts: m.counts as Record<string, number>,
      auto,
    });
  });
  return { fileName: e.fileName, contentBase64: Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength).toString('base64'), fromSeq: m.fromSeq, toSeq: m.toSeq, records: e.records, counts: m.counts, sha256: e.sha256 };
}

/** The Sync page's "export to file…": the sealed file for the RM to save. */
export async function exportFile(s: Session, onProgress?: OnProgress): Promise<SyncExportResult> {
  return recordExport(s, await sealExport(s, onProgress), false);
}

interface RosterPlan {
  payload: RosterPayload;
  summary: RosterSummary;
  /** clientNo → existing client id. */
  existing: Map<string, string>;
  ackedAuditSeq: number;
}

/**
 * Opens a roster: HQ's signature (the installed key only), addressed to this device, this manager,
 * newer than the last applied, a known format, an acknowledgement that matches our own journal and
 * audit chain. Anything else is refused with its reason and nothing is applied.
 */
async function readRoster(s: Session, fileBytes: Uint8Array): Promise<RosterPlan> {
  const st = requireEnrolled(s);
  const bytes = await open({ message: fileBytes, decryptionKey: st.devicePrivateKey, expectedSigner: st.hqPublicKey, now: s.now() });
  const payload = decodeRoster(bytes);
  const m = payload.manifest;
  const mismatch = rosterMismatch(m, { managerId: s.managerId, lastRosterSeq: st.lastRosterSeq });
  if (mismatch) throw refused(mismatch, mismatch === 'WRONG_MANAGER' ? 'managerId' : 'rosterSeq', mismatch === 'WRONG_MANAGER' ? { managerId: m.managerId } : { rosterSeq: m.rosterSeq, last: st.lastRosterSeq });
  if (m.ackedThroughSeq > journalHead(s)) throw refused('ACK_AHEAD', 'ackedThroughSeq', { seq: m.ackedThroughSeq });
  const ackedAuditSeq = auditSeqFor(s, m.auditAckHash);
  if (ackedAuditSeq === null) throw refused('AUDIT_ACK_UNKNOWN', 'auditAckHash');

  const existing = new Map<string, string>();
  const nos = payload.records.map((r) => r.clientNo);
  for (let i = 0; i < nos.length; i += 500) {
    const part = nos.slice(i, i + 500);
    const rows = s.db.prepare(`SELECT client_no AS no, id FROM clients WHERE client_no IN (${part.map(() => '?').join(',')})`).all(...part) as { no: string; id: string }[];
    for (const r of rows) existing.set(r.no, r.id);
  }
  const summary: RosterSummary = { rosterSeq: m.rosterSeq, issuedAt: m.issuedAt, ackedThroughSeq: m.ackedThroughSeq, assigned: 0, updated: 0, unchanged: 0, removed: 0, removedWithPending: 0, proposalsAccepted: 0, proposalsDeclined: 0 };
  const newAck = Math.max(st.ackedThroughSeq, m.ackedThroughSeq);
  for (const r of payload.records) {
    const id = existing.get(r.clientNo);
    if (r.type === 'unassign') {
      if (!id) continue;
      summary.removed++;
      if (pendingOfClient(s, id, newAck).length > 0) summary.removedWithPending++;
    } else if (!id) {
      // An update of a client this device does not have (a replacement laptop) puts it in the book when it says who it is.
      if (r.type === 'assign' || (r.fields.kind && r.fields.name)) summary.assigned++;
    } else {
      const current = toInput(loadClientRow(s, id));
      const changed = Object.entries(r.fields).some(([k, v]) => JSON.stringify(v ?? null) !== JSON.stringify(current[k as keyof ClientInput] ?? null));
      if (changed) summary.updated++;
      else summary.unchanged++;
    }
  }
  return { payload, summary, existing, ackedAuditSeq };
}

/** What a roster will do, for the RM to confirm (removals first). Refusals are recorded. */
export async function previewRoster(s: Session, fileName: string, bytes: Uint8Array): Promise<RosterSummary> {
  try {
    return (await readRoster(s, bytes)).summary;
  } catch (e) {
    recordRefusal(s, fileName, bytes, e);
    throw e;
  }
}

/** Applies a roster in one transaction: assignments, HQ fields, acknowledgement, removals, proposals settled. */
export async function applyRoster(s: Session, fileName: string, bytes: Uint8Array, onProgress?: OnProgress): Promise<RosterSummary> {
  let plan: RosterPlan;
  try {
    plan = await readRoster(s, bytes);
  } catch (e) {
    recordRefusal(s, fileName, bytes, e);
    throw e;
  }
  const { payload, summary, existing } = plan;
  const m = payload.manifest;
  const hash = sha256(bytes);
  const total = payload.records.length;
  return s.inTransaction({ action: 'sync.roster.apply', details: () => ({ fileName, sha256: hash, ...summary }) }, () => {
    const st = syncStateRow(s);
    const newAck = Math.max(st.ackedThroughSeq, m.ackedThroughSeq);
    const touched: string[] = [];
    const fieldsByClient = new Map<string, Set<string>>();
    let done = 0;
    for (const r of payload.records) {
      const id = existing.get(r.clientNo);
      if (r.type === 'unassign') {
        if (id) removeFromBook(s, id, newAck);
      } else if (!id) {
        if (r.type === 'update' && !(r.fields.kind && r.fields.name)) continue;
        const input = validateRoster(s, { ...r.fields, clientNo: r.clientNo } as ClientInput, r.clientNo);
        const newId = insertClient(s, input);
        existing.set(r.clientNo, newId);
        touched.push(newId);
      } else {
        const current = toInput(loadClientRow(s, id));
        const changed = Object.keys(r.fields).filter((k) => JSON.stringify(r.fields[k as keyof typeof r.fields] ?? null) !== JSON.stringify(current[k as keyof ClientInput] ?? null));
        fieldsByClient.set(id, new Set(Object.keys(r.fields)));
        if (changed.length === 0) continue;
        const merged = validateRoster(s, { ...current, ...r.fields } as ClientInput, r.clientNo, id);
        applyUpdate(s, id, merged);
        followKycChanges(s, id, changed, merged);
        touched.push(id);
      }
      if (++done % 5000 === 0) onProgress?.({ phase: 'roster', done, total });
    }
    const settled = settleProposals(s, newAck, fieldsByClient, m.rosterSeq);
    summary.proposalsAccepted = settled.accepted;
    summary.proposalsDeclined = settled.declined;
    regenerateFor(s, touched);
    if (touched.length > 0) {
      clientsChanged(s);
      markAgendaStale(s);
    }

    // HQ holds everything through newAck: those journal entries and kept rows are no longer needed.
    const ackedAudit = m.ackedThroughSeq >= st.ackedThroughSeq ? { seq: plan.ackedAuditSeq, hash: m.auditAckHash } : { seq: st.ackedAuditSeq, hash: st.ackedAuditHash };
    s.orm.update(syncState).set({ ackedThroughSeq: newAck, ackedAuditSeq: ackedAudit.seq, ackedAuditHash: ackedAudit.hash, lastRosterSeq: m.rosterSeq }).where(eq(syncState.id, 1)).run();
    s.db.prepare('DELETE FROM sync_journal WHERE seq <= ?').run(newAck);
    s.db.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(newAck);
    recordHistory(s, { kind: 'roster', outcome: 'applied', fileName, sha256: hash, rosterSeq: m.rosterSeq, toSeq: m.ackedThroughSeq, counts: countsOf(summary) });
    onProgress?.({ phase: 'roster', done: total, total });
    return summary;
  });
}

function countsOf(s: RosterSummary): Record<string, number> {
  return { assigned: s.assigned, updated: s.updated, unchanged: s.unchanged, removed: s.removed, removedWithPending: s.removedWithPending, proposalsAccepted: s.proposalsAccepted, proposalsDeclined: s.proposalsDeclined };
}

/** HQ's data must pass the same KYC checks as the RM's: a bad record refuses the whole roster. */
function validateRoster(s: Session, input: ClientInput, clientNo: string, selfId?: string): ClientInput {
  try {
    return validateClient(s, clientInputSchema.parse(input), selfId);
  } catch (e) {
    const v = e instanceof AppError ? e.value : null;
    const field = v?.field ?? (e instanceof Error && 'issues' in e ? String((e as { issues: { path: unknown[] }[] }).issues[0]?.path[0] ?? '') : '');
    throw refused('INVALID_CLIENT', field || 'record', { clientNo, detail: v?.reason ?? 'invalid' });
  }
}

/**
 * A client HQ took out of the book: its changes HQ has not acknowledged are kept (as the export
 * records they would be) for the next export, then its rows are deleted — secure_delete overwrites
 * them. The deletions themselves are not changes to send (the journal is muted meanwhile).
 */
function removeFromBook(s: Session, clientId: string, ackedSeq: number): void {
  const pending = pendingOfClient(s, clientId, ackedSeq);
  const keep = s.db.prepare('INSERT OR REPLACE INTO sync_outbox (entity, row_id, seq, updated_at, data) VALUES (?, ?, ?, ?, ?)');
  for (const entity of SYNC_ENTITIES) {
    const ids = pending.filter((p) => p.entity === entity);
    const rows = rowData(s, entity, ids.map((p) => p.id));
    for (const p of ids) {
      const row = rows.get(p.id);
      if (row) keep.run(entity, p.id, p.seq, row.updatedAt, row.json);
    }
  }
  // Another client referred by this one keeps its record; the link goes (a change HQ should see).
  s.orm.update(clients).set({ referredBy: null }).where(eq(clients.referredBy, clientId)).run();
  s.db.prepare('UPDATE sync_state SET muted = 1 WHERE id = 1').run();
  try {
    s.orm.delete(clients).where(eq(clients.id, clientId)).run();
  } finally {
    s.db.prepare('UPDATE sync_state SET muted = 0 WHERE id = 1').run();
  }
}

/** The rows of a client (its own and its contacts, follow-ups…) changed since `ackedSeq`, at their newest change. */
function pendingOfClient(s: Session, clientId: string, ackedSeq: number): { entity: SyncEntity; id: string; seq: number }[] {
  return s.db
    .prepare(
      `SELECT j.entity, j.row_id AS id, max(j.seq) AS seq FROM sync_journal j WHERE j.seq > ? AND (
        (j.entity = 'client' AND j.row_id = ?) OR j.row_id IN (${CHILD_ENTITIES.map((e) => `SELECT id FROM ${SYNCED[e].tableName} WHERE client_id = ?`).join(' UNION ALL ')})
      ) GROUP BY j.entity, j.row_id`,
    )
    .all(ackedSeq, clientId, ...CHILD_ENTITIES.map(() => clientId)) as { entity: SyncEntity; id: string; seq: number }[];
}

function loadClientRow(s: Session, id: string): typeof clients.$inferSelect {
  return s.orm.select().from(clients).where(eq(clients.id, id)).get()!;
}

/** The audit seq HQ acknowledges: from our export history first (cheap), else the chain itself. */
function auditSeqFor(s: Session, hash: string): number | null {
  const fromHistory = s.orm.select({ seq: syncHistory.auditToSeq }).from(syncHistory).where(eq(syncHistory.auditHeadHash, hash)).get();
  return fromHistory?.seq ?? auditSeqOfHash(s, hash);
}

function refused(reason: string, field: string, params?: Record<string, string | number>): AppError {
  return new AppError('SYNC_FILE_REFUSED', { field, reason, ...(params ? { params } : {}) });
}

/** A refused file is recorded (history + audit), and nothing else changes. */
function recordRefusal(s: Session, fileName: string, bytes: Uint8Array, e: unknown): void {
  if (!(e instanceof AppError) || (e.value.code !== 'SYNC_FILE_REFUSED' && e.value.code !== 'SYNC_KEY_INVALID' && e.value.code !== 'SYNC_NOT_ENROLLED')) return;
  const reason = e.value.reason ?? e.value.code;
  const hash = bytes.length ? sha256(bytes) : null;
  s.inTransaction({ action: 'sync.roster.refused', details: { fileName, sha256: hash, reason, field: e.value.field ?? null } }, () => {
    recordHistory(s, { kind: 'roster', outcome: 'refused', fileName, sha256: hash, reason });
  });
}


/** On lock/quit: the bank set a sync folder, asked for it, the device is enrolled and changes wait for HQ. */
export function autoExportWanted(s: Session): boolean {
  const settings = syncSettings(s);
  if (!settings.autoExportOnLock || !settings.autoExportDir) return false;
  const st = s.orm.select().from(syncState).get();
  if (!st?.hqFingerprint) return false;
  return journalHead(s) > st.ackedThroughSeq;
}

/**
 * Writes an export into a folder (the CLI's --out, or the bank's sync share). Never overwrites:
 * a file of the same name holds the same range, so it is left as it is and SYNC_FILE_EXISTS says so.
 */
export async function writeExportTo(s: Session, dir: string, opts: { auto?: boolean; onProgress?: OnProgress } = {}): Promise<{ path: string; result: SyncExportResult }> {
  const sealed = await sealExport(s, opts.onProgress);
  const path = join(dir, sealed.fileName);
  const tmp = join(dir, `.${sealed.fileName}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, sealed.bytes, { mode: 0o600, flag: 'wx' });
    // link() fails when the name exists: an unacknowledged file is never replaced.
    linkSync(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new AppError('SYNC_FILE_EXISTS', { field: 'file', params: { fileName: sealed.fileName } });
    throw new AppError('SYNC_FILE_REFUSED', { field: 'dir', reason: 'WRITE_FAILED', params: { detail: (e as Error).message.slice(0, 120) } });
  } finally {
    rmSync(tmp, { force: true });
  }
  return { path, result: recordExport(s, sealed, opts.auto ?? false) };
}
