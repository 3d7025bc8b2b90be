import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { localeSchema } from '../../../shared/contract';

// workspace.json sits beside rm.db. It holds no secret in clear: the KDF
// parameters, the wrapped data key (passphrase and HQ escrow wraps), the failed-unlock counter,
// the audit anchor, and audit entries waiting for the next unlock.
export const WORKSPACE_FILE = 'workspace.json';
export const DB_FILE = 'rm.db';

const wrapSchema = z.object({ alg: z.literal('aes-256-gcm'), iv: z.string(), ct: z.string(), tag: z.string() });
/** The data key encrypted to HQ's OpenPGP key (sync/escrow.ts); present once HQ's key is installed. */
const escrowSchema = z.object({ alg: z.literal('openpgp'), recipient: z.string(), createdAt: z.string(), message: z.string() });
/** Something done to the workspace while it was locked (by `hq recover`), audited on the next unlock. */
const pendingAuditSchema = z.object({ action: z.string().max(64), actor: z.string().max(64), at: z.string(), details: z.record(z.string(), z.union([z.string(), z.number()])) });

export const workspaceFileSchema = z.object({
  format: z.literal('rmw-workspace'),
  version: z.literal(1),
  workspaceId: z.string().min(8),
  managerId: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int().min(0),
  locale: localeSchema,
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  wraps: z.object({ passphrase: wrapSchema, escrow: escrowSchema.optional() }),
  failedUnlocks: z.object({ count: z.number().int().min(0), times: z.array(z.string()) }),
  auditAnchor: z.object({ seq: z.number().int().min(0), hash: z.string() }).nullable(),
  pendingAudit: z.array(pendingAuditSchema).max(100).optional(),
});

export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;

export function workspaceExists(dir: string): boolean {
  return existsSync(join(dir, WORKSPACE_FILE));
}

export function readWorkspaceFile(dir: string): WorkspaceFile {
  const path = join(dir, WORKSPACE_FILE);
  if (!existsSync(path)) throw new AppError('NO_WORKSPACE');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new AppError('WORKSPACE_CORRUPT', { field: WORKSPACE_FILE, reason: 'not JSON' });
  }
  const parsed = workspaceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('WORKSPACE_CORRUPT', { field: `${WORKSPACE_FILE}:${issue?.path.join('.')}`, reason: issue?.code ?? 'invalid' });
  }
  return parsed.data;
}

/** Atomic replace: write a temp file, fsync, rename. Mode 0600. */
export function writeWorkspaceFile(dir: string, data: WorkspaceFile): void {
  const path = join(dir, WORKSPACE_FILE);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(data, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
