import { syncStateRow } from './sync';
import type { Workspace } from './workspace';

/**
 * Keeps the escrow wrap in step with the installed HQ key: made when HQ's key is installed,
 * remade when it is replaced, and made on unlock for a workspace enrolled before escrow existed.
 * Returns whether a wrap was written.
 */
export async function ensureEscrow(workspace: Workspace): Promise<boolean> {
  const session = workspace.requireSession();
  const st = syncStateRow(session);
  if (!st.hqPublicKey || !st.hqFingerprint) return false;
  const current = workspace.escrowWrap();
  if (current?.recipient === st.hqFingerprint) return false;
  await workspace.escrowTo(st.hqPublicKey, current ? 'replaced' : 'installed');
  return true;
}
