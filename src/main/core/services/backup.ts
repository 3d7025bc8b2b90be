import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupResult, BackupStatus, ParsedInputOf } from '../../../shared/contract';
import type { TodaySummary } from '../../../shared/followups';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import { BACKUP_DB, BACKUP_MANIFEST, BACKUP_WORKSPACE, backupFolderName, macInput, manifestText, parseManifest, type Manifest, type ManifestBody } from '../domain/backup-manifest';
import { backupDue, DEFAULT_BACKUP_REMINDER_DAYS, type BackupHistory } from '../domain/backup-reminder';
import { applyKey, applyPragmas, openEncrypted, type OpenOptions, type Sqlite } from '../store/db';
import { unwrapWithPassphrase } from '../store/keys';
import { WORKSPACE_FILE, workspaceFileSchema, writeWorkspaceFile, type WorkspaceFile } from '../store/workspace-file';
import { auditHead, nextAuditAnchor, verifyAudit } from './audit';
import { Session } from './session';
import { readSetting, writeSetting } from './settings';
import { wrapAad } from './workspace';

/** Where the live workspace is and how to open a store (Electron passes its own native binding). */
export interface StoreLocation extends OpenOptions {
  dir: string;
  /** The newest schema this build understands; a newer backup is refused. */
  supportedSchema: number;
}

interface BackupSettings extends BackupHistory {
  lastBackupFolder: string | null;
}
const NO_BACKUP: BackupSettings = { lastBackupAt: null, lastBackupFolder: null, lastBackupSameDevice: null, lastOffDeviceBackupAt: null };

/**
 * Writes an encrypted backup into `folder` and verifies it before saying so. VACUUM INTO under
 * SQLite3 Multiple Ciphers writes the copy with the open database's cipher and key (the backup
 * API refuses an unkeyed destination, and no plaintext page or temp file is written); the copy is
 * then reopened read-only with the key unwrapped from the copied workspace.json.
 */
export async function createBackup(s: Session, loc: StoreLocation, input: { folder: string; passphrase: string }): Promise<BackupResult> {
  const folder = resolve(input.folder);
  let target: string | null = null;
  let key: Buffer | null = null;
  try {
    const folderDev = checkFolder(folder, loc.dir);
    const wsRaw = readFileSync(join(loc.dir, WORKSPACE_FILE));
    const ws = workspaceFileSchema.parse(JSON.parse(wsRaw.toString('utf8')));
    // Copying the whole book asks for the passphrase again: an unlocked laptop left alone is not enough.
    key = await unwrapWithPassphrase(input.passphrase, ws.kdf, ws.wraps.passphrase, wrapAad(ws));
    if (!key) throw new AppError('WRONG_PASSPHRASE', { field: 'passphrase' });
    const createdAt = s.now();
    target = join(folder, uniqueName(folder, backupFolderName(ws.workspaceId, createdAt)));
    mkdirSync(target, { mode: 0o700 });
    chmodSync(target, 0o700);
    const body = writeCopy(s, target, wsRaw, ws, createdAt);
    writeExclusive(join(target, BACKUP_MANIFEST), manifestText(sealManifest(body, key)));
    fsyncDir(target);
    const copyKey = Buffer.from(key);
    await inspectBackup(target, { ...loc, supportedSchema: body.schemaVersion }, async () => copyKey).then((r) => r.key.fill(0));
    const sameDevice = folderDev === statSync(loc.dir).dev;
    const result: BackupResult = {
      folder,
      name: target.slice(folder.length + 1),
      createdAt: body.createdAt,
      sameDevice,
      bytes: body.files.reduce((n, f) => n + f.size, 0),
      counts: body.counts,
      auditSeq: body.auditHead?.seq ?? 0,
    };
    const before = readSetting<BackupSettings>(s, 'backup', NO_BACKUP);
    s.inTransaction({ action: 'backup.create', details: { folder, name: result.name, sameDevice, auditSeq: result.auditSeq, bytes: result.bytes } }, () =>
      writeSetting(s, 'backup', {
        lastBackupAt: body.createdAt,
        lastBackupFolder: folder,
        lastBackupDevice: String(folderDev),
        lastBackupSameDevice: sameDevice,
        lastOffDeviceBackupAt: sameDevice ? before.lastOffDeviceBackupAt : body.createdAt,
      }),
    );
    return result;
  } catch (e) {
    // Nothing half-written stays behind: the folder is the backup or it is gone.
    if (target) rmSync(target, { recursive: true, force: true });
    const err = asBackupError(e);
    try {
      s.inTransaction({ action: 'backup.failed', details: { folder, code: err.code, field: err.field ?? null, reason: err.reason ?? null } }, () => undefined);
    } catch {
      // The manager hears why the backup failed even when the audit entry cannot be written either.
    }
    throw new AppError(err.code, err);
  } finally {
    key?.fill(0);
  }
}

