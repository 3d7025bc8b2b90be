import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ingest, type FileOutcome, type IngestResult } from '../../../src/hq/ingest';
import { keygen } from '../../../src/hq/keygen';
import { HqError, refusalText } from '../../../src/hq/messages';
import type { StoredChainEntry } from '../../../src/main/core/domain/audit-chain';
import type { ExportRecord } from '../../../src/main/core/sync/formats';
import {
  auditChain,
  exportManifest,
  makeDevice,
  ndjson,
  newId,
  rawPayload,
  record,
  rehash,
  sha256,
  tempDir,
  writeExport,
  type Device,
  type ExportSpec,
} from './export-helper';

const NOW = new Date('2026-11-27T02:00:00.000Z');

let tmp: ReturnType<typeof tempDir>;
let keysDir: string;
let devicesDir: string;
let exportsDir: string;
let hqPublic: string;
let deviceA: Device;
let deviceB: Device;
let stranger: Device;
let chainA: StoredChainEntry[];

// Device A's history: three records in the first export, then a cumulative one re-sending them
// (one at a newer rev) plus one more, then an incremental one.
const ids = { client: newId(), contact: newId(), followup: newId(), greeting: newId() };
let first: ExportRecord[];
let second: ExportRecord[];
let spec1: ExportSpec;
let spec2: ExportSpec;
let spec3: ExportSpec;
let e1: string;
let e2: string;
let e3: string;
let strangerFile: string;

beforeAll(async () => {
  tmp = tempDir('hq-ingest-');
  keysDir = join(tmp.dir, 'keys');
  devicesDir = join(tmp.dir, 'devices');
  exportsDir = join(tmp.dir, 'exports');
  mkdirSync(devicesDir);
  mkdirSync(exportsDir);
  const hq = await keygen({ outDir: keysDir, now: new Date() });
  hqPublic = readFileSync(hq.publicPath, 'utf8');
  [deviceA, deviceB, stranger] = await Promise.all([
    makeDevice('RM00123', '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b'),
    makeDevice('RM00456', '0193a1b2-7c3d-7e4f-8a5b-00000000beef'),
    makeDevice('RM00789', '0193a1b2-7c3d-7e4f-8a5b-0000000dead0'),
  ]);
  writeFileSync(join(devicesDir, 'RM00123.asc'), deviceA.key.publicArmored);
  writeFileSync(join(devicesDir, 'RM00456.asc'), deviceB.key.publicArmored);
  chainA = auditChain(6);

  first = [record('client', ids.client, 1, { notes: '喜欢稳健型产品', potential: 4 }), record('contact', ids.contact, 1), record('followup', ids.followup, 2)];
  second = [first[0]!, record('contact', ids.contact, 2), first[2]!, record('greeting', ids.greeting, 1, null)];
  spec1 = { device: deviceA, fromSeq: 0, toSeq: 10, records: first, chain: chainA, auditFromSeq: 0, auditToSeq: 3 };
  spec2 = { device: deviceA, fromSeq: 0, toSeq: 15, records: second, chain: chainA, auditFromSeq: 0, auditToSeq: 5 };
  spec3 = { device: deviceA, fromSeq: 15, toSeq: 20, records: [record('client', ids.client, 2)], chain: chainA, auditFromSeq: 5, auditToSeq: 6 };
  [e1, e2, e3] = [await writeExport(exportsDir, spec1, hqPublic), await writeExport(exportsDir, spec2, hqPublic), await writeExport(exportsDir, spec3, hqPublic)];
  const strangerChain = auditChain(2, 'rm:RM00789');
  strangerFile = await writeExport(exportsDir, { device: stranger, fromSeq: 0, toSeq: 3, records: [record('client', newId(), 1)], chain: strangerChain, auditFromSeq: 0, auditToSeq: 2 }, hqPublic);
});
afterAll(() => tmp.cleanup());

