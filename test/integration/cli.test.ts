import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { sideDoor } from '../helpers/side-door';

const PASS = 'Harbour-Lantern-2026';
const TSX = resolve('node_modules/.bin/tsx');

function rmw(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(TSX, ['src/cli/rmw.ts', ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', RMW_LANG: 'en', ...env }, input: '' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let tmp: ReturnType<typeof tempDir>;
let ws: string;
beforeAll(() => {
  tmp = tempDir('rmw-cli-');
  ws = join(tmp.dir, 'ws');
});
afterAll(() => tmp.cleanup());

describe('rmw CLI', () => {
  it('init creates a workspace with the passphrase from RMW_PASSPHRASE', () => {
    const r = rmw(['init', '--workspace', ws, '--manager', 'RM00123', '--today', '2026-11-22'], { RMW_PASSPHRASE: PASS });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('workspace created');
  });

  it('status --json reports schema version, manager, lock state and counts', () => {
    const locked = JSON.parse(rmw(['status', '--workspace', ws, '--json']).out);
    expect(locked).toMatchObject({ exists: true, manager: 'RM00123', locked: true, counts: null });
    expect(locked.schemaVersion).toBeGreaterThanOrEqual(2);
    const open = JSON.parse(rmw(['status', '--workspace', ws, '--json'], { RMW_PASSPHRASE: PASS }).out);
    expect(open).toMatchObject({ locked: false, counts: { auditEntries: expect.any(Number) } });
  });

  it('audit verify passes on an intact chain', () => {
    const r = rmw(['audit', 'verify', '--workspace', ws], { RMW_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^audit chain intact: \d+ entries$/m);
  });

  it('user mistakes give a one-line error on stderr and a non-zero exit, never a stack', () => {
    for (const [args, env, pattern] of [
      [['audit', 'verify', '--workspace', ws], { RMW_PASSPHRASE: 'Not-the-passphrase-1' }, /Wrong passphrase/],
      [['audit', 'verify', '--workspace', ws], {}, /RMW_PASSPHRASE/],
      [['status'], {}, /missing option --workspace/],
      [['status', '--workspace', ws, '--today', '2023-02-30'], {}, /--today/],
      [['explode'], {}, /unknown command: explode/],
      [['init', '--workspace', ws, '--manager', 'RM00123'], { RMW_PASSPHRASE: PASS }, /already exists/],
    ] as const) {
      const r = rmw([...args], env);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('audit verify names the seq of a row edited through a side door', async () => {
    const db = await sideDoor(ws, PASS);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET details = ? WHERE seq = 2").run(JSON.stringify({ forged: true }));
    db.close();
    const r = rmw(['audit', 'verify', '--workspace', ws], { RMW_PASSPHRASE: PASS });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/audit chain broken at seq 2 \(HASH\)/);
  });
});
