import { describe, expect, it } from 'vitest';
import { churnBySegment, denseMovementMatrix, movementMatrix, quarterKpis, type KpiSnapshot, type SnapshotClient } from '../../../src/main/core/domain/segments/kpis';
import type { Tier } from '../../../src/main/core/domain/segments/types';
import { yuan } from './fixtures';

type Row = [id: string, tier: Tier, band: SnapshotClient['band'], state: SnapshotClient['state'], aumCny: number, families: number];
const snapshot = (rows: Row[]): KpiSnapshot => ({
  clients: rows.map(([id, tier, band, state, aum, productFamilies]) => ({ id, tier, band, state, aumFen: yuan(aum), productFamilies })),
});

// Two synthetic quarter-end snapshots with known moves:
//   a stays A · b A→B (down) · c B→A and director→branch_wealth (up) · d lost · e disappears ·
//   f none→staff (up) · g was already lost · h C→B (up) · i, j, k are new.
const prev = snapshot([
  ['a', 'A', 'wealth', 'active', 3_000_000, 4],
  ['b', 'A', 'branch_wealth', 'active', 1_000_000, 3],
  ['c', 'B', 'director', 'active', 150_000, 2],
  ['d', 'B', 'staff', 'at_risk', 60_000, 2],
  ['e', 'C', 'none', 'dormant', 10_000, 1],
  ['f', 'C', 'none', 'active', 20_000, 1],
  ['g', 'C', 'none', 'lost', 0, 0],
  ['h', 'C', 'staff', 'active', 70_000, 2],
]);
const curr = snapshot([
  ['a', 'A', 'wealth', 'active', 3_300_000, 5],
  ['b', 'B', 'branch_wealth', 'active', 900_000, 3],
  ['c', 'A', 'branch_wealth', 'active', 250_000, 3],
  ['d', 'B', 'staff', 'lost', 0, 0],
  ['f', 'C', 'staff', 'active', 55_000, 2],
  ['g', 'C', 'none', 'lost', 0, 0],
  ['h', 'B', 'staff', 'active', 80_000, 2],
  ['i', 'C', 'none', 'new', 5_000, 1],
  ['j', 'B', 'director', 'new', 120_000, 2],
  ['k', 'C', 'none', 'new', 1_000, 0],
]);

describe('quarterKpis', () => {
  it('computes the five KPIs of two hand-counted quarters', () => {
    const k = quarterKpis(prev, curr);
    // base = previous non-lost: a b c d e f h = 7 (g was lost already).
    expect(k.churnRate).toBeCloseTo(2 / 7, 12); // d lost, e gone
    expect(k.upgradeRate).toBeCloseTo(3 / 7, 12); // c, f, h (b moved down)
    // current non-lost: a b c f h i j k = 8; families 5+3+3+2+2+1+2+0 = 18 of 8 × 6.
    expect(k.productCoverage).toBeCloseTo(18 / 48, 12);
    expect(k.clientGrowth).toBeCloseTo((8 - 7) / 7, 12);
    // Σ prev = 4,310,000 CNY; Σ curr = 3,300,000 + 900,000 + 250,000 + 55,000 + 80,000 + 5,000 + 120,000 + 1,000 = 4,711,000.
    expect(k.assetGrowth).toBeCloseTo(401_000 / 4_310_000, 12);
  });

  it('a band move up counts as an upgrade even when the tier moves down', () => {
    const before = snapshot([['x', 'A', 'staff', 'active', 60_000, 1]]);
    const after = snapshot([['x', 'B', 'director', 'active', 120_000, 1]]);
    expect(quarterKpis(before, after).upgradeRate).toBe(1);
  });

  it('a zero denominator gives null, never NaN or Infinity', () => {
    const empty = snapshot([]);
    expect(quarterKpis(empty, empty)).toEqual({ churnRate: null, upgradeRate: null, productCoverage: null, clientGrowth: null, assetGrowth: null });
    const allLost = snapshot([['g', 'C', 'none', 'lost', 0, 0]]);
    expect(quarterKpis(allLost, curr)).toMatchObject({ churnRate: null, upgradeRate: null, clientGrowth: null, assetGrowth: null });
    expect(quarterKpis(allLost, curr).productCoverage).toBeCloseTo(18 / 48, 12);
  });

  it('churn per previous tier', () => {
    // A: a, b stay → 0/2. B: c stays, d lost → 1/2. C: e gone, f h stay (g already lost) → 1/3.
    const churn = churnBySegment(prev, curr);
    expect(churn.A).toBe(0);
    expect(churn.B).toBe(0.5);
    expect(churn.C).toBeCloseTo(1 / 3, 12);
    expect(churnBySegment(snapshot([]), curr)).toEqual({ A: null, B: null, C: null });
  });
});

describe('movementMatrix', () => {
  // As the snapshot service builds it: every previous row's tier; current rows, lost shown as gone.
  const from = new Map(prev.clients.map((c) => [c.id, c.tier]));
  const to = new Map(curr.clients.map((c) => [c.id, c.state === 'lost' ? ('gone' as const) : c.tier]));

  it('lists the hand-counted moves in A, B, C, new × A, B, C, gone order', () => {
    expect(movementMatrix(from, to)).toEqual([
      { from: 'A', to: 'A', count: 1 }, // a
      { from: 'A', to: 'B', count: 1 }, // b
      { from: 'B', to: 'A', count: 1 }, // c
      { from: 'B', to: 'gone', count: 1 }, // d lost
      { from: 'C', to: 'B', count: 1 }, // h
      { from: 'C', to: 'C', count: 1 }, // f
      { from: 'C', to: 'gone', count: 2 }, // e absent, g lost
      { from: 'new', to: 'B', count: 1 }, // j
      { from: 'new', to: 'C', count: 2 }, // i, k
    ]);
  });

  it('accounts for every client exactly once', () => {
    const total = movementMatrix(from, to).reduce((s, m) => s + m.count, 0);
    expect(total).toBe(8 + 3); // 8 previous rows + 3 new
  });

  it('skips a client that is new and already gone', () => {
    expect(movementMatrix(new Map(), new Map([['z', 'gone']]))).toEqual([]);
  });

  it('fills the dense matrix with zeros for a table view', () => {
    const dense = denseMovementMatrix(movementMatrix(from, to));
    expect(dense).toEqual({
      A: { A: 1, B: 1, C: 0, gone: 0 },
      B: { A: 1, B: 0, C: 0, gone: 1 },
      C: { A: 0, B: 1, C: 1, gone: 2 },
      new: { A: 0, B: 1, C: 2, gone: 0 },
    });
  });
});
