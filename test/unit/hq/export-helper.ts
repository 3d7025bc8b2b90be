import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson, entryHash, GENESIS_HASH, type StoredChainEntry } from '../../../src/main/core/domain/audit-chain';
import { seal } from '../../../src/main/core/sync/envelope';
import { encodeJsonLines, exportFileName, type ExportManifest, type ExportRecord } from '../../../src/main/core/sync/formats';
import { generateDeviceKey, type GeneratedKeyPair } from '../../../src/main/core/sync/keys';

// Real export files for the hq tests, made the way the workbench makes them: a manifest, records,
// an audit segment chained with entryHash from the genesis hash, signed by a device key from
// generateDeviceKey and encrypted to the HQ key with seal.

/** An hour ago: keys made "now" can look a second in the future to GnuPG and openpgp.js. */
export const KEY_DATE = new Date(Date.now() - 3_600_000);

export interface Device {
  managerId: string;
  deviceId: string;
  key: GeneratedKeyPair;
}

export async function makeDevice(managerId: string, deviceId: string): Promise<Device> {
  return { managerId, deviceId, key: await generateDeviceKey({ managerId, deviceId, now: KEY_DATE }) };
}

/** The device's whole audit chain, seq 1..count, from the genesis hash. */
export function auditChain(count: number, actor = 'rm:RM00123'): StoredChainEntry[] {
  const out: StoredChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const e = { seq, at: `2026-11-2${seq % 10}T01:00:00.000Z`, actor, action: seq % 2 ? 'client.view' : 'client.update', subject: `subject-${seq}`, details: { n: seq } };
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

/** Re-hashes a segment after an edit, so it is consistent in itself (what a careful forger would do). */
export function rehash(entries: readonly StoredChainEntry[], prev: string): StoredChainEntry[] {
  return entries.map((e) => {
    const hash = entryHash(prev, e);
    const out = { ...e, prevHash: prev, hash };
    prev = hash;
    return out;
  });
}

let idCounter = 0;
/** A fresh UUID-shaped id (v7 layout) for records. */
export function newId(): string {
  idCounter++;
  return `0193a1b2-0000-7000-8000-${String(idCounter).padStart(12, '0')}`;
}

export function record(entity: ExportRecord['entity'], id: string, rev: number, data: Record<string, unknown> | null = { note: `rev ${rev}` }): ExportRecord {
  const updatedAt = `2026-11-21T08:${String(rev % 60).padStart(2, '0')}:00.000Z`;
  return data === null ? { entity, id, op: 'delete', rev, updatedAt, data: null } : { entity, id, op: 'upsert', rev, updatedAt, data };
}

export interface ExportSpec {
  device: Device;
  fromSeq: number;
  toSeq: number;
  records: ExportRecord[];
  /** The device's chain; the file carries entries auditFromSeq+1..auditToSeq. */
  chain: readonly StoredChainEntry[];
  auditFromSeq: number;
  auditToSeq: number;
  /** Claim another key's fingerprint or another device in the manifest. */
  manifest?: Partial<ExportManifest>;
}

export function exportManifest(spec: ExportSpec): { manifest: ExportManifest; audit: StoredChainEntry[] } {
  const audit = spec.chain.slice(spec.auditFromSeq, spec.auditToSeq);
  const counts: ExportManifest['counts'] = {};
  for (const r of spec.records) counts[r.entity] = (counts[r.entity] ?? 0) + 1;
  const manifest: ExportManifest = {
    format: 'rmw-export',
    version: 1,
    managerId: spec.device.managerId,
    deviceId: spec.device.deviceId,
    devicePublicKeyFp: spec.device.key.fingerprint,
    fromSeq: spec.fromSeq,
    toSeq: spec.toSeq,
    createdAt: '2026-11-22T09:30:00.000+08:00',
    auditFromSeq: spec.auditFromSeq,
    auditToSeq: spec.auditToSeq,
    auditPrevHash: spec.auditFromSeq === 0 ? GENESIS_HASH : spec.chain[spec.auditFromSeq - 1]!.hash,
    auditHeadHash: spec.auditToSeq === 0 ? GENESIS_HASH : spec.chain[spec.auditToSeq - 1]!.hash,
    counts,
    ...spec.manifest,
  };
  return { manifest, audit };
}

/** The payload as the workbench writes it (encodeJsonLines checks it as HQ will). */
export function exportPayload(spec: ExportSpec): Uint8Array {
  const { manifest, audit } = exportManifest(spec);
  return encodeJsonLines(manifest, spec.records, audit);
}

/** JSON Lines without the sender's checks: for payloads a tampered device would produce. */
export function rawPayload(manifest: ExportManifest, records: readonly ExportRecord[], audit: readonly StoredChainEntry[]): Uint8Array {
  return new TextEncoder().encode([manifest, ...records, ...audit].map(canonicalJson).join('\n') + '\n');
}

export async function sealExport(payload: Uint8Array, signer: GeneratedKeyPair, hqPublic: string, fileName: string): Promise<Uint8Array> {
  return seal({ payload, signingKey: signer.privateArmored, recipientKey: hqPublic, fileName, now: new Date() });
}

/** Seals and writes the export under its canonical name (or `name`) into `dir`; returns the path. */
export async function writeExport(dir: string, spec: ExportSpec, hqPublic: string, opts: { name?: string; payload?: Uint8Array; signer?: GeneratedKeyPair } = {}): Promise<string> {
  const name = opts.name ?? exportFileName({ managerId: spec.device.managerId, deviceId: spec.device.deviceId, fromSeq: spec.fromSeq, toSeq: spec.toSeq });
  const bytes = await sealExport(opts.payload ?? exportPayload(spec), opts.signer ?? spec.device.key, hqPublic, name);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function ndjson(text: string): unknown[] {
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}
