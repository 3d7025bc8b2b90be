import { describe, expect, it } from 'vitest';
import { DemoRandom } from '../../../src/main/core/domain/demo-book-random';
import { gini, metricValue, paretoTiers, type ParetoResult } from '../../../src/main/core/domain/segments/pareto';
import { client } from './fixtures';

const book = (entries: Record<string, number>) => Object.entries(entries).map(([id, value]) => ({ id, value }));
const tiersOf = (r: ParetoResult) => Object.fromEntries(r.rows.map((row) => [row.id, row.tier]));

describe('metricValue', () => {
  const c = client({ revenue12mFen: 1, aumFen: 2, depositsFen: 3 });
  it.each([
    ['revenue', 1],
    ['aum', 2],
    ['deposits', 3],
  ] as const)('%s → %d', (metric, expected) => expect(metricValue(c, metric)).toBe(expected));
});

describe('paretoTiers: hand-computed books', () => {
  it('a typical book: A closes at exactly 80%, B at exactly 95%', () => {
    // total 100. a 50 → 0.50 A; b 30 → 0.80 A, reaches 80%: A closes; c 10 → 0.90 B;
    // d 5 → 0.95 B, reaches 95%: B closes; e 5 → 1.00 C. d and e tie: d first by id.
    const r = paretoTiers(book({ e: 5, c: 10, a: 50, d: 5, b: 30 }));
    expect(r.rows.map((x) => [x.id, x.rank, x.cumulativeShare, x.tier])).toEqual([
      ['a', 1, 0.5, 'A'],
      ['b', 2, 0.8, 'A'],
      ['c', 3, 0.9, 'B'],
      ['d', 4, 0.95, 'B'],
      ['e', 5, 1, 'C'],
    ]);
    expect(r.tiers).toEqual({ A: { clients: 2, value: 80, share: 0.8 }, B: { clients: 2, value: 15, share: 0.15 }, C: { clients: 1, value: 5, share: 0.05 } });
    expect(r.shareOfClientsFor80Percent).toBe(2 / 5);
    expect(r.totalPositive).toBe(100);
    expect(r.totalNegative).toBe(0);
    expect(r.clients).toBe(5);
    // ascending [5,5,10,30,50], n = 5, Σ = 100: (−4·5 −2·5 + 0·10 + 2·30 + 4·50) / (5·100) = 230/500
    expect(r.gini).toBeCloseTo(0.46, 12);
  });

  it('equal values straddling a cut-off are split by id, whatever the input order', () => {
    // total 100. m 70 → 0.70 A; x1 10 → 0.80 A (closes A); x2 10 → 0.90 B; x3 10 → 1.00 B (closes B).
    const expected = { m: 'A', x1: 'A', x2: 'B', x3: 'B' };
    expect(tiersOf(paretoTiers(book({ x3: 10, x2: 10, x1: 10, m: 70 })))).toEqual(expected);
    expect(tiersOf(paretoTiers(book({ x1: 10, m: 70, x3: 10, x2: 10 })))).toEqual(expected);
    expect(paretoTiers(book({ x2: 10, x3: 10, m: 70, x1: 10 })).rows.map((x) => x.id)).toEqual(['m', 'x1', 'x2', 'x3']);
  });

  it('ties that all fall before the cut-off stay together in A', () => {
    // total 100. p 30 → 0.3; q 30 → 0.6; r 30 → 0.9 reaches 80%: A closes; s 10 → 1.0 is B.
    expect(tiersOf(paretoTiers(book({ p: 30, q: 30, r: 30, s: 10 })))).toEqual({ p: 'A', q: 'A', r: 'A', s: 'B' });
  });

  it('zeros and negatives: always C, negatives flagged as a cost, the cumulative stays at 1', () => {
    // positive total 100, negative −10. a 60 → 0.6 A; b 40 → 1.0 A (closes A and B at once);
    // then the zeros c, e (by id) and the cost client d, all C.
    const r = paretoTiers(book({ a: 60, b: 40, c: 0, d: -10, e: 0 }));
    expect(r.rows.map((x) => [x.id, x.tier, x.cumulativeShare, x.cost])).toEqual([
      ['a', 'A', 0.6, false],
      ['b', 'A', 1, false],
      ['c', 'C', 1, false],
      ['e', 'C', 1, false],
      ['d', 'C', 1, true],
    ]);
    expect(r.totalPositive).toBe(100);
    expect(r.totalNegative).toBe(-10);
    // C's value is net (0 + 0 − 10); its share counts positive value only.
    expect(r.tiers).toEqual({ A: { clients: 2, value: 100, share: 1 }, B: { clients: 0, value: 0, share: 0 }, C: { clients: 3, value: -10, share: 0 } });
    expect(r.shareOfClientsFor80Percent).toBe(2 / 5);
    // clamped ascending [0,0,0,40,60]: (2·40 + 4·60) / (5·100) = 320/500
    expect(r.gini).toBeCloseTo(0.64, 12);
  });

  it('a single client is the whole of A', () => {
    const r = paretoTiers(book({ solo: 12_345 }));
    expect(r.rows).toEqual([{ id: 'solo', value: 12_345, rank: 1, cumulativeShare: 1, tier: 'A', cost: false }]);
    expect(r.shareOfClientsFor80Percent).toBe(1);
    expect(r.gini).toBe(0);
  });

  it('a single loss-making client is C, and there is no 80% to reach', () => {
    const r = paretoTiers(book({ loss: -500 }));
    expect(r.rows).toEqual([{ id: 'loss', value: -500, rank: 1, cumulativeShare: 0, tier: 'C', cost: true }]);
    expect(r.shareOfClientsFor80Percent).toBe(0);
    expect(r.totalPositive).toBe(0);
    expect(r.totalNegative).toBe(-500);
  });

  it('an empty book', () => {
    const r = paretoTiers([]);
    expect(r).toEqual({
      rows: [],
      totalPositive: 0,
      totalNegative: 0,
      clients: 0,
      shareOfClientsFor80Percent: 0,
      gini: 0,
      tiers: { A: { clients: 0, value: 0, share: 0 }, B: { clients: 0, value: 0, share: 0 }, C: { clients: 0, value: 0, share: 0 } },
    });
  });

  it('an all-zero book: everyone C, no share, no inequality', () => {
    const r = paretoTiers(book({ a: 0, b: 0, c: 0 }));
    expect(r.rows.map((x) => [x.id, x.tier, x.cumulativeShare, x.cost])).toEqual([
      ['a', 'C', 0, false],
      ['b', 'C', 0, false],
      ['c', 'C', 0, false],
    ]);
    expect(r.shareOfClientsFor80Percent).toBe(0);
    expect(r.gini).toBe(0);
  });

  it('one client holds 100%', () => {
    // big 1000 → 1.0: A; the rest are zero or negative: C. Gini over [0,0,0,1000]: 3·1000/(4·1000).
    const r = paretoTiers(book({ big: 1000, z1: 0, z2: 0, n: -3 }));
    expect(tiersOf(r)).toEqual({ big: 'A', z1: 'C', z2: 'C', n: 'C' });
    expect(r.shareOfClientsFor80Percent).toBe(1 / 4);
    expect(r.gini).toBe(0.75);
    expect(r.tiers.A.share).toBe(1);
  });

  it('is exact at 80% with large fen amounts', () => {
    // 4e12 / 5e12 is exactly 80%: A is the first client alone.
    expect(tiersOf(paretoTiers(book({ a: 4_000_000_000_000, b: 1_000_000_000_000 })))).toEqual({ a: 'A', b: 'B' });
    // one fen short of 80%: A needs the second client too.
    expect(tiersOf(paretoTiers(book({ a: 3_999_999_999_999, b: 1_000_000_000_001 })))).toEqual({ a: 'A', b: 'A' });
    // 8e15 + 2e15 passes 2^53 only in the products, which BigInt handles.
    expect(tiersOf(paretoTiers(book({ a: 7_200_000_000_000_000, b: 1_800_000_000_000_000 })))).toEqual({ a: 'A', b: 'B' });
  });

  it('honours configured cut-offs', () => {
    // total 100, cut-offs 50% / 90%: a 50 → 0.5 A (closes); b 30 → 0.8 B; c 10 → 0.9 B (closes); d, e C.
    const r = paretoTiers(book({ a: 50, b: 30, c: 10, d: 5, e: 5 }), { aCutoff: 0.5, bCutoff: 0.9 });
    expect(tiersOf(r)).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C', e: 'C' });
    // the 80% share is about 80% of value whatever A's cut-off is: b reaches it, rank 2.
    expect(r.shareOfClientsFor80Percent).toBe(2 / 5);
  });

  it('refuses non-integer values and inverted cut-offs', () => {
    expect(() => paretoTiers(book({ a: 1.5 }))).toThrow(RangeError);
    expect(() => paretoTiers(book({ a: 1 }), { aCutoff: 0.96, bCutoff: 0.95 })).toThrow(RangeError);
    expect(() => paretoTiers(book({ a: 1 }), { aCutoff: 0 })).toThrow(RangeError);
  });
});

