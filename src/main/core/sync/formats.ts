import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { clientInputSchema } from '../../../shared/clients';
import { HQ_OWNED_FIELDS, SYNC_ENTITIES } from '../../../shared/sync';
import { managerIdSchema } from '../../../shared/contract';
import { AppError, type AppErrorValue } from '../../../shared/errors';
import { canonicalJson, entryHash, type StoredChainEntry } from '../domain/audit-chain';
import { MAX_PAYLOAD_BYTES, SYNC_FILE_REFUSED } from './envelope';

// The payloads inside the envelope (sync-format.md): UTF-8 JSON Lines, manifest first, then
// records, then (exports only) the audit entries of the range. Plain enough for jq at HQ.

/** Why a payload was refused: the `reason` of a SYNC_FILE_REFUSED error, `field` naming the culprit. */
export type PayloadRefusal =
  | 'MALFORMED'
  | 'UNKNOWN_FORMAT'
  | 'UNKNOWN_VERSION'
  | 'INVALID_MANIFEST'
  | 'INVALID_RECORD'
  | 'INVALID_AUDIT'
  | 'COUNTS_MISMATCH'
  | 'AUDIT_BROKEN';

export const EXPORT_FORMAT = 'rmw-export';
export const ROSTER_FORMAT = 'rmw-roster';
export const FORMAT_VERSION = 1;

export { SYNC_ENTITIES, HQ_OWNED_FIELDS } from '../../../shared/sync';

const instant = z.string().datetime({ offset: true });
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'sha256');
/** v4 fingerprint as GnuPG prints it (keys.ts `fingerprintOf`). */
const fingerprint = z.string().regex(/^[0-9A-F]{40}$/, 'fingerprint');
const clientNo = z.string().trim().min(1).max(40);

/**
 * `fromSeq`/`auditFromSeq` are the last seq HQ already has (exclusive); `toSeq`/`auditToSeq` the
 * last one included. An empty range has from = to (and then prev hash = head hash).
 */
export const exportManifestSchema = z
  .strictObject({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(FORMAT_VERSION),
    managerId: managerIdSchema,
    deviceId: z.string().uuid(),
    devicePublicKeyFp: fingerprint,
    fromSeq: seq,
    toSeq: seq,
    createdAt: instant,
    auditFromSeq: seq,
    auditToSeq: seq,
    auditPrevHash: sha256Hex,
    auditHeadHash: sha256Hex,
    /** Records per entity in this file; entities without records may be left out. */
    counts: z.partialRecord(z.enum(SYNC_ENTITIES), seq),
  })
  .superRefine((m, ctx) => {
    if (m.toSeq < m.fromSeq) ctx.addIssue({ code: 'custom', path: ['toSeq'], message: 'before fromSeq' });
    if (m.auditToSeq < m.auditFromSeq) ctx.addIssue({ code: 'custom', path: ['auditToSeq'], message: 'before auditFromSeq' });
    if (m.auditToSeq === m.auditFromSeq && m.auditHeadHash !== m.auditPrevHash) ctx.addIssue({ code: 'custom', path: ['auditHeadHash'], message: 'empty range' });
  });

const recordBase = { entity: z.enum(SYNC_ENTITIES), id: z.string().uuid(), rev: z.number().int().min(1), updatedAt: instant };
export const exportRecordSchema = z.discriminatedUnion('op', [
  z.strictObject({ ...recordBase, op: z.literal('upsert'), data: z.record(z.string(), z.unknown()) }),
  z.strictObject({ ...recordBase, op: z.literal('delete'), data: z.null() }),
]);

export const auditEntrySchema = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string().min(1),
  actor: z.string().min(1),
  action: z.string().min(1),
  subject: z.string().nullable(),
  details: z.unknown(),
  prevHash: sha256Hex,
  hash: sha256Hex,
});

export const rosterManifestSchema = z.strictObject({
  format: z.literal(ROSTER_FORMAT),
  version: z.literal(FORMAT_VERSION),
  managerId: managerIdSchema,
  /** Grows by one per roster; a roster not newer than the last applied is a replay. */
  rosterSeq: z.number().int().min(1),
  issuedAt: instant,
  /** HQ holds every journal entry up to here: the next export starts after it. */
  ackedThroughSeq: seq,
  /** Head hash of the audit chain as HQ last saw it. */
  auditAckHash: sha256Hex,
});

const hqFields = clientInputSchema.pick(Object.fromEntries(HQ_OWNED_FIELDS.map((f) => [f, true])) as { [K in (typeof HQ_OWNED_FIELDS)[number]]: true });
/** Keyed by the core-banking customer number: HQ never sees the workbench's own client ids before an export. */
export const rosterRecordSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('assign'), clientNo, fields: hqFields.partial().required({ kind: true, name: true }) }),
  z.strictObject({ type: z.literal('unassign'), clientNo }),
  z.strictObject({
    type: z.literal('update'),
    clientNo,
    fields: hqFields.partial().refine((f) => Object.keys(f).length > 0, 'empty'),
  }),
]);

