import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';
import { computeSegments } from '../../src/main/core/services/segments';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;

beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'), testClock(new Date('2026-09-15T10:00:00+08:00')));
  await createWorkspace(h);
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

const person = (name: string, revenueYuan: number, aumYuan: number, extra: Record<string, unknown> = {}) => ({
  client: { kind: 'person' as const, name, revenue12mFen: revenueYuan * 100, aumFen: aumYuan * 100, relationshipStart: '2020-01-01', ...extra },
});

async function book(values: [string, number, number][]) {
  const ids: Record<string, string> = {};
  for (const [name, rev, aum] of values) ids[name] = (await h.call('clients.create', person(name, rev, aum))).id;
  return ids;
}

describe('segments of the book', () => {
  it('tiers a hand-computed book: A reaches 80%, B 95%, negatives cost and never sit in A', async () => {
    // Positive total 1000: 甲 500 (50%), 乙 300 (80% → A closes), 丙 120 (92%), 丁 50 (97% → B closes), 戊 30, 己 0, 庚 −40.
    await book([['甲', 500, 10], ['乙', 300, 10], ['丙', 120, 10], ['丁', 50, 10], ['戊', 30, 10], ['己', 0, 10], ['庚', -40, 10]]);
    const s = await h.call('segments.summary', {});
    expect(s.clients).toBe(7);
    expect(s.totalValueFen).toBe(100_000);
    expect(s.totalNegativeFen).toBe(-4_000);
    expect(s.costClients).toBe(1);
    expect(s.tiers).toEqual({ A: { clients: 2, valueFen: 80_000, share: 0.8 }, B: { clients: 2, valueFen: 17_000, share: 0.17 }, C: { clients: 3, valueFen: -1_000, share: 0.03 } });
    // A tier's value is net (戊 30 + 己 0 + 庚 −40 = −10 yuan); its share counts the positive part only.
    expect(s.shareOfClientsFor80Percent).toBeCloseTo(2 / 7, 10);
    const a = await h.call('clients.list', { tier: 'A', sort: 'revenue' });
    expect(a.rows.map((r) => r.name)).toEqual(['甲', '乙']);
    const c = await h.call('clients.list', { tier: 'C', sort: 'revenue' });
    expect(c.rows.map((r) => r.name)).toEqual(['戊', '己', '庚']);
  });

  it('counts clients who opted out of automated decisions, and marks them', async () => {
    await h.call('clients.create', person('甲', 100, 10, { optOutAutomated: true }));
    await h.call('clients.create', person('乙', 50, 10));
    const s = await h.call('segments.summary', {});
    expect(s.clients).toBe(2);
    expect(s.optedOutOfAutomated).toBe(1);
    const rows = (await h.call('clients.list', {})).rows;
    expect(rows.find((r) => r.name === '甲')).toMatchObject({ optOutAutomated: true, tier: 'A' });
  });

  it('keeps a monthly snapshot at the first unlock of a month, and computes movement and quarterly KPIs', async () => {
    const ids = await book([['甲', 500, 3_000_000], ['乙', 300, 250_000], ['丙', 120, 150_000], ['丁', 80, 60_000]]);
    // September (Q3): first unlock of the month takes the snapshot.
    h.core.lock('manual');
    await h.call('workspace.unlock', { passphrase: PASS });
    let snaps = await h.call('segments.snapshots', {});
    expect(snaps.map((x) => [x.period, x.trigger, x.clients])).toEqual([['2026-09', 'monthly', 4]]);
    // A second unlock in the same month takes none.
    h.core.lock('manual');
    await h.call('workspace.unlock', { passphrase: PASS });
    expect((await h.call('segments.snapshots', {})).length).toBe(1);

    // October (Q4): 丁 becomes the top client, 甲 is lost, 戊 is new.
    const d = await h.call('clients.get', { id: ids['丁']! });
    await h.call('clients.update', { id: d.id, rev: d.rev, patch: { revenue12mFen: 900_00 * 100, aumFen: 5_000_000 * 100 } });
    const j = await h.call('clients.get', { id: ids['甲']! });
    await h.call('clients.update', { id: j.id, rev: j.rev, patch: { status: 'lost', lostToBank: '招商银行', revenue12mFen: 0 } });
    await h.call('clients.create', person('戊', 10, 1_000));
    h.core.lock('manual');
    h.clock.set(new Date('2026-10-08T09:00:00+08:00'));
    await h.call('workspace.unlock', { passphrase: PASS });
    snaps = await h.call('segments.snapshots', {});
    expect(snaps.map((x) => x.period)).toEqual(['2026-10', '2026-09']);

    const m = await h.call('segments.movement', { from: snaps[1]!.id, to: snaps[0]!.id });
    const cell = (from: string, to: string) => m.cells.find((c) => c.from === from && c.to === to)?.count ?? 0;
    expect(cell('A', 'gone')).toBe(1); // 甲 lost
    expect(cell('new', 'C')).toBe(1); // 戊
    expect(cell('B', 'A')).toBe(1); // 丁: 80 of 1000 closed B in September (92% → 100%), tops the book in October
    expect(m.cells.reduce((n, c) => n + c.count, 0)).toBe(5);

    const k = await h.call('segments.kpis', {});
    expect(k.quarter).toBe('2026-Q4');
    expect(k.previousQuarter).toBe('2026-Q3');
    expect(k.current?.churnRate).toBeCloseTo(1 / 4, 10);
    expect(k.current?.clientGrowth).toBeCloseTo(0, 10); // 4 non-lost → 4 non-lost (甲 lost, 戊 new)
    expect(k.previous).toBeNull();
  });

  it('the CLI-facing summary and the Clients page filters agree on a 10,000-client demo book', async () => {
    await h.call('demo.load', { clients: 10_000, seed: 7 });
    const s = await h.call('segments.summary', {});
    const shareA = s.tiers.A.clients / s.clients;
    expect(shareA).toBeGreaterThan(0.15);
    expect(shareA).toBeLessThan(0.25);
    for (const tier of ['A', 'B', 'C'] as const) expect((await h.call('clients.list', { tier, limit: 1 })).total).toBe(s.tiers[tier].clients);
    expect(Object.values(s.quadrants).reduce((a, b) => a + b, 0)).toBe(s.clients);
  });
});

