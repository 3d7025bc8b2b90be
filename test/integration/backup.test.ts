import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { backupCmd, restoreCmd } from '../../src/cli/backup';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/main/core/core';
import { wrapAad } from '../../src/main/core/services/workspace';
import { unwrapWithPassphrase } from '../../src/main/core/store/keys';
import { workspaceFileSchema } from '../../src/main/core/store/workspace-file';
import { generateKeyPair } from '../../src/main/core/sync/keys';
import type { BackupResult, WorkspaceStatus } from '../../src/shared/contract';
import type { AppErrorValue } from '../../src/shared/errors';
import { errorMessage } from '../../src/shared/i18n';
import { parseInput } from '../../src/shared/validate';
import { createWorkspace, makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';
import { sideDoor } from '../helpers/side-door';

// Encrypted backup and restore (issue 9): real encrypted workspaces in temp folders, real files.

const NAME = '欧阳靖雯';
const ID_NUMBER = '11010519491231002X';
const MOBILE = '13812345678';
const CLIENT = { kind: 'person', name: NAME, idType: 'resident_id', idNumber: ID_NUMBER, mobile: MOBILE, birthDate: '1949-12-31', sex: 'F' };

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
/** The pristine backup every refusal test damages a copy of. */
let backup: string;

beforeAll(async () => {
  tmp = tempDir('rmw-backup-');
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
  // HQ's key installed: workspace.json gains the escrow wrap, which a backup and a restore must keep.
  const hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: new Date('2026-01-01T00:00:00Z') });
  await h.call('sync.installHqKey', { armored: hq.publicArmored });
  await h.call('demo.load', { clients: 40, seed: 7, contacts: 60 });
  await h.call('clients.create', { client: CLIENT });
  mkdirSync(join(tmp.dir, 'usb'));
  const r = await internal<BackupResult>(h, 'backup.createIn', { folder: join(tmp.dir, 'usb'), passphrase: PASS });
  backup = join(r.folder, r.name);
});
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function refusal(harness: Harness, channel: string, input: unknown): Promise<AppErrorValue> {
  const r = await harness.router.handle(channel, input);
  expect(r.ok, JSON.stringify(r)).toBe(false);
  return (r as { ok: false; error: AppErrorValue }).error;
}

/** A copy of the pristine backup to damage, and a core over an absent target folder. */
function damaged(label: string, damage: (dir: string) => void): { from: string; target: string; core: Harness } {
  const from = join(tmp.dir, `bad-${label}`, 'rm-backup');
  cpSync(backup, from, { recursive: true });
  damage(from);
  const target = join(tmp.dir, `target-${label}`);
  return { from, target, core: makeCore(target) };
}

