import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/hq/ingest';
import { keygen } from '../../src/hq/keygen';
import { buildRoster } from '../../src/hq/roster-build';
import { entryHash, GENESIS_HASH } from '../../src/main/core/domain/audit-chain';
import { writeExportTo } from '../../src/main/core/services/sync-files';
import { makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';

// The whole exchange with two managers' workspaces and the real `hq` tool: enrolment →
// roster → work → exports → hq ingest (idempotent) → rosters acknowledging them → the next
// exports start after the acknowledged seq and continue HQ's copy of each audit chain.

let tmp: ReturnType<typeof tempDir>;
let keysDir: string;
let devicesDir: string;
let exportsDir: string;
let hqOut: string;
let a: Harness;
let b: Harness;
const FIXTURES = 'test/fixtures/hq';
// Near the real clock: HQ's key and signatures are judged against it.
const clock = () => testClock(new Date(Date.now() - 60_000));

const outputs = () => Object.fromEntries(readdirSync(hqOut).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(hqOut, f))).digest('hex')]));
const ndjson = (f: string) => readFileSync(join(hqOut, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

async function enrol(h: Harness, managerId: string): Promise<void> {
  await h.call('workspace.create', { managerId, displayName: managerId, passphrase: PASS });
  await h.call('sync.installHqKey', { armored: readFileSync(join(keysDir, 'hq-public.asc'), 'utf8') });
  const e = await h.call('sync.enrolment');
  writeFileSync(join(devicesDir, e.fileName), e.content);
}

async function exportOf(h: Harness): Promise<string> {
  return (await writeExportTo(h.core.workspace.requireSession(), exportsDir)).path;
}

async function roster(managerId: string, extract: string, name: string): Promise<string> {
  const device = readdirSync(devicesDir).find((f) => f.startsWith(`rmw-device-${managerId}-`))!;
  const outFile = join(tmp.dir, name);
  await buildRoster({ keysDir, managerId, deviceKeyFile: join(devicesDir, device), extractFile: join(FIXTURES, extract), ingestDir: existsSync(join(hqOut, 'receipts.ndjson')) ? hqOut : undefined, outFile, today: '2026-11-27', now: new Date() });
  return Buffer.from(readFileSync(outFile)).toString('base64');
}

beforeAll(async () => {
  tmp = tempDir('rmw-roundtrip-');
  keysDir = join(tmp.dir, 'hq-keys');
  devicesDir = join(tmp.dir, 'devices');
  exportsDir = join(tmp.dir, 'exports');
  hqOut = join(tmp.dir, 'hq-out');
  for (const d of [devicesDir, exportsDir]) mkdirSync(d);
  await keygen({ outDir: keysDir, now: new Date(Date.now() - 3_600_000) });
  a = makeCore(join(tmp.dir, 'ws-a'), clock());
  b = makeCore(join(tmp.dir, 'ws-b'), clock());
  await enrol(a, 'RM00123');
  await enrol(b, 'RM00456');
});

afterAll(() => {
  a.core.dispose();
  b.core.dispose();
  tmp.cleanup();
});

describe('round trip: two managers, exports, hq ingest, rosters with acks', () => {
  let firstA = '';
  let firstB = '';
  let ackA = 0;

  it('HQ assigns the book; both managers work and export; hq ingest accepts both and re-ingesting changes nothing', async () => {
    await a.call('sync.rosterApply', { fileName: 'a-1.pgp', contentBase64: await roster('RM00123', 'extract-1.csv', 'a-1.pgp') });
    const book = await a.call('clients.list', {});
    expect(book.total).toBe(4);
    const zhang = book.rows.find((r) => r.clientNo === 'C0001')!;
    expect(zhang.aumFen).toBe(123_456_789);
    await a.call('contacts.log', { clientId: zhang.id, at: new Date(Date.now() - 3_600_000).toISOString(), channel: 'phone', direction: 'outbound', outcome: 'reached', purpose: 'care', notes: '理财到期提醒' });
    const prospect = await b.call('clients.create', { client: { kind: 'person', name: '陈小明', mobile: '13700001234' } });
    await b.call('contacts.log', { clientId: prospect.id, at: new Date(Date.now() - 3_600_000).toISOString(), channel: 'visit', direction: 'outbound', outcome: 'reached', purpose: 'service' });

    firstA = await exportOf(a);
    firstB = await exportOf(b);
    const r = await ingest({ keysDir, devicesDir, outDir: hqOut, files: [firstA, firstB] });
    expect(r.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    const before = outputs();
    const again = await ingest({ keysDir, devicesDir, outDir: hqOut, files: [firstA, firstB] });
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped']);
    expect(outputs()).toEqual(before);

    const records = ndjson('records.ndjson');
    const devices = new Set(records.map((x) => x['deviceId']));
    expect(devices.size).toBe(2);
    expect(records.some((x) => x['managerId'] === 'RM00123' && x['entity'] === 'contact' && (x['data'] as Record<string, unknown>)['notes'] === '理财到期提醒')).toBe(true);
    expect(records.some((x) => x['managerId'] === 'RM00456' && x['entity'] === 'client' && (x['data'] as Record<string, unknown>)['name'] === '陈小明')).toBe(true);
    expect(ndjson('receipts.ndjson').map((x) => x['verdict'])).toEqual(['accepted', 'accepted']);
  });

  it('rosters acknowledge what HQ ingested; the next exports start after the acked seq and continue the audit chain', async () => {
    const statusA = await a.call('sync.status');
    const receiptA = ndjson('receipts.ndjson').find((x) => x['managerId'] === 'RM00123')!;
    const applied = await a.call('sync.rosterApply', { fileName: 'a-2.pgp', contentBase64: await roster('RM00123', 'extract-2.csv', 'a-2.pgp') });
    expect(applied.rosterSeq).toBe(2);
    ackA = (await a.call('sync.status')).ackedThroughSeq;
    expect(ackA).toBe(receiptA['toSeq']);
    expect(ackA).toBeGreaterThan(0);
    expect(ackA).toBeLessThanOrEqual(statusA.headSeq);
    await b.call('sync.rosterApply', { fileName: 'b-1.pgp', contentBase64: await roster('RM00456', 'extract-1.csv', 'b-1.pgp') });
    expect((await b.call('sync.status')).ackedThroughSeq).toBe(ndjson('receipts.ndjson').find((x) => x['managerId'] === 'RM00456')!['toSeq']);

    const nextA = await exportOf(a);
    const nextB = await exportOf(b);
    expect(nextA).toMatch(new RegExp(`-${ackA}-\\d+\\.pgp$`));
    const r = await ingest({ keysDir, devicesDir, outDir: hqOut, files: [nextA, nextB] });
    expect(r.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    const receipts = ndjson('receipts.ndjson');
    const second = receipts.filter((x) => x['managerId'] === 'RM00123')[1]!;
    expect(second['fromSeq']).toBe(ackA);
    // HQ's balances came back as the clients' new state (HQ fields are not exported for known clients).
    const aRecords = ndjson('records.ndjson').filter((x) => x['managerId'] === 'RM00123' && x['entity'] === 'client');
    expect(aRecords.every((x) => !('aumFen' in (x['data'] as object)))).toBe(true);
  });

  it('an audit segment edited on the device before export is caught by hq ingest', async () => {
    // Somebody with the database key rewrites an entry HQ already holds and re-hashes the chain after it.
    const s = a.core.workspace.requireSession();
    const held = ndjson('audit.ndjson').filter((x) => x['managerId'] === 'RM00123').map((x) => x['seq'] as number);
    const target = Math.max(...held) - 1;
    s.db.exec('DROP TRIGGER audit_log_no_update');
    const rows = s.db.prepare('SELECT seq, at, actor, action, subject, details FROM audit_log WHERE seq >= ? ORDER BY seq').all(target) as { seq: number; at: string; actor: string; action: string; subject: string | null; details: string | null }[];
    let prev = (s.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(target - 1) as string | undefined) ?? GENESIS_HASH;
    const update = s.db.prepare('UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    for (const r of rows) {
      const details = r.seq === target ? JSON.stringify({ rewritten: true }) : r.details;
      const hash = entryHash(prev, { seq: r.seq, at: r.at, actor: r.actor, action: r.action, subject: r.subject, details: details ? JSON.parse(details) : null });
      update.run(details, prev, hash, r.seq);
      prev = hash;
    }
    // The device's own record of what HQ acknowledged still points at the old hash: roll it back
    // the way an attacker would, so the export re-sends the rewritten entries.
    s.db.prepare('UPDATE sync_state SET acked_audit_seq = 0, acked_audit_hash = ?').run(GENESIS_HASH);
    await a.call('clients.list', { query: '张' });
    const tampered = await exportOf(a);
    const r = await ingest({ keysDir, devicesDir, outDir: hqOut, files: [tampered] });
    expect(r.outcomes[0]!.status).toBe('refused');
    expect(r.outcomes[0]).toMatchObject({ reason: 'AUDIT_CHAIN_BROKEN' });
    expect(ndjson('receipts.ndjson').at(-1)).toMatchObject({ verdict: 'refused', reason: 'AUDIT_CHAIN_BROKEN' });
  });
});
