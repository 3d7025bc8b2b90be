import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, seal } from '../../src/main/core/sync/envelope';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/main/core/sync/keys';
import { AppError } from '../../src/shared/errors';

// HQ must be able to handle our files with plain GnuPG 2.2 and send rosters made with it
// (sync-format.md). CI installs gpg; only a machine without it skips these.
const hasGpg = spawnSync('gpg', ['--version']).status === 0;

let home = '';
let hq: GeneratedKeyPair;
let device: GeneratedKeyPair;
let stranger: GeneratedKeyPair;

const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ entity: 'followup', id: i, op: 'upsert', data: { title: `回访 第${i}次` } }));
const payload = new TextEncoder().encode(lines.join('\n') + '\n');

function gpg(args: string[], input?: Uint8Array) {
  const r = spawnSync('gpg', ['--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], {
    env: { ...process.env, GNUPGHOME: home },
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function importKey(name: string, armored: string): void {
  const file = join(home, `${name}.asc`);
  writeFileSync(file, armored);
  const r = gpg(['--import', file]);
  expect(r.status, r.stderr).toBe(0);
}

/** Encrypts `payload` with gpg, signed by `signer` (a fingerprint), to `recipient`. */
function gpgSignEncrypt(signer: string, recipient: string, extra: string[] = []): Uint8Array {
  const out = join(home, 'from-gpg.pgp');
  const r = gpg(['--trust-model', 'always', '--local-user', signer, '--recipient', recipient, ...extra, '--sign', '--encrypt', '--output', out], payload);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out);
}

const openOnDevice = (message: Uint8Array) => open({ message, decryptionKey: device.privateArmored, expectedSigner: hq.publicArmored, now: new Date() });

async function reason(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).value.code).toBe('SYNC_FILE_REFUSED');
  return (e as AppError).value.reason;
}

describe('GnuPG 2.2 interoperability', () => {
  beforeAll(async () => {
    if (!hasGpg) return;
    home = mkdtempSync(join(tmpdir(), 'rmw-gpg-'));
    // An hour in the past, so gpg never sees a key "created in the future".
    const keyDate = new Date(Date.now() - 3_600_000);
    [hq, device, stranger] = await Promise.all([
      generateKeyPair({ name: 'RMW HQ', email: 'hq@bank.example', now: keyDate }),
      generateKeyPair({ name: 'RM00123 laptop', email: 'rm00123@bank.example', now: keyDate }),
      generateKeyPair({ name: 'Someone else', email: 'x@elsewhere.example', now: keyDate }),
    ]);
    importKey('hq-secret', hq.privateArmored);
    importKey('device-public', device.publicArmored);
    importKey('stranger-secret', stranger.privateArmored);
  });

  afterAll(() => {
    if (!home) return;
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: home } });
    rmSync(home, { recursive: true, force: true });
  });

  it.skipIf(!hasGpg)('gpg --decrypt reads a sealed export and reports a good signature by the device key', async () => {
    const sealed = await seal({ payload, signingKey: device.privateArmored, recipientKey: hq.publicArmored, fileName: 'rmw-RM00123-0a1b2c3d-0-2000.pgp', now: new Date() });
    const file = join(home, 'export.pgp');
    const out = join(home, 'export.jsonl');
    writeFileSync(file, sealed);
    const r = gpg(['--status-fd', '1', '--output', out, '--decrypt', file]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out).equals(Buffer.from(payload))).toBe(true);

    const status = r.stdout.split('\n').filter((l) => l.startsWith('[GNUPG:] ')).map((l) => l.slice(9).split(' '));
    const find = (kw: string) => status.find((s) => s[0] === kw);
    expect(find('GOODSIG')?.[1]).toBe(device.fingerprint.slice(-16));
    expect(find('VALIDSIG')?.[1]).toBe(device.fingerprint);
    expect(find('VALIDSIG')?.at(-1)).toBe(device.fingerprint); // primary key fingerprint
    expect(find('BADSIG')).toBeUndefined();
    // SEIPD v1 with MDC (method 2), no AEAD: what GnuPG 2.2 understands.
    expect(find('DECRYPTION_INFO')?.[1]).toBe('2');
    expect(find('DECRYPTION_INFO')?.[3] ?? '0').toBe('0');
    expect(find('GOODMDC')).toBeDefined();
    expect(find('DECRYPTION_OKAY')).toBeDefined();
    expect(find('PLAINTEXT')?.[3]).toBe('rmw-RM00123-0a1b2c3d-0-2000.pgp');
  });

  it.skipIf(!hasGpg).each([
    ['gpg defaults', []],
    ['no compression', ['--compress-algo', 'none']],
    ['ZIP', ['--compress-algo', 'zip']],
    ['ZLIB', ['--compress-algo', 'zlib']],
    ['BZIP2', ['--compress-algo', 'bzip2']],
    ['ASCII armor', ['--armor']],
  ])('open accepts a roster gpg signed with the HQ key and encrypted to the device (%s)', async (_label, extra) => {
    const roster = gpgSignEncrypt(hq.fingerprint, device.fingerprint, extra);
    expect(Buffer.from(await openOnDevice(roster)).equals(Buffer.from(payload))).toBe(true);
  });

  it.skipIf(!hasGpg)('open refuses a file gpg signed with another key', async () => {
    expect(await reason(openOnDevice(gpgSignEncrypt(stranger.fingerprint, device.fingerprint)))).toBe('UNKNOWN_SIGNER');
  });

  it.skipIf(!hasGpg)('open refuses what gpg encrypted to another key, with a password, or only signed', async () => {
    expect(await reason(openOnDevice(gpgSignEncrypt(hq.fingerprint, stranger.fingerprint)))).toBe('NOT_FOR_THIS_KEY');

    const symmetric = join(home, 'symmetric.pgp');
    expect(gpg(['--passphrase', 'pw', '--symmetric', '--output', symmetric], payload).status).toBe(0);
    expect(await reason(openOnDevice(readFileSync(symmetric)))).toBe('NOT_FOR_THIS_KEY');

    const signed = join(home, 'signed.pgp');
    expect(gpg(['--local-user', hq.fingerprint, '--sign', '--output', signed], payload).status).toBe(0);
    expect(await reason(openOnDevice(readFileSync(signed)))).toBe('NOT_ENCRYPTED');
  });

  it.skipIf(!hasGpg)('gpg refuses a sealed export with a flipped byte', async () => {
    const sealed = await seal({ payload, signingKey: device.privateArmored, recipientKey: hq.publicArmored, fileName: 'x.pgp', now: new Date() });
    sealed[Math.floor(sealed.length / 2)]! ^= 0x01;
    const file = join(home, 'damaged.pgp');
    writeFileSync(file, sealed);
    const r = gpg(['--status-fd', '1', '--output', join(home, 'damaged.out'), '--decrypt', file]);
    expect(r.status).not.toBe(0);
    expect(r.stdout).not.toMatch(/GOODMDC|VALIDSIG/);
  });
});
