import { readFileSync, writeSync } from 'node:fs';
import { Core } from '../../src/main/core/core';
import { createRouter } from '../../src/main/core/router';
import { PASS, TEST_SCRYPT_N } from '../helpers/core';

// The child of crash-import.test.ts: unlocks an empty workspace and imports a branch extract into
// it (a bulk load into an empty book, which runs with a rollback journal), saying when it starts and
// when the import has committed; the parent kills it with SIGKILL somewhere in between or after.
// env: RMW_CRASH_DIR (workspace), RMW_CRASH_FILE (the CSV).

const say = (line: object) => writeSync(1, `${JSON.stringify(line)}\n`);
const core = new Core({ workspaceDir: process.env['RMW_CRASH_DIR'] ?? '', scryptN: TEST_SCRYPT_N, log: () => undefined });
const router = createRouter(core, () => undefined);

async function main(): Promise<void> {
  const unlocked = await router.handle('workspace.unlock', { passphrase: PASS });
  if (!unlocked.ok) throw new Error(JSON.stringify(unlocked.error));
  const contentBase64 = readFileSync(process.env['RMW_CRASH_FILE'] ?? '').toString('base64');
  say({ k: 'import-start' });
  const t0 = Date.now();
  const r = await router.handle('import.commit', { fileName: 'hq.csv', contentBase64, onDuplicate: 'merge' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  say({ k: 'imported', imported: (r.data as { imported: number }).imported, ms: Date.now() - t0 });
  // Wait to be killed, as the app would sit open after an import.
  setInterval(() => undefined, 60_000);
}

void main();