describe('gini: G = Σᵢ (2i − n − 1)·xᵢ / (n·Σx), x ascending, i = 1..n, negatives clamped at 0', () => {
  it.each<[number[], number]>([
    [[], 0],
    [[7], 0],
    [[1, 1, 1, 1], 0],
    [[0, 0, 0, 0], 0],
    [[0, 0, 0, 1], 0.75], // 3·1 / (4·1)
    [[1, 2, 3, 4], 0.25], // (−3·1 − 1·2 + 1·3 + 3·4) / (4·10) = 10/40
    [[4, 3, 2, 1], 0.25], // order of input does not matter
    [[-5, 5], 0.5], // [0, 5]: 1·5 / (2·5)
  ])('%j → %d', (values, expected) => expect(gini(values)).toBeCloseTo(expected, 12));
});

describe('paretoTiers: properties over 300 random books', () => {
  const r = new DemoRandom(20_240_401);
  const books = Array.from({ length: 300 }, (_, b) => randomBook(r, b));

  it('A holds ≥ 80% and loses it without its last member; A+B hold ≥ 95% likewise', () => {
    let checkedA = 0;
    for (const values of books) {
      const res = paretoTiers(values);
      const total = res.totalPositive;
      const a = res.rows.filter((x) => x.tier === 'A');
      const b = res.rows.filter((x) => x.tier === 'B');
      const sumA = a.reduce((s, x) => s + x.value, 0);
      const sumB = b.reduce((s, x) => s + x.value, 0);
      if (total === 0) {
        expect(a.length + b.length).toBe(0);
        continue;
      }
      checkedA++;
      expect(a.length).toBeGreaterThan(0);
      expect(sumA * 5).toBeGreaterThanOrEqual(total * 4);
      expect((sumA - a[a.length - 1]!.value) * 5).toBeLessThan(total * 4);
      expect((sumA + sumB) * 20).toBeGreaterThanOrEqual(total * 19);
      if (b.length > 0) expect((sumA + sumB - b[b.length - 1]!.value) * 20).toBeLessThan(total * 19);
      expect(res.shareOfClientsFor80Percent).toBe(a.length / values.length);
    }
    expect(checkedA).toBeGreaterThan(250);
  });

  it('ranks by value then id, keeps non-positive values out of A and B, flags every cost', () => {
    const problems: string[] = [];
    for (const values of books) {
      const res = paretoTiers(values);
      res.rows.forEach((row, i) => {
        const next = res.rows[i + 1];
        if (row.rank !== i + 1) problems.push(`${row.id}: rank ${row.rank} at ${i}`);
        if (row.cost !== row.value < 0) problems.push(`${row.id}: cost flag`);
        if (row.value <= 0 && row.tier !== 'C') problems.push(`${row.id}: ${row.value} in ${row.tier}`);
        if (next && !(row.value > next.value || (row.value === next.value && row.id < next.id))) problems.push(`${row.id}: order`);
        if (!(row.cumulativeShare >= 0 && row.cumulativeShare <= 1)) problems.push(`${row.id}: share ${row.cumulativeShare}`);
      });
      // tiers are contiguous in rank order: A…A B…B C…C
      if (!/^A*B*C*$/.test(res.rows.map((x) => x.tier).join(''))) problems.push('tiers not contiguous');
    }
    expect(problems).toEqual([]);
  });

  it('gini is in [0, 1), shares add up, and the result does not depend on input order', () => {
    for (const values of books) {
      const res = paretoTiers(values);
      expect(res.gini).toBeGreaterThanOrEqual(0);
      expect(res.gini).toBeLessThan(1);
      if (res.totalPositive > 0) expect(res.tiers.A.share + res.tiers.B.share + res.tiers.C.share).toBeCloseTo(1, 12);
      expect(res.tiers.A.clients + res.tiers.B.clients + res.tiers.C.clients).toBe(values.length);
      expect(paretoTiers([...values].reverse())).toEqual(res);
    }
  });
});

// Books of 1–80 clients: heavy-tailed fen amounts, some ties, zeros, negatives, a few all-zero books.
function randomBook(r: DemoRandom, n: number): { id: string; value: number }[] {
  const size = r.int(1, 80);
  const allZero = n % 50 === 0;
  return Array.from({ length: size }, (_, i) => {
    const roll = r.float();
    const value = allZero ? 0 : roll < 0.1 ? 0 : roll < 0.15 ? -r.int(1, 100_000) : roll < 0.3 ? r.pick([1_000, 5_000, 10_000]) : Math.round(r.lognormal(200_000, 1.7));
    return { id: `c${String(r.int(0, 9999)).padStart(4, '0')}-${i}`, value };
  });
}
