import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../src/main/core/sync/envelope';
import { decodeRoster } from '../../src/main/core/sync/formats';
import { auditChain, makeDevice, ndjson, newId, record, tempDir, writeExport, type Device } from '../unit/hq/export-helper';
import { runCli } from '../helpers/cli';

// The real `hq` command end to end (keygen → roster build → ingest), and GnuPG 2.2 reading the
// roster it made: HQ must be able to check our files without our software (sync-format.md).
// Spawns are slow (~2.5 s): one per command, everything else checked on their outputs.

const hasGpg = spawnSync('gpg', ['--version']).status === 0;

function hq(args: string[]) {
  return runCli('hq', args, { LANG: 'en_US.UTF-8', RMW_LANG: 'en' });
}

let tmp: ReturnType<typeof tempDir>;
let keys: string;
let devices: string;
let device: Device;
let stranger: Device;
let rosterFile: string;

beforeAll(async () => {
  tmp = tempDir('hq-cli-');
  keys = join(tmp.dir, 'keys');
  devices = join(tmp.dir, 'devices');
  mkdirSync(devices);
  [device, stranger] = await Promise.all([makeDevice('RM00123', '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b'), makeDevice('RM00999', '0193a1b2-7c3d-7e4f-8a5b-0000000dead0')]);
  writeFileSync(join(devices, 'RM00123.asc'), device.key.publicArmored);
  rosterFile = join(tmp.dir, 'roster-RM00123-1.pgp');
});
afterAll(() => tmp.cleanup());

describe('hq CLI', () => {
  it('keygen → roster build → ingest', async () => {
    const keygen = hq(['keygen', '--out', keys]);
    expect(keygen.err).toBe('');
    expect(keygen.code).toBe(0);
    const fingerprint = /fingerprint ([0-9A-F]{40})/.exec(keygen.out)?.[1];
    expect(fingerprint).toBeDefined();
    expect(statSync(join(keys, 'hq-secret.asc')).mode & 0o777).toBe(0o600);
    const hqPublic = readFileSync(join(keys, 'hq-public.asc'), 'utf8');

    const build = hq(['roster', 'build', '--keys', keys, '--manager', 'RM00123', '--device-key', join(devices, 'RM00123.asc'), '--from', 'test/fixtures/hq/extract-1.csv', '--out', rosterFile, '--today', '2026-11-27']);
    expect(build.err).toBe('');
    expect(build.code).toBe(0);
    expect(build.out).toContain('roster 1 for RM00123 — 4 assigned, 0 updated, 0 unassigned; acknowledges journal through 0');
    const roster = decodeRoster(await open({ message: readFileSync(rosterFile), decryptionKey: device.key.privateArmored, expectedSigner: hqPublic, now: new Date() }));
    expect(roster.records.map((r) => r.clientNo)).toEqual(['C0001', 'C0002', 'C0003', 'C0004']);

    // One good export and one from a device HQ never enrolled.
    const exportsDir = join(tmp.dir, 'exports');
    mkdirSync(exportsDir);
    const chain = auditChain(3);
    const good = await writeExport(exportsDir, { device, fromSeq: 0, toSeq: 7, records: [record('client', newId(), 3), record('followup', newId(), 1)], chain, auditFromSeq: 0, auditToSeq: 3 }, hqPublic);
    const bad = await writeExport(exportsDir, { device: stranger, fromSeq: 0, toSeq: 1, records: [], chain: auditChain(1), auditFromSeq: 0, auditToSeq: 1 }, hqPublic);
    const out = join(tmp.dir, 'ingest');
    const ingest = hq(['ingest', '--keys', keys, '--devices', devices, '--out', out, '--now', '2026-11-27T10:00:00+08:00', good, bad]);
    expect(ingest.err).toBe('');
    expect(ingest.code).toBe(1);
    expect(ingest.out.split('\n')).toEqual([
      'rmw-RM00123-8e9f0a1b-0-7.pgp: accepted 2 records (2 new), 3 audit entries (3 new); RM00123 journal 0–7',
      'rmw-RM00999-000dead0-0-1.pgp: refused: signed by a key that is not an enrolled device',
      `1 accepted, 0 skipped, 1 refused; output in ${out}`,
      '',
    ]);
    const receipts = ndjson(readFileSync(join(out, 'receipts.ndjson'), 'utf8'));
    expect(receipts).toMatchObject([
      { verdict: 'accepted', unpackedAt: '2026-11-27T02:00:00.000Z', toSeq: 7, auditHeadHash: chain[2]!.hash },
      { verdict: 'refused', reason: 'UNKNOWN_SIGNER', deviceId: null },
    ]);
    expect(ndjson(readFileSync(join(out, 'records.ndjson'), 'utf8'))).toHaveLength(2);
    expect(ndjson(readFileSync(join(out, 'audit.ndjson'), 'utf8'))).toHaveLength(3);
  });

  // Reads the roster the first test made with the real CLI (tests of a file run in order).
  it.skipIf(!hasGpg)('gpg --decrypt reads the roster hq made and reports a good signature by the HQ key', () => {
    const home = join(tmp.dir, 'gnupg');
    mkdirSync(home, { mode: 0o700 });
    const gpg = (args: string[]) => {
      const r = spawnSync('gpg', ['--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: { ...process.env, GNUPGHOME: home }, maxBuffer: 16 * 1024 * 1024 });
      return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
    };
    try {
      writeFileSync(join(home, 'device-secret.asc'), device.key.privateArmored);
      expect(gpg(['--import', join(home, 'device-secret.asc')]).status).toBe(0);
      expect(gpg(['--import', join(keys, 'hq-public.asc')]).status).toBe(0);
      const fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(['--with-colons', '--fingerprint', 'hq@rmw.invalid']).stdout)?.[1];
      expect(fingerprint).toMatch(/^[0-9A-F]{40}$/);

      const plain = join(tmp.dir, 'roster.jsonl');
      const r = gpg(['--status-fd', '1', '--output', plain, '--decrypt', rosterFile]);
      expect(r.status, r.stderr).toBe(0);
      const status = r.stdout.split('\n').filter((l) => l.startsWith('[GNUPG:] ')).map((l) => l.slice(9).split(' '));
      const find = (kw: string) => status.find((s) => s[0] === kw);
      expect(find('GOODSIG')?.[1]).toBe(fingerprint!.slice(-16));
      expect(find('VALIDSIG')?.at(-1)).toBe(fingerprint);
      expect(find('BADSIG')).toBeUndefined();
      expect(find('DECRYPTION_OKAY')).toBeDefined();
      expect(find('PLAINTEXT')?.[3]).toBe('roster-RM00123-1.pgp');
      expect(r.stderr).toContain('RM Workbench HQ <hq@rmw.invalid>');
      const lines = readFileSync(plain, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]).toMatchObject({ format: 'rmw-roster', managerId: 'RM00123', rosterSeq: 1 });
      expect(lines).toHaveLength(5);
    } finally {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: home } });
    }
  });
});
