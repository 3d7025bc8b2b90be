import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keygen } from '../../src/hq/keygen';
import { HqError } from '../../src/hq/messages';
import { recover, RECOVERIES_FILE } from '../../src/hq/recover';
import { readWorkspaceFile, writeWorkspaceFile } from '../../src/main/core/store/workspace-file';
import { AppError } from '../../src/shared/errors';
import { createWorkspace, makeCore, MANAGER, PASS, tempDir, type Harness } from '../helpers/core';
import { runCli } from '../helpers/cli';

// Escrow wrap and `hq recover` (security.md, key hierarchy; issue 9, part 6): the data key is
// encrypted to HQ's OpenPGP key when HQ's key is installed, HQ can open it (with our tool or with
// GnuPG) and set a new passphrase; the reset is audited in the workspace on the next unlock.
// Also: the unlock throttle survives a restart (part 7).

const hasGpg = spawnSync('gpg', ['--version']).status === 0;
const NEW_PASS = 'Granite-Orchard-7733';
/** The keys are made an hour before the test clock's start, so no check sees them "from the future". */
const KEY_DATE = new Date('2026-11-22T08:00:00+08:00');

let keysTmp: ReturnType<typeof tempDir>;
let hqKeys: string;
let otherKeys: string;
let hqPublic: string;
let otherPublic: string;
let hqFingerprint: string;

beforeAll(async () => {
  keysTmp = tempDir('rmw-escrow-keys-');
  hqKeys = join(keysTmp.dir, 'hq');
  otherKeys = join(keysTmp.dir, 'other');
  const [a, b] = await Promise.all([keygen({ outDir: hqKeys, now: KEY_DATE }), keygen({ outDir: otherKeys, now: KEY_DATE })]);
  hqFingerprint = a.fingerprint;
  expect(b.fingerprint).not.toBe(a.fingerprint);
  hqPublic = readFileSync(a.publicPath, 'utf8');
  otherPublic = readFileSync(b.publicPath, 'utf8');
});
afterAll(() => keysTmp.cleanup());

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
beforeEach(() => {
  tmp = tempDir('rmw-escrow-');
  h = makeCore(join(tmp.dir, 'ws'));
});
afterEach(() => {
  h.core.lock('manual');
  tmp.cleanup();
});

const dataKeyOf = (harness: Harness): Buffer => Buffer.from((harness.core.workspace.current as unknown as { dataKey: Buffer }).dataKey);

async function enrolledWorkspace(harness = h): Promise<Buffer> {
  await createWorkspace(harness);
  await harness.call('clients.create', { client: { kind: 'person', name: '林晓梅', mobile: '13812345678' } });
  await harness.call('sync.installHqKey', { armored: hqPublic });
  return dataKeyOf(harness);
}

function hqCli(args: string[], env: Record<string, string>) {
  return runCli('hq', args, { LANG: 'en_US.UTF-8', RMW_LANG: 'en', ...env });
}

