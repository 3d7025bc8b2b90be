import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';
import { sideDoor, unblockAuditLog } from '../helpers/side-door';
import type { RawRow } from '../../src/main/core/services/audit';

// Issue 9, tamper corpus (audit): every single-row edit of every column, every single-row delete
// (the newest included: tail truncation) and every swap of two adjacent rows of a real audit log,
// made through a side door with the real key. The app's own `audit.verify` must report each one
// broken, naming the seq. Full count (RMW_FAULTS=full): every case; `npm test`: a random sample
// that always includes the tail truncation.

const FULL = process.env['RMW_FAULTS'] === 'full';
const SMALL_SAMPLE = 40;

type Tamper = { name: string; seq: number; problems: string[]; apply: (db: Awaited<ReturnType<typeof sideDoor>>) => void };
type Row = RawRow;

let tmp: ReturnType<typeof tempDir>;
let ws: string;
let pristine: string;
let rows: Row[];

const FILES = ['rm.db', 'workspace.json'];
const flipHex = (h: string) => (h[0] === 'a' ? 'b' : 'a') + h.slice(1);

function restore(): void {
  for (const f of ['rm.db-wal', 'rm.db-shm']) rmSync(join(ws, f), { force: true });
  for (const f of FILES) copyFileSync(join(pristine, f), join(ws, f));
}

/** Unlocks with a fresh core (as the app after a restart), runs audit.verify, locks. */
async function verifyInApp(): Promise<{ intact: boolean; firstBadSeq?: number; problem?: string; error?: unknown }> {
  // A day later: the unlock entry it appends must not coincide with one cut away.
  const h = makeCore(ws, testClock(new Date('2026-11-23T09:00:00+08:00')));
  try {
    await h.call('workspace.unlock', { passphrase: PASS });
    const r = await h.router.handle('audit.verify', {});
    return r.ok ? r.data : { intact: false, error: r.error };
  } finally {
    h.core.dispose();
  }
}

beforeAll(async () => {
  tmp = tempDir('rmw-tamper-audit-');
  ws = join(tmp.dir, 'ws');
  pristine = join(tmp.dir, 'pristine');
  const h: Harness = makeCore(ws);
  await createWorkspace(h);
  // A few dozen real actions of different kinds: creates, views, reveals, searches, contacts, follow-ups, settings.
  const ids: string[] = [];
  for (const [name, mobile] of [['张伟', '13912345678'], ['李秀英', '13502468100'], ['王芳', '13700001234'], ['陈静', '13600005678']] as const) {
    ids.push((await h.call('clients.create', { client: { kind: 'person', name, mobile } })).id);
  }
  for (const id of ids) {
    await h.call('clients.get', { id });
    await h.call('clients.reveal', { id, field: 'mobile' });
    await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', notes: '到期提醒' });
    const f = await h.call('followups.create', { clientId: id, type: 'call', due: '2026-12-01', title: '回访' });
    await h.call('followups.complete', { id: f.id });
  }
  await h.call('clients.list', { query: 'zw' });
  await h.call('clients.update', { id: ids[0]!, rev: 1, patch: { notes: '改过的备注' } });
  for (const m of [5, 7, 9]) await h.call('settings.update', { autoLockMinutes: m });
  await h.call('audit.verify');
  // A failed unlock is recorded at the next good one, by actor 'unknown'.
  h.core.lock('manual');
  expect((await h.router.handle('workspace.unlock', { passphrase: 'Not-the-passphrase-9' })).ok).toBe(false);
  await h.call('workspace.unlock', { passphrase: PASS });
  await h.call('clients.list', { query: '1234' });
  h.core.lock('manual');
  h.core.dispose();
  const db = await sideDoor(ws, PASS);
  rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  db.close();
  for (const f of ['rm.db-wal', 'rm.db-shm']) expect(existsSync(join(ws, f)), `${f} left after lock`).toBe(false);
  mkdirSync(pristine);
  for (const f of FILES) copyFileSync(join(ws, f), join(pristine, f));
});
afterAll(() => tmp?.cleanup());

