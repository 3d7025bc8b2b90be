import { readdirSync, readlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspaceForFile } from '../helpers/core';

// sqlite3mc encrypts rm.db and its WAL, not SQLite's temporary files: a sort larger than the
// temp cache (2 MB) would be written to an unlinked file in /tmp in clear. It must stay in memory.
const workspace = workspaceForFile();

/** Files this process has open that SQLite created as temporary (etilqs_…, unlinked at once). */
function openTempFiles(): string[] {
  return readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      return /etilqs_/.test(target) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe.runIf(process.platform === 'linux')('temporary storage', () => {
  it('a sort of 20 MB of client-like text never reaches a file', () => {
    const db = workspace().core.workspace.requireSession().db;
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
    db.exec(`CREATE TEMP TABLE spill AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
             SELECT i, '张伟 110101199003078515 ' || hex(randomblob(240)) AS v FROM n`);
    const rows = db.prepare('SELECT v FROM spill ORDER BY v DESC').iterate();
    expect(rows.next().done).toBe(false);
    const during = openTempFiles();
    rows.return?.();
    db.exec('DROP TABLE spill');
    expect(during).toEqual([]);
  });
});