/**
 * Restores the backup in `from` as a new workspace in `target`, which must be empty or absent.
 * Everything is checked before the first byte is written; on any failure the target is left as found.
 */
export async function restoreBackup(loc: StoreLocation, input: { from: string; target: string; passphrase: string; now: () => Date }): Promise<{ workspaceId: string; auditSeq: number }> {
  const from = resolve(input.from);
  const target = resolve(input.target);
  const existed = existsSync(target);
  if (existed && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) throw new AppError('RESTORE_TARGET_NOT_EMPTY', { field: 'workspace' });
  if (!existsSync(from) || !statSync(from).isDirectory()) throw new AppError('BACKUP_CORRUPT', { field: 'folder', reason: 'folderMissing' });
  const checked = await inspectBackup(from, loc, (ws) => unwrapWithPassphrase(input.passphrase, ws.kdf, ws.wraps.passphrase, wrapAad(ws)));
  const staging = join(target, `${BACKUP_DB}.restoring`);
  try {
    mkdirSync(target, { recursive: true, mode: 0o700 });
    writeExclusive(staging, readFileSync(join(from, BACKUP_DB)));
    const key = Buffer.from(checked.key);
    let db: Sqlite;
    try {
      db = openEncrypted(staging, key, loc);
      applyPragmas(db);
    } catch (e) {
      key.fill(0);
      throw e;
    }
    const session = new Session(db, key, checked.ws.managerId, input.now);
    let head;
    try {
      session.inTransaction(
        { action: 'workspace.restored', details: { backupCreatedAt: checked.manifest.createdAt, source: from, backupAuditSeq: checked.manifest.auditHead?.seq ?? 0 } },
        () => undefined,
      );
      head = nextAuditAnchor(session, checked.ws.auditAnchor);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      session.close();
    }
    renameSync(staging, join(target, BACKUP_DB));
    // The backed-up file as written (an escrow wrap or any other wrap stays), with a fresh counter and anchor.
    writeWorkspaceFile(target, { ...checked.wsRaw, failedUnlocks: { count: 0, times: [] }, auditAnchor: head } as unknown as WorkspaceFile);
    return { workspaceId: checked.ws.workspaceId, auditSeq: head?.seq ?? 0 };
  } catch (e) {
    if (existed) for (const f of readdirSync(target)) rmSync(join(target, f), { recursive: true, force: true });
    else rmSync(target, { recursive: true, force: true });
    throw e;
  } finally {
    checked.key.fill(0);
  }
}

export interface InspectedBackup {
  manifest: Manifest;
  ws: WorkspaceFile;
  /** workspace.json as stored, unknown keys (wraps added by later builds) included. */
  wsRaw: Record<string, unknown>;
  key: Buffer;
}

/**
 * Every check a restore relies on, read-only on the backup: file hashes against the manifest, the
 * data key from the copied wrap, the manifest's MAC, then the database itself opened read-only —
 * schema version, integrity_check, the audit chain up to the recorded head, and the row counts.
 */
