import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { GENESIS_HASH, type StoredChainEntry } from '../main/core/domain/audit-chain';
import { open } from '../main/core/sync/envelope';
import { decodeExport, deviceShortId, parseExportFileName, type ExportPayload } from '../main/core/sync/formats';
import { AppError } from '../shared/errors';
import { loadDeviceKeys, type DeviceKey } from './devices';
import { appendOnce } from './files';
import { loadHqKeys } from './keygen';
import { HqError, type Params } from './messages';
import {
  AUDIT_FILE,
  latestAccepted,
  readAuditKeys,
  readReceipts,
  readRecordKeys,
  RECEIPTS_FILE,
  recordKey,
  RECORDS_FILE,
  type AuditLine,
  type ConsolidatedRecord,
  type Receipt,
} from './outputs';

// `hq ingest`: verify and decrypt export files, check journal and audit-chain continuity per
// device against what earlier runs stored, and append receipts, records and audit entries to the
// output folder (sync-format.md, HQ tools). Idempotent: a file HQ has a receipt for is skipped,
// and records are kept once per (deviceId, entity, id, rev).

export interface IngestInput {
  keysDir: string;
  devicesDir: string;
  outDir: string;
  files: string[];
  /** Written as `unpackedAt` (fixed in tests); default the clock. */
  now?: Date;
  /** Moment keys and signatures are judged at; default the clock. */
  verifyAt?: Date;
}

export type FileOutcome =
  | { file: string; path: string; sha256: string; status: 'skipped' }
  | { file: string; path: string; sha256: string; status: 'accepted'; receipt: Receipt; newRecords: number; auditEntries: number; newAudit: number }
  | { file: string; path: string; sha256: string; status: 'refused'; receipt: Receipt; reason: string; params: Params };

export interface IngestResult {
  outcomes: FileOutcome[];
  accepted: number;
  skipped: number;
  refused: number;
  /** 0 when every file was accepted or skipped, 1 when any was refused. */
  exitCode: 0 | 1;
}

/** Thrown inside the per-file check: the receipt's reason and what the message needs. */
class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly params: Params = {},
  ) {
    super(reason);
  }
}

/** What HQ holds of one device, from earlier runs and earlier files of this run. */
interface DeviceState {
  ackedThroughSeq: number;
  audit: Map<number, string>;
}

