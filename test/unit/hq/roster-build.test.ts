import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../../src/hq/ingest';
import { keygen, type KeygenResult } from '../../../src/hq/keygen';
import { HqError } from '../../../src/hq/messages';
import { buildRoster, type RosterBuildInput } from '../../../src/hq/roster-build';
import { GENESIS_HASH } from '../../../src/main/core/domain/audit-chain';
import { open } from '../../../src/main/core/sync/envelope';
import { decodeRoster, type RosterPayload } from '../../../src/main/core/sync/formats';
import { HQ_OWNED_FIELDS } from '../../../src/shared/sync';
import { auditChain, makeDevice, newId, record, tempDir, writeExport, type Device } from './export-helper';

const FIXTURES = resolve('test/fixtures/hq');
const TODAY = '2026-11-27';

let tmp: ReturnType<typeof tempDir>;
let keysDir: string;
let hq: KeygenResult;
let hqPublic: string;
let device: Device;
let deviceFile: string;
let other: Device;
let otherFile: string;

beforeAll(async () => {
  tmp = tempDir('hq-roster-');
  keysDir = join(tmp.dir, 'keys');
  hq = await keygen({ outDir: keysDir, now: new Date() });
  hqPublic = readFileSync(hq.publicPath, 'utf8');
  [device, other] = await Promise.all([makeDevice('RM00123', '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b'), makeDevice('RM00456', '0193a1b2-7c3d-7e4f-8a5b-00000000beef')]);
  deviceFile = join(tmp.dir, 'RM00123.asc');
  otherFile = join(tmp.dir, 'RM00456.asc');
  writeFileSync(deviceFile, device.key.publicArmored);
  writeFileSync(otherFile, other.key.publicArmored);
});
afterAll(() => tmp.cleanup());

let n = 0;
const out = () => join(tmp.dir, `roster-${++n}.pgp`);
const input = (over: Partial<RosterBuildInput>): RosterBuildInput => ({
  keysDir,
  managerId: 'RM00123',
  deviceKeyFile: deviceFile,
  extractFile: join(FIXTURES, 'extract-1.csv'),
  outFile: out(),
  today: TODAY,
  now: new Date(),
  ...over,
});

/** What the device sees: decrypted with its own key, signature checked against the HQ key. */
async function openOnDevice(file: string, key = device): Promise<RosterPayload> {
  const bytes = await open({ message: readFileSync(file), decryptionKey: key.key.privateArmored, expectedSigner: hqPublic, now: new Date() });
  return decodeRoster(bytes);
}

async function refusal(p: Promise<unknown>): Promise<HqError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(HqError);
  return e as HqError;
}

const stateFile = (manager: string) => join(keysDir, 'rosters', `${manager}.json`);
const state = (manager: string) => JSON.parse(readFileSync(stateFile(manager), 'utf8')) as unknown;

