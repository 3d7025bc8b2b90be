import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../src/main/core/domain/demo-book';
import { assignBand } from '../../../src/main/core/domain/segments/bands';
import { metricValue, paretoTiers } from '../../../src/main/core/domain/segments/pareto';
import { productFamily } from '../../../src/main/core/domain/segments/products';
import { assignQuadrants } from '../../../src/main/core/domain/segments/quadrant';
import { clientState } from '../../../src/main/core/domain/segments/state';
import type { SegmentInput } from '../../../src/main/core/domain/segments/types';

// The acceptance check of issue 4 on the generator's realistic distribution: A holds ~15–25%.
const TODAY = '2026-11-22';
const book: SegmentInput[] = generateDemoBook({ clients: 10_000, seed: 7, today: TODAY, managerId: 'RM0001' }).map(({ id, input: c }) => ({
  id,
  kind: c.kind,
  revenue12mFen: c.revenue12mFen ?? 0,
  aumFen: c.aumFen ?? 0,
  depositsFen: c.depositsFen ?? 0,
  loanBalanceFen: c.loanBalanceFen ?? 0,
  cardSpend12mFen: c.cardSpend12mFen ?? 0,
  products: c.products ?? [],
  potential: c.potential ?? null,
  birthDate: c.birthDate ?? null,
  relationshipStart: c.relationshipStart ?? null,
  status: c.status ?? 'active',
  dormantFlag: c.dormantFlag ?? false,
  optOutAutomated: c.optOutAutomated ?? false,
}));

describe('segments of a 10,000-client demo book', () => {
  // Balances are more concentrated than revenue (margins lift small clients): A is ~13–15% by AUM.
  it.each([
    ['revenue', 0.15, 0.25],
    ['aum', 0.1, 0.25],
    ['deposits', 0.1, 0.25],
  ] as const)('tier A by %s holds %d–%d of the clients and ≥ 80% of the value', (metric, lo, hi) => {
    const r = paretoTiers(book.map((c) => ({ id: c.id, value: metricValue(c, metric) })));
    expect(r.tiers.A.clients / r.clients).toBeGreaterThanOrEqual(lo);
    expect(r.tiers.A.clients / r.clients).toBeLessThanOrEqual(hi);
    expect(r.tiers.A.share).toBeGreaterThanOrEqual(0.8);
    expect(r.shareOfClientsFor80Percent).toBe(r.tiers.A.clients / r.clients);
    expect(r.gini).toBeGreaterThan(0.5);
  });

  it('every product the generator sells belongs to a family', () => {
    const unknown = new Set(book.flatMap((c) => c.products).filter((p) => productFamily(p) === null));
    expect([...unknown]).toEqual([]);
  });

  it('fills all four quadrants, every band and every state the book can have', () => {
    const quadrants = new Set([...assignQuadrants(book, 'revenue', TODAY).values()].map((q) => q.quadrant));
    expect([...quadrants].sort()).toEqual(['core', 'maintain', 'nurture', 'streamline']);
    const bands = new Set(book.map((c) => assignBand(c, TODAY)));
    expect([...bands].sort()).toEqual(['branch_wealth', 'director', 'none', 'staff', 'wealth']);
    const states = new Set(book.map((c) => clientState(c, TODAY)));
    expect([...states].sort()).toEqual(['active', 'dormant', 'lost', 'new']); // no AUM history or contact logs yet: nobody at risk
  });
});
