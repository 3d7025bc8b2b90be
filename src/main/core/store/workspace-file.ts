import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { localeSchema } from '../../../shared/contract';

// workspace.json sits beside rm.db. It holds no secret in clear: the KDF
// parameters, the wrapped data key, the failed-unlock counter, the audit anchor.
export const WORKSPACE_FILE = 'workspace.json';
export const DB_FILE = 'rm.db';

const wrapSchema = z.object({ alg: z.literal('aes-256-gcm'), iv: z.string(), ct: z.string(), tag: z.string() });

export const workspaceFileSchema = z.object({
  format: z.literal('rmw-workspace'),
  version: z.literal(1),
  workspaceId: z.string().min(8),
  managerId: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int().min(0),
  locale: localeSchema,
  kdf: z.object({ alg: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int(), salt: z.string() }),
  wraps: z.object({ passphrase: wrapSchema }),
  failedUnlocks: z.object({ count: z.number().int().min(0), times: z.array(z.string()) }),
  auditAnchor: z.object({ seq: z.number().int().min(0), hash: z.string() }).nullable(),
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
