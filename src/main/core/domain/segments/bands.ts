// Asset bands for tiered maintenance (seed 003, domain.md §1): who in the branch looks after the
// client, by financial assets (aumFen: deposits included), with an age limit and alternative entries.
import { ageOn } from './calendar';
import type { Band, BandEntry, BandRule, SegmentInput } from './types';

/** The branch's table, in fen; ranges are [min, max). Configurable in Settings. */
export const DEFAULT_BAND_RULES: BandRule[] = [
  { band: 'wealth', minAumFen: 2_000_000_00, maxAumFen: null },
  { band: 'branch_wealth', minAumFen: 200_000_00, maxAumFen: 2_000_000_00 },
  { band: 'director', minAumFen: 100_000_00, maxAumFen: 200_000_00 },
  { band: 'staff', minAumFen: 50_000_00, maxAumFen: 100_000_00, maxAgeExclusive: 60 },
];

/** Card spend ≥ 50k/yr, loan balance ≥ 300k, custody margin ≥ 10k, or a gold/platinum card (003). */
export const DEFAULT_BAND_ENTRY: BandEntry = {
  cardSpend12mFen: 50_000_00,
  loanBalanceFen: 300_000_00,
  custodyMarginFen: 10_000_00,
  cardLevels: ['gold', 'platinum'],
};

/** Bands from least to most attention; an upgrade is a move to a later one. */
export const BAND_ORDER: readonly Band[] = ['none', 'staff', 'director', 'branch_wealth', 'wealth'];

export function bandRank(band: Band): number {
  return BAND_ORDER.indexOf(band);
}

/**
 * The band whose asset range holds the client's AUM and whose age limit the client meets
 * (the limit applies to persons; a person of unknown age does not meet it; a company has no
 * age, so assets alone decide). The seed lists the alternative entries without saying which
 * band they open; we read them as the floor of the table: a client meeting any of them but
 * otherwise below `staff` (low assets, or 60 and over) is maintained at least by branch staff.
 */
export function assignBand(c: SegmentInput, today: string, rules: readonly BandRule[] = DEFAULT_BAND_RULES, entry: BandEntry = DEFAULT_BAND_ENTRY): Band {
  const byAssets = highestFirst(rules).find((r) => inRange(c.aumFen, r) && meetsAge(c, r, today));
  const band = byAssets?.band ?? 'none';
  return bandRank(band) < bandRank('staff') && meetsEntry(c, entry) ? 'staff' : band;
}

/** True when the client meets any alternative entry criterion. */
// Rules sorted highest band first, once per rule set (a book is banded client by client).
const sortedRules = new WeakMap<readonly BandRule[], BandRule[]>();

function highestFirst(rules: readonly BandRule[]): BandRule[] {
  let sorted = sortedRules.get(rules);
  if (!sorted) {
    sorted = [...rules].sort((a, b) => b.minAumFen - a.minAumFen);
    sortedRules.set(rules, sorted);
  }
  return sorted;
}

export function meetsEntry(c: SegmentInput, entry: BandEntry = DEFAULT_BAND_ENTRY): boolean {
  return (
    c.cardSpend12mFen >= entry.cardSpend12mFen ||
    c.loanBalanceFen >= entry.loanBalanceFen ||
    (c.custodyMarginFen ?? 0) >= entry.custodyMarginFen ||
    (c.cardLevel != null && entry.cardLevels.includes(c.cardLevel))
  );
}

function inRange(aumFen: number, r: BandRule): boolean {
  return aumFen >= r.minAumFen && (r.maxAumFen === null || aumFen < r.maxAumFen);
}

function meetsAge(c: SegmentInput, r: BandRule, today: string): boolean {
  if (r.maxAgeExclusive == null || c.kind === 'company') return true;
  return c.birthDate !== null && ageOn(c.birthDate, today) < r.maxAgeExclusive;
}
