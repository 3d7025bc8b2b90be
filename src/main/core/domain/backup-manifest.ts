import { z } from 'zod';

// A backup is a folder `rm-backup-<workspace short id>-<YYYYMMDD-HHmmss>` holding the encrypted
// database, a copy of workspace.json (wraps only, never a key in clear) and this manifest.
// No client data in any name. The manifest is sealed with a MAC under the data key, and its bytes
// must be exactly what `manifestText` writes, so no byte of it can change unnoticed.

export const BACKUP_DB = 'rm.db';
export const BACKUP_WORKSPACE = 'workspace.json';
export const BACKUP_MANIFEST = 'manifest.json';
export const BACKUP_FILES = [BACKUP_DB, BACKUP_WORKSPACE] as const;
export type BackupFileName = (typeof BACKUP_FILES)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestBodySchema = z.strictObject({
  format: z.literal('rmw-backup'),
  version: z.literal(1),
  workspaceId: z.string().min(8).max(64),
  managerId: z.string().min(1).max(64),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(0),
  auditHead: z.strictObject({ seq: z.number().int().min(1), hash: hex64 }).nullable(),
  counts: z.record(z.string().regex(/^[a-z0-9_]+$/), z.number().int().min(0)),
  files: z.tuple([
    z.strictObject({ name: z.literal(BACKUP_DB), size: z.number().int().min(1), sha256: hex64 }),
    z.strictObject({ name: z.literal(BACKUP_WORKSPACE), size: z.number().int().min(1), sha256: hex64 }),
  ]),
});
export const manifestSchema = manifestBodySchema.extend({ mac: hex64 });

export type ManifestBody = z.infer<typeof manifestBodySchema>;
export type Manifest = z.infer<typeof manifestSchema>;

/** The exact bytes of a manifest file. */
export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** The text the MAC covers: the body in the order written, without the MAC. */
export function macInput(m: ManifestBody): string {
  const { format, version, workspaceId, managerId, createdAt, schemaVersion, auditHead, counts, files } = m;
  return JSON.stringify({ format, version, workspaceId, managerId, createdAt, schemaVersion, auditHead, counts, files });
}

export type ManifestProblem = 'format' | 'noncanonical';

/** Parses a manifest file; null plus the reason when it is not a manifest this build wrote. */
export function parseManifest(text: string): { manifest: Manifest } | { problem: ManifestProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: 'format' };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) return { problem: 'format' };
  // Whitespace, escapes, duplicate keys or key order changed: not the bytes that were sealed.
  if (manifestText(raw as Manifest) !== text || manifestText(parsed.data) !== text) return { problem: 'noncanonical' };
  return { manifest: parsed.data };
}

/** `rm-backup-1a2b3c4d-20261122-093000`: the workspace's short id and the local time, nothing else. */
export function backupFolderName(workspaceId: string, at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `rm-backup-${workspaceId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8).toLowerCase()}-${stamp}`;
}
