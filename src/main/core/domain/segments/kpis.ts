// The five maintenance KPIs reviewed quarterly (seed 003) — 保 churn, 争 upgrade, 挖 product
// coverage, 抢 client growth, 培 asset growth — and the tier movement between two snapshots.
import { bandRank } from './bands';
import { PRODUCT_FAMILIES } from './products';
import { TIERS } from './pareto';
import type { Band, ClientState, Tier } from './types';

/** One client in a stored snapshot. productFamilies is `productFamilies(products)` (0..6). */
export interface SnapshotClient {
  id: string;
  tier: Tier;
  band: Band;
  state: ClientState;
  aumFen: number;
  productFamilies: number;
}

export interface KpiSnapshot {
  clients: readonly SnapshotClient[];
}

/** Each rate is a fraction (0.05 = 5%); null when its denominator is 0. The contract's shape. */
export type { KpiValues } from '../../../../shared/segments';
import type { KpiValues } from '../../../../shared/segments';

export type MovementFrom = Tier | 'new';
export type MovementTo = Tier | 'gone';

export interface Movement {
  from: MovementFrom;
  to: MovementTo;
  count: number;
}

/**
 * KPIs between the previous and the current snapshot. The base of churn and upgrade is the
 * previous book without clients already lost then (they cannot be lost again):
 * - churnRate: base clients lost in, or absent from, the current snapshot / base;
 * - upgradeRate: base clients still present whose band or tier moved up / base;
 * - productCoverage: mean families held per current non-lost client / 6 families;
 * - clientGrowth: (current non-lost − previous non-lost) / previous non-lost;
 * - assetGrowth: (Σ current AUM − Σ previous AUM) / Σ previous AUM, over every row.
 */
export function quarterKpis(prev: KpiSnapshot, curr: KpiSnapshot): KpiValues {
  const now = new Map(curr.clients.map((c) => [c.id, c]));
  const base = prev.clients.filter(notLost);
  let churned = 0;
  let upgraded = 0;
  for (const p of base) {
    const c = now.get(p.id);
    if (!c || c.state === 'lost') churned++;
    else if (movedUp(p, c)) upgraded++;
  }
  const served = curr.clients.filter(notLost);
  const families = served.reduce((s, c) => s + c.productFamilies, 0);
  const aumBefore = sumAum(prev.clients);
  return {
    churnRate: ratio(churned, base.length),
    upgradeRate: ratio(upgraded, base.length),
    productCoverage: ratio(families, served.length * PRODUCT_FAMILIES.length),
    clientGrowth: ratio(served.length - base.length, base.length),
    assetGrowth: ratio(sumAum(curr.clients) - aumBefore, aumBefore),
  };
}

/** Churn rate per previous tier (seeds 000/004: track churn per segment), same rule as `quarterKpis`. */
export function churnBySegment(prev: KpiSnapshot, curr: KpiSnapshot): Record<Tier, number | null> {
  const now = new Map(curr.clients.map((c) => [c.id, c]));
  const base = { A: 0, B: 0, C: 0 };
  const churned = { A: 0, B: 0, C: 0 };
  for (const p of prev.clients.filter(notLost)) {
    const c = now.get(p.id);
    base[p.tier]++;
    if (!c || c.state === 'lost') churned[p.tier]++;
  }
  return { A: ratio(churned.A, base.A), B: ratio(churned.B, base.B), C: ratio(churned.C, base.C) };
}

/**
 * Non-zero cells of the tier movement between two snapshots, in A, B, C, new × A, B, C, gone
 * order. A previous client missing from `curr` counts as gone; a current client missing from
 * `prev` comes from "new" (one that is new and already gone is not a movement and is skipped).
 */
export function movementMatrix(prev: ReadonlyMap<string, Tier>, curr: ReadonlyMap<string, MovementTo>): Movement[] {
  const dense = emptyMatrix();
  for (const [id, from] of prev) dense[from][curr.get(id) ?? 'gone']++;
  for (const [id, to] of curr) if (!prev.has(id) && to !== 'gone') dense.new[to]++;
  const out: Movement[] = [];
  for (const from of MOVEMENT_FROM) for (const to of MOVEMENT_TO) if (dense[from][to] > 0) out.push({ from, to, count: dense[from][to] });
  return out;
}

/** Every cell of the matrix, zeros included, for a table view. */
export function denseMovementMatrix(moves: readonly Movement[]): Record<MovementFrom, Record<MovementTo, number>> {
  const dense = emptyMatrix();
  for (const m of moves) dense[m.from][m.to] += m.count;
  return dense;
}

export const MOVEMENT_FROM: readonly MovementFrom[] = [...TIERS, 'new'];
export const MOVEMENT_TO: readonly MovementTo[] = [...TIERS, 'gone'];

// Tier A outranks B outranks C; a move to an earlier letter or a later band is up.
function movedUp(p: SnapshotClient, c: SnapshotClient): boolean {
  return TIERS.indexOf(c.tier) < TIERS.indexOf(p.tier) || bandRank(c.band) > bandRank(p.band);
}

function notLost(c: SnapshotClient): boolean {
  return c.state !== 'lost';
}

function sumAum(clients: readonly SnapshotClient[]): number {
  return clients.reduce((s, c) => s + c.aumFen, 0);
}

function ratio(num: number, den: number): number | null {
  return den === 0 ? null : num / den;
}

function emptyMatrix(): Record<MovementFrom, Record<MovementTo, number>> {
  const row = (): Record<MovementTo, number> => ({ A: 0, B: 0, C: 0, gone: 0 });
  return { A: row(), B: row(), C: row(), new: row() };
}