export async function inspectBackup(dir: string, loc: StoreLocation, unwrap: (ws: WorkspaceFile) => Promise<Buffer | null>): Promise<InspectedBackup> {
  const manifestPath = join(dir, BACKUP_MANIFEST);
  if (!existsSync(manifestPath)) throw corrupt(BACKUP_MANIFEST, 'missing');
  const parsed = parseManifest(readFileSync(manifestPath, 'utf8'));
  if ('problem' in parsed) throw corrupt(BACKUP_MANIFEST, parsed.problem);
  const m = parsed.manifest;
  for (const f of m.files) {
    const p = join(dir, f.name);
    if (!existsSync(p)) throw corrupt(f.name, 'missing');
    const bytes = readFileSync(p);
    if (bytes.length !== f.size) throw corrupt(f.name, 'size');
    if (sha256(bytes) !== f.sha256) throw corrupt(f.name, 'checksum');
  }
  let wsRaw: Record<string, unknown>;
  let ws: WorkspaceFile;
  try {
    wsRaw = JSON.parse(readFileSync(join(dir, BACKUP_WORKSPACE), 'utf8')) as Record<string, unknown>;
    ws = workspaceFileSchema.parse(wsRaw);
  } catch {
    throw corrupt(BACKUP_WORKSPACE, 'format');
  }
  if (ws.workspaceId !== m.workspaceId || ws.managerId !== m.managerId) throw corrupt(BACKUP_WORKSPACE, 'mismatch');
  const key = await unwrap(ws);
  if (!key) throw new AppError('WRONG_PASSPHRASE', { field: 'passphrase' });
  try {
    if (!timingSafeEqual(Buffer.from(mac(m, key), 'hex'), Buffer.from(m.mac, 'hex'))) throw corrupt(BACKUP_MANIFEST, 'mac');
    // Only a sealed manifest is believed about its version: a flipped digit is corruption, not "upgrade".
    if (m.schemaVersion > loc.supportedSchema) throw new AppError('SCHEMA_TOO_NEW', { field: BACKUP_MANIFEST, params: { found: m.schemaVersion, supported: loc.supportedSchema } });
    checkDatabase(join(dir, BACKUP_DB), key, m, ws, loc);
  } catch (e) {
    key.fill(0);
    throw e;
  }
  return { manifest: m, ws, wsRaw, key };
}

export function backupStatus(s: Session): BackupStatus {
  const b = readSetting<BackupSettings>(s, 'backup', NO_BACKUP);
  const reminderDays = readSetting(s, 'backupReminderDays', DEFAULT_BACKUP_REMINDER_DAYS);
  return {
    lastBackupAt: b.lastBackupAt,
    lastBackupFolder: b.lastBackupFolder,
    lastBackupSameDevice: b.lastBackupSameDevice,
    lastOffDeviceBackupAt: b.lastOffDeviceBackupAt,
    reminderDays,
    due: backupDue(b, s.now(), reminderDays),
  };
}

export function updateBackupSettings(s: Session, input: ParsedInputOf<'backup.settings'>): BackupStatus {
  const before = backupStatus(s);
  if (input.reminderDays !== undefined && input.reminderDays !== before.reminderDays) {
    s.inTransaction({ action: 'backup.settings', details: { reminderDays: input.reminderDays } }, () => writeSetting(s, 'backupReminderDays', input.reminderDays));
  }
  return backupStatus(s);
}

/** The Today page's one line: null when a backup on a second medium is recent enough. */
export function backupReminder(s: Session): TodaySummary['backup'] {
  const st = backupStatus(s);
  return st.due ? { due: st.due, lastBackupAt: st.lastBackupAt, reminderDays: st.reminderDays } : null;
}

function checkFolder(folder: string, workspaceDir: string): number {
  if (!existsSync(folder)) throw new AppError('BACKUP_FOLDER_INVALID', { field: 'folder', reason: 'folderMissing' });
  const st = statSync(folder);
  if (!st.isDirectory()) throw new AppError('BACKUP_FOLDER_INVALID', { field: 'folder', reason: 'notDirectory' });
  // Real paths: a symlink must not smuggle the backup into the workspace folder.
  const rel = relative(realpathSync.native(workspaceDir), realpathSync.native(folder));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) throw new AppError('BACKUP_FOLDER_INVALID', { field: 'folder', reason: 'insideWorkspace' });
  return st.dev;
}

function uniqueName(folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (!existsSync(join(folder, name))) return name;
  }
}

