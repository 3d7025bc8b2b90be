import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type StoredChainEntry } from '../../../src/main/core/domain/audit-chain';
import {
  decodeExport,
  decodeRoster,
  encodeJsonLines,
  exportFileName,
  parseExportFileName,
  rosterMismatch,
  type ExportManifest,
  type ExportRecord,
  type RosterManifest,
  type RosterRecord,
} from '../../../src/main/core/sync/formats';
import { AppError } from '../../../src/shared/errors';

const DEVICE_ID = '0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b';
const FP = '9D7A5535E34760CD7F32C29C901AC90F4062981D';
const CLIENT = '0193a1b2-0000-7000-8000-000000000001';

/** Audit entries seq from+1..to, chained from `prev`. */
function auditSegment(from: number, to: number, prev = GENESIS_HASH): StoredChainEntry[] {
  const out: StoredChainEntry[] = [];
  for (let seq = from + 1; seq <= to; seq++) {
    const e = { seq, at: `2026-11-22T01:${String(seq % 60).padStart(2, '0')}:00.000Z`, actor: 'rm:RM00123', action: 'client.view', subject: CLIENT, details: { n: seq } };
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const audit = auditSegment(0, 3);
const manifest: ExportManifest = {
  format: 'rmw-export',
  version: 1,
  managerId: 'RM00123',
  deviceId: DEVICE_ID,
  devicePublicKeyFp: FP,
  fromSeq: 0,
  toSeq: 57,
  createdAt: '2026-11-22T09:30:00.000+08:00',
  auditFromSeq: 0,
  auditToSeq: 3,
  auditPrevHash: GENESIS_HASH,
  auditHeadHash: audit[2]!.hash,
  counts: { client: 1, contact: 1 },
};
const records: ExportRecord[] = [
  { entity: 'client', id: CLIENT, op: 'upsert', rev: 4, updatedAt: '2026-11-21T08:00:00.000Z', data: { notes: '喜欢稳健型产品', potential: 4 } },
  { entity: 'contact', id: '0193a1b2-0000-7000-8000-000000000002', op: 'delete', rev: 2, updatedAt: '2026-11-21T08:05:00.000Z', data: null },
];

const roster: RosterManifest = { format: 'rmw-roster', version: 1, managerId: 'RM00123', rosterSeq: 7, issuedAt: '2026-11-23T00:00:00.000Z', ackedThroughSeq: 57, auditAckHash: audit[2]!.hash };
const rosterRecords: RosterRecord[] = [
  { type: 'assign', clientNo: 'C000123', fields: { kind: 'person', name: '王丽', idType: 'resident_id', idNumber: '11010519491231002X', aumFen: 523_000_000, riskGrade: 'medium' } },
  { type: 'update', clientNo: 'C000045', fields: { dormantFlag: true, products: ['大额存单', '理财A'] } },
  { type: 'unassign', clientNo: 'C000099' },
];

const jsonl = (...lines: unknown[]) => new TextEncoder().encode(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');

function refused(f: () => unknown): AppError['value'] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).value.code).toBe('SYNC_FILE_REFUSED');
    return (e as AppError).value;
  }
  throw new Error('accepted');
}