describe('encrypted backup', () => {
  it('writes an encrypted copy, verified, with no client data in clear or in names, modes 0700/0600', async () => {
    const at = h.clock.now();
    const p = (n: number) => String(n).padStart(2, '0');
    const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
    const workspaceId = JSON.parse(readFileSync(join(h.dir, 'workspace.json'), 'utf8')).workspaceId as string;
    expect(backup).toBe(join(tmp.dir, 'usb', `rm-backup-${workspaceId.replace(/-/g, '').slice(0, 8)}-${stamp}`));
    expect(readdirSync(backup).sort()).toEqual(['manifest.json', 'rm.db', 'workspace.json']);
    expect(statSync(backup).mode & 0o777).toBe(0o700);
    for (const f of readdirSync(backup)) expect(statSync(join(backup, f)).mode & 0o777, f).toBe(0o600);
    const clientData = [NAME, ID_NUMBER, MOBILE].map((s) => Buffer.from(s, 'utf8'));
    // The database copy is ciphertext from its first byte: not even SQLite's header or the schema's words.
    const sqlite = ['SQLite format 3', 'audit_log', 'CREATE TABLE'].map((s) => Buffer.from(s, 'utf8'));
    for (const f of readdirSync(backup)) {
      const bytes = readFileSync(join(backup, f));
      for (const n of f === 'rm.db' ? [...clientData, ...sqlite] : clientData) expect(bytes.includes(n), `${f} holds ${n.toString()}`).toBe(false);
    }
    // No plaintext spill beside it either (journals, temp files): only the three files, and the
    // live connection still keeps SQLite's temporary data in memory (2 = MEMORY), never in a clear temp file.
    expect(readdirSync(join(tmp.dir, 'usb'))).toHaveLength(1);
    expect(h.core.workspace.requireSession().db.pragma('temp_store', { simple: true })).toBe(2);

    // Without the key SQLite cannot read it; with a random key neither; with the key from the copied wrap it can.
    const plain = new Database(join(backup, 'rm.db'), { readonly: true });
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database|encrypted/i);
    plain.close();
    const ws = workspaceFileSchema.parse(JSON.parse(readFileSync(join(backup, 'workspace.json'), 'utf8')));
    const key = await unwrapWithPassphrase(PASS, ws.kdf, ws.wraps.passphrase, wrapAad(ws));
    expect(key).not.toBeNull();
    const keyed = new Database(join(backup, 'rm.db'), { readonly: true });
    keyed.pragma(`cipher='sqlcipher'`);
    keyed.pragma('legacy=4');
    keyed.pragma(`key="x'${key!.toString('hex')}'"`);
    expect(keyed.prepare('SELECT count(*) FROM clients WHERE name = ?').pluck().get(NAME)).toBe(1);
    keyed.close();

    const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'rmw-backup', version: 1, counts: { clients: 41 }, files: [{ name: 'rm.db' }, { name: 'workspace.json' }] });
    expect(manifest.schemaVersion).toBe(h.core.store.supportedSchema);
    expect(JSON.stringify(manifest)).not.toContain(NAME);
  });

  it('is audited, and remembers when and where; the escrow wrap is copied as it was', async () => {
    const entries = (await h.call('audit.list', { action: 'backup.create' })).entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details).toMatchObject({ folder: join(tmp.dir, 'usb'), sameDevice: true });
    expect(JSON.stringify(entries[0])).not.toContain(NAME);
    expect(await h.call('backup.status')).toMatchObject({ lastBackupAt: '2026-11-22T01:00:00.000Z', lastBackupFolder: join(tmp.dir, 'usb'), lastBackupSameDevice: true });
    const copied = JSON.parse(readFileSync(join(backup, 'workspace.json'), 'utf8'));
    expect(copied.wraps.escrow?.alg).toBe('openpgp');
    expect(readFileSync(join(backup, 'workspace.json'), 'utf8')).toBe(readFileSync(join(h.dir, 'workspace.json'), 'utf8'));
  });

  it('refuses a wrong passphrase, a missing folder and the workspace folder itself, leaving nothing and auditing each', async () => {
    const usb = join(tmp.dir, 'usb');
    expect(await refusal(h, 'backup.createIn', { folder: usb, passphrase: 'not-the-passphrase' })).toMatchObject({ code: 'WRONG_PASSPHRASE', field: 'passphrase' });
    expect(await refusal(h, 'backup.createIn', { folder: join(tmp.dir, 'nowhere'), passphrase: PASS })).toMatchObject({ code: 'BACKUP_FOLDER_INVALID', reason: 'folderMissing' });
    const inside = await refusal(h, 'backup.createIn', { folder: h.dir, passphrase: PASS });
    expect(inside).toMatchObject({ code: 'BACKUP_FOLDER_INVALID', reason: 'insideWorkspace' });
    expect(errorMessage('zh-CN', inside)).toContain('不能备份到工作区文件夹内');
    expect(errorMessage('en', inside)).toContain('cannot go inside the workspace folder');
    expect(await refusal(h, 'backup.createIn', { folder: 'relative/dir', passphrase: PASS })).toMatchObject({ code: 'INVALID_INPUT', field: 'folder' });
    expect(readdirSync(usb)).toHaveLength(1);
    expect((await h.call('audit.list', { action: 'backup.failed' })).total).toBe(3);
  });

  it('takes the folder only from the shell: the renderer’s contract has no path and cannot name the internal message', () => {
    expect(parseInput('backup.createIn', { folder: '/tmp', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(parseInput('backup.restoreFrom', { from: '/tmp', passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(parseInput('backup.create', { passphrase: PASS, folder: '/tmp' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('restore into a new workspace', () => {
  it('restores into an absent folder, unlocks with the passphrase; data identical, chain continues, escrow kept', async () => {
    const target = join(tmp.dir, 'restored');
    // The same day as the original (segment states depend on the day), so the books compare equal.
    const r = makeCore(target, testClock());
    try {
      const out = await internal<{ restored: boolean; status: WorkspaceStatus }>(r, 'backup.restoreFrom', { from: backup, passphrase: PASS });
      expect(out).toMatchObject({ restored: true, status: { locked: false, exists: true } });
      const list = async (x: Harness) => (await x.call('clients.list', { limit: 1000 })).rows.map((c) => ({ ...c }));
      expect(await list(r)).toEqual(await list(h));
      const found = (await r.call('clients.list', { query: NAME })).rows[0]!;
      expect((await r.call('clients.reveal', { id: found.id, field: 'idNumber' })).value).toBe(ID_NUMBER);
      const restoredEntry = (await r.call('audit.list', { action: 'workspace.restored' })).entries[0]!;
      const manifest = JSON.parse(readFileSync(join(backup, 'manifest.json'), 'utf8'));
      expect(restoredEntry.seq).toBe(manifest.auditHead.seq + 1);
      expect(restoredEntry.details).toMatchObject({ backupCreatedAt: '2026-11-22T01:00:00.000Z', source: backup });
      expect(await r.call('audit.verify')).toMatchObject({ intact: true });
      const ws = JSON.parse(readFileSync(join(target, 'workspace.json'), 'utf8'));
      const original = JSON.parse(readFileSync(join(h.dir, 'workspace.json'), 'utf8'));
      expect(ws.wraps).toEqual(original.wraps);
      expect(statSync(join(target, 'rm.db')).mode & 0o777).toBe(0o600);
      expect(readdirSync(target).filter((f) => f.includes('restoring'))).toEqual([]);
      // Lock and unlock again with the same passphrase: a workspace like any other.
      await r.call('workspace.lock');
      expect((await r.call('workspace.unlock', { passphrase: PASS })).locked).toBe(false);
      expect((await r.call('audit.verify')).intact).toBe(true);
    } finally {
      r.core.dispose();
    }
  });

  it('never overwrites: a folder with a workspace or any file is refused and left as it was', async () => {
    const busy = join(tmp.dir, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'keep me');
    const b = makeCore(busy);
    const err = await refusal(b, 'backup.restoreFrom', { from: backup, passphrase: PASS });
    expect(err).toMatchObject({ code: 'RESTORE_TARGET_NOT_EMPTY' });
    expect(errorMessage('zh-CN', err)).toContain('不会覆盖');
    expect(readdirSync(busy)).toEqual(['notes.txt']);
    // The live workspace itself: refused while unlocked, nothing touched.
    const before = readFileSync(join(h.dir, 'workspace.json'));
    expect((await refusal(h, 'backup.restoreFrom', { from: backup, passphrase: PASS })).code).toBe('RESTORE_TARGET_NOT_EMPTY');
    expect(readFileSync(join(h.dir, 'workspace.json')).equals(before)).toBe(true);
  });

  const corruptions: [string, (dir: string) => void, Partial<AppErrorValue>][] = [
    ['flipped db byte', (d) => flip(join(d, 'rm.db'), 5000), { code: 'BACKUP_CORRUPT', field: 'rm.db', reason: 'checksum' }],
    ['truncated db', (d) => writeFileSync(join(d, 'rm.db'), readFileSync(join(d, 'rm.db')).subarray(0, 4096)), { code: 'BACKUP_CORRUPT', field: 'rm.db', reason: 'size' }],
    ['missing db', (d) => rmSync(join(d, 'rm.db')), { code: 'BACKUP_CORRUPT', field: 'rm.db', reason: 'missing' }],
    ['missing manifest', (d) => rmSync(join(d, 'manifest.json')), { code: 'BACKUP_CORRUPT', field: 'manifest.json', reason: 'missing' }],
    ['flipped workspace.json byte', (d) => flip(join(d, 'workspace.json'), 40), { code: 'BACKUP_CORRUPT', field: 'workspace.json', reason: 'checksum' }],
    ['edited manifest count', (d) => replaceIn(join(d, 'manifest.json'), '"clients": 41', '"clients": 42'), { code: 'BACKUP_CORRUPT', field: 'manifest.json', reason: 'mac' }],
    ['reformatted manifest', (d) => replaceIn(join(d, 'manifest.json'), '\n  "version"', '\n "version"'), { code: 'BACKUP_CORRUPT', field: 'manifest.json', reason: 'noncanonical' }],
  ];

  it.each(corruptions)('refuses a backup with a %s and leaves the target absent', async (label, damage, expected) => {
    const { from, target, core } = damaged(label.replace(/\W+/g, '-'), damage);
    try {
      const err = await refusal(core, 'backup.restoreFrom', { from, passphrase: PASS });
      expect(err).toMatchObject(expected);
      expect(existsSync(target)).toBe(false);
      expect(errorMessage('zh-CN', err)).toMatch(/^备份已损坏或被改动，拒绝恢复（.+）；未写入任何数据$/);
      expect(errorMessage('en', err)).toMatch(/^The backup is damaged .*\(.+\); nothing was written$/);
    } finally {
      core.core.dispose();
    }
  });

  it('refuses a wrong passphrase and leaves an existing empty target empty', async () => {
    const target = mkdtempSync(join(tmp.dir, 'empty-'));
    const r = makeCore(target);
    const err = await refusal(r, 'backup.restoreFrom', { from: backup, passphrase: 'Wrong-Passphrase-2026' });
    expect(err).toMatchObject({ code: 'WRONG_PASSPHRASE', field: 'passphrase' });
    expect(errorMessage('zh-CN', err)).toBe('口令错误');
    expect(readdirSync(target)).toEqual([]);
    r.core.dispose();
  });

  it('refuses a backup made by a newer schema, writing nothing', async () => {
    const migrations = join(tmp.dir, 'future-migrations');
    cpSync(DEFAULT_MIGRATIONS_DIR, migrations, { recursive: true });
    const journalPath = join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
    const idx = journal.entries.length;
    journal.entries.push({ idx, version: '6', when: 1, tag: `${String(idx).padStart(4, '0')}_future`, breakpoints: true });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(join(migrations, `${String(idx).padStart(4, '0')}_future.sql`), 'CREATE TABLE future_thing (x integer);');
    const future = makeCore(join(tmp.dir, 'future-ws'), testClock(), { migrationsDir: migrations });
    await createWorkspace(future);
    mkdirSync(join(tmp.dir, 'future-usb'));
    const made = await internal<BackupResult>(future, 'backup.createIn', { folder: join(tmp.dir, 'future-usb'), passphrase: PASS });
    future.core.dispose();
    const target = join(tmp.dir, 'future-target');
    const r = makeCore(target);
    const err = await refusal(r, 'backup.restoreFrom', { from: join(made.folder, made.name), passphrase: PASS });
    expect(err).toMatchObject({ code: 'SCHEMA_TOO_NEW', params: { found: idx + 1, supported: idx } });
    expect(existsSync(target)).toBe(false);
    r.core.dispose();
  });
});

describe('reminder to back up to a second medium', () => {
  it('says never, then second medium after a backup on the same disk, then nothing, then old after N days', async () => {
    const clock = testClock();
    const notes: string[] = [];
    const x = makeCore(join(tmp.dir, 'remind-ws'), clock, { emit: (e, p) => e === 'reminders.due' && notes.push((p as { body: string }).body) });
    try {
      await createWorkspace(x);
      expect((await x.call('agenda.today')).backup).toEqual({ due: 'never', lastBackupAt: null, reminderDays: 7 });
      // Never backed up: the Today page asks; no desktop notification until a backup habit lapses.
      x.core.remind();
      expect(notes).toEqual([]);
      mkdirSync(join(tmp.dir, 'same-disk'));
      await internal<BackupResult>(x, 'backup.createIn', { folder: join(tmp.dir, 'same-disk'), passphrase: PASS });
      expect((await x.call('agenda.today')).backup?.due).toBe('sameDevice');
      x.core.remind();
      expect(notes.at(-1)).toContain('同一块磁盘');

      // /dev/shm is a tmpfs: another device than the temp folder's disk, as a USB drive would be.
      const other = mkdtempSync('/dev/shm/rmw-backup-');
      try {
        expect(statSync(other).dev).not.toBe(statSync(tmp.dir).dev);
        const r = await internal<BackupResult>(x, 'backup.createIn', { folder: other, passphrase: PASS });
        expect(r.sameDevice).toBe(false);
      } finally {
        rmSync(other, { recursive: true, force: true });
      }
      expect((await x.call('agenda.today')).backup).toBeNull();
      clock.advanceMinutes(6 * 24 * 60 + 23 * 60);
      expect((await x.call('agenda.today')).backup).toBeNull();
      clock.advanceMinutes(60);
      expect((await x.call('agenda.today')).backup).toMatchObject({ due: 'old', reminderDays: 7 });
      expect(await x.call('backup.settings', { reminderDays: 10 })).toMatchObject({ reminderDays: 10, due: null });
      clock.advanceMinutes(3 * 24 * 60);
      expect((await x.call('backup.status')).due).toBe('old');
      x.core.remind();
      expect(notes.at(-1)).toBe('距上次备份到其他介质已超过 10 天，请备份到 U 盘或网络盘');
      expect((await x.call('audit.list', { action: 'backup.settings' })).total).toBe(1);
    } finally {
      x.core.dispose();
    }
  });
});

describe('rmw backup / rmw restore', () => {
  // In-process (the commands' own functions, as rmw.ts calls them): a tsx start per command costs ~5 s.
  it('backs up with --to and restores with --from into a new --workspace; a second restore there is refused', async () => {
    const ws = join(tmp.dir, 'cli-ws');
    const c = makeCore(ws);
    await createWorkspace(c);
    await c.call('clients.create', { client: CLIENT });
    c.core.dispose();
    const to = mkdtempSync(join(tmp.dir, 'cli-usb-'));
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => void out.push(m));
    process.env['RMW_PASSPHRASE'] = PASS;
    try {
      expect(await backupCmd(['--workspace', ws, '--to', to, '--json'])).toBe(0);
      const r = JSON.parse(out[0]!) as BackupResult;
      expect(r).toMatchObject({ folder: to, sameDevice: true, counts: { clients: 1 } });
      const target = join(tmp.dir, 'cli-restored');
      expect(await restoreCmd(['--from', join(r.folder, r.name), '--workspace', target, '--json'])).toBe(0);
      expect(JSON.parse(out[1]!)).toMatchObject({ restored: true, workspace: target });
      const side = await sideDoor(target, PASS);
      expect(side.prepare('SELECT name FROM clients').pluck().all()).toEqual([NAME]);
      side.close();
      await expect(restoreCmd(['--from', join(r.folder, r.name), '--workspace', target])).rejects.toMatchObject({ value: { code: 'RESTORE_TARGET_NOT_EMPTY' } });
    } finally {
      delete process.env['RMW_PASSPHRASE'];
      log.mockRestore();
    }
  });
});

/** The shell's and the CLI's messages (not in the renderer's contract). */
async function internal<T>(x: Harness, channel: 'backup.createIn' | 'backup.restoreFrom', input: unknown): Promise<T> {
  const r = await x.router.handle(channel, input);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.data as T;
}

function flip(path: string, at: number): void {
  const b = readFileSync(path);
  b[at] = b[at]! ^ 0x01;
  writeFileSync(path, b);
}

function replaceIn(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in ${path}`);
  writeFileSync(path, text.replace(from, to));
}
