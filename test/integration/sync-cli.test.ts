import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../src/main/core/core';
import { createRouter } from '../../src/main/core/router';
import { decodeExport, encodeJsonLines } from '../../src/main/core/sync/formats';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/main/core/sync/keys';
import type { Channel } from '../../src/shared/channels';
import type { OutputOf } from '../../src/shared/contract';
import { tempDir } from '../helpers/core';
import { runCli } from '../helpers/cli';

// `rmw init --hq-key`, `rmw export` and `rmw roster apply` as HQ would meet them with plain
// GnuPG 2.2: gpg decrypts our export and names the device key's good signature; a roster made
// with `gpg --sign --encrypt` is accepted. CI installs gpg (.ci/run).

const PASS = 'Harbour-Lantern-2026';
const hasGpg = spawnSync('gpg', ['--version']).status === 0;

function rmw(args: string[]) {
  return runCli('rmw', args, { LANG: 'zh_CN.UTF-8', RMW_LANG: 'zh-CN', RMW_PASSPHRASE: PASS });
}

let tmp: ReturnType<typeof tempDir>;
let home: string;
let hq: GeneratedKeyPair;
let ws: string;

function gpg(args: string[], input?: Uint8Array) {
  const r = spawnSync('gpg', ['--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: { ...process.env, GNUPGHOME: home }, input, maxBuffer: 256 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** The workspace in-process (same files the CLI uses), for setting up and checking. */
async function withCore<T>(fn: (call: <C extends Channel>(c: C, input?: unknown) => Promise<OutputOf<C>>) => Promise<T>): Promise<T> {
  const core = new Core({ workspaceDir: ws });
  const router = createRouter(core, () => undefined);
  const call = async <C extends Channel>(c: C, input: unknown = {}) => {
    const r = await router.handle(c, input);
    if (!r.ok) throw new Error(`${c}: ${JSON.stringify(r.error)}`);
    return r.data as OutputOf<C>;
  };
  try {
    await call('workspace.unlock', { passphrase: PASS });
    return await fn(call);
  } finally {
    core.dispose();
  }
}

beforeAll(async () => {
  tmp = tempDir('rmw-sync-cli-');
  home = join(tmp.dir, 'gnupg');
  mkdirSync(home, { mode: 0o700 });
  ws = join(tmp.dir, 'ws');
  hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: new Date(Date.now() - 3_600_000) });
  writeFileSync(join(tmp.dir, 'hq-public.asc'), hq.publicArmored);
  writeFileSync(join(tmp.dir, 'hq-secret.asc'), hq.privateArmored);
});

afterAll(() => {
  spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: home } });
  tmp.cleanup();
});

describe.skipIf(!hasGpg)('rmw export / roster apply with GnuPG at head office', () => {
  let deviceFp = '';
  let exportPlain: ReturnType<typeof decodeExport>;

  it('rmw init --hq-key enrols at creation; a bad key file creates nothing', () => {
    const bad = rmw(['init', '--workspace', join(tmp.dir, 'other'), '--manager', 'RM00123', '--hq-key', join(tmp.dir, 'hq-secret.asc')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('这是私钥');
    expect(() => readdirSync(join(tmp.dir, 'other'))).toThrow();

    const r = rmw(['init', '--workspace', ws, '--manager', 'RM00123', '--hq-key', join(tmp.dir, 'hq-public.asc')]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已安装总行公钥，指纹 [0-9A-F]{40}/);
  });

  it('rmw export writes a file gpg decrypts with the HQ key, reporting a good signature by the device key', async () => {
    await withCore(async (call) => {
      await call('clients.create', { client: { kind: 'person', clientNo: 'C0001', name: '王秀英', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678', aumFen: 500_000_00 } });
      deviceFp = (await call('sync.status')).device.fingerprint;
      writeFileSync(join(tmp.dir, 'device.asc'), (await call('sync.enrolment')).content);
    });
    const out = join(tmp.dir, 'outbox');
    mkdirSync(out);
    const r = rmw(['export', '--workspace', ws, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [file] = readdirSync(out);
    expect(file).toMatch(/^rmw-RM00123-[0-9a-f]{8}-0-\d+\.pgp$/);
    expect(r.out).toContain(join(out, file!));

    expect(gpg(['--import', join(tmp.dir, 'hq-secret.asc')]).status).toBe(0);
    expect(gpg(['--import', join(tmp.dir, 'device.asc')]).status).toBe(0);
    const d = gpg(['--status-fd', '2', '--decrypt', join(out, file!)]);
    expect(d.status, d.stderr).toBe(0);
    expect(d.stderr).toMatch(/\[GNUPG:\] GOODSIG [0-9A-F]{16} RM Workbench device/);
    expect(d.stderr).toContain(`[GNUPG:] VALIDSIG ${deviceFp}`);
    // The literal data is gzipped JSON Lines (sync-format.md): `gpg --decrypt | gunzip` gives the manifest first.
    expect([d.stdout[0], d.stdout[1]]).toEqual([0x1f, 0x8b]);
    const lines = spawnSync('gzip', ['-dc'], { input: d.stdout }).stdout.toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'rmw-export', managerId: 'RM00123', devicePublicKeyFp: deviceFp });
    exportPlain = decodeExport(new Uint8Array(d.stdout));
    expect(lines).toHaveLength(1 + exportPlain.records.length + exportPlain.audit.length);
    expect(exportPlain.manifest.devicePublicKeyFp).toBe(deviceFp);
    expect(exportPlain.records.find((x) => x.entity === 'client')?.data).toMatchObject({ clientNo: 'C0001' });
  });

  it('rmw roster apply accepts a roster made with gpg --sign --encrypt, and refuses it replayed', async () => {
    const manifest = { format: 'rmw-roster' as const, version: 1 as const, managerId: 'RM00123', rosterSeq: 1, issuedAt: new Date().toISOString(), ackedThroughSeq: exportPlain.manifest.toSeq, auditAckHash: exportPlain.manifest.auditHeadHash };
    const payload = encodeJsonLines(manifest, [{ type: 'update', clientNo: 'C0001', fields: { aumFen: 812_345_67 } }]);
    const file = join(tmp.dir, 'roster-1.pgp');
    const g = gpg(['--trust-model', 'always', '--local-user', hq.fingerprint, '--recipient', deviceFp, '--sign', '--encrypt', '--output', file], payload);
    expect(g.status, g.stderr).toBe(0);

    const r = rmw(['roster', 'apply', '--workspace', ws, file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已应用名单 #1');
    await withCore(async (call) => {
      const page = await call('clients.list', {});
      expect(page.rows.find((x) => x.clientNo === 'C0001')?.aumFen).toBe(812_345_67);
      expect((await call('sync.status')).ackedThroughSeq).toBe(exportPlain.manifest.toSeq);
    });

    const again = rmw(['roster', 'apply', '--workspace', ws, file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('名单序号 1 不比已应用的 1 新');
  });
});