describe('hq roster build', () => {
  it('first roster: every client assigned, HQ-owned fields only, nothing acknowledged', async () => {
    const file = out();
    const r = await buildRoster(input({ outFile: file }));
    expect(r).toMatchObject({ rosterSeq: 1, assigned: 4, updated: 0, unassigned: 0, ackedThroughSeq: 0, auditAckHash: GENESIS_HASH, deviceId: device.deviceId });

    const roster = await openOnDevice(file);
    expect(roster.manifest).toMatchObject({ format: 'rmw-roster', version: 1, managerId: 'RM00123', rosterSeq: 1, ackedThroughSeq: 0, auditAckHash: GENESIS_HASH });
    expect(roster.records.map((x) => [x.type, x.clientNo])).toEqual([
      ['assign', 'C0001'],
      ['assign', 'C0002'],
      ['assign', 'C0003'],
      ['assign', 'C0004'],
    ]);
    const zhang = roster.records[0]!;
    expect(zhang.type === 'assign' && zhang.fields).toEqual({
      kind: 'person',
      name: '张伟',
      sex: 'M',
      birthDate: '1975-03-08',
      idType: 'resident_id',
      idNumber: '110105197503080116',
      idLongTerm: true,
      mobile: '13912345678',
      riskGrade: 'low',
      aumFen: 123_456_789,
      depositsFen: 30_000_000,
      products: ['理财', '基金'],
    });
    // The notes column (周末不打电话) is the RM's, never HQ's to send.
    for (const rec of roster.records) if (rec.type !== 'unassign') for (const f of Object.keys(rec.fields)) expect(HQ_OWNED_FIELDS).toContain(f);
    expect(JSON.stringify(roster)).not.toContain('周末不打电话');
    expect(roster.records[2]).toMatchObject({ fields: { kind: 'company', idType: 'uscc', name: '深圳市华南精密五金制品有限公司' } });
    expect(state('RM00123')).toEqual({ rosterSeq: 1, clientNos: ['C0001', 'C0002', 'C0003', 'C0004'] });
  });

  it('second roster: a dropped client is unassigned, kept ones updated, a new one assigned; acks as given', async () => {
    const file = out();
    const ack = { throughSeq: 57, auditHash: 'ab'.repeat(32) };
    const r = await buildRoster(input({ outFile: file, extractFile: join(FIXTURES, 'extract-2.csv'), ack }));
    expect(r).toMatchObject({ rosterSeq: 2, assigned: 1, updated: 3, unassigned: 1, ackedThroughSeq: 57, auditAckHash: ack.auditHash });

    const roster = await openOnDevice(file);
    expect(roster.manifest).toMatchObject({ rosterSeq: 2, ackedThroughSeq: 57, auditAckHash: ack.auditHash });
    expect(roster.records.map((x) => [x.type, x.clientNo])).toEqual([
      ['update', 'C0001'],
      ['update', 'C0003'],
      ['update', 'C0004'],
      ['assign', 'C0005'],
      ['unassign', 'C0002'],
    ]);
    const zhang = roster.records[0]!;
    expect(zhang.type === 'update' && zhang.fields).toMatchObject({ aumFen: 200_000_000, mobile: '13800001111', products: ['理财', '基金', '国债'], idLongTerm: true, idExpiry: null });
    // An update restates every column the extract has: an emptied cell clears the field.
    const wang = roster.records[2]!;
    expect(wang.type === 'update' && wang.fields).toMatchObject({ riskGrade: null, products: [], idExpiry: '2035-11-02', idLongTerm: false });
    expect(wang.type === 'update' && 'depositsFen' in wang.fields).toBe(false);
    expect(state('RM00123')).toEqual({ rosterSeq: 2, clientNos: ['C0001', 'C0003', 'C0004', 'C0005'] });
  });

  it('refuses to overwrite an existing output, and the roster record stays as it was', async () => {
    const file = out();
    writeFileSync(file, 'someone else’s file');
    const before = readFileSync(stateFile('RM00123'));
    const e = await refusal(buildRoster(input({ outFile: file })));
    expect(e.key).toBe('roster.outExists');
    expect(readFileSync(file, 'utf8')).toBe('someone else’s file');
    expect(readFileSync(stateFile('RM00123'))).toEqual(before);
  });

  it('refuses a device key issued to another manager, naming both', async () => {
    const file = out();
    const e = await refusal(buildRoster(input({ outFile: file, deviceKeyFile: otherFile })));
    expect(e.key).toBe('device.wrongManager');
    expect(e.params).toMatchObject({ manager: 'RM00123', keyManager: 'RM00456' });
    expect(e.describe('en')).toMatch(/RM00456.*RM00123/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a key that is not a device enrolment (the HQ key itself, a private key)', async () => {
    expect((await refusal(buildRoster(input({ deviceKeyFile: hq.publicPath })))).key).toBe('device.notDevice');
    const secret = join(tmp.dir, 'device-secret.asc');
    writeFileSync(secret, device.key.privateArmored);
    expect((await refusal(buildRoster(input({ deviceKeyFile: secret })))).params).toMatchObject({ reason: 'PRIVATE_KEY' });
  });

  it('refuses the whole extract when a row is bad, naming rows and fields; nothing written', async () => {
    const file = out();
    const before = readFileSync(stateFile('RM00123'));
    const e = await refusal(buildRoster(input({ outFile: file, extractFile: join(FIXTURES, 'extract-bad.csv') })));
    expect(e.key).toBe('extract.rowErrors');
    expect(e.rows.map((p) => [p.row, p.field, p.code])).toEqual([
      [3, 'id_number', 'ID_CHECKSUM'],
      [5, 'client_no', 'CLIENT_NO_MISSING'],
    ]);
    const text = e.describe('zh-CN');
    expect(text).toContain('第 3 行 · 证件号码');
    expect(text).toContain('第 5 行 · 客户编号 · 缺少客户号');
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(stateFile('RM00123'))).toEqual(before);
  });

  it('reads XLSX extracts too: an ID Excel turned into a number is named by its row', async () => {
    const e = await refusal(buildRoster(input({ extractFile: resolve('test/fixtures/import/merged-header.xlsx') })));
    expect(e.rows.map((p) => [p.row, p.field])).toEqual([[6, 'id_number']]);
  });

  it('refuses a duplicated client number and an extract without rows', async () => {
    const dup = join(tmp.dir, 'dup.csv');
    writeFileSync(dup, '客户号,客户名称\r\nC1,张三\r\nC2,李四\r\nC1,王五\r\n');
    const e = await refusal(buildRoster(input({ extractFile: dup })));
    expect(e.rows).toEqual([{ row: 4, field: 'client_no', code: 'CLIENT_NO_DUPLICATE', params: { clientNo: 'C1', other: 2 } }]);
    const empty = join(tmp.dir, 'empty.csv');
    writeFileSync(empty, '客户号,客户名称\r\n\r\n');
    expect((await refusal(buildRoster(input({ extractFile: empty })))).key).toBe('extract.noRows');
  });

  it('takes the acknowledgement from an ingest folder: the highest accepted toSeq of this device', async () => {
    const ingestOut = join(tmp.dir, 'ingest');
    const exportsDir = join(tmp.dir, 'exports');
    const devicesDir = join(tmp.dir, 'devices');
    mkdirSync(exportsDir);
    mkdirSync(devicesDir);
    writeFileSync(join(devicesDir, 'a.asc'), device.key.publicArmored);
    writeFileSync(join(devicesDir, 'b.asc'), other.key.publicArmored);
    const chain = auditChain(4);
    const otherChain = auditChain(9, 'rm:RM00456');
    const files = [
      // accepted 0→12, then 0→20 (cumulative): the ack is 20 with the audit head of that file
      await writeExport(exportsDir, { device, fromSeq: 0, toSeq: 12, records: [record('client', newId(), 1)], chain, auditFromSeq: 0, auditToSeq: 2 }, hqPublic),
      await writeExport(exportsDir, { device, fromSeq: 0, toSeq: 20, records: [record('client', newId(), 1)], chain, auditFromSeq: 0, auditToSeq: 3 }, hqPublic),
      // refused (gap): its higher toSeq must not count
      await writeExport(exportsDir, { device, fromSeq: 30, toSeq: 40, records: [], chain, auditFromSeq: 3, auditToSeq: 4 }, hqPublic),
      // another device's higher seq must not count either
      await writeExport(exportsDir, { device: other, fromSeq: 0, toSeq: 99, records: [], chain: otherChain, auditFromSeq: 0, auditToSeq: 9 }, hqPublic),
    ];
    const ingested = await ingest({ keysDir, devicesDir, outDir: ingestOut, files });
    expect(ingested.outcomes.map((o) => o.status)).toEqual(['accepted', 'accepted', 'refused', 'accepted']);

    const file = out();
    const r = await buildRoster(input({ outFile: file, extractFile: join(FIXTURES, 'extract-2.csv'), ingestDir: ingestOut }));
    expect(r).toMatchObject({ rosterSeq: 3, ackedThroughSeq: 20, auditAckHash: chain[2]!.hash, assigned: 0, updated: 4, unassigned: 0 });
    expect((await openOnDevice(file)).manifest).toMatchObject({ ackedThroughSeq: 20, auditAckHash: chain[2]!.hash });

    // Rosters are per manager: RM00456's first roster starts at 1 and acknowledges its own device.
    const r2 = await buildRoster(input({ managerId: 'RM00456', deviceKeyFile: otherFile, outFile: out(), ingestDir: ingestOut }));
    expect(r2).toMatchObject({ rosterSeq: 1, assigned: 4, ackedThroughSeq: 99, auditAckHash: otherChain[8]!.hash });
    expect((await openOnDevice(r2.outFile, other)).manifest.managerId).toBe('RM00456');

    // A folder that is not an ingest output is refused rather than read as "nothing acknowledged".
    expect((await refusal(buildRoster(input({ ingestDir: exportsDir })))).key).toBe('roster.noReceipts');
    expect((await refusal(buildRoster(input({ ingestDir: ingestOut, ack: { throughSeq: 1, auditHash: GENESIS_HASH } })))).key).toBe('roster.ackOptions');
  });
});