export type ExportManifest = z.output<typeof exportManifestSchema>;
export type ExportRecord = z.output<typeof exportRecordSchema>;
export type RosterManifest = z.output<typeof rosterManifestSchema>;
export type RosterRecord = z.output<typeof rosterRecordSchema>;
export interface ExportPayload { manifest: ExportManifest; records: ExportRecord[]; audit: StoredChainEntry[] }
export interface RosterPayload { manifest: RosterManifest; records: RosterRecord[] }

/** Serialises a payload, after the same checks the receiver makes: we never write a file HQ would refuse. */
export function encodeJsonLines(manifest: ExportManifest, records: readonly ExportRecord[], auditEntries: readonly StoredChainEntry[]): Uint8Array;
export function encodeJsonLines(manifest: RosterManifest, records: readonly RosterRecord[]): Uint8Array;
export function encodeJsonLines(manifest: ExportManifest | RosterManifest, records: readonly unknown[], auditEntries: readonly unknown[] = []): Uint8Array {
  if (manifest.format !== EXPORT_FORMAT) {
    const checked = checkRoster(manifest, records);
    return new TextEncoder().encode([checked.manifest, ...checked.records].map(canonicalJson).join('\n') + '\n');
  }
  records.forEach((r, i) => assertRecordShape(r, 2 + i));
  const tally: Partial<Record<string, number>> = {};
  for (const r of records as ExportRecord[]) tally[r.entity] = (tally[r.entity] ?? 0) + 1;
  return encodeExportLines(manifest, records.map((r) => JSON.stringify(r)), tally, auditEntries as readonly StoredChainEntry[]);
}

/**
 * An export from record lines already serialised (the device builds them from its own tables, up
 * to hundreds of thousands): manifest, counts and the audit segment are checked as the receiver
 * will; only the hashed audit entries need canonical JSON.
 */
export function encodeExportLines(manifest: ExportManifest, recordLines: readonly string[], counts: Partial<Record<string, number>>, auditEntries: readonly StoredChainEntry[]): Uint8Array {
  const { head, tail } = exportFrame(manifest, recordLines.length, counts, auditEntries);
  return new TextEncoder().encode(head + recordLines.map((l) => `${l}\n`).join('') + tail);
}

/**
 * The manifest line and the audit lines around `records` record lines, after the receiver's checks
 * of manifest, counts and audit segment: `head` and `tail` end with a newline (`tail` is empty without audit).
 */
