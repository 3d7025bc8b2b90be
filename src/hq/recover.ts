import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { passphraseProblems } from '../shared/passphrase';
import { openEncrypted } from '../main/core/store/db';
import { deriveKek, newKdfParams, wrapKey } from '../main/core/store/keys';
import { DB_FILE, readWorkspaceFile, writeWorkspaceFile, type WorkspaceFile } from '../main/core/store/workspace-file';
import { wrapAad } from '../main/core/services/workspace';
import { openEscrowWrap } from '../main/core/sync/escrow';
import { appendOnce } from './files';
import { loadHqKeys } from './keygen';
import { HqError } from './messages';

// `hq recover`: head office sets a new passphrase on a workspace whose manager forgot it (or left),
// using the escrow wrap (security.md): the data key is opened with HQ's secret key, proved on the
// database, and wrapped again under the new passphrase. The database is not touched. The reset
// waits in workspace.json and is written to the workspace's audit log on the next unlock; HQ keeps
// its own line in recoveries.ndjson beside its keys.

export const RECOVERIES_FILE = 'recoveries.ndjson';

export interface RecoverResult {
  workspaceId: string;
  managerId: string;
  fingerprint: string;
  logFile: string;
}

export async function recover({ keysDir, workspaceDir, newPassphrase, now }: { keysDir: string; workspaceDir: string; newPassphrase: string; now: Date }): Promise<RecoverResult> {
  const dir = resolve(workspaceDir);
  const file = readWorkspace(dir);
  const wrap = file.wraps.escrow;
  if (!wrap) throw new HqError('recover.noEscrow', { dir: workspaceDir, manager: file.managerId });
  const dbPath = join(dir, DB_FILE);
  if (!existsSync(dbPath)) throw new HqError('recover.noDatabase', { file: dbPath });
  const problems = passphraseProblems(newPassphrase, file.managerId);
  if (problems.length) throw new AppError('WEAK_PASSPHRASE', { field: 'passphrase', reason: problems.join(','), params: { problems: problems.join(',') } });

  const keys = await loadHqKeys(keysDir);
  if (keys.fingerprint !== wrap.recipient.toUpperCase()) throw new HqError('recover.otherKey', { recipient: wrap.recipient, fingerprint: keys.fingerprint });
  let dataKey: Buffer;
  try {
    ({ dataKey } = await openEscrowWrap({ wrap, workspaceId: file.workspaceId, hqSecretArmored: keys.secretArmored }));
  } catch (e) {
    if (e instanceof AppError && e.value.code === 'ESCROW_INVALID') throw new HqError('recover.escrowBad', { reason: e.value.reason ?? 'invalid' });
    throw e;
  }
  try {
    // The key must open this workspace's database before any passphrase is replaced.
    try {
      openEncrypted(dbPath, dataKey).close();
    } catch {
      throw new HqError('recover.keyDoesNotOpen', { file: dbPath });
    }
    const kdf = newKdfParams(file.kdf.N);
    const kek = await deriveKek(newPassphrase, kdf);
    const passphrase = wrapKey(kek, dataKey, wrapAad(file));
    kek.fill(0);
    const at = now.toISOString();
    const updated: WorkspaceFile = {
      ...file,
      kdf,
      wraps: { ...file.wraps, passphrase },
      // The throttle is lifted; the failures themselves are still audited on the next unlock.
      failedUnlocks: { count: 0, times: file.failedUnlocks.times },
      pendingAudit: [
        ...(file.pendingAudit ?? []),
        { action: 'workspace.recovered', actor: `hq:${keys.fingerprint}`, at, details: { hqFingerprint: keys.fingerprint, failedAttemptsBefore: file.failedUnlocks.count } },
      ],
    };
    writeWorkspaceFile(dir, updated);
    const logFile = join(resolve(keysDir), RECOVERIES_FILE);
    appendOnce(logFile, `${JSON.stringify({ at, workspaceId: file.workspaceId, managerId: file.managerId, hqFingerprint: keys.fingerprint, workspaceDir: dir })}\n`);
    return { workspaceId: file.workspaceId, managerId: file.managerId, fingerprint: keys.fingerprint, logFile };
  } finally {
    dataKey.fill(0);
  }
}

function readWorkspace(dir: string): WorkspaceFile {
  try {
    return readWorkspaceFile(dir);
  } catch (e) {
    if (e instanceof AppError && e.value.code === 'NO_WORKSPACE') throw new HqError('recover.noWorkspace', { dir });
    if (e instanceof AppError && e.value.code === 'WORKSPACE_CORRUPT') throw new HqError('recover.workspaceCorrupt', { dir, reason: `${e.value.field ?? ''} ${e.value.reason ?? ''}`.trim() });
    throw e;
  }
}