async function refusal(p: Promise<unknown>): Promise<{ key?: string; code?: string; params?: Record<string, unknown> }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof HqError) return { key: e.key, params: e.params };
    if (e instanceof AppError) return { code: e.value.code };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('escrow wrap', () => {
  it('is made when HQ key is installed, audited, and not before', async () => {
    await createWorkspace(h);
    expect(readWorkspaceFile(h.dir).wraps.escrow).toBeUndefined();
    expect((await h.call('workspace.status')).escrowed).toBe(false);
    await h.call('sync.installHqKey', { armored: hqPublic });
    const wrap = readWorkspaceFile(h.dir).wraps.escrow;
    expect(wrap).toMatchObject({ alg: 'openpgp', recipient: hqFingerprint });
    expect(wrap?.message).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    const status = await h.call('workspace.status');
    expect(status.escrowed).toBe(true);
    expect(status.workspaceId).toBe(readWorkspaceFile(h.dir).workspaceId);
    const audit = await h.call('audit.list', { action: 'workspace.escrow' });
    expect(audit.total).toBe(1);
  });

  it.skipIf(!hasGpg)('GnuPG with the HQ secret key opens it to this workspace and its data key', async () => {
    const dataKey = await enrolledWorkspace();
    const file = readWorkspaceFile(h.dir);
    const home = mkdtempSync(join(tmpdir(), 'rmw-gpg-escrow-'));
    try {
      const gpg = (args: string[], input?: string) =>
        spawnSync('gpg', ['--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: { ...process.env, GNUPGHOME: home }, input });
      expect(gpg(['--import', join(hqKeys, 'hq-secret.asc')]).status).toBe(0);
      const r = gpg(['--decrypt'], file.wraps.escrow!.message);
      expect(r.status, r.stderr.toString()).toBe(0);
      const out = r.stdout as Buffer;
      const nl = out.indexOf(0x0a);
      expect(JSON.parse(out.subarray(0, nl).toString('utf8'))).toEqual({ format: 'rmw-escrow', version: 1, workspaceId: file.workspaceId, managerId: MANAGER });
      expect(out.subarray(nl + 1).equals(dataKey)).toBe(true);
    } finally {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: home } });
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('follows a replaced HQ key, and is remade on unlock when missing', async () => {
    await enrolledWorkspace();
    await h.call('sync.installHqKey', { armored: otherPublic, replace: true });
    const replaced = readWorkspaceFile(h.dir).wraps.escrow!;
    expect(replaced.recipient).not.toBe(hqFingerprint);
    const audit = await h.call('audit.list', { action: 'workspace.escrow' });
    expect(audit.total).toBe(2);
    // The old HQ key no longer recovers this workspace.
    h.core.lock('manual');
    expect(await refusal(recover({ keysDir: hqKeys, workspaceDir: h.dir, newPassphrase: NEW_PASS, now: new Date() }))).toMatchObject({ key: 'recover.otherKey' });

    // A workspace enrolled before escrow existed gets its wrap at the next unlock.
    const file = readWorkspaceFile(h.dir);
    delete file.wraps.escrow;
    writeWorkspaceFile(h.dir, file);
    await h.call('workspace.unlock', { passphrase: PASS });
    expect(readWorkspaceFile(h.dir).wraps.escrow?.recipient).toBe(replaced.recipient);
  });

  it('survives a passphrase change', async () => {
    await enrolledWorkspace();
    const before = readWorkspaceFile(h.dir).wraps.escrow;
    await h.call('workspace.changePassphrase', { current: PASS, next: NEW_PASS });
    expect(readWorkspaceFile(h.dir).wraps.escrow).toEqual(before);
  });
});

describe('hq recover', () => {
  it('sets a new passphrase; the old one stops working; the reset is audited on the next unlock and at HQ', async () => {
    await enrolledWorkspace();
    h.core.lock('manual');
    // The manager tried and failed three times; the throttle holds the unlock form.
    for (let i = 0; i < 3; i++) await h.router.handle('workspace.unlock', { passphrase: `Forgotten-${i}-Pass!` });
    expect((await h.call('workspace.status')).retryAfterSeconds).toBeGreaterThan(0);
    const dbBefore = readFileSync(join(h.dir, 'rm.db'));

    const r = hqCli(['recover', '--keys', hqKeys, '--workspace', h.dir], { RMW_NEW_PASSPHRASE: NEW_PASS });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`new passphrase set with HQ key ${hqFingerprint}`);
    // The database itself is not touched: only its key's passphrase wrap is replaced.
    expect(readFileSync(join(h.dir, 'rm.db')).equals(dbBefore)).toBe(true);
    expect((await h.call('workspace.status')).retryAfterSeconds).toBe(0);

    const old = await h.router.handle('workspace.unlock', { passphrase: PASS });
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.error.code).toBe('WRONG_PASSPHRASE');
    await h.call('workspace.unlock', { passphrase: NEW_PASS });
    const recovered = await h.call('audit.list', { action: 'workspace.recovered' });
    expect(recovered.total).toBe(1);
    expect(recovered.entries[0]).toMatchObject({ actor: `hq:${hqFingerprint}` });
    expect((await h.call('audit.list', { action: 'workspace.unlock_failed' })).total).toBe(4);
    expect((await h.call('audit.verify')).intact).toBe(true);
    expect((await h.call('clients.list', {})).total).toBe(1);
    expect(readWorkspaceFile(h.dir).pendingAudit).toBeUndefined();

    const log = readFileSync(join(hqKeys, RECOVERIES_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.at(-1)).toMatchObject({ workspaceId: readWorkspaceFile(h.dir).workspaceId, managerId: MANAGER, hqFingerprint });
  });

  it('refuses, changing nothing: weak passphrase, another HQ key, no escrow, a damaged wrap, a wrap from another workspace', async () => {
    await enrolledWorkspace();
    h.core.lock('manual');
    const run = (keysDir: string, newPassphrase = NEW_PASS, workspaceDir = h.dir) => refusal(recover({ keysDir, workspaceDir, newPassphrase, now: new Date() }));
    const original = readFileSync(join(h.dir, 'workspace.json'));

    expect(await run(hqKeys, 'short')).toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect(await run(otherKeys)).toMatchObject({ key: 'recover.otherKey', params: { fingerprint: expect.any(String) } });
    expect(await run(hqKeys, NEW_PASS, join(tmp.dir, 'nowhere'))).toMatchObject({ key: 'recover.noWorkspace' });
    expect(readFileSync(join(h.dir, 'workspace.json')).equals(original)).toBe(true);

    // A damaged message: one character of the armored body changed.
    const file = readWorkspaceFile(h.dir);
    const msg = file.wraps.escrow!.message;
    const at = msg.indexOf('\n\n') + 40;
    const damaged = { ...file, wraps: { ...file.wraps, escrow: { ...file.wraps.escrow!, message: msg.slice(0, at) + (msg[at] === 'A' ? 'B' : 'A') + msg.slice(at + 1) } } };
    writeWorkspaceFile(h.dir, damaged);
    expect(await run(hqKeys)).toMatchObject({ key: 'recover.escrowBad' });

    // The wrap of another workspace enrolled to the same HQ: it names that workspace.
    const other = makeCore(join(tmp.dir, 'ws2'));
    await enrolledWorkspace(other);
    other.core.lock('manual');
    writeWorkspaceFile(h.dir, { ...file, wraps: { ...file.wraps, escrow: readWorkspaceFile(other.dir).wraps.escrow! } });
    expect(await run(hqKeys)).toMatchObject({ key: 'recover.escrowBad', params: { reason: 'OTHER_WORKSPACE' } });

    // Never enrolled: no escrow, no recovery.
    const lone = makeCore(join(tmp.dir, 'ws3'));
    await createWorkspace(lone);
    lone.core.lock('manual');
    expect(await run(hqKeys, NEW_PASS, lone.dir)).toMatchObject({ key: 'recover.noEscrow' });
    expect((await lone.call('workspace.status')).escrowed).toBe(false);

    // After all the refusals the original passphrase still opens the workspace.
    writeFileSync(join(h.dir, 'workspace.json'), original);
    await h.call('workspace.unlock', { passphrase: PASS });
    expect((await h.call('audit.list', { action: 'workspace.recovered' })).total).toBe(0);
  });

  it('the CLI explains a refusal in words and exits 1', () => {
    const r = hqCli(['recover', '--keys', hqKeys, '--workspace', join(tmp.dir, 'none')], { RMW_NEW_PASSPHRASE: NEW_PASS });
    expect(r.code).toBe(1);
    expect(r.err).toContain('no workspace in');
    const noPass = hqCli(['recover', '--keys', hqKeys, '--workspace', join(tmp.dir, 'none')], { RMW_NEW_PASSPHRASE: '' });
    expect(noPass.code).toBe(1);
    expect(noPass.err).toContain('RMW_NEW_PASSPHRASE');
  });
});

describe('unlock throttling', () => {
  it('grows with each failure and survives a restart of the app', async () => {
    await createWorkspace(h);
    h.core.lock('manual');
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      // Wait out any delay so every attempt is a real wrong passphrase, not a throttled one.
      h.clock.advanceMinutes(20);
      const r = await h.router.handle('workspace.unlock', { passphrase: `Wrong-${i}-Passphrase!` });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('WRONG_PASSPHRASE');
      delays.push((await h.call('workspace.status')).retryAfterSeconds);
    }
    expect(delays.slice(0, 2)).toEqual([0, 0]);
    for (let i = 3; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);

    // A new process over the same folder (the app restarted) still waits, even with the right passphrase.
    const restarted = makeCore(h.dir, h.clock);
    const early = await restarted.router.handle('workspace.unlock', { passphrase: PASS });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error).toMatchObject({ code: 'UNLOCK_THROTTLED', field: 'passphrase' });
    h.clock.advanceMinutes(20);
    await restarted.call('workspace.unlock', { passphrase: PASS });
    expect((await restarted.call('audit.list', { action: 'workspace.unlock_failed' })).total).toBe(6);
    restarted.core.lock('manual');
  });
});
