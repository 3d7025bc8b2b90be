import { join } from 'node:path';
import { z } from 'zod';
import type { StoredChainEntry } from '../main/core/domain/audit-chain';
import { readNdjson } from './files';
import { HqError } from './messages';

// The output folder of `hq ingest`: three NDJSON files, appended to and never rewritten, that
// load as they are into HQ's warehouse. They are also all the state ingest keeps between runs.

export const RECEIPTS_FILE = 'receipts.ndjson';
export const RECORDS_FILE = 'records.ndjson';
export const AUDIT_FILE = 'audit.ndjson';

/** One line per file seen: the "unpacked at" record. Fields unknown before decoding are null. */
export interface Receipt {
  file: string;
  sha256: string;
  deviceId: string | null;
  managerId: string | null;
  fromSeq: number | null;
  toSeq: number | null;
  auditFromSeq: number | null;
  auditToSeq: number | null;
  auditHeadHash: string | null;
  records: number | null;
  unpackedAt: string;
  verdict: 'accepted' | 'refused';
  reason?: string;
}

/** A record of an accepted export, once per (deviceId, entity, id, rev). */
export interface ConsolidatedRecord {
  deviceId: string;
  managerId: string;
  entity: string;
  id: string;
  op: 'upsert' | 'delete';
  rev: number;
  updatedAt: string;
  data: Record<string, unknown> | null;
}

/** An audit entry of a device, once per (deviceId, seq). */
export interface AuditLine extends StoredChainEntry {
  deviceId: string;
  managerId: string;
}

const nullableInt = z.number().int().min(0).nullable();
const receiptSchema = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  deviceId: z.string().nullable(),
  managerId: z.string().nullable(),
  fromSeq: nullableInt,
  toSeq: nullableInt,
  auditFromSeq: nullableInt,
  auditToSeq: nullableInt,
  auditHeadHash: z.string().nullable(),
  records: nullableInt,
  unpackedAt: z.string(),
  verdict: z.enum(['accepted', 'refused']),
  reason: z.string().optional(),
});
const recordKeySchema = z.object({ deviceId: z.string(), entity: z.string(), id: z.string(), rev: z.number().int() });
const auditKeySchema = z.object({ deviceId: z.string(), seq: z.number().int().min(1), hash: z.string() });

function readChecked<T extends z.ZodType>(path: string, schema: T): z.output<T>[] {
  return readNdjson(path).map((value, i) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new HqError('ingest.outCorrupt', { file: path, line: i + 1 });
    return parsed.data;
  });
}

export function readReceipts(outDir: string): Receipt[] {
  return readChecked(join(outDir, RECEIPTS_FILE), receiptSchema) as Receipt[];
}

export function readRecordKeys(outDir: string): z.output<typeof recordKeySchema>[] {
  return readChecked(join(outDir, RECORDS_FILE), recordKeySchema);
}

export function readAuditKeys(outDir: string): z.output<typeof auditKeySchema>[] {
  return readChecked(join(outDir, AUDIT_FILE), auditKeySchema);
}

export function recordKey(r: { deviceId: string; entity: string; id: string; rev: number }): string {
  return JSON.stringify([r.deviceId, r.entity, r.id, r.rev]);
}

/**
 * What HQ holds of a device according to the receipts: the accepted receipt with the highest
 * `toSeq` (the newest audit head among equals). None → nothing acknowledged yet.
 */
export function latestAccepted(receipts: readonly Receipt[], deviceId: string): Receipt | null {
  let best: Receipt | null = null;
  for (const r of receipts) {
    if (r.verdict !== 'accepted' || r.deviceId !== deviceId || r.toSeq === null) continue;
    if (!best || r.toSeq > best.toSeq! || (r.toSeq === best.toSeq && (r.auditToSeq ?? 0) > (best.auditToSeq ?? 0))) best = r;
  }
  return best;
}