describe('export payload', () => {
  it('round-trips manifest, records and audit segment as JSON Lines', () => {
    const bytes = encodeJsonLines(manifest, records, audit);
    const lines = new TextDecoder().decode(bytes).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 + 3);
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'rmw-export', version: 1 });
    expect(decodeExport(bytes)).toEqual({ manifest, records, audit });
  });

  it('writes the same bytes for the same content (sorted keys)', () => {
    const shuffled = Object.fromEntries(Object.entries(manifest).reverse()) as ExportManifest;
    expect(encodeJsonLines(shuffled, records, audit)).toEqual(encodeJsonLines(manifest, records, audit));
  });

  it('reads a gzipped payload, CRLF line ends and a BOM', () => {
    const bytes = encodeJsonLines(manifest, records, audit);
    expect(decodeExport(gzipSync(bytes)).records).toEqual(records);
    const crlf = '\uFEFF' + new TextDecoder().decode(bytes).replace(/\n/g, '\r\n');
    expect(decodeExport(new TextEncoder().encode(crlf)).audit).toEqual(audit);
  });

  it('takes an empty range: no records, no audit entries', () => {
    const empty = { ...manifest, fromSeq: 57, toSeq: 57, auditFromSeq: 3, auditToSeq: 3, auditPrevHash: audit[2]!.hash, counts: {} };
    expect(decodeExport(encodeJsonLines(empty, [], []))).toEqual({ manifest: empty, records: [], audit: [] });
  });

  it.each([
    ['devicePublicKeyFp', { devicePublicKeyFp: FP.toLowerCase() }],
    ['devicePublicKeyFp', { devicePublicKeyFp: undefined }],
    ['managerId', { managerId: 'RM 123' }],
    ['deviceId', { deviceId: 'laptop-1' }],
    ['toSeq', { toSeq: -1 }],
    ['toSeq', { fromSeq: 58 }],
    ['createdAt', { createdAt: '2026-11-22' }],
    ['auditPrevHash', { auditPrevHash: 'abc' }],
    ['auditToSeq', { auditFromSeq: 4 }],
    ['counts.client', { counts: { client: 1.5, contact: 1 } }],
    ['counts', { counts: { clients: 1 } }],
    ['extra', { extra: true }],
  ])('names the failing manifest field: %s', (field, change) => {
    const err = refused(() => decodeExport(jsonl({ ...manifest, ...change }, ...records, ...audit)));
    expect(err.reason).toBe('INVALID_MANIFEST');
    expect(err.params).toEqual({ line: 1 });
    expect(err.issues?.map((i) => i.field)).toContain(field === 'extra' ? '(line)' : field);
    if (field !== 'extra') expect(err.field).toBe(field);
  });

  it('refuses an unknown format or version before looking at the rest', () => {
    expect(refused(() => decodeExport(jsonl({ format: 'rmw-backup', version: 1 })))).toMatchObject({ reason: 'UNKNOWN_FORMAT', field: 'format' });
    expect(refused(() => decodeExport(jsonl({ ...manifest, version: 2 })))).toMatchObject({ reason: 'UNKNOWN_VERSION', field: 'version', params: { version: '2' } });
    expect(refused(() => decodeExport(jsonl({ ...manifest, version: '1' })))).toMatchObject({ reason: 'UNKNOWN_VERSION' });
    expect(refused(() => decodeExport(jsonl([1, 2])))).toMatchObject({ reason: 'UNKNOWN_FORMAT' });
    expect(refused(() => decodeExport(encodeJsonLines(roster, rosterRecords)))).toMatchObject({ reason: 'UNKNOWN_FORMAT' });
    expect(refused(() => decodeRoster(encodeJsonLines(manifest, records, audit)))).toMatchObject({ reason: 'UNKNOWN_FORMAT' });
  });

  it('refuses what is not JSON Lines', () => {
    expect(refused(() => decodeExport(new Uint8Array(0)))).toMatchObject({ reason: 'MALFORMED', field: 'manifest' });
    expect(refused(() => decodeExport(new TextEncoder().encode('client,name\n1,王丽\n')))).toMatchObject({ reason: 'MALFORMED', field: 'manifest' });
    expect(refused(() => decodeExport(Uint8Array.of(0x7b, 0xff, 0xfe, 0x7d)))).toMatchObject({ reason: 'MALFORMED', params: { detail: 'utf-8' } });
    expect(refused(() => decodeExport(Uint8Array.of(0x1f, 0x8b, 1, 2, 3)))).toMatchObject({ reason: 'MALFORMED' });
    const broken = new TextEncoder().encode(new TextDecoder().decode(encodeJsonLines(manifest, records, audit)).replace('"op":"delete"', '"op":'));
    expect(refused(() => decodeExport(broken))).toMatchObject({ reason: 'MALFORMED', params: { line: 3 } });
  });

  it('refuses a bad record, naming the field and the line', () => {
    const bad = { ...records[1]!, op: 'merge' };
    expect(refused(() => decodeExport(jsonl(manifest, records[0], bad, ...audit)))).toMatchObject({ reason: 'INVALID_RECORD', field: 'op', params: { line: 3 } });
    const noData = { ...records[0]!, data: null };
    expect(refused(() => decodeExport(jsonl(manifest, noData, records[1], ...audit)))).toMatchObject({ reason: 'INVALID_RECORD', field: 'data', params: { line: 2 } });
    const unknownEntity = { ...records[0]!, entity: 'segment' };
    expect(refused(() => decodeExport(jsonl(manifest, unknownEntity, records[1], ...audit)))).toMatchObject({ reason: 'INVALID_RECORD', field: 'entity' });
  });

  it('refuses counts that do not match the records', () => {
    expect(refused(() => decodeExport(jsonl(manifest, records[0], records[0], ...audit)))).toMatchObject({ reason: 'COUNTS_MISMATCH', field: 'counts.client', params: { expected: 1, found: 2 } });
    expect(refused(() => decodeExport(jsonl(manifest, records[0], ...audit)))).toMatchObject({ reason: 'COUNTS_MISMATCH', field: 'counts.contact', params: { expected: 1, found: 0 } });
    expect(refused(() => decodeExport(jsonl(manifest, records[0])))).toMatchObject({ reason: 'COUNTS_MISMATCH', field: 'auditToSeq' });
  });

  it('refuses an audit segment that is edited, reordered or does not continue from the acknowledged head', () => {
    const edited = audit.map((e, i) => (i === 1 ? { ...e, details: { n: 99 } } : e));
    expect(refused(() => decodeExport(jsonl(manifest, ...records, ...edited)))).toMatchObject({ reason: 'AUDIT_BROKEN', field: 'audit', params: { seq: 2 } });
    expect(refused(() => decodeExport(jsonl(manifest, ...records, audit[1], audit[0], audit[2])))).toMatchObject({ reason: 'AUDIT_BROKEN', params: { seq: 1 } });
    const later = auditSegment(3, 5, audit[2]!.hash);
    const wrongBase = { ...manifest, auditFromSeq: 3, auditToSeq: 5, auditHeadHash: later[1]!.hash };
    expect(refused(() => decodeExport(jsonl(wrongBase, ...records, ...later)))).toMatchObject({ reason: 'AUDIT_BROKEN', params: { seq: 4 } });
    expect(decodeExport(jsonl({ ...wrongBase, auditPrevHash: audit[2]!.hash }, ...records, ...later)).audit).toEqual(later);
    expect(refused(() => decodeExport(jsonl({ ...manifest, auditHeadHash: audit[1]!.hash }, ...records, ...audit)))).toMatchObject({ reason: 'AUDIT_BROKEN', field: 'auditHeadHash' });
  });

  it('encodes and decodes 100,000 records', { timeout: 60_000 }, () => {
    const many: ExportRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      entity: 'contact',
      id: `0193a1b2-0000-7000-8000-${i.toString(16).padStart(12, '0')}`,
      op: 'upsert',
      rev: 1,
      updatedAt: '2026-11-21T08:00:00.000Z',
      data: { channel: 'phone', outcome: 'reached', notes: `第${i}次回访，客户对理财到期安排满意` },
    }));
    const big = { ...manifest, counts: { contact: many.length } };
    const t0 = performance.now();
    const bytes = encodeJsonLines(big, many, audit);
    const t1 = performance.now();
    expect(decodeExport(bytes).records).toHaveLength(100_000);
    const t2 = performance.now();
    console.log(`[sync] 100k records: ${(bytes.length / 1e6).toFixed(1)} MB, encode ${(t1 - t0).toFixed(0)} ms, decode ${(t2 - t1).toFixed(0)} ms`);
  });

  it('will not write what the receiver would refuse', () => {
    expect(refused(() => encodeJsonLines({ ...manifest, counts: { client: 2 } }, records, audit))).toMatchObject({ reason: 'COUNTS_MISMATCH' });
    expect(refused(() => encodeJsonLines(manifest, records, audit.slice(1)))).toMatchObject({ reason: 'COUNTS_MISMATCH' });
  });
});