let outDir: string;
let runs = 0;
beforeEach(() => {
  outDir = join(tmp.dir, `out-${++runs}`);
});

const run = (files: string[], now = NOW): Promise<IngestResult> => ingest({ keysDir, devicesDir, outDir, files, now });
const read = (name: string) => (existsSync(join(outDir, name)) ? readFileSync(join(outDir, name), 'utf8') : '');
const lines = (name: string) => ndjson(read(name)) as Record<string, unknown>[];
const snapshot = () => ['receipts.ndjson', 'records.ndjson', 'audit.ndjson'].map((f) => (existsSync(join(outDir, f)) ? readFileSync(join(outDir, f)) : null));
const refusedReason = (o: FileOutcome | undefined) => (o?.status === 'refused' ? o.reason : o?.status);

/** Seals a payload built by hand (tampered audit, mismatched manifest) under its own name. */
async function tampered(name: string, spec: ExportSpec, edit: (m: ReturnType<typeof exportManifest>) => ReturnType<typeof exportManifest>, signer = spec.device): Promise<string> {
  const { manifest, audit } = edit(exportManifest(spec));
  return writeExport(exportsDir, spec, hqPublic, { name, payload: rawPayload(manifest, spec.records, audit), signer: signer.key });
}

describe('hq ingest', () => {
  it('accepts an export: one receipt, its records and audit entries, with device and manager', async () => {
    const r = await run([e1]);
    expect(r).toMatchObject({ accepted: 1, skipped: 0, refused: 0, exitCode: 0 });
    expect(r.outcomes[0]).toMatchObject({ status: 'accepted', newRecords: 3, auditEntries: 3, newAudit: 3 });

    expect(lines('receipts.ndjson')).toEqual([
      {
        file: 'rmw-RM00123-8e9f0a1b-0-10.pgp',
        sha256: sha256(readFileSync(e1)),
        deviceId: deviceA.deviceId,
        managerId: 'RM00123',
        fromSeq: 0,
        toSeq: 10,
        auditFromSeq: 0,
        auditToSeq: 3,
        auditHeadHash: chainA[2]!.hash,
        records: 3,
        unpackedAt: NOW.toISOString(),
        verdict: 'accepted',
      },
    ]);
    expect(lines('records.ndjson')).toEqual(first.map((rec) => ({ deviceId: deviceA.deviceId, managerId: 'RM00123', ...rec })));
    expect(lines('audit.ndjson')).toEqual(chainA.slice(0, 3).map((a) => ({ deviceId: deviceA.deviceId, managerId: 'RM00123', ...a })));
    // Field order of a line is fixed, so the warehouse (and a diff) sees stable text.
    expect(read('records.ndjson').split('\n')[0]).toMatch(/^\{"deviceId":.*,"managerId":.*,"entity":"client","id":.*,"op":"upsert","rev":1,"updatedAt":.*,"data":\{/);
  });

  it('re-ingesting the same files changes no output byte', async () => {
    expect((await run([strangerFile, e1, e2])).outcomes.map(refusedReason)).toEqual(['UNKNOWN_SIGNER', 'accepted', 'accepted']);
    const before = snapshot();
    expect(before.every((b) => b !== null && b.length > 0)).toBe(true);
    // Another day, another order: every file (the refused one too) is recognised by its SHA-256.
    const again = await run([e2, strangerFile, e1], new Date('2027-01-01T00:00:00Z'));
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(again.exitCode).toBe(0);
    expect(snapshot()).toEqual(before);
  });

  it('the same file twice in one run is ingested once', async () => {
    const r = await run([e1, e1]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['accepted', 'skipped']);
    expect(lines('receipts.ndjson')).toHaveLength(1);
    expect(lines('records.ndjson')).toHaveLength(3);
  });

  it('a cumulative export appends only the (entity, id, rev) HQ does not have', async () => {
    await run([e1]);
    const r = await run([e2, e3]);
    expect(r.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted']);
    expect(r.outcomes[0]).toMatchObject({ newRecords: 2, auditEntries: 5, newAudit: 2 });
    const recs = lines('records.ndjson').map((x) => [x['entity'], x['rev'], x['op']]);
    expect(recs).toEqual([
      ['client', 1, 'upsert'],
      ['contact', 1, 'upsert'],
      ['followup', 2, 'upsert'],
      ['contact', 2, 'upsert'],
      ['greeting', 1, 'delete'],
      ['client', 2, 'upsert'],
    ]);
    expect(lines('audit.ndjson').map((a) => a['seq'])).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines('receipts.ndjson').map((x) => [x['fromSeq'], x['toSeq'], x['verdict']])).toEqual([
      [0, 10, 'accepted'],
      [0, 15, 'accepted'],
      [15, 20, 'accepted'],
    ]);
  });

  it('refuses a file signed by a key that is not enrolled: receipt with nulls, no records, exit 1', async () => {
    const r = await run([strangerFile, e1]);
    expect(r).toMatchObject({ accepted: 1, refused: 1, exitCode: 1 });
    expect(refusedReason(r.outcomes[0])).toBe('UNKNOWN_SIGNER');
    expect(lines('receipts.ndjson')[0]).toEqual({
      file: 'rmw-RM00789-000dead0-0-3.pgp',
      sha256: sha256(readFileSync(strangerFile)),
      deviceId: null,
      managerId: null,
      fromSeq: null,
      toSeq: null,
      auditFromSeq: null,
      auditToSeq: null,
      auditHeadHash: null,
      records: null,
      unpackedAt: NOW.toISOString(),
      verdict: 'refused',
      reason: 'UNKNOWN_SIGNER',
    });
    expect(lines('records.ndjson')).toHaveLength(3);
    expect(lines('records.ndjson').every((x) => x['deviceId'] === deviceA.deviceId)).toBe(true);
    expect(refusalText('en', 'UNKNOWN_SIGNER')).toContain('not an enrolled device');
  });

  it('finds the signer among all enrolled devices when the file was renamed', async () => {
    const chain = auditChain(1, 'rm:RM00456');
    const renamed = await writeExport(exportsDir, { device: deviceB, fromSeq: 0, toSeq: 1, records: [record('contact', newId(), 1)], chain, auditFromSeq: 0, auditToSeq: 1 }, hqPublic, { name: 'export from RM00456.pgp' });
    const r = await run([renamed]);
    expect(r.outcomes[0]).toMatchObject({ status: 'accepted', receipt: { deviceId: deviceB.deviceId, managerId: 'RM00456', file: 'export from RM00456.pgp' } });
  });

  it('refuses a file that starts after what HQ holds (JOURNAL_GAP), and keeps nothing from it', async () => {
    const r = await run([e3, e1]);
    expect(r.outcomes.map(refusedReason)).toEqual(['JOURNAL_GAP', 'accepted']);
    expect(r.outcomes[0]).toMatchObject({ params: { fromSeq: 15, held: 0 } });
    expect(lines('receipts.ndjson')[0]).toMatchObject({ verdict: 'refused', reason: 'JOURNAL_GAP', deviceId: deviceA.deviceId, fromSeq: 15, toSeq: 20, records: 1 });
    expect(lines('records.ndjson').map((x) => x['rev'])).toEqual([1, 1, 2]);
    expect(lines('audit.ndjson').map((a) => a['seq'])).toEqual([1, 2, 3]);
  });

  it('refuses an audit segment hanging on an entry HQ does not hold (AUDIT_GAP)', async () => {
    await run([e1]);
    const late = await writeExport(exportsDir, { ...spec2, auditFromSeq: 4, auditToSeq: 6 }, hqPublic, { name: 'late-audit.pgp' });
    const r = await run([late]);
    expect(refusedReason(r.outcomes[0])).toBe('AUDIT_GAP');
    expect(r.outcomes[0]).toMatchObject({ params: { auditFromSeq: 4, held: 3 } });
  });

  it('catches an audit entry edited on the device and re-hashed (AUDIT_CHAIN_BROKEN)', async () => {
    await run([e1]);
    const before = snapshot();
    // Entry 2 rewritten and the chain re-hashed from there: consistent in itself, unlike what HQ holds.
    const forged = [chainA[0]!, ...rehash([{ ...chainA[1]!, details: { n: 2, note: 'nothing to see' } }, ...chainA.slice(2, 5)], chainA[0]!.hash)];
    const file = await tampered('forged.pgp', spec2, ({ manifest }) => ({ manifest: { ...manifest, auditHeadHash: forged[4]!.hash }, audit: forged }));
    const r = await run([file]);
    expect(r.exitCode).toBe(1);
    expect(refusedReason(r.outcomes[0])).toBe('AUDIT_CHAIN_BROKEN');
    expect(r.outcomes[0]).toMatchObject({ params: { seq: 2 } });
    const [records, audit] = [snapshot()[1], snapshot()[2]];
    expect([records, audit]).toEqual([before[1], before[2]]);
    expect(lines('receipts.ndjson').at(-1)).toMatchObject({ file: 'forged.pgp', verdict: 'refused', reason: 'AUDIT_CHAIN_BROKEN', auditHeadHash: forged[4]!.hash });
  });

  it('refuses a segment broken in itself (edited without re-hashing) as AUDIT_BROKEN', async () => {
    const edited = chainA.slice(0, 3).map((e) => (e.seq === 2 ? { ...e, action: 'client.export' } : e));
    const file = await tampered('edited.pgp', spec1, ({ manifest }) => ({ manifest, audit: edited }));
    const r = await run([file]);
    expect(refusedReason(r.outcomes[0])).toBe('AUDIT_BROKEN');
    // Signed by an enrolled device, so the receipt says whose it is; nothing decoded beyond that.
    expect(lines('receipts.ndjson')).toEqual([expect.objectContaining({ verdict: 'refused', reason: 'AUDIT_BROKEN', deviceId: deviceA.deviceId, managerId: 'RM00123', fromSeq: null, records: null })]);
    expect(existsSync(join(outDir, 'records.ndjson'))).toBe(false);
    expect(existsSync(join(outDir, 'audit.ndjson'))).toBe(false);
  });

  it('refuses a manifest naming another key or device than the signer', async () => {
    const otherFp = await tampered('wrong-fp.pgp', spec1, ({ manifest, audit }) => ({ manifest: { ...manifest, devicePublicKeyFp: deviceB.key.fingerprint }, audit }));
    const otherDevice = await tampered('wrong-device.pgp', spec1, ({ manifest, audit }) => ({ manifest: { ...manifest, devicePublicKeyFp: deviceB.key.fingerprint }, audit }), deviceB);
    const r = await run([otherFp, otherDevice]);
    expect(r.outcomes.map(refusedReason)).toEqual(['FINGERPRINT_MISMATCH', 'DEVICE_MISMATCH']);
    expect(lines('receipts.ndjson')[1]).toMatchObject({ deviceId: deviceB.deviceId, managerId: 'RM00456' });
  });

  it('reads nothing and writes nothing when a named file is missing', async () => {
    const e = await run([e1, join(exportsDir, 'missing.pgp')]).then(() => null, (err: unknown) => err);
    expect(e).toBeInstanceOf(HqError);
    expect((e as HqError).key).toBe('ingest.fileUnreadable');
    expect(existsSync(join(outDir, 'receipts.ndjson'))).toBe(false);
  });

  it('refuses to go on from a damaged output folder (torn last line)', async () => {
    await run([e1]);
    writeFileSync(join(outDir, 'receipts.ndjson'), read('receipts.ndjson') + '{"file":"x"');
    const e = await run([e2]).then(() => null, (err: unknown) => err);
    expect((e as HqError).key).toBe('ingest.outCorrupt');
  });
});
