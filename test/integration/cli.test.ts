import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Core } from '../../src/main/core/core';
import { createRouter } from '../../src/main/core/router';
import { tempDir } from '../helpers/core';
import { sideDoor } from '../helpers/side-door';
import { runCli } from '../helpers/cli';

const PASS = 'Harbour-Lantern-2026';
function rmw(args: string[], env: Record<string, string> = {}) {
  return runCli('rmw', args, { LANG: 'en_US.UTF-8', RMW_LANG: 'en', ...env });
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

describe('rmw client book commands', () => {
  let ws2: string;
  beforeAll(() => {
    ws2 = join(tmp.dir, 'ws2');
    expect(rmw(['init', '--workspace', ws2, '--manager', 'RM00777'], { RMW_PASSPHRASE: PASS }).code).toBe(0);
  });

  it('import --dry-run reports per-row errors and writes nothing', () => {
    const r = rmw(['import', '--workspace', ws2, 'test/fixtures/import/bad-id.csv', '--dry-run', '--json'], { RMW_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out).toMatchObject({ imported: 0, errors: [{ row: 3, field: 'id_number' }] });
    expect(JSON.parse(rmw(['clients', '--workspace', ws2, '--json'], { RMW_PASSPHRASE: PASS }).out)).toEqual([]);
  });

  it('import --strict commits nothing when a row is invalid; without it commits the valid rows', () => {
    const strict = rmw(['import', '--workspace', ws2, 'test/fixtures/import/bad-id.csv', '--strict', '--json'], { RMW_PASSPHRASE: PASS });
    expect(strict.code).toBe(1);
    expect(JSON.parse(rmw(['clients', '--workspace', ws2, '--json'], { RMW_PASSPHRASE: PASS }).out)).toEqual([]);
    const r = rmw(['import', '--workspace', ws2, 'test/fixtures/import/gbk-excel.csv', '--json'], { RMW_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ skipped: 0, errors: [] });
  });

  it('clients --json lists masked rows with money in yuan; --search uses pinyin initials', () => {
    const all = JSON.parse(rmw(['clients', '--workspace', ws2, '--json'], { RMW_PASSPHRASE: PASS }).out);
    const zhang = all.find((c: { name: string }) => c.name === '张伟');
    expect(zhang).toMatchObject({ clientNo: 'C0001', kind: 'person', aum: 1234567.89, status: 'active' });
    expect(Object.keys(zhang).sort()).toEqual(['aum', 'clientNo', 'id', 'kind', 'name', 'revenue12m', 'status', 'tags']);
    const found = JSON.parse(rmw(['clients', '--workspace', ws2, '--search', 'zw', '--json'], { RMW_PASSPHRASE: PASS }).out);
    expect(found.map((c: { name: string }) => c.name)).toEqual(['张伟']);
  });

  it('import of an unreadable or binary file exits 1 with a one-line reason', () => {
    for (const f of ['test/fixtures/import/binary.csv', 'test/fixtures/import/no-such-file.csv']) {
      const r = rmw(['import', '--workspace', ws2, f], { RMW_PASSPHRASE: PASS });
      expect(r.code).toBe(1);
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('demo fills a reproducible book', () => {
    const ws3 = join(tmp.dir, 'ws3');
    rmw(['init', '--workspace', ws3, '--manager', 'RM00999'], { RMW_PASSPHRASE: PASS });
    const r = rmw(['demo', '--workspace', ws3, '--clients', '200', '--seed', '7', '--json', '--today', '2026-11-22'], { RMW_PASSPHRASE: PASS });
    expect(JSON.parse(r.out)).toEqual({ created: 200, contacts: 600 });
    expect(JSON.parse(rmw(['clients', '--workspace', ws3, '--json'], { RMW_PASSPHRASE: PASS }).out)).toHaveLength(200);
  });
});

describe('rmw segment', () => {
  it('prints the documented JSON, agreeing with the router', async () => {
    const ws4 = join(tmp.dir, 'ws4');
    rmw(['init', '--workspace', ws4, '--manager', 'RM00444'], { RMW_PASSPHRASE: PASS });
    rmw(['demo', '--workspace', ws4, '--clients', '500', '--seed', '3'], { RMW_PASSPHRASE: PASS });
    const r = rmw(['segment', '--workspace', ws4, '--metric', 'aum', '--json'], { RMW_PASSPHRASE: PASS });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['metric', 'clients', 'totalValue', 'shareOfClientsFor80Percent', 'gini', 'tiers', 'quadrants', 'bands']));
    expect(out.metric).toBe('aum');
    expect(out.clients).toBe(500);
    expect(out.tiers.A.clients + out.tiers.B.clients + out.tiers.C.clients).toBe(500);
    expect(Object.keys(out.quadrants).sort()).toEqual(['core', 'maintain', 'nurture', 'streamline']);
    // The app's router over the same file gives exactly the same figures.
    const core = new Core({ workspaceDir: ws4 });
    const router = createRouter(core, () => undefined);
    await router.handle('workspace.unlock', { passphrase: PASS });
    const app = await router.handle('segments.summary', { metric: 'aum' });
    core.dispose();
    expect(app.ok).toBe(true);
    if (app.ok) {
      expect(out.gini).toBe(app.data.gini);
      expect(out.shareOfClientsFor80Percent).toBe(app.data.shareOfClientsFor80Percent);
      expect(out.tiers.A).toEqual({ clients: app.data.tiers.A.clients, value: app.data.tiers.A.valueFen / 100, share: app.data.tiers.A.share });
      expect(out.quadrants).toEqual(app.data.quadrants);
    }
    const bad = rmw(['segment', '--workspace', ws4, '--metric', 'profit'], { RMW_PASSPHRASE: PASS });
    expect(bad.code).toBe(2);
  });
});