describe('roster payload', () => {
  it('round-trips', () => {
    expect(decodeRoster(encodeJsonLines(roster, rosterRecords))).toEqual({ manifest: roster, records: rosterRecords });
  });

  it.each([
    ['rosterSeq', { rosterSeq: 0 }],
    ['ackedThroughSeq', { ackedThroughSeq: undefined }],
    ['auditAckHash', { auditAckHash: 'f'.repeat(63) }],
    ['issuedAt', { issuedAt: 'yesterday' }],
    ['managerId', { managerId: '' }],
  ])('names the failing manifest field: %s', (field, change) => {
    expect(refused(() => decodeRoster(jsonl({ ...roster, ...change })))).toMatchObject({ reason: 'INVALID_MANIFEST', field });
  });

  it('refuses unknown version', () => {
    expect(refused(() => decodeRoster(jsonl({ ...roster, version: 2 })))).toMatchObject({ reason: 'UNKNOWN_VERSION', field: 'version' });
  });

  it('lets HQ set only the fields it owns', () => {
    const notes = { type: 'update', clientNo: 'C1', fields: { notes: '总行改备注' } };
    expect(refused(() => decodeRoster(jsonl(roster, notes)))).toMatchObject({ reason: 'INVALID_RECORD', field: 'fields', params: { line: 2 } });
    const potential = { type: 'assign', clientNo: 'C1', fields: { kind: 'person', name: '李', potential: 5 } };
    expect(refused(() => decodeRoster(jsonl(roster, potential)))).toMatchObject({ reason: 'INVALID_RECORD', field: 'fields' });
    expect(refused(() => decodeRoster(jsonl(roster, { type: 'assign', clientNo: 'C1', fields: { kind: 'person' } })))).toMatchObject({ reason: 'INVALID_RECORD', field: 'fields.name' });
    expect(refused(() => decodeRoster(jsonl(roster, { type: 'update', clientNo: 'C1', fields: {} })))).toMatchObject({ reason: 'INVALID_RECORD', field: 'fields' });
    expect(refused(() => decodeRoster(jsonl(roster, { type: 'transfer', clientNo: 'C1' })))).toMatchObject({ reason: 'INVALID_RECORD', field: 'type' });
    expect(refused(() => decodeRoster(jsonl(roster, { type: 'update', clientNo: 'C1', fields: { aumFen: -1 } })))).toMatchObject({ reason: 'INVALID_RECORD', field: 'fields.aumFen' });
  });

  it('tells another manager’s roster and a replay apart', () => {
    expect(rosterMismatch(roster, { managerId: 'RM00123', lastRosterSeq: 6 })).toBeNull();
    expect(rosterMismatch(roster, { managerId: 'RM00999', lastRosterSeq: 6 })).toBe('WRONG_MANAGER');
    expect(rosterMismatch(roster, { managerId: 'RM00123', lastRosterSeq: 7 })).toBe('REPLAY');
  });
});