describe('segments stay current', () => {
  it('the Clients list recomputes segments after the book changed', async () => {
    const ids = await book([['甲', 500, 10], ['乙', 100, 10]]);
    await h.call('segments.summary', {});
    expect((await h.call('clients.list', { tier: 'A' })).rows.map((r) => r.name)).toEqual(['甲']);
    const b = await h.call('clients.get', { id: ids['乙']! });
    await h.call('clients.update', { id: b.id, rev: b.rev, patch: { revenue12mFen: 900_000 } });
    expect((await h.call('clients.list', { tier: 'A' })).rows.map((r) => r.name)).toEqual(['乙']);
  });
});

describe('stored segments follow the book, pass after pass', () => {
  const stored = () => h.core.workspace.requireSession().db.prepare('SELECT c.name, s.tier, s.rank FROM client_segments s JOIN clients c ON c.id = s.client_id ORDER BY s.rank').raw().all();

  it('writes only what moved, and a pass rolled back by its caller is written again by the next one', async () => {
    const ids = await book([['甲', 500, 10], ['乙', 300, 10], ['丙', 100, 10]]);
    await h.call('segments.summary', {});
    expect(stored()).toEqual([['甲', 'A', 1], ['乙', 'A', 2], ['丙', 'B', 3]]);
    const s = h.core.workspace.requireSession();
    s.db.prepare('UPDATE clients SET revenue_12m_fen = 90000 WHERE id = ?').run(ids['丙']);
    // A caller's transaction that fails after segmenting: its writes go, and must not be remembered as stored.
    expect(() =>
      s.db.transaction(() => {
        computeSegments(s);
        throw new Error('caller failed');
      })(),
    ).toThrow('caller failed');
    expect(stored()).toEqual([['甲', 'A', 1], ['乙', 'A', 2], ['丙', 'B', 3]]);
    await h.call('segments.summary', {});
    expect(stored()).toEqual([['丙', 'A', 1], ['甲', 'A', 2], ['乙', 'B', 3]]);
    // A steady book: a further pass writes nothing (computed_at stays).
    const at = s.db.prepare('SELECT max(computed_at) FROM client_segments').pluck().get();
    h.clock.advanceMinutes(1);
    await h.call('segments.summary', {});
    expect(s.db.prepare('SELECT max(computed_at) FROM client_segments').pluck().get()).toBe(at);
  });

  it('a client replaced between passes: the others keep what is stored, though the book no longer reads in the same order', async () => {
    const ids = await book([['甲', 500, 10], ['乙', 300, 10], ['丙', 100, 10], ['丁', 50, 10]]);
    await h.call('segments.summary', {});
    const s = h.core.workspace.requireSession();
    const computedAt = () => Object.fromEntries(s.db.prepare('SELECT c.name, s.computed_at FROM client_segments s JOIN clients c ON c.id = s.client_id').raw().all() as [string, string][]);
    const first = computedAt();
    // 戊 takes 乙's place with the same revenue: nobody else's segment changes.
    await h.call('clients.delete', { id: ids['乙']! });
    await book([['戊', 300, 10]]);
    h.clock.advanceMinutes(1);
    await h.call('segments.summary', {});
    expect(stored()).toEqual([['甲', 'A', 1], ['戊', 'A', 2], ['丙', 'B', 3], ['丁', 'B', 4]]);
    const second = computedAt();
    expect([second['甲'], second['丙'], second['丁']]).toEqual([first['甲'], first['丙'], first['丁']]);
    expect(second['戊']).not.toBe(first['甲']);
  });
});
