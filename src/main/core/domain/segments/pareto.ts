// Pareto / ABC tiers over one value metric (domain.md §1, seeds 000/001/004): rank the book,
// accumulate the share of the positive total, cut A at 80% and B at 95%.
import type { Metric, ParetoOptions, SegmentInput, Tier } from './types';

export interface ParetoRow {
  id: string;
  value: number;
  /** 1-based position in the ranking (value descending, then id ascending). */
  rank: number;
  /** Share of the positive total reached after this client, 0..1; rows after the last positive one stay at 1. */
  cumulativeShare: number;
  tier: Tier;
  /** Value < 0: the client costs the bank more than it brings. */
  cost: boolean;
}

export interface TierSummary {
  clients: number;
  /** Net value of the tier's clients (C includes the cost clients' negative values). */
  value: number;
  /** The tier's positive value / totalPositive (0 when there is no positive value). */
  share: number;
}

export interface ParetoResult {
  /** In rank order. */
  rows: ParetoRow[];
  totalPositive: number;
  /** Sum of the negative values (≤ 0); totalPositive + totalNegative is the book's net value. */
  totalNegative: number;
  clients: number;
  /** k / n, k = rank of the client whose cumulative share first reaches 80%; 0 without positive value. */
  shareOfClientsFor80Percent: number;
  /** Gini coefficient of the values clamped at 0 (see `gini`). */
  gini: number;
  tiers: Record<Tier, TierSummary>;
}

export const DEFAULT_PARETO_OPTIONS: ParetoOptions = { aCutoff: 0.8, bCutoff: 0.95 };

export const TIERS: readonly Tier[] = ['A', 'B', 'C'];

/** The client's value under the chosen metric, in fen. */
export function metricValue(c: SegmentInput, metric: Metric): number {
  switch (metric) {
    case 'revenue':
      return c.revenue12mFen;
    case 'aum':
      return c.aumFen;
    case 'deposits':
      return c.depositsFen;
  }
}

/**
 * Rank and tier a book. Values must be integer fen: the cut-off comparisons are exact
 * (no float drift at exactly 80%), because each cut-off becomes an integer threshold
 * ceil(total × p/q) once, computed with BigInt. Zero and negative values are never in A or B.
 * Equal values straddling a cut-off are split by id, so the same book always tiers the same.
 */
export function paretoTiers(clients: readonly { id: string; value: number }[], opts: Partial<ParetoOptions> = {}): ParetoResult {
  const { aCutoff, bCutoff } = { ...DEFAULT_PARETO_OPTIONS, ...opts };
  if (!(aCutoff > 0 && aCutoff <= bCutoff && bCutoff <= 1)) throw new RangeError('pareto cut-offs need 0 < aCutoff ≤ bCutoff ≤ 1');

  const sorted = [...clients].sort(byValueThenId);
  let totalPositive = 0;
  let totalNegative = 0;
  for (const c of sorted) {
    if (!Number.isSafeInteger(c.value)) throw new RangeError('pareto values must be integer fen');
    if (c.value > 0) totalPositive += c.value;
    else totalNegative += c.value;
  }
  if (!Number.isSafeInteger(totalPositive)) throw new RangeError('pareto total exceeds the safe integer range');

  const aThreshold = cutoffThreshold(totalPositive, aCutoff);
  const bThreshold = cutoffThreshold(totalPositive, bCutoff);
  const eightyThreshold = cutoffThreshold(totalPositive, 0.8);
  const tiers: Record<Tier, TierSummary> = { A: emptyTier(), B: emptyTier(), C: emptyTier() };
  const positiveByTier: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const rows: ParetoRow[] = [];
  let cum = 0;
  let aClosed = false;
  let bClosed = false;
  let rankFor80 = 0;

  sorted.forEach((c, i) => {
    let tier: Tier = 'C';
    if (c.value > 0) {
      cum += c.value;
      // A row belongs to the tier that is still open when it arrives, so the closing client is inside it.
      tier = !aClosed ? 'A' : !bClosed ? 'B' : 'C';
      if (cum >= aThreshold) aClosed = true;
      if (cum >= bThreshold) bClosed = true;
      if (rankFor80 === 0 && cum >= eightyThreshold) rankFor80 = i + 1;
    }
    tiers[tier].clients += 1;
    tiers[tier].value += c.value;
    if (c.value > 0) positiveByTier[tier] += c.value;
    rows.push({ id: c.id, value: c.value, rank: i + 1, cumulativeShare: totalPositive > 0 ? cum / totalPositive : 0, tier, cost: c.value < 0 });
  });

  for (const t of TIERS) tiers[t].share = totalPositive > 0 ? positiveByTier[t] / totalPositive : 0;
  return {
    rows,
    totalPositive,
    totalNegative,
    clients: sorted.length,
    shareOfClientsFor80Percent: totalPositive > 0 ? rankFor80 / sorted.length : 0,
    gini: giniOfDescending(sorted.map((c) => Math.max(0, c.value))),
    tiers,
  };
}

/**
 * Gini coefficient, G = Σᵢ (2i − n − 1)·xᵢ / (n·Σx) over x sorted ascending, i = 1..n, with
 * negative values clamped at 0 (a cost client holds none of the value). 0 for an empty book,
 * one client, equal values or no positive value; at most (n − 1)/n.
 */
export function gini(values: readonly number[]): number {
  return giniOfDescending(values.map((v) => Math.max(0, v)).sort((a, b) => b - a));
}

// Value descending, then id ascending by code unit (not localeCompare: identical on every machine).
function byValueThenId(a: { id: string; value: number }, b: { id: string; value: number }): number {
  if (a.value !== b.value) return b.value - a.value;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Smallest integer cumulative that reaches `cutoff` of `total`: ceil(total × p / q), the cut-off
 * read as the fraction p/q with q = 10⁹ (cut-offs are honoured to nine decimals).
 */
function cutoffThreshold(total: number, cutoff: number): number {
  const q = 1_000_000_000n;
  const p = BigInt(Math.round(cutoff * 1e9));
  const scaled = BigInt(total) * p;
  return Number((scaled + q - 1n) / q);
}

// The formula above on values already sorted descending (the ranking's order): position k is i = n − k.
function giniOfDescending(xs: readonly number[]): number {
  const n = xs.length;
  let sum = 0;
  let weighted = 0;
  xs.forEach((x, k) => {
    sum += x;
    weighted += (n - 1 - 2 * k) * x; // 2(n − k) − n − 1
  });
  return n < 2 || sum === 0 ? 0 : Math.max(0, weighted / (n * sum));
}

function emptyTier(): TierSummary {
  return { clients: 0, value: 0, share: 0 };
}
