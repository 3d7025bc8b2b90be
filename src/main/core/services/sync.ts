import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors';
import type { SyncDue, SyncHistoryEntry, SyncSettings, SyncStatus } from '../../../shared/sync';
import { GENESIS_HASH } from '../domain/audit-chain';
import { deviceShortId } from '../sync/formats';
import { generateDeviceKey, readPublicKey } from '../sync/keys';
import { syncHistory, syncState } from '../store/schema';
import { journalHead, pendingByEntity } from './sync-journal';
import { readSetting, writeSetting } from './settings';
import type { Session } from './session';

// This device's side of the exchange with HQ: its key pair, HQ's key, the acknowledged position,
// the export reminder, and the history of files (sync-format.md, security.md).

export type SyncStateRow = typeof syncState.$inferSelect;

export const DEFAULT_SYNC_SETTINGS: Omit<SyncSettings, 'autoExportDir'> = { intervalDays: 7, backlogThreshold: 500, autoExportOnLock: false };

/**
 * Makes the device key pair once per workspace (at creation; at the first unlock of a workspace
 * made before sync existed). The private key stays in this encrypted database.
 */
export async function ensureDevice(s: Session): Promise<void> {
  if (s.orm.select({ id: syncState.id }).from(syncState).get()) return;
  const deviceId = randomUUID();
  const now = s.now();
  const key = await generateDeviceKey({ managerId: s.managerId, deviceId, now });
  s.inTransaction({ action: 'sync.device_key', details: { deviceId, fingerprint: key.fingerprint } }, () => {
    s.orm
      .insert(syncState)
      .values({
        id: 1,
        deviceId,
        devicePrivateKey: key.privateArmored,
        devicePublicKey: key.publicArmored,
        deviceFingerprint: key.fingerprint,
        deviceCreatedAt: now.toISOString(),
        ackedAuditHash: GENESIS_HASH,
      })
      .onConflictDoNothing()
      .run();
  });
}

export function syncStateRow(s: Session): SyncStateRow {
  const row = s.orm.select().from(syncState).where(eq(syncState.id, 1)).get();
  if (!row) throw new AppError('INTERNAL', { reason: 'NO_DEVICE_KEY' });
  return row;
}

/** HQ's key, or SYNC_NOT_ENROLLED: no file can be made or read before enrolment. */
export function requireEnrolled(s: Session): SyncStateRow & { hqPublicKey: string; hqFingerprint: string } {
  const st = syncStateRow(s);
  if (!st.hqPublicKey || !st.hqFingerprint) throw new AppError('SYNC_NOT_ENROLLED');
  return st as SyncStateRow & { hqPublicKey: string; hqFingerprint: string };
}

export function isEnrolled(s: Session): boolean {
  return Boolean(s.orm.select({ fp: syncState.hqFingerprint }).from(syncState).get()?.fp);
}

/** Installs HQ's public key (enrolment). Replacing one needs `replace`: a swapped key would let a stranger send rosters. */
export async function installHqKey(s: Session, armored: string, replace: boolean): Promise<void> {
  const { fingerprint } = await readPublicKey(armored, s.now());
  const st = syncStateRow(s);
  if (st.hqFingerprint === fingerprint) return;
  if (st.hqFingerprint && !replace) throw new AppError('SYNC_HQ_KEY_INSTALLED', { field: 'armored', params: { fingerprint: st.hqFingerprint } });
  if (fingerprint === st.deviceFingerprint) throw new AppError('SYNC_KEY_INVALID', { field: 'armored', reason: 'OWN_KEY' });
  s.inTransaction({ action: 'sync.hq_key', details: { fingerprint, replaced: st.hqFingerprint } }, () => {
    s.orm.update(syncState).set({ hqPublicKey: armored.trim() + '\n', hqFingerprint: fingerprint, hqInstalledAt: s.now().toISOString() }).where(eq(syncState.id, 1)).run();
  });
}

/** The enrolment file for HQ: the device public key, whose user ID names the manager and the device. */
export function enrolmentFile(s: Session): { fileName: string; content: string; fingerprint: string } {
  const st = syncStateRow(s);
  s.inTransaction({ action: 'sync.enrolment', details: { fingerprint: st.deviceFingerprint } }, () => undefined);
  return { fileName: `rmw-device-${s.managerId}-${deviceShortId(st.deviceId)}.asc`, content: st.devicePublicKey, fingerprint: st.deviceFingerprint };
}

export function syncSettings(s: Session): SyncSettings {
  return {
    intervalDays: readSetting(s, 'sync.intervalDays', DEFAULT_SYNC_SETTINGS.intervalDays),
    backlogThreshold: readSetting(s, 'sync.backlogThreshold', DEFAULT_SYNC_SETTINGS.backlogThreshold),
    autoExportOnLock: readSetting(s, 'sync.autoExportOnLock', DEFAULT_SYNC_SETTINGS.autoExportOnLock),
    autoExportDir: readSetting<string | null>(s, 'sync.autoExportDir', null),
  };
}

export function updateSyncSettings(s: Session, patch: Partial<SyncSettings>): SyncSettings {
  const before = syncSettings(s);
  const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && before[k as keyof SyncSettings] !== v));
  if (Object.keys(changed).length === 0) return before;
  s.inTransaction({ action: 'sync.settings', details: { changed } }, () => {
    for (const [k, v] of Object.entries(changed)) writeSetting(s, `sync.${k}`, v);
  });
  return syncSettings(s);
}

export function syncHistoryList(s: Session, limit: number): SyncHistoryEntry[] {
  return s.orm.select().from(syncHistory).orderBy(desc(syncHistory.at), sql`rowid desc`).limit(limit).all().map(toHistory);
}

