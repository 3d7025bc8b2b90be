import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMap, Locale, ParsedInputOf, WorkspaceStatus } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { unlockDelaySeconds } from '../domain/idle';
import { passphraseProblems } from '../../../shared/passphrase';
import { applyPragmas, assertNotFromFuture, loadMigrations, migrate, openEncrypted, type OpenOptions } from '../store/db';
import { deriveKek, newDataKey, newKdfParams, unwrapWithPassphrase, wrapKey } from '../store/keys';
import { DB_FILE, readWorkspaceFile, workspaceExists, writeWorkspaceFile, type WorkspaceFile } from '../store/workspace-file';
import { makeEscrowWrap, type EscrowWrap } from '../sync/escrow';
import { nextAuditAnchor } from './audit';
import { markGeneratorCurrent } from './followup-generator';
import { Session } from './session';
import { readSetting, writeSetting } from './settings';

export interface WorkspaceOptions extends OpenOptions {
  dir: string;
  migrationsDir: string;
  now: () => Date;
  /** scrypt cost; production uses the default (~0.4 s), tests a cheap one. */
  scryptN?: number;
}

export type LockReason = EventMap['workspace.locked']['reason'];

/** Binds the passphrase wrap to this workspace, so a wrap copied from another workspace fails. */
export const wrapAad = (f: Pick<WorkspaceFile, 'workspaceId'>) => `rmw-passphrase-wrap:v1:${f.workspaceId}`;
const MAX_REMEMBERED_FAILURES = 100;

/** Create, unlock, lock and re-wrap the encrypted workspace (security.md). */
export class Workspace {
  private session: Session | null = null;
  private readonly migrations;

  constructor(private readonly opts: WorkspaceOptions) {
    this.migrations = loadMigrations(opts.migrationsDir);
  }

  get current(): Session | null {
    return this.session;
  }

  /** The open session, or a LOCKED error. */
  requireSession(): Session {
    if (!this.session) throw new AppError('LOCKED');
    return this.session;
  }

  status(): WorkspaceStatus {
    if (!workspaceExists(this.opts.dir)) {
      return { exists: false, locked: true, managerId: null, displayName: null, schemaVersion: null, locale: 'zh-CN', retryAfterSeconds: 0, failedAttempts: 0, workspaceId: null, escrowed: false };
    }
    const f = readWorkspaceFile(this.opts.dir);
    return {
      exists: true,
      locked: this.session === null,
      managerId: f.managerId,
      displayName: this.session ? readSetting<string | null>(this.session, 'displayName', null) : null,
      schemaVersion: f.schemaVersion,
      locale: f.locale,
      retryAfterSeconds: this.retryAfter(f),
      failedAttempts: f.failedUnlocks.count,
      workspaceId: f.workspaceId,
      escrowed: f.wraps.escrow !== undefined,
    };
  }

  async create(input: ParsedInputOf<'workspace.create'>): Promise<WorkspaceStatus> {
    const { dir } = this.opts;
    if (workspaceExists(dir)) throw new AppError('WORKSPACE_EXISTS');
    const problems = passphraseProblems(input.passphrase, input.managerId);
    if (problems.length) throw new AppError('WEAK_PASSPHRASE', { field: 'passphrase', reason: problems.join(','), params: { problems: problems.join(',') } });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const dbPath = join(dir, DB_FILE);
    // A database without workspace.json is unreadable (its key is lost): keep it aside, never reuse it.
    if (existsSync(dbPath)) renameSync(dbPath, `${dbPath}.orphan-${Date.now()}`);

    const dataKey = newDataKey();
    const kdf = newKdfParams(this.opts.scryptN);
    const file: WorkspaceFile = {
      format: 'rmw-workspace',
      version: 1,
      workspaceId: randomUUID(),
      managerId: input.managerId,
      createdAt: this.opts.now().toISOString(),
      schemaVersion: 0,
      locale: input.locale ?? 'zh-CN',
      kdf,
      wraps: { passphrase: { alg: 'aes-256-gcm', iv: '', ct: '', tag: '' } },
      failedUnlocks: { count: 0, times: [] },
      auditAnchor: null,
    };
    const kek = await deriveKek(input.passphrase, kdf);
    file.wraps.passphrase = wrapKey(kek, dataKey, wrapAad(file));
    kek.fill(0);

    const session = this.openSession(dbPath, dataKey, file.managerId);
    file.schemaVersion = migrate(session.db, this.migrations);
    session.inTransaction({ action: 'workspace.create', details: { workspaceId: file.workspaceId, schemaVersion: file.schemaVersion } }, () => {
      writeSetting(session, 'displayName', input.displayName);
      writeSetting(session, 'workspaceId', file.workspaceId);
      // Otherwise the first agenda after a 100,000-client import re-reads the whole book for nothing.
      markGeneratorCurrent(session);
    });
    writeWorkspaceFile(dir, file);
    this.session = session;
    return this.status();
  }