export function exportFrame(manifest: ExportManifest, records: number, counts: Partial<Record<string, number>>, auditEntries: readonly StoredChainEntry[]): { head: string; tail: string } {
  const checked = checkExport(manifest, [], auditEntries, 2, records);
  checkCounts(checked.manifest, new Map(Object.entries(counts) as [string, number][]));
  return { head: `${canonicalJson(checked.manifest)}\n`, tail: checked.audit.map((a) => `${canonicalJson(a)}\n`).join('') };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTITY_SET = new Set<string>(SYNC_ENTITIES);

function assertRecordShape(value: unknown, line: number): void {
  const r = value as Partial<ExportRecord> | null;
  const ok =
    r !== null &&
    typeof r === 'object' &&
    ENTITY_SET.has(r.entity as string) &&
    typeof r.id === 'string' &&
    UUID.test(r.id) &&
    Number.isSafeInteger(r.rev) &&
    (r.rev as number) >= 1 &&
    typeof r.updatedAt === 'string' &&
    !Number.isNaN(Date.parse(r.updatedAt)) &&
    ((r.op === 'upsert' && r.data !== null && typeof r.data === 'object') || (r.op === 'delete' && r.data === null));
  if (!ok) throw refusal('INVALID_RECORD', 'record', { line });
}

function checkCounts(manifest: ExportManifest, tally: Map<string, number>): void {
  for (const entity of SYNC_ENTITIES) {
    const expected = manifest.counts[entity] ?? 0;
    if ((tally.get(entity) ?? 0) !== expected) throw refusal('COUNTS_MISMATCH', `counts.${entity}`, { expected, found: tally.get(entity) ?? 0 });
  }
}

export function decodeExport(bytes: Uint8Array): ExportPayload {
  const [head, ...rest] = jsonLines(bytes);
  const manifest = parseManifest(head, EXPORT_FORMAT, exportManifestSchema);
  const auditCount = manifest.auditToSeq - manifest.auditFromSeq;
  if (auditCount > rest.length) throw refusal('COUNTS_MISMATCH', 'auditToSeq');
  return checkExport(manifest, rest.slice(0, rest.length - auditCount), rest.slice(rest.length - auditCount), 2);
}

export function decodeRoster(bytes: Uint8Array): RosterPayload {
  const [head, ...rest] = jsonLines(bytes);
  return checkRoster(parseManifest(head, ROSTER_FORMAT, rosterManifestSchema), rest, 2);
}

/** Refusals that need what this device knows: another manager's roster, or a replayed one. */
export function rosterMismatch(manifest: RosterManifest, device: { managerId: string; lastRosterSeq: number }): 'WRONG_MANAGER' | 'REPLAY' | null {
  if (manifest.managerId !== device.managerId) return 'WRONG_MANAGER';
  if (manifest.rosterSeq <= device.lastRosterSeq) return 'REPLAY';
  return null;
}

/** The random tail of the device id (a UUIDv7 starts with the clock, so its head is shared by devices made together). */
export function deviceShortId(deviceId: string): string {
  return deviceId.replace(/-/g, '').slice(-8).toLowerCase();
}

/** `rmw-<managerId>-<deviceShortId>-<fromSeq>-<toSeq>.pgp`: no client data in names. */
export function exportFileName(m: Pick<ExportManifest, 'managerId' | 'deviceId' | 'fromSeq' | 'toSeq'>): string {
  return `rmw-${m.managerId}-${deviceShortId(m.deviceId)}-${m.fromSeq}-${m.toSeq}.pgp`;
}

// The manager id may itself contain '-', so the fixed-shape parts are matched from the right.
const EXPORT_NAME = /^rmw-([A-Za-z0-9][A-Za-z0-9_.-]{1,31})-([0-9a-f]{8})-(\d{1,15})-(\d{1,15})\.pgp$/;

export function parseExportFileName(name: string): { managerId: string; deviceShortId: string; fromSeq: number; toSeq: number } | null {
  const m = EXPORT_NAME.exec(name);
  if (!m) return null;
  return { managerId: m[1]!, deviceShortId: m[2]!, fromSeq: Number(m[3]), toSeq: Number(m[4]) };
}

/** `recordLines`: records counted elsewhere (the encoder checks them itself); null = check `recordsIn` here. */
function checkExport(manifestIn: unknown, recordsIn: readonly unknown[], auditIn: readonly unknown[], firstLine = 2, recordLines: number | null = null): ExportPayload {
  const manifest = validate(exportManifestSchema, manifestIn, 'INVALID_MANIFEST', 1);
  const records = recordsIn.map((r, i) => validate(exportRecordSchema, r, 'INVALID_RECORD', firstLine + i));
  const audit = auditIn.map((a, i) => validate(auditEntrySchema, a, 'INVALID_AUDIT', firstLine + (recordLines ?? records.length) + i) as StoredChainEntry);

  if (recordLines === null) {
    const tally = new Map<string, number>();
    for (const r of records) tally.set(r.entity, (tally.get(r.entity) ?? 0) + 1);
    checkCounts(manifest, tally);
  }
  if (audit.length !== manifest.auditToSeq - manifest.auditFromSeq) throw refusal('COUNTS_MISMATCH', 'auditToSeq');

  // The segment must continue from the head HQ already has and end at the head it announces.
  let prev = manifest.auditPrevHash;
  for (const [i, e] of audit.entries()) {
    const expectedSeq = manifest.auditFromSeq + 1 + i;
    if (e.seq !== expectedSeq || e.prevHash !== prev || entryHash(prev, e) !== e.hash) {
      throw refusal('AUDIT_BROKEN', 'audit', { seq: expectedSeq });
    }
    prev = e.hash;
  }
  if (prev !== manifest.auditHeadHash) throw refusal('AUDIT_BROKEN', 'auditHeadHash');
  return { manifest, records, audit };
}

function checkRoster(manifestIn: unknown, recordsIn: readonly unknown[], firstLine = 2): RosterPayload {
  const manifest = validate(rosterManifestSchema, manifestIn, 'INVALID_MANIFEST', 1);
  return { manifest, records: recordsIn.map((r, i) => validate(rosterRecordSchema, r, 'INVALID_RECORD', firstLine + i)) };
}

/** Format and version are judged before the schema, so a newer file says "newer", not "invalid". */
function parseManifest<T extends z.ZodType>(head: unknown, format: string, schema: T): z.output<T> {
  const obj = (head !== null && typeof head === 'object' ? head : {}) as Record<string, unknown>;
  if (obj.format !== format) throw refusal('UNKNOWN_FORMAT', 'format', { format: String(obj.format).slice(0, 40) });
  if (obj.version !== FORMAT_VERSION) throw refusal('UNKNOWN_VERSION', 'version', { version: String(obj.version).slice(0, 20) });
  return validate(schema, head, 'INVALID_MANIFEST', 1);
}

function validate<T extends z.ZodType>(schema: T, value: unknown, reason: PayloadRefusal, line: number): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(line)', code: i.code, row: line }));
  throw refusal(reason, issues[0]!.field, { line }, issues);
}

/** Lines of JSON, gunzipped first when the sender gzipped the payload (allowed by sync-format.md). */
function jsonLines(bytes: Uint8Array): unknown[] {
  let raw = bytes;
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_PAYLOAD_BYTES });
    } catch {
      throw refusal('MALFORMED', 'file');
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw refusal('MALFORMED', 'file', { detail: 'utf-8' });
  }
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw refusal('MALFORMED', 'manifest');
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw refusal('MALFORMED', i === 0 ? 'manifest' : 'file', { line: i + 1 });
    }
  });
}

function refusal(reason: PayloadRefusal, field: string, params?: Record<string, string | number>, issues?: AppErrorValue['issues']): AppError {
  return new AppError(SYNC_FILE_REFUSED, { field, reason, ...(params ? { params } : {}), ...(issues ? { issues } : {}) });
}
