import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWorkspaceFile } from '../../src/main/core/store/workspace-file';
import { createWorkspace, makeCore, MANAGER, PASS, tempDir, type Harness } from '../helpers/core';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const dirOf = () => join(tmp.dir, 'ws');

beforeEach(() => {
  tmp = tempDir();
  h = makeCore(dirOf());
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

describe('encrypted workspace', () => {
  it('creates a workspace whose files hold no client-like string in clear', async () => {
    const secret = '客户张三丰 身份证110101199003074258 手机13812345678';
    await createWorkspace(h, secret);
    expect((await h.call('workspace.status')).displayName).toBe(secret);
    h.core.lock('manual');
    const needles = [Buffer.from('张三丰', 'utf8'), Buffer.from('110101199003074258'), Buffer.from('13812345678'), Buffer.from('audit_log')];
    for (const name of ['rm.db', 'rm.db-wal', 'workspace.json']) {
      const p = join(dirOf(), name);
      if (!existsSync(p)) continue;
      const bytes = readFileSync(p);
      for (const n of needles) expect(bytes.includes(n), `${name} contains ${n.toString()}`).toBe(false);
    }
    expect(statSync(join(dirOf(), 'rm.db')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dirOf(), 'workspace.json')).mode & 0o777).toBe(0o600);
    // A plain SQLite handle without the key cannot read it.
    const plain = new Database(join(dirOf(), 'rm.db'));
    expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/not a database|encrypted/i);
    plain.close();
  });

  it('refuses a weak passphrase, naming the field and the reasons', async () => {
    const r = await h.router.handle('workspace.create', { managerId: MANAGER, displayName: 'x', passphrase: 'short1' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('WEAK_PASSPHRASE');
      expect(r.error.field).toBe('passphrase');
      expect(r.error.reason).toContain('TOO_SHORT');
    }
    expect(existsSync(join(dirOf(), 'workspace.json'))).toBe(false);
  });

  it('a wrong passphrase fails clearly and leaves rm.db byte-identical', async () => {
    await createWorkspace(h);
    h.core.lock('manual');
    const before = readFileSync(join(dirOf(), 'rm.db'));
    const r = await h.router.handle('workspace.unlock', { passphrase: 'Wrong-passphrase-99' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'WRONG_PASSPHRASE', field: 'passphrase' });
    expect(readFileSync(join(dirOf(), 'rm.db')).equals(before)).toBe(true);
    expect(existsSync(join(dirOf(), 'rm.db-wal'))).toBe(false);
    expect(readWorkspaceFile(dirOf()).failedUnlocks.count).toBe(1);
  });

  it('throttles after repeated failures and audits each failure on the next unlock', async () => {
    await createWorkspace(h);
    h.core.lock('manual');
    for (let i = 0; i < 3; i++) await h.router.handle('workspace.unlock', { passphrase: `Nope-nope-${i}-XYZ` });
    const throttled = await h.router.handle('workspace.unlock', { passphrase: PASS });
    expect(throttled.ok).toBe(false);
    if (!throttled.ok) expect(throttled.error.code).toBe('UNLOCK_THROTTLED');
    expect((await h.call('workspace.status')).retryAfterSeconds).toBeGreaterThan(0);
    h.clock.advanceMinutes(1);
    await h.call('workspace.unlock', { passphrase: PASS });
    const page = await h.call('audit.list', { action: 'workspace.unlock_failed' });
    expect(page.total).toBe(3);
    expect(readWorkspaceFile(dirOf()).failedUnlocks.count).toBe(0);
  });

  it('refuses a database with a higher schema version without changing it', async () => {
    await createWorkspace(h);
    const current = (await h.call('workspace.status')).schemaVersion!;
    // Side door: bump user_version with the real key, as a newer build would have.
    const key = (h.core.workspace.current as unknown as { dataKey: Buffer }).dataKey;
    const hex = key.toString('hex');
    h.core.lock('manual');
    const side = new Database(join(dirOf(), 'rm.db'));
    side.pragma(`cipher='sqlcipher'`);
    side.pragma('legacy=4');
    side.pragma(`key="x'${hex}'"`);
    side.pragma(`user_version = ${current + 5}`);
    side.close();
    const before = readFileSync(join(dirOf(), 'rm.db'));
    const r = await h.router.handle('workspace.unlock', { passphrase: PASS });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'SCHEMA_TOO_NEW', params: { found: current + 5, supported: current } });
    expect(readFileSync(join(dirOf(), 'rm.db')).equals(before)).toBe(true);
    expect((await h.call('workspace.status')).locked).toBe(true);
  });

  it('changing the passphrase re-wraps: data readable with the new one, not the old one', async () => {
    await createWorkspace(h, '刘备');
    const dbBefore = readWorkspaceFile(dirOf()).wraps.passphrase;
    const next = 'Autumn-River-Stone-77';
    await h.call('workspace.changePassphrase', { current: PASS, next });
    expect(readWorkspaceFile(dirOf()).wraps.passphrase.ct).not.toBe(dbBefore.ct);
    h.core.lock('manual');
    const old = await h.router.handle('workspace.unlock', { passphrase: PASS });
    expect(old.ok).toBe(false);
    h.clock.advanceMinutes(1);
    const st = await h.call('workspace.unlock', { passphrase: next });
    expect(st.displayName).toBe('刘备');
    expect((await h.call('audit.list', { action: 'workspace.passphrase_change' })).total).toBe(1);
  });

  it('auto-locks after the idle minutes, and then nothing can be read until unlock', async () => {
    await createWorkspace(h);
    await h.call('settings.update', { autoLockMinutes: 5 });
    h.clock.advanceMinutes(4);
    h.core.tick();
    expect((await h.call('workspace.status')).locked).toBe(false);
    await h.call('session.activity');
    h.clock.advanceMinutes(4);
    h.core.tick();
    expect((await h.call('workspace.status')).locked).toBe(false);
    h.clock.advanceMinutes(2);
    h.core.tick();
    expect((await h.call('workspace.status')).locked).toBe(true);
    for (const ch of ['audit.list', 'audit.verify', 'settings.get'] as const) {
      const r = await h.router.handle(ch, {});
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('LOCKED');
    }
    expect((await h.call('workspace.status')).displayName).toBeNull();
    await h.call('workspace.unlock', { passphrase: PASS });
    const locks = await h.call('audit.list', { action: 'workspace.lock' });
    expect(locks.entries[0]?.details).toEqual({ reason: 'idle' });
  });

  it('defaults auto-lock to 10 minutes', async () => {
    await createWorkspace(h);
    expect((await h.call('settings.get')).autoLockMinutes).toBe(10);
    h.clock.advanceMinutes(9.9);
    h.core.tick();
    expect(h.core.workspace.current).not.toBeNull();
    h.clock.advanceMinutes(0.2);
    h.core.tick();
    expect(h.core.workspace.current).toBeNull();
  });
});