/** The database copy and workspace.json, then the manifest body describing them. */
function writeCopy(s: Session, target: string, wsRaw: Buffer, ws: WorkspaceFile, createdAt: Date): ManifestBody {
  // All synchronous on the core's one connection: the head and counts describe exactly the copied snapshot.
  const head = auditHead(s);
  const counts = tableCounts(s.db);
  const schemaVersion = s.db.pragma('user_version', { simple: true }) as number;
  const dbPath = join(target, BACKUP_DB);
  closeSync(openSync(dbPath, 'wx', 0o600));
  s.db.prepare('VACUUM INTO ?').run(dbPath);
  fsyncFile(dbPath);
  writeExclusive(join(target, BACKUP_WORKSPACE), wsRaw);
  const file = (name: typeof BACKUP_DB | typeof BACKUP_WORKSPACE) => {
    const bytes = readFileSync(join(target, name));
    return { name, size: bytes.length, sha256: sha256(bytes) };
  };
  return {
    format: 'rmw-backup',
    version: 1,
    workspaceId: ws.workspaceId,
    managerId: ws.managerId,
    createdAt: createdAt.toISOString(),
    schemaVersion,
    auditHead: head,
    counts,
    files: [file(BACKUP_DB), file(BACKUP_WORKSPACE)] as ManifestBody['files'],
  };
}

function checkDatabase(path: string, key: Buffer, m: Manifest, ws: WorkspaceFile, loc: StoreLocation): void {
  let db: Sqlite;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(loc.nativeBinding ? { nativeBinding: loc.nativeBinding } : {}) });
  } catch {
    throw corrupt(BACKUP_DB, 'unreadable');
  }
  const session = new Session(db, Buffer.from(key), ws.managerId, () => new Date());
  try {
    try {
      applyKey(db, key);
      db.pragma('temp_store = MEMORY');
    } catch {
      throw corrupt(BACKUP_DB, 'unreadable');
    }
    if ((db.pragma('user_version', { simple: true }) as number) !== m.schemaVersion) throw corrupt(BACKUP_DB, 'schema');
    const integrity = db.pragma('integrity_check(1)', { simple: true });
    if (integrity !== 'ok') throw corrupt(BACKUP_DB, 'integrity');
    const chain = verifyAudit(session, ws.auditAnchor);
    const head = m.auditHead;
    if (!chain.intact || chain.entries !== (head?.seq ?? 0) || (head && chain.headHash !== head.hash)) throw corrupt(BACKUP_DB, 'audit');
    if (JSON.stringify(tableCounts(db)) !== JSON.stringify(m.counts)) throw corrupt(BACKUP_DB, 'counts');
  } catch (e) {
    // A page that fails SQLCipher's HMAC surfaces as an SQLite error from whichever read met it first.
    throw e instanceof AppError ? e : corrupt(BACKUP_DB, 'integrity');
  } finally {
    session.close();
  }
}

/** Rows per ordinary table (FTS shadow tables included, virtual tables themselves not). */
function tableCounts(db: Sqlite): Record<string, number> {
  const names = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((n) => [n, db.prepare(`SELECT count(*) FROM "${n.replace(/"/g, '""')}"`).pluck().get() as number]));
}

/** The manifest with its MAC (fault tests reseal a damaged copy with it, as a corruption before sealing would). */
export function sealManifest(body: ManifestBody, key: Buffer): Manifest {
  return { ...body, mac: mac(body, key) };
}

/** HMAC-SHA-256 under a key derived from the data key: only the key's holder can write a manifest that verifies. */
function mac(body: ManifestBody, key: Buffer): string {
  const macKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'rmw-backup-manifest:v1', 32));
  try {
    return createHmac('sha256', macKey).update(macInput(body)).digest('hex');
  } finally {
    macKey.fill(0);
  }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function corrupt(field: string, reason: string): AppError {
  return new AppError('BACKUP_CORRUPT', { field, reason });
}

/** A failure while writing or verifying a new backup, as the manager should read it. */
function asBackupError(e: unknown): AppErrorValue {
  if (e instanceof AppError) {
    const v = e.value;
    return v.code === 'BACKUP_CORRUPT' ? { code: 'BACKUP_FAILED', field: v.field, reason: v.reason } : v;
  }
  const code = (e as { code?: unknown } | null)?.code;
  return { code: 'BACKUP_FAILED', reason: 'write', params: { detail: typeof code === 'string' ? code : 'error' } };
}

function writeExclusive(path: string, data: Buffer | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const fd = openSync(path, 'wx', 0o600);
  try {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(path: string): void {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened for fsync on Windows; the files themselves were synced.
  }
}