function corpus(): Tamper[] {
  const out: Tamper[] = [];
  const last = rows[rows.length - 1]!.seq;
  for (const r of rows) {
    const set = (col: string, value: string | null) => (db: Awaited<ReturnType<typeof sideDoor>>) => db.prepare(`UPDATE audit_log SET ${col} = ? WHERE seq = ?`).run(value, r.seq);
    const details = r.details ? JSON.stringify({ ...(JSON.parse(r.details) as object), forged: true }) : '{"forged":true}';
    out.push(
      { name: `seq ${r.seq}: time`, seq: r.seq, problems: ['HASH'], apply: set('at', new Date(Date.parse(r.at) + 1000).toISOString()) },
      { name: `seq ${r.seq}: actor`, seq: r.seq, problems: ['HASH'], apply: set('actor', r.actor === 'unknown' ? 'rm:RM00999' : 'unknown') },
      { name: `seq ${r.seq}: action`, seq: r.seq, problems: ['HASH'], apply: set('action', r.action === 'client.view' ? 'settings.update' : 'client.view') },
      { name: `seq ${r.seq}: subject`, seq: r.seq, problems: ['HASH'], apply: set('subject', r.subject ? null : 'c0ffee00-0000-4000-8000-000000000000') },
      { name: `seq ${r.seq}: details`, seq: r.seq, problems: ['HASH'], apply: set('details', details) },
      { name: `seq ${r.seq}: details not JSON`, seq: r.seq, problems: ['HASH'], apply: set('details', '{"forged":') },
      { name: `seq ${r.seq}: prev_hash`, seq: r.seq, problems: ['PREV_HASH'], apply: set('prev_hash', flipHex(r.prev_hash)) },
      { name: `seq ${r.seq}: hash`, seq: r.seq, problems: ['HASH'], apply: set('hash', flipHex(r.hash)) },
      {
        name: `seq ${r.seq}: delete${r.seq === last ? ' (tail truncation)' : ''}`,
        seq: r.seq,
        // The newest row leaves no gap: only the anchor written at lock knows it existed.
        problems: [r.seq === last ? 'ANCHOR' : 'SEQ_GAP'],
        apply: (db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(r.seq),
      },
    );
    if (r.seq < last) {
      out.push({
        name: `seq ${r.seq} ⇄ ${r.seq + 1}: swap`,
        seq: r.seq,
        problems: ['PREV_HASH'],
        apply: (db) => {
          const move = db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?');
          move.run(-1, r.seq);
          move.run(r.seq, r.seq + 1);
          move.run(r.seq + 1, -1);
        },
      });
    }
  }
  return out;
}

/** `n` random cases, plus the deletion of the newest row (the one only the anchor can catch). */
function sample(all: Tamper[], n: number): Tamper[] {
  const tail = all.filter((c) => c.name.includes('tail truncation'));
  const rest = all.filter((c) => !tail.includes(c));
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  return [...tail, ...rest.slice(0, n)];
}

describe('audit log tamper corpus', () => {
  it('the untampered log verifies (the corpus starts from an intact chain)', async () => {
    expect(rows.length).toBeGreaterThanOrEqual(30);
    restore();
    expect(await verifyInApp()).toMatchObject({ intact: true });
  });

  it('every single-row edit, delete and adjacent swap is reported broken at its seq', async () => {
    const started = Date.now();
    const all = corpus();
    const cases = FULL ? all : sample(all, SMALL_SAMPLE);
    const missed: string[] = [];
    for (const c of cases) {
      restore();
      const db = await sideDoor(ws, PASS);
      unblockAuditLog(db);
      db.transaction(() => c.apply(db))();
      db.close();
      const r = await verifyInApp();
      if (r.intact || r.firstBadSeq !== c.seq || !c.problems.includes(r.problem ?? '')) missed.push(`${c.name} → ${JSON.stringify(r)}`);
    }
    console.log(`[tamper-audit] ${rows.length} rows, ${cases.length} of ${all.length} tampered logs, ${cases.length - missed.length} detected at the right seq, ${missed.length} missed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(missed).toEqual([]);
  });

  it('details that are not JSON any more are listed (not a crash) and reported at their seq', async () => {
    restore();
    const db = await sideDoor(ws, PASS);
    unblockAuditLog(db);
    db.prepare('UPDATE audit_log SET details = ? WHERE seq = 3').run('{"forged":');
    db.close();
    const h = makeCore(ws, testClock(new Date('2026-11-23T09:00:00+08:00')));
    try {
      await h.call('workspace.unlock', { passphrase: PASS });
      const listed = await h.call('audit.list', { limit: 100 });
      expect(listed.entries.find((e) => e.seq === 3)?.details).toEqual({ unparsed: '{"forged":' });
      expect(await h.call('audit.verify')).toMatchObject({ intact: false, firstBadSeq: 3, problem: 'HASH' });
    } finally {
      h.core.dispose();
    }
  });

  it('a truncated tail stays detected after the app unlocks and locks again (lock does not move the anchor past a break)', async () => {
    restore();
    const last = rows[rows.length - 1]!.seq;
    const db = await sideDoor(ws, PASS);
    unblockAuditLog(db);
    db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(last - 2);
    db.close();
    for (let i = 0; i < 2; i++) {
      const h = makeCore(ws);
      await h.call('workspace.unlock', { passphrase: PASS });
      await h.call('settings.update', { autoLockMinutes: 11 + i });
      h.core.lock('manual');
    }
    expect(await verifyInApp()).toMatchObject({ intact: false, firstBadSeq: last, problem: 'ANCHOR' });
  });

  it('an intact log moves the anchor at unlock: entries after it, lost with a crash before lock, are still missed if cut', async () => {
    restore();
    const h = makeCore(ws);
    await h.call('workspace.unlock', { passphrase: PASS });
    expect(h.core.workspace.auditAnchor()?.seq).toBe(rows.length + 1);
    await h.call('settings.update', { autoLockMinutes: 13 });
    // The process dies: no lock entry, no anchor written at lock.
    h.core.workspace.current!.close();
    const db = await sideDoor(ws, PASS);
    unblockAuditLog(db);
    db.prepare('DELETE FROM audit_log WHERE seq > ?').run(rows.length);
    db.close();
    // Cutting the unlock entry is caught by the anchor written at unlock (the one at the last lock is still there).
    expect(await verifyInApp()).toMatchObject({ intact: false, firstBadSeq: rows.length + 1, problem: 'ANCHOR' });
  });
});
