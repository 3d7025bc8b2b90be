import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/hq/ingest';
import { keygen } from '../../src/hq/keygen';
import { refusalText } from '../../src/hq/messages';
import { AUDIT_FILE, RECEIPTS_FILE, RECORDS_FILE } from '../../src/hq/outputs';
import { buildRoster } from '../../src/hq/roster-build';
import { writeExportTo } from '../../src/main/core/services/sync-files';
import { open } from '../../src/main/core/sync/envelope';
import { errorMessage } from '../../src/shared/i18n';
import type { AppErrorValue } from '../../src/shared/errors';
import { makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';
import { flipsAndTruncations } from './mutate';

// Issue 9, tamper corpus (files): random single-byte flips and truncations of a real export file
// (judged by HQ's `hq ingest`) and of a real roster file (judged by the app's roster preview and
// apply). Both are binary OpenPGP (signed, then encrypted with an MDC): every variant must be
// refused with a reason, the workspace's book and HQ's records and audit copy left as they were,
// and the untouched file still accepted afterwards (so the refusals are not from a broken setup).

const FULL = process.env['RMW_FAULTS'] === 'full';
const PER_KIND = FULL ? 1000 : 60;

let tmp: ReturnType<typeof tempDir>;
let keysDir: string;
let devicesDir: string;
let hqOut: string;
let h: Harness;

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const session = () => h.core.workspace.requireSession();

/** The book and sync state as a digest: what a refused file must leave exactly as it was. */
const BOOK_TABLES = ['clients', 'contacts', 'followups', 'sync_state', 'sync_journal', 'sync_outbox', 'proposals', 'settings'];
function bookDigest(): string {
  const db = session().db;
  const have = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  const hash = createHash('sha256');
  for (const t of BOOK_TABLES.filter((t) => have.has(t))) {
    hash.update(t);
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}
const count = (sql: string) => session().db.prepare(sql).pluck().get() as number;

async function enrol(): Promise<void> {
  await h.call('workspace.create', { managerId: 'RM00123', displayName: '王经理', passphrase: PASS });
  await h.call('sync.installHqKey', { armored: readFileSync(join(keysDir, 'hq-public.asc'), 'utf8') });
  const e = await h.call('sync.enrolment');
  writeFileSync(join(devicesDir, e.fileName), e.content);
}

async function rosterFile(extract: string, name: string): Promise<string> {
  const device = readdirSync(devicesDir)[0]!;
  const outFile = join(tmp.dir, name);
  await buildRoster({ keysDir, managerId: 'RM00123', deviceKeyFile: join(devicesDir, device), extractFile: join('test/fixtures/hq', extract), ingestDir: existsSync(join(hqOut, RECEIPTS_FILE)) ? hqOut : undefined, outFile, today: '2026-11-27', now: new Date() });
  return outFile;
}

const hqOutputs = () => Object.fromEntries([RECORDS_FILE, AUDIT_FILE].map((f) => [f, existsSync(join(hqOut, f)) ? sha(readFileSync(join(hqOut, f))) : null]));
const receipts = () => readFileSync(join(hqOut, RECEIPTS_FILE), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { verdict: string; sha256: string; reason?: string });

beforeAll(async () => {
  tmp = tempDir('rmw-tamper-files-');
  keysDir = join(tmp.dir, 'hq-keys');
  devicesDir = join(tmp.dir, 'devices');
  hqOut = join(tmp.dir, 'hq-out');
  mkdirSync(devicesDir);
  await keygen({ outDir: keysDir, now: new Date(Date.now() - 3_600_000) });
  // Near the real clock: HQ's key and signatures are judged against it.
  h = makeCore(join(tmp.dir, 'ws'), testClock(new Date(Date.now() - 60_000)));
  await enrol();
});
afterAll(() => {
  h?.core.dispose();
  tmp?.cleanup();
});

describe('tampered files are refused with a reason and change nothing', () => {
  it(`export files: ${PER_KIND} byte flips and ${PER_KIND} truncations, all refused by hq ingest`, async () => {
    const started = Date.now();
    // HQ already holds a first export (so journal and audit continuity are judged too).
    await h.call('sync.rosterApply', { fileName: 'r1.pgp', contentBase64: readFileSync(await rosterFile('extract-1.csv', 'r1.pgp')).toString('base64') });
    const exportsDir = join(tmp.dir, 'exports');
    mkdirSync(exportsDir);
    const first = await writeExportTo(session(), exportsDir);
    expect((await ingest({ keysDir, devicesDir, outDir: hqOut, files: [first.path] })).accepted).toBe(1);
    const book = await h.call('clients.list', {});
    await h.call('contacts.log', { clientId: book.rows[0]!.id, channel: 'phone', outcome: 'reached', notes: '理财到期提醒' });
    const second = await writeExportTo(session(), exportsDir);
    const original = new Uint8Array(readFileSync(second.path));
    expectBinaryOpenPgp(original);

    const variants = flipsAndTruncations(original, PER_KIND);
    const variantDir = join(tmp.dir, 'export-variants');
    const files = variants.map((v, i) => {
      const dir = join(variantDir, String(i));
      mkdirSync(dir, { recursive: true });
      // Same name as the real file: HQ picks the device by it first.
      const path = join(dir, basename(second.path));
      writeFileSync(path, v.bytes);
      return path;
    });
    const outputsBefore = hqOutputs();
    const receiptsBefore = receipts().length;

    const r = await ingest({ keysDir, devicesDir, outDir: hqOut, files });
    const accepted = r.outcomes.flatMap((o, i) => (o.status === 'refused' ? [] : [`${variants[i]!.label}: ${o.status}`]));
    const reasons = tally(r.outcomes.map((o) => (o.status === 'refused' ? o.reason : '')));
    for (const reason of Object.keys(reasons)) {
      expect(refusalText('zh-CN', reason), reason).not.toBe(reason);
      expect(refusalText('en', reason), reason).not.toBe(reason);
    }
    console.log(`[tamper-files] export: ${variants.length} variants (${PER_KIND} flips, ${PER_KIND} truncations), ${r.refused} refused, ${accepted.length} not refused, reasons ${JSON.stringify(reasons)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    // A variant HQ took would have to be harmless: say whether its content is the original's.
    for (const [i, o] of r.outcomes.entries()) {
      if (o.status !== 'refused') accepted[accepted.indexOf(`${variants[i]!.label}: ${o.status}`)] += ` (same content: ${await sameContent(variants[i]!.bytes, original)})`;
    }
    expect(accepted).toEqual([]);
    expect(r.refused).toBe(variants.length);
    // HQ's consolidated records and audit copy are untouched; each refusal left only its receipt.
    expect(hqOutputs()).toEqual(outputsBefore);
    const added = receipts().slice(receiptsBefore);
    expect(added).toHaveLength(variants.length);
    expect(added.every((x) => x.verdict === 'refused' && typeof x.reason === 'string')).toBe(true);

    // The untouched file is still good: the refusals were the tampering's doing.
    const good = await ingest({ keysDir, devicesDir, outDir: hqOut, files: [second.path] });
    expect(good.outcomes[0]).toMatchObject({ status: 'accepted' });
    expect(hqOutputs()[RECORDS_FILE]).not.toBe(outputsBefore[RECORDS_FILE]);
  });

  it(`roster files: ${PER_KIND} byte flips and ${PER_KIND} truncations, all refused by the app's preview and apply`, async () => {
    const started = Date.now();
    const path = await rosterFile('extract-2.csv', 'r2.pgp');
    const original = new Uint8Array(readFileSync(path));
    expectBinaryOpenPgp(original);
    const variants = flipsAndTruncations(original, PER_KIND);
    const digest = bookDigest();
    const auditBefore = count('SELECT max(seq) FROM audit_log');
    const historyBefore = count('SELECT count(*) FROM sync_history');

    const notRefused: string[] = [];
    const reasons: string[] = [];
    let calls = 0;
    for (const [i, v] of variants.entries()) {
      // Every variant through apply (the one that writes); every fourth through preview first.
      for (const channel of i % 4 === 0 ? (['sync.rosterPreview', 'sync.rosterApply'] as const) : (['sync.rosterApply'] as const)) {
        calls++;
        const r = await h.router.handle(channel, { fileName: 'r2.pgp', contentBase64: Buffer.from(v.bytes).toString('base64') });
        if (r.ok) {
          notRefused.push(`${channel} ${v.label}`);
          continue;
        }
        reasons.push(`${r.error.code}/${r.error.reason ?? ''}`);
        expectWords(r.error);
      }
    }
    const byReason = tally(reasons);
    console.log(`[tamper-files] roster: ${variants.length} variants (${PER_KIND} flips, ${PER_KIND} truncations), ${calls} preview/apply calls, ${calls - notRefused.length} refused, ${notRefused.length} not refused, reasons ${JSON.stringify(byReason)}, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(notRefused).toEqual([]);
    // The book and sync state are exactly as before; the audit log and history gained only refusals.
    expect(bookDigest()).toBe(digest);
    const newAudit = session().db.prepare('SELECT action FROM audit_log WHERE seq > ?').pluck().all(auditBefore) as string[];
    expect(new Set(newAudit)).toEqual(new Set(['sync.roster.refused']));
    const newHistory = session().db.prepare('SELECT outcome FROM sync_history WHERE rowid > ?').pluck().all(historyBefore) as string[];
    expect(newHistory.length).toBe(newAudit.length);
    expect(new Set(newHistory)).toEqual(new Set(['refused']));
    expect(await h.call('audit.verify')).toMatchObject({ intact: true });

    // The untouched roster still applies.
    const applied = await h.call('sync.rosterApply', { fileName: 'r2.pgp', contentBase64: Buffer.from(original).toString('base64') });
    expect(applied).toMatchObject({ applied: true, rosterSeq: 2 });
    expect(bookDigest()).not.toBe(digest);
  });
});

/** Whether a file HQ accepted decrypts to exactly the original's signed content. */
async function sameContent(variant: Uint8Array, original: Uint8Array): Promise<boolean> {
  const secret = readFileSync(join(keysDir, 'hq-secret.asc'), 'utf8');
  const device = readFileSync(join(devicesDir, readdirSync(devicesDir)[0]!), 'utf8');
  const read = (message: Uint8Array) => open({ message, decryptionKey: secret, expectedSigner: device, now: new Date() });
  return sha(await read(variant)) === sha(await read(original));
}

/**
 * Binary OpenPGP, not ASCII armour: no byte is outside what the signature and the MDC cover or
 * the packet structure needs, so no flip may be harmless (an armour header line could be).
 */
function expectBinaryOpenPgp(bytes: Uint8Array): void {
  expect(Buffer.from(bytes.subarray(0, 10)).toString('latin1')).not.toMatch(/^-----BEGIN/);
  // A public-key encrypted session key packet first (old format tag 1, or new format 0xC1).
  expect((bytes[0]! & 0xfc) === 0x84 || bytes[0] === 0xc1).toBe(true);
}

/** Every refusal reads as a sentence in both languages, naming no raw code alone. */
function expectWords(e: AppErrorValue): void {
  for (const locale of ['zh-CN', 'en'] as const) {
    const text = errorMessage(locale, e);
    expect(text, JSON.stringify(e)).not.toMatch(/^errors\./);
    if (e.reason) expect(text, JSON.stringify(e)).not.toContain(`syncRefusals.${e.reason}`);
  }
}

function tally(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}