export async function ingest(input: IngestInput): Promise<IngestResult> {
  if (input.files.length === 0) throw new HqError('ingest.noFiles');
  const unpackedAt = (input.now ?? new Date()).toISOString();
  const verifyAt = input.verifyAt ?? new Date();
  const hq = await loadHqKeys(input.keysDir);
  const devices = await loadDeviceKeys(input.devicesDir);
  // Every file is read before anything is written: a typo in one name changes nothing.
  const files = input.files.map((path) => {
    try {
      return { path, bytes: new Uint8Array(readFileSync(path)) };
    } catch {
      throw new HqError('ingest.fileUnreadable', { file: path });
    }
  });

  const outDir = resolve(input.outDir);
  mkdirSync(outDir, { recursive: true });
  const receipts = readReceipts(outDir);
  const seenFiles = new Set(receipts.map((r) => r.sha256));
  const records = new Set(readRecordKeys(outDir).map(recordKey));
  const auditByDevice = new Map<string, Map<number, string>>();
  for (const a of readAuditKeys(outDir)) {
    const held = auditByDevice.get(a.deviceId) ?? new Map<number, string>();
    held.set(a.seq, a.hash);
    auditByDevice.set(a.deviceId, held);
  }
  const stateOf = (deviceId: string): DeviceState => ({
    ackedThroughSeq: latestAccepted(receipts, deviceId)?.toSeq ?? 0,
    audit: auditByDevice.get(deviceId) ?? new Map(),
  });

  const outcomes: FileOutcome[] = [];
  for (const { path, bytes } of files) {
    const file = basename(path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (seenFiles.has(sha256)) {
      outcomes.push({ file, path, sha256, status: 'skipped' });
      continue;
    }
    seenFiles.add(sha256);
    const base: Receipt = {
      file,
      sha256,
      deviceId: null,
      managerId: null,
      fromSeq: null,
      toSeq: null,
      auditFromSeq: null,
      auditToSeq: null,
      auditHeadHash: null,
      records: null,
      unpackedAt,
      verdict: 'refused',
    };
    let device: DeviceKey | null = null;
    let payload: ExportPayload | null = null;
    try {
      const opened = await openWithDevice(bytes, file, hq.secretArmored, devices, verifyAt);
      device = opened.device;
      payload = decodeOrRefuse(opened.bytes);
      checkIdentity(payload, device);
      checkContinuity(payload, stateOf(device.deviceId));
    } catch (e) {
      if (!(e instanceof Refusal)) throw e;
      const receipt: Receipt = { ...describe(base, device, payload), verdict: 'refused', reason: e.reason };
      appendOnce(join(outDir, RECEIPTS_FILE), JSON.stringify(receipt) + '\n');
      receipts.push(receipt);
      outcomes.push({ file, path, sha256, status: 'refused', receipt, reason: e.reason, params: e.params });
      continue;
    }

    const { managerId, deviceId } = device;
    const fresh: ConsolidatedRecord[] = [];
    for (const r of payload.records) {
      const key = recordKey({ deviceId, ...r });
      if (records.has(key)) continue;
      records.add(key);
      fresh.push({ deviceId, managerId, entity: r.entity, id: r.id, op: r.op, rev: r.rev, updatedAt: r.updatedAt, data: r.data });
    }
    const held = auditByDevice.get(deviceId) ?? new Map<number, string>();
    auditByDevice.set(deviceId, held);
    const freshAudit: AuditLine[] = payload.audit.filter((a) => !held.has(a.seq)).map((a) => auditLine(deviceId, managerId, a));
    for (const a of freshAudit) held.set(a.seq, a.hash);

    const receipt: Receipt = { ...describe(base, device, payload), verdict: 'accepted' };
    // Receipt last: a receipt means its records and audit entries are already there.
    appendOnce(join(outDir, RECORDS_FILE), fresh.map((r) => JSON.stringify(r) + '\n').join(''));
    appendOnce(join(outDir, AUDIT_FILE), freshAudit.map((a) => JSON.stringify(a) + '\n').join(''));
    appendOnce(join(outDir, RECEIPTS_FILE), JSON.stringify(receipt) + '\n');
    receipts.push(receipt);
    outcomes.push({ file, path, sha256, status: 'accepted', receipt, newRecords: fresh.length, auditEntries: payload.audit.length, newAudit: freshAudit.length });
  }

  const tally = (s: FileOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  const refused = tally('refused');
  return { outcomes, accepted: tally('accepted'), skipped: tally('skipped'), refused, exitCode: refused > 0 ? 1 : 0 };
}

/**
 * Opens the file with HQ's key, trying the device its name points at first and every enrolled
 * device when the name says nothing (or was changed): a signature by another key than the one
 * tried is UNKNOWN_SIGNER, which only means "try the next".
 */
async function openWithDevice(message: Uint8Array, file: string, hqSecret: string, devices: readonly DeviceKey[], now: Date): Promise<{ device: DeviceKey; bytes: Uint8Array }> {
  const named = parseExportFileName(file);
  const byName = named ? devices.filter((d) => d.managerId === named.managerId && deviceShortId(d.deviceId) === named.deviceShortId) : [];
  const candidates = [...byName, ...devices.filter((d) => !byName.includes(d))];
  for (const device of candidates) {
    try {
      return { device, bytes: await open({ message, decryptionKey: hqSecret, expectedSigner: device.armored, now }) };
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.value.code === 'SYNC_FILE_REFUSED' && e.value.reason === 'UNKNOWN_SIGNER') continue;
      // An expired or revoked enrolment cannot vouch for a file: said so when the file is named
      // after that device; otherwise another enrolled device may still be the signer.
      if (e.value.code === 'SYNC_KEY_INVALID') {
        if (byName.includes(device)) throw new Refusal('DEVICE_KEY_INVALID');
        continue;
      }
      throw new Refusal(e.value.reason ?? e.value.code);
    }
  }
  throw new Refusal('UNKNOWN_SIGNER');
}

function decodeOrRefuse(bytes: Uint8Array): ExportPayload {
  try {
    return decodeExport(bytes);
  } catch (e) {
    if (e instanceof AppError) throw new Refusal(e.value.reason ?? e.value.code, typeof e.value.params?.['seq'] === 'number' ? { seq: e.value.params['seq'] } : {});
    throw e;
  }
}

/** The manifest must name the key that signed it and the manager and device that key was issued to. */
function checkIdentity({ manifest }: ExportPayload, device: DeviceKey): void {
  if (manifest.devicePublicKeyFp !== device.fingerprint) throw new Refusal('FINGERPRINT_MISMATCH');
  if (manifest.managerId !== device.managerId || manifest.deviceId !== device.deviceId) throw new Refusal('DEVICE_MISMATCH');
}

/**
 * Journal: the file must start at or before what HQ holds (an export re-sends from the last
 * acknowledged seq, so overlap is normal and a gap means a lost file). Audit: the segment must
 * hang on the entry HQ holds at its start, and every entry HQ already holds must come back
 * unchanged — an audit trail edited on the device and re-hashed is still caught here.
 */
function checkContinuity({ manifest, audit }: ExportPayload, state: DeviceState): void {
  if (manifest.fromSeq > state.ackedThroughSeq) throw new Refusal('JOURNAL_GAP', { fromSeq: manifest.fromSeq, held: state.ackedThroughSeq });
  if (manifest.auditFromSeq === 0) {
    if (manifest.auditPrevHash !== GENESIS_HASH) throw new Refusal('AUDIT_CHAIN_BROKEN', { seq: 0 });
  } else {
    const anchor = state.audit.get(manifest.auditFromSeq);
    if (anchor === undefined) throw new Refusal('AUDIT_GAP', { auditFromSeq: manifest.auditFromSeq, held: highest(state.audit.keys()) });
    if (anchor !== manifest.auditPrevHash) throw new Refusal('AUDIT_CHAIN_BROKEN', { seq: manifest.auditFromSeq });
  }
  for (const entry of audit) {
    const held = state.audit.get(entry.seq);
    if (held !== undefined && held !== entry.hash) throw new Refusal('AUDIT_CHAIN_BROKEN', { seq: entry.seq });
  }
}

/** The receipt fields known so far: the device once the signature is verified, the rest once decoded. */
function describe(base: Receipt, device: DeviceKey | null, payload: ExportPayload | null): Receipt {
  const m = payload?.manifest;
  return {
    ...base,
    deviceId: device?.deviceId ?? null,
    managerId: device?.managerId ?? null,
    fromSeq: m?.fromSeq ?? null,
    toSeq: m?.toSeq ?? null,
    auditFromSeq: m?.auditFromSeq ?? null,
    auditToSeq: m?.auditToSeq ?? null,
    auditHeadHash: m?.auditHeadHash ?? null,
    records: payload ? payload.records.length : null,
  };
}

function auditLine(deviceId: string, managerId: string, e: StoredChainEntry): AuditLine {
  return { deviceId, managerId, seq: e.seq, at: e.at, actor: e.actor, action: e.action, subject: e.subject, details: e.details ?? null, prevHash: e.prevHash, hash: e.hash };
}

function highest(seqs: Iterable<number>): number {
  let max = 0;
  for (const s of seqs) if (s > max) max = s;
  return max;
}
