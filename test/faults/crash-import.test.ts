import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../src/main/core/store/workspace-file';
import { nodeArgsFor } from '../helpers/cli';
import { createWorkspace, makeCore, PASS, tempDir, type TestClock } from '../helpers/core';
import { messyExtract, READ_AHEAD_ROWS } from '../helpers/import-files';

// A bulk import into an empty book runs with a rollback journal instead of the WAL (store/db.ts
// withRollbackJournal). Killed at any moment (reading, writing, building indexes, committing) the
// workspace must reopen whole: integrity_check ok, the audit chain intact, back in WAL mode, no hot
// journal left, and the import either all there (once it was acknowledged) or not there at all.

const FULL = process.env['RMW_FAULTS'] === 'full';
const KILLS = FULL ? 12 : 3;
const CHILD = resolve('test/faults/crash-import-child.ts');
const realClock = (): TestClock => ({ now: () => new Date(), advanceMinutes: () => undefined, set: () => undefined });
const tmp = tempDir();
afterAll(() => tmp.cleanup());

function runChild(dir: string, file: string, killAfterMs: number): Promise<{ started: boolean; imported: number | null; ms: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, nodeArgsFor(CHILD), { env: { ...process.env, RMW_CRASH_DIR: dir, RMW_CRASH_FILE: file }, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = { started: false, imported: null as number | null, ms: null as number | null };
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const line of lines) {
        const msg = JSON.parse(line) as { k: string; imported?: number; ms?: number };
        if (msg.k === 'import-start') {
          seen.started = true;
          setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        } else if (msg.k === 'imported') Object.assign(seen, { imported: msg.imported, ms: msg.ms });
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal === 'SIGKILL') done(seen);
      else fail(new Error(`import child ended by itself (code ${code}): ${err.slice(0, 2000)}`));
    });
  });
}

describe('an import into an empty book killed with SIGKILL', () => {
  it(`reopens whole, with all of the import or none of it, over ${KILLS} kills`, async () => {
    const file = join(tmp.dir, 'hq.csv');
    writeFileSync(file, messyExtract());
    let importMs = 4_000;
    const outcomes: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const dir = join(tmp.dir, `ws${round}`);
      const setup = makeCore(dir, realClock());
      await createWorkspace(setup);
      setup.core.dispose();
      // Spread over the import and a little past it: reading, writing, index builds, commit, after.
      const at = Math.round(((round + 0.5) / KILLS) * importMs * 1.2);
      const seen = await runChild(dir, file, at);
      if (seen.ms !== null) importMs = seen.ms;
      expect(seen.started).toBe(true);

      const h = makeCore(dir, realClock());
      await h.call('workspace.unlock', { passphrase: PASS });
      try {
        const db = h.core.workspace.requireSession().db;
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(existsSync(join(dir, `${DB_FILE}-journal`))).toBe(false);
        expect((await h.call('audit.verify')).intact).toBe(true);
        const clients = db.prepare('SELECT count(*) FROM clients').pluck().get() as number;
        if (seen.imported !== null) expect(clients).toBe(seen.imported);
        else expect([0, READ_AHEAD_ROWS]).toContain(clients); // killed after the commit but before it was said
        const terms = db.prepare('SELECT count(*) FROM client_search_terms').pluck().get() as number;
        expect(terms > 0).toBe(clients > 0);
        outcomes.push(`${at} ms: ${clients} clients`);
      } finally {
        h.core.dispose();
      }
    }
    console.log(`[crash-import] ${outcomes.join('; ')} (import ${importMs} ms)`);
    // At least one kill landed inside the import, where the rollback journal matters.
    expect(outcomes.some((o) => o.endsWith(': 0 clients'))).toBe(true);
  }, 600_000);
});
