// Export of changed records (signed with the device key, encrypted to HQ's, through the real
// channel) against `gpg --sign --encrypt` of the same payload with the same keys.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { open } from '../src/main/core/sync/envelope';
import { generateKeyPair } from '../src/main/core/sync/keys';
import { BENCH_NOW, openBenchBook, row, timePair, type BenchContext, type Row } from './lib';

/**
 * The export writes to the book (HQ key, acknowledged position, history, audit): it runs on a
 * private copy of the cached book, opened by a core of its own and deleted afterwards.
 */
export async function benchExport(ctx: BenchContext, records: number): Promise<Row[]> {
  if (spawnSync('gpg', ['--version']).status !== 0) throw new Error('gpg is not on PATH: the export benchmark needs it as its baseline (apt-get install -y gnupg)');
  const copy = mkdtempSync(join(tmpdir(), 'rmw-bench-export-book-'));
  try {
    // Nothing writes to the cached book meanwhile (this process is single-threaded): its files,
    // WAL included, copied as they are make a consistent book; the shared-memory index is rebuilt.
    for (const f of readdirSync(ctx.workspaceDir)) if (!f.endsWith('-shm')) copyFileSync(join(ctx.workspaceDir, f), join(copy, f));
    const book = await openBenchBook({ clients: ctx.clients, contacts: ctx.contacts, dir: copy });
    try {
      return await exportOnBook({ ...ctx, core: book.core, router: book.router, session: book.core.workspace.requireSession(), workspaceDir: copy }, records);
    } finally {
      book.core.dispose();
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

async function exportOnBook(ctx: BenchContext, records: number): Promise<Row[]> {
  const { router } = ctx;
  const s = ctx.session;
  const hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: new Date('2026-11-01T00:00:00Z') });
  const installed = await router.handle('sync.installHqKey', { armored: hq.publicArmored, replace: true });
  if (!installed.ok) throw new Error(JSON.stringify(installed.error));
  // HQ has acknowledged everything but the newest `records` journal entries, and all but 500 audit entries.
  const acked = (s.db.prepare('SELECT seq FROM sync_journal ORDER BY seq DESC LIMIT 1 OFFSET ?').pluck().get(records - 1) as number | undefined) ?? 1;
  const audit = s.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1 OFFSET 500').get() as { seq: number; hash: string } | undefined;
  s.db.prepare('UPDATE sync_state SET acked_through_seq = ?, acked_audit_seq = ?, acked_audit_hash = ?').run(acked - 1, audit?.seq ?? 0, audit?.hash ?? '0'.repeat(64));

  const sample = await router.handle('sync.export', {});
  if (!sample.ok) throw new Error(`sync.export: ${JSON.stringify(sample.error)}`);
  const device = s.db.prepare('SELECT device_private_key, device_public_key, device_fingerprint FROM sync_state').get() as { device_private_key: string; device_public_key: string; device_fingerprint: string };
  const file = Buffer.from(sample.data.contentBase64, 'base64');
  // The literal data is gzipped JSON Lines; GnuPG gets the JSON Lines themselves and compresses them its own way.
  const payload = gunzipSync(await open({ message: file, decryptionKey: hq.privateArmored, expectedSigner: device.device_public_key, now: BENCH_NOW }));
  const home = mkdtempSync(join(tmpdir(), 'rmw-bench-gpg-'));
  const gpgEnv = { ...process.env, GNUPGHOME: home };
  const gpg = (args: string[]) => {
    const r = spawnSync('gpg', ['--batch', '--yes', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', '', ...args], { env: gpgEnv, maxBuffer: 1024 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`gpg ${args[0]}: ${r.stderr.toString()}`);
  };
  try {
    writeFileSync(join(home, 'device.asc'), device.device_private_key);
    writeFileSync(join(home, 'hq.asc'), hq.publicArmored);
    writeFileSync(join(home, 'payload.jsonl'), payload);
    gpg(['--import', join(home, 'device.asc')]);
    gpg(['--import', join(home, 'hq.asc')]);
    const gpgSignEncrypt = () => gpg(['--trust-model', 'always', '--local-user', device.device_fingerprint, '--recipient', hq.fingerprint, '--compress-algo', 'zlib', '--sign', '--encrypt', '--output', join(home, 'out.pgp'), join(home, 'payload.jsonl')]);
    const [gpgMs, exportMs] = await timePair(gpgSignEncrypt, () => router.handle('sync.export', {}), Math.max(3, Math.min(ctx.runs, 5)));
    ctx.log(`export: ${sample.data.records} records, ${(payload.length / 2 ** 20).toFixed(1)} MiB payload, ${(file.length / 2 ** 20).toFixed(1)} MiB file`);
    return [
      row(`export ${sample.data.records} changed records, signed + encrypted (${ctx.clients} clients)`, exportMs, 'gpg --sign --encrypt of the same payload (same keys, zlib)', gpgMs, 1.5, {
        extra: { payload_mib: Number((payload.length / 2 ** 20).toFixed(1)), file_mib: Number((file.length / 2 ** 20).toFixed(2)) },
      }),
    ];
  } finally {
    spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env: gpgEnv });
    rmSync(home, { recursive: true, force: true });
  }
}
