import Database from 'better-sqlite3';
import { join } from 'node:path';
import { wrapAad } from '../../src/main/core/services/workspace';
import { unwrapWithPassphrase } from '../../src/main/core/store/keys';
import { readWorkspaceFile } from '../../src/main/core/store/workspace-file';

/** A plain SQLite handle with the real key: what an attacker who has the passphrase could do outside the app. */
export async function sideDoor(dir: string, passphrase: string): Promise<Database.Database> {
  const f = readWorkspaceFile(dir);
  const key = await unwrapWithPassphrase(passphrase, f.kdf, f.wraps.passphrase, wrapAad(f));
  if (!key) throw new Error('side door: wrong passphrase');
  const db = new Database(join(dir, 'rm.db'));
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
  return db;
}

/** Drops the triggers that keep audit_log append-only, as an attacker with the key would. */
export function unblockAuditLog(db: Database.Database): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
}
