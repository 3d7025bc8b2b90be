// Value × potential quadrants (seed 002): a big balance alone does not make a quality client,
// so value (where the client stands in the book) is crossed with a documented potential score.
import { ageOn } from './calendar';
import { metricValue } from './pareto';
import { COMPANY_PRODUCT_FAMILIES, familiesHeld, PRODUCT_FAMILIES } from './products';
import type { Metric, Quadrant, QuadrantWeights, SegmentInput } from './types';

// The families live in products.ts (kpis.ts uses them too); re-exported for the segment service.
export { PRODUCT_FAMILIES, productFamilies } from './products';

export const DEFAULT_QUADRANT_WEIGHTS: QuadrantWeights = { rating: 0.4, productGap: 0.25, aumTrend: 0.2, lifeStage: 0.15 };

export interface QuadrantOptions {
  weights?: Partial<QuadrantWeights>;
  /** Value percentile at or above which a client is high value (default 0.5). */
  valueSplit?: number;
  /** Potential score at or above which a client is high potential (default 0.5). */
  potentialSplit?: number;
}

export interface QuadrantAssignment {
  quadrant: Quadrant;
  /** Mid-rank percentile of the metric in the book, 0..1 (see `valuePercentiles`). */
  valuePercentile: number;
  potential: number;
}

/** The four parts of the potential score, each 0..1 (0.5 = no information). */
export type PotentialParts = Record<keyof QuadrantWeights, number>;

/**
 * Potential score in [0, 1]: the weighted mean of the parts in `potentialParts`, weights
 * normalised to sum 1 (negative weights count as 0; all zero → 0.5, no opinion).
 */
export function potentialScore(c: SegmentInput, today: string, weights: Partial<QuadrantWeights> = {}): number {
  return scoreWith(c, today, effectiveWeights(weights));
}

/** The weights in use: defaults overridden, negatives counted as 0. */
function effectiveWeights(weights: Partial<QuadrantWeights>): QuadrantWeights {
  const w = { ...DEFAULT_QUADRANT_WEIGHTS, ...weights };
  return { rating: Math.max(0, w.rating), productGap: Math.max(0, w.productGap), aumTrend: Math.max(0, w.aumTrend), lifeStage: Math.max(0, w.lifeStage) };
}

function scoreWith(c: SegmentInput, today: string, w: QuadrantWeights): number {
  const sum = w.rating + w.productGap + w.aumTrend + w.lifeStage;
  if (sum === 0) return 0.5;
  const weighted = w.rating * ratingPart(c.potential) + w.productGap * productGapPart(c) + w.aumTrend * aumTrendPart(c) + w.lifeStage * lifeStagePart(c, today);
  return clamp01(weighted / sum);
}

/**
 * - rating: the RM's potential rating 1–5 → (r − 1)/4; none → 0.5.
 * - productGap: 1 − families held / families sold to the client's kind (fewer held → more to offer).
 * - aumTrend: 0.5 + growth of AUM over 12 months, clamped (+50% or more → 1, −50% or worse → 0);
 *   unknown → 0.5; money arriving from nothing → 1.
 * - lifeStage: persons by age (25–45 building wealth → 1; 46–60 → 0.6; 61–70 → 0.4; over 70 → 0.2;
 *   18–24 → 0.7; minors 0.3); companies by relationship age (under 3 years, still growing with us → 1;
 *   3–9 completed years → 0.6; 10 or more, the wallet share is settled → 0.3); unknown → 0.5.
 */
export function potentialParts(c: SegmentInput, today: string): PotentialParts {
  return { rating: ratingPart(c.potential), productGap: productGapPart(c), aumTrend: aumTrendPart(c), lifeStage: lifeStagePart(c, today) };
}

/**
 * Quadrant per client: high value = percentile ≥ valueSplit and a positive value (a zero or cost
 * client is never high value); high potential = score ≥ potentialSplit. Names say how to serve,
 * never "drop" (fair-treatment duty): core, nurture, maintain, streamline.
 */
export function assignQuadrants(
  clients: readonly SegmentInput[],
  metric: Metric,
  today: string,
  opts: QuadrantOptions = {},
): Map<string, QuadrantAssignment> {
  const values = clients.map((c) => metricValue(c, metric));
  const percentiles = valuePercentiles(values);
  const out = new Map<string, QuadrantAssignment>();
  const weights = effectiveWeights(opts.weights ?? {});
  clients.forEach((c, i) => {
    const valuePercentile = percentiles[i]!;
    const potential = scoreWith(c, today, weights);
    out.set(c.id, { quadrant: quadrantFor(values[i]!, valuePercentile, potential, opts), valuePercentile, potential });
  });
  return out;
}

/** One client's quadrant from its value, its value percentile in the book and its potential score (see assignQuadrants). */
export function quadrantFor(value: number, valuePercentile: number, potential: number, opts: Omit<QuadrantOptions, 'weights'> = {}): Quadrant {
  const highValue = value > 0 && valuePercentile >= (opts.valueSplit ?? 0.5);
  return quadrantOf(highValue, potential >= (opts.potentialSplit ?? 0.5));
}

export function quadrantOf(highValue: boolean, highPotential: boolean): Quadrant {
  if (highValue) return highPotential ? 'core' : 'maintain';
  return highPotential ? 'nurture' : 'streamline';
}

/**
 * Mid-rank percentile (Hazen): (clients strictly below + half of those equal) / n, in input order.
 * Equal values share a percentile; the book's median sits at 0.5, so a 0.5 split halves a book
 * of distinct values; one client alone is at 0.5.
 */
export function valuePercentiles(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  // Positions sorted by value: a whole book sorts as numbers, not as an object per client.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]!);
  const out = new Float64Array(n);
  for (let start = 0; start < n; ) {
    let end = start;
    while (end < n && values[order[end]!] === values[order[start]!]) end++;
    const p = (start + (end - start) / 2) / n;
    for (let k = start; k < end; k++) out[order[k]!] = p;
    start = end;
  }
  return out;
}

function ratingPart(potential: number | null): number {
  if (potential === null || !Number.isFinite(potential)) return 0.5;
  return clamp01((potential - 1) / 4);
}

function productGapPart(c: SegmentInput): number {
  const sold = c.kind === 'company' ? COMPANY_PRODUCT_FAMILIES : PRODUCT_FAMILIES;
  const held = familiesHeld(c.products).filter((f) => sold.includes(f)).length;
  return 1 - held / sold.length;
}

function aumTrendPart(c: SegmentInput): number {
  const before = c.aumFen12mAgo;
  if (before === null || before === undefined) return 0.5;
  if (before <= 0) return c.aumFen > 0 ? 1 : 0.5;
  return clamp01(0.5 + (c.aumFen - before) / before);
}

function lifeStagePart(c: SegmentInput, today: string): number {
  if (c.kind === 'company') {
    if (!c.relationshipStart) return 0.5;
    const years = ageOn(c.relationshipStart, today); // completed years with the bank
    return years < 3 ? 1 : years < 10 ? 0.6 : 0.3;
  }
  if (!c.birthDate) return 0.5;
  const age = ageOn(c.birthDate, today);
  if (age < 18) return 0.3;
  if (age < 25) return 0.7;
  if (age <= 45) return 1;
  if (age <= 60) return 0.6;
  if (age <= 70) return 0.4;
  return 0.2;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