/** Records a file written or received (inside the caller's transaction). */
export function recordHistory(s: Session, entry: Omit<typeof syncHistory.$inferInsert, 'id' | 'at'>): string {
  const id = randomUUID();
  s.orm.insert(syncHistory).values({ ...entry, id, at: s.now().toISOString() }).run();
  return id;
}

function lastOf(s: Session, kind: 'export' | 'roster'): SyncHistoryEntry | null {
  const row = s.orm.select().from(syncHistory).where(eq(syncHistory.kind, kind)).orderBy(desc(syncHistory.at), sql`rowid desc`).limit(1).get();
  return row ? toHistory(row) : null;
}

function toHistory(r: typeof syncHistory.$inferSelect): SyncHistoryEntry {
  return { id: r.id, kind: r.kind, at: r.at, outcome: r.outcome, fileName: r.fileName, sha256: r.sha256, fromSeq: r.fromSeq, toSeq: r.toSeq, rosterSeq: r.rosterSeq, counts: r.counts, reason: r.reason, auto: r.auto };
}

// Past this many journal entries, reading the whole (entity, row) index beats sorting the tail.
const LONG_TAIL = 250_000;
// The last count, with the acknowledgement and journal end it was taken at (committed state only).
const pendingCounted = new WeakMap<Session, { afterSeq: number; throughSeq: number; rows: number }>();

/**
 * Rows changed since HQ's acknowledgement (what the next export carries; the Sync page's total).
 * The Today page asks on every visit: a book not exported for a while has a long journal, so the
 * count is kept and brought forward by the entries written since, each row counted once.
 */
export function pendingRows(s: Session, afterSeq: number): number {
  const throughSeq = s.db.prepare('SELECT coalesce(max(seq), 0) FROM sync_journal').pluck().get() as number;
  const last = pendingCounted.get(s);
  let rows: number;
  if (last && last.afterSeq === afterSeq && last.throughSeq === throughSeq) {
    rows = last.rows;
  } else if (last && last.afterSeq === afterSeq && last.throughSeq < throughSeq) {
    // NOT INDEXED: the entries since are a short run of the rowid; left alone, DISTINCT walks the whole (entity, row) index.
    rows =
      last.rows +
      (s.db
        .prepare(
          `SELECT count(*) FROM (SELECT DISTINCT entity, row_id FROM sync_journal NOT INDEXED WHERE seq > @through) n
           WHERE NOT EXISTS (SELECT 1 FROM sync_journal o WHERE o.entity = n.entity AND o.row_id = n.row_id AND o.seq > @after AND o.seq <= @through)`,
        )
        .pluck()
        .get({ after: afterSeq, through: last.throughSeq }) as number);
  } else {
    // A short tail of the journal is read by rowid; a long one through the (entity, row) index, already in DISTINCT order.
    const index = throughSeq - afterSeq > LONG_TAIL ? '' : 'NOT INDEXED';
    rows = s.db.prepare(`SELECT count(*) FROM (SELECT DISTINCT entity, row_id FROM sync_journal ${index} WHERE seq > ?)`).pluck().get(afterSeq) as number;
  }
  // Inside a transaction the entries may yet be rolled back (and their numbers reused): not kept.
  if (!s.db.inTransaction) pendingCounted.set(s, { afterSeq, throughSeq, rows });
  return rows;
}

/** Whether to remind the RM to export: never exported, the interval passed, or changes piled up. */
export function syncDue(s: Session, st: SyncStateRow, pending: number, last: string | null): SyncDue {
  if (!st.hqFingerprint || pending === 0) return null;
  const settings = syncSettings(s);
  if (!last) return 'never';
  if (pending >= settings.backlogThreshold) return 'backlog';
  if (s.now().getTime() - Date.parse(last) > settings.intervalDays * 86_400_000) return 'interval';
  return null;
}

/** For the Today page: null unless enrolled. */
export function syncReminder(s: Session): { due: SyncDue; pending: number; lastExportAt: string | null } | null {
  const st = s.orm.select().from(syncState).get();
  if (!st?.hqFingerprint) return null;
  const pending = pendingRows(s, st.ackedThroughSeq);
  const last = lastExportAt(s);
  return { due: syncDue(s, st, pending, last), pending, lastExportAt: last };
}

function lastExportAt(s: Session): string | null {
  return s.db.prepare("SELECT max(at) FROM sync_history WHERE kind = 'export' AND outcome = 'written'").pluck().get() as string | null;
}

export function syncStatus(s: Session): SyncStatus {
  const st = syncStateRow(s);
  const byEntity = pendingByEntity(s, st.ackedThroughSeq);
  const total = Object.values(byEntity).reduce((a, b) => a + b, 0);
  const pendingProposals = s.db.prepare("SELECT count(*) FROM proposals WHERE status = 'pending'").pluck().get() as number;
  return {
    managerId: s.managerId,
    device: { deviceId: st.deviceId, fingerprint: st.deviceFingerprint, createdAt: st.deviceCreatedAt },
    hq: st.hqFingerprint && st.hqInstalledAt ? { fingerprint: st.hqFingerprint, installedAt: st.hqInstalledAt } : null,
    pending: { total, byEntity },
    ackedThroughSeq: st.ackedThroughSeq,
    headSeq: journalHead(s),
    lastRosterSeq: st.lastRosterSeq,
    lastExport: lastOf(s, 'export'),
    lastRoster: lastOf(s, 'roster'),
    pendingProposals,
    due: syncDue(s, st, total, lastExportAt(s)),
    settings: syncSettings(s),
  };
}

