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
 * The ranking of `paretoTiers` in columns, for a whole book: positions into the input instead of
 * an object per client (100,000 clients rank in a few typed arrays).
 */
export interface ParetoColumns extends Omit<ParetoResult, 'rows'> {
  /** Input positions in rank order. */
  order: Uint32Array;
  /** By rank: share of the positive total reached after that client (see ParetoRow). */
  cumulativeShare: Float64Array;
  /** By rank: the tier, as an index into TIERS. */
  tier: Uint8Array;
}

/**
 * Rank and tier a book. Values must be integer fen: the cut-off comparisons are exact
 * (no float drift at exactly 80%), because each cut-off becomes an integer threshold
 * ceil(total × p/q) once, computed with BigInt. Zero and negative values are never in A or B.
 * Equal values straddling a cut-off are split by id, so the same book always tiers the same.
 */
export function paretoTiers(clients: readonly { id: string; value: number }[], opts: Partial<ParetoOptions> = {}): ParetoResult {
  const { order, cumulativeShare, tier, ...summary } = paretoColumns(clients.map((c) => c.id), clients.map((c) => c.value), opts);
  const rows = Array.from(order, (i, k): ParetoRow => {
    const { id, value } = clients[i]!;
    return { id, value, rank: k + 1, cumulativeShare: cumulativeShare[k]!, tier: TIERS[tier[k]!]!, cost: value < 0 };
  });
  return { rows, ...summary };
}

/** `paretoTiers` over parallel columns: client i has ids[i] and values[i]. */
export function paretoColumns(ids: readonly string[], values: ArrayLike<number>, opts: Partial<ParetoOptions> = {}): ParetoColumns {
  const { aCutoff, bCutoff } = { ...DEFAULT_PARETO_OPTIONS, ...opts };
  if (!(aCutoff > 0 && aCutoff <= bCutoff && bCutoff <= 1)) throw new RangeError('pareto cut-offs need 0 < aCutoff ≤ bCutoff ≤ 1');

  const n = values.length;
  for (let i = 0; i < n; i++) if (!Number.isSafeInteger(values[i])) throw new RangeError('pareto values must be integer fen');
  const order = rankOrder(ids, values);
  let totalPositive = 0;
  let totalNegative = 0;
  for (let k = 0; k < n; k++) {
    const value = values[order[k]!]!;
    if (value > 0) totalPositive += value;
    else totalNegative += value;
  }
  if (!Number.isSafeInteger(totalPositive)) throw new RangeError('pareto total exceeds the safe integer range');

  const aThreshold = cutoffThreshold(totalPositive, aCutoff);
  const bThreshold = cutoffThreshold(totalPositive, bCutoff);
  const eightyThreshold = cutoffThreshold(totalPositive, 0.8);
  const tiers: Record<Tier, TierSummary> = { A: emptyTier(), B: emptyTier(), C: emptyTier() };
  const positiveByTier: Record<Tier, number> = { A: 0, B: 0, C: 0 };
  const cumulativeShare = new Float64Array(n);
  const tierOf = new Uint8Array(n);
  const clamped = new Float64Array(n);
  let cum = 0;
  let aClosed = false;
  let bClosed = false;
  let rankFor80 = 0;

  for (let k = 0; k < n; k++) {
    const value = values[order[k]!]!;
    let tier: Tier = 'C';
    if (value > 0) {
      cum += value;
      // A row belongs to the tier that is still open when it arrives, so the closing client is inside it.
      tier = !aClosed ? 'A' : !bClosed ? 'B' : 'C';
      if (cum >= aThreshold) aClosed = true;
      if (cum >= bThreshold) bClosed = true;
      if (rankFor80 === 0 && cum >= eightyThreshold) rankFor80 = k + 1;
    }
    tiers[tier].clients += 1;
    tiers[tier].value += value;
    if (value > 0) positiveByTier[tier] += value;
    cumulativeShare[k] = totalPositive > 0 ? cum / totalPositive : 0;
    tierOf[k] = TIERS.indexOf(tier);
    clamped[k] = Math.max(0, value);
  }

  for (const t of TIERS) tiers[t].share = totalPositive > 0 ? positiveByTier[t] / totalPositive : 0;
  return {
    order,
    cumulativeShare,
    tier: tierOf,
    totalPositive,
    totalNegative,
    clients: n,
    shareOfClientsFor80Percent: totalPositive > 0 ? rankFor80 / n : 0,
    gini: giniOfDescending(clamped),
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

// Positions by value descending, then id ascending by code unit (not localeCompare: identical on
// every machine), then input position (a stable sort's order for a repeated id).
function rankOrder(ids: readonly string[], values: ArrayLike<number>): Uint32Array {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort((a, b) => {
    if (values[a] !== values[b]) return values[b]! - values[a]!;
    const idA = ids[a]!;
    const idB = ids[b]!;
    return idA < idB ? -1 : idA > idB ? 1 : a - b;
  });
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
function giniOfDescending(xs: ArrayLike<number>): number {
  const n = xs.length;
  let sum = 0;
  let weighted = 0;
  for (let k = 0; k < n; k++) {
    const x = xs[k]!;
    sum += x;
    weighted += (n - 1 - 2 * k) * x; // 2(n − k) − n − 1
  }
  return n < 2 || sum === 0 ? 0 : Math.max(0, weighted / (n * sum));
}

function emptyTier(): TierSummary {
  return { clients: 0, value: 0, share: 0 };
}