describe('export file name', () => {
  it('is rmw-<managerId>-<deviceShortId>-<fromSeq>-<toSeq>.pgp, the short id from the random tail of the device id', () => {
    expect(exportFileName(manifest)).toBe('rmw-RM00123-8e9f0a1b-0-57.pgp');
    expect(exportFileName(manifest)).toMatch(/^rmw-[A-Za-z0-9][A-Za-z0-9_.-]*-[0-9a-f]{8}-\d+-\d+\.pgp$/);
  });

  it('parses back, even when the manager id holds a hyphen', () => {
    expect(parseExportFileName('rmw-RM00123-8e9f0a1b-0-57.pgp')).toEqual({ managerId: 'RM00123', deviceShortId: '8e9f0a1b', fromSeq: 0, toSeq: 57 });
    const name = exportFileName({ ...manifest, managerId: 'sh-branch.rm-7', fromSeq: 57, toSeq: 120 });
    expect(parseExportFileName(name)).toEqual({ managerId: 'sh-branch.rm-7', deviceShortId: '8e9f0a1b', fromSeq: 57, toSeq: 120 });
  });

  it.each(['rmw-RM00123-8e9f0a1b-0-57.gpg', 'rmw-RM00123-0-57.pgp', 'rmw-RM00123-8E9F0A1B-0-57.pgp', 'rmw-王丽-8e9f0a1b-0-57.pgp', 'roster-RM00123-8e9f0a1b-0-57.pgp', '../rmw-RM00123-8e9f0a1b-0-57.pgp'])(
    'does not take %s',
    (name) => expect(parseExportFileName(name)).toBeNull(),
  );
});