  async unlock(passphrase: string): Promise<WorkspaceStatus> {
    if (this.session) return this.status();
    const { dir } = this.opts;
    const file = readWorkspaceFile(dir);
    const wait = this.retryAfter(file);
    if (wait > 0) throw new AppError('UNLOCK_THROTTLED', { field: 'passphrase', params: { seconds: wait } });

    const dataKey = await unwrapWithPassphrase(passphrase, file.kdf, file.wraps.passphrase, wrapAad(file));
    if (!dataKey) {
      file.failedUnlocks.count += 1;
      file.failedUnlocks.times = [...file.failedUnlocks.times, this.opts.now().toISOString()].slice(-MAX_REMEMBERED_FAILURES);
      writeWorkspaceFile(dir, file);
      throw new AppError('WRONG_PASSPHRASE', { field: 'passphrase', params: { attempts: file.failedUnlocks.count, seconds: this.retryAfter(file) } });
    }

    const session = this.openSession(join(dir, DB_FILE), dataKey, file.managerId);
    try {
      file.schemaVersion = migrate(session.db, this.migrations);
      const failures = file.failedUnlocks.times;
      const pending = file.pendingAudit ?? [];
      session.inTransaction({ action: 'workspace.unlock', details: { failedAttemptsBefore: file.failedUnlocks.count } }, () => {
        // Each failure is recorded now: the database could not be opened when it happened.
        for (const at of failures) session.inTransaction({ action: 'workspace.unlock_failed', actor: 'unknown', details: { at } }, () => undefined);
        // So is what HQ did while the workspace was locked (a passphrase reset by `hq recover`).
        for (const p of pending) session.inTransaction({ action: p.action, actor: p.actor, details: { ...p.details, at: p.at } }, () => undefined);
      });
    } catch (e) {
      session.close();
      throw e;
    }
    file.failedUnlocks = { count: 0, times: [] };
    delete file.pendingAudit;
    // Anchored at unlock too, not only at lock: a session that ends in a crash writes no lock entry.
    file.auditAnchor = nextAuditAnchor(session, file.auditAnchor);
    writeWorkspaceFile(dir, file);
    this.session = session;
    return this.status();
  }

  /** The HQ escrow wrap in workspace.json, if one was made. */
  escrowWrap(): EscrowWrap | undefined {
    return readWorkspaceFile(this.opts.dir).wraps.escrow;
  }

  /**
   * Wraps the open workspace's data key to HQ's public key and keeps it in workspace.json
   * (security.md, escrow wrap). The file is replaced inside the audit transaction, so the
   * entry and the wrap land together.
   */
  async escrowTo(hqPublicArmored: string, reason: 'installed' | 'missing' | 'replaced'): Promise<EscrowWrap> {
    const session = this.requireSession();
    const file = readWorkspaceFile(this.opts.dir);
    const wrap = await session.withDataKey((dataKey) =>
      makeEscrowWrap({ dataKey, workspaceId: file.workspaceId, managerId: file.managerId, hqPublicArmored, now: this.opts.now() }),
    );
    const updated: WorkspaceFile = { ...file, wraps: { ...file.wraps, escrow: wrap } };
    session.inTransaction({ action: 'workspace.escrow', details: { recipient: wrap.recipient, reason, previous: file.wraps.escrow?.recipient ?? null } }, () =>
      writeWorkspaceFile(this.opts.dir, updated),
    );
    return wrap;
  }

  /** Closes the database, zeroes the key and records the audit head outside the database. */
  lock(reason: LockReason): boolean {
    const session = this.session;
    if (!session) return false;
    this.session = null;
    try {
      session.inTransaction({ action: 'workspace.lock', details: { reason } }, () => undefined);
      const file = readWorkspaceFile(this.opts.dir);
      file.auditAnchor = nextAuditAnchor(session, file.auditAnchor);
      writeWorkspaceFile(this.opts.dir, file);
    } finally {
      session.close();
    }
    return true;
  }

  /** Re-wraps the same data key under a new passphrase; the database is not re-encrypted. */
  async changePassphrase(current: string, next: string): Promise<void> {
    const session = this.requireSession();
    const file = readWorkspaceFile(this.opts.dir);
    const key = await unwrapWithPassphrase(current, file.kdf, file.wraps.passphrase, wrapAad(file));
    if (!key) throw new AppError('WRONG_PASSPHRASE', { field: 'current' });
    try {
      const problems = passphraseProblems(next, file.managerId);
      if (problems.length) throw new AppError('WEAK_PASSPHRASE', { field: 'next', reason: problems.join(','), params: { problems: problems.join(',') } });
      const kdf = newKdfParams(file.kdf.N);
      const kek = await deriveKek(next, kdf);
      const updated: WorkspaceFile = { ...file, kdf, wraps: { ...file.wraps, passphrase: wrapKey(kek, key, wrapAad(file)) } };
      kek.fill(0);
      // The file is replaced inside the audit transaction: if it fails, the entry rolls back.
      session.inTransaction({ action: 'workspace.passphrase_change' }, () => writeWorkspaceFile(this.opts.dir, updated));
    } finally {
      key.fill(0);
    }
  }

  setLocale(locale: Locale): void {
    const file = readWorkspaceFile(this.opts.dir);
    if (file.locale !== locale) writeWorkspaceFile(this.opts.dir, { ...file, locale });
  }

  auditAnchor(): { seq: number; hash: string } | null {
    return readWorkspaceFile(this.opts.dir).auditAnchor;
  }

  private openSession(dbPath: string, dataKey: Buffer, managerId: string): Session {
    let db;
    try {
      db = openEncrypted(dbPath, dataKey, { nativeBinding: this.opts.nativeBinding });
    } catch (e) {
      dataKey.fill(0);
      throw e;
    }
    try {
      assertNotFromFuture(db, this.migrations);
      applyPragmas(db);
    } catch (e) {
      db.close();
      dataKey.fill(0);
      throw e;
    }
    return new Session(db, dataKey, managerId, this.opts.now);
  }

  private retryAfter(file: WorkspaceFile): number {
    const delay = unlockDelaySeconds(file.failedUnlocks.count);
    const last = file.failedUnlocks.times.at(-1);
    if (!delay || !last) return 0;
    const remaining = Math.ceil((Date.parse(last) + delay * 1000 - this.opts.now().getTime()) / 1000);
    return Math.max(0, remaining);
  }
}
