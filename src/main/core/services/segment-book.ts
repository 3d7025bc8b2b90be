import type { MetricName } from '../../../shared/segments';
import { BANDS, CLIENT_STATES, METRICS, QUADRANTS, TIERS } from '../../../shared/segments';
import { localDateOfIso } from '../domain/local-date';
import { assignBand } from '../domain/segments/bands';
import { daysBetween } from '../domain/segments/calendar';
import { metricValue } from '../domain/segments/pareto';
import { potentialScore } from '../domain/segments/quadrant';
import { stateBeforeContact } from '../domain/segments/state';
import type { SegmentInput } from '../domain/segments/types';
import type { Session } from './session';

// The whole book as a segmentation pass holds it: one column per figure, a client's figures at
// the same position in each (its place in the scan). 100,000 clients then cost a few typed arrays
// instead of an object, a product list and a map entry each. Labels (tier, band, state…) are
// held as their index in the shared lists.

/** What the pass keeps of each client once it has been read (the rest of its row is dropped). */
export interface BookColumns {
  ids: string[];
  names: string[];
  /** The chosen metric's value (fen). */
  value: Float64Array;
  aumFen: Float64Array;
  potential: Float64Array;
  band: Uint8Array;
  /** stateBeforeContact: the contact rule waits for the client's tier (its cadence). */
  state: Uint8Array;
  /** Days since the last reached contact; NaN when never reached (the contact rule then never applies). */
  reachedDaysAgo: Float64Array;
  optedOutOfAutomated: number;
}

type InputRow = [string, string, SegmentInput['kind'], number, number, number, number, number, string, number | null, string | null, string | null, SegmentInput['status'], number, number, string | null];

export const SEGMENT_INPUT_SQL = `SELECT id, name, kind, revenue_12m_fen, aum_fen, deposits_fen, loan_balance_fen, card_spend_12m_fen, products, potential,
  birth_date, relationship_start, status, dormant_flag, opt_out_automated,
  (SELECT last_reached_at FROM contact_state WHERE contact_state.client_id = clients.id) FROM clients`;

/** Shared by every client without products (read only). */
const NO_PRODUCTS = Object.freeze([]) as unknown as string[];

/**
 * Reads every client once, in positional rows: each row becomes a SegmentInput only while its
 * band, potential and state are worked out, so no client object outlives its row.
 */
export function readBook(s: Session, today: string, metric: MetricName): BookColumns {
  const aumYearAgo = aumAYearBefore(s, today);
  // One snapshot of the book: the count sizes the columns the scan then fills.
  return s.db.transaction(() => {
    const book = emptyBook(s.db.prepare('SELECT count(*) FROM clients').pluck().get() as number);
    let i = 0;
    for (const row of s.db.prepare(SEGMENT_INPUT_SQL).raw().iterate() as IterableIterator<InputRow>) {
      const c = segmentInput(row, aumYearAgo);
      book.ids[i] = c.id;
      book.names[i] = row[1];
      book.value[i] = metricValue(c, metric);
      book.aumFen[i] = c.aumFen;
      book.potential[i] = potentialScore(c, today);
      book.band[i] = BANDS.indexOf(assignBand(c, today));
      book.state[i] = CLIENT_STATES.indexOf(stateBeforeContact(c, today));
      book.reachedDaysAgo[i] = c.lastReachedContact ? daysBetween(c.lastReachedContact, today) : NaN;
      if (c.optOutAutomated) book.optedOutOfAutomated++;
      i++;
    }
    return book;
  })();
}

function emptyBook(n: number): BookColumns {
  return {
    ids: new Array<string>(n),
    names: new Array<string>(n),
    value: new Float64Array(n),
    aumFen: new Float64Array(n),
    potential: new Float64Array(n),
    band: new Uint8Array(n),
    state: new Uint8Array(n),
    reachedDaysAgo: new Float64Array(n),
    optedOutOfAutomated: 0,
  };
}

function segmentInput(row: InputRow, aumYearAgo: Map<string, number> | null): SegmentInput {
  const [id, , kind, revenue12mFen, aumFen, depositsFen, loanBalanceFen, cardSpend12mFen, products, potential, birthDate, relationshipStart, status, dormant, optOut, lastReachedAt] = row;
  return {
    id,
    kind,
    revenue12mFen,
    aumFen,
    aumFen12mAgo: aumYearAgo?.get(id) ?? null,
    depositsFen,
    loanBalanceFen,
    cardSpend12mFen,
    products: products === '[]' ? NO_PRODUCTS : (JSON.parse(products) as string[]),
    potential,
    birthDate,
    relationshipStart,
    status,
    dormantFlag: dormant === 1,
    optOutAutomated: optOut === 1,
    lastReachedContact: lastReachedAt ? localDateOfIso(lastReachedAt) : null,
  };
}

/** AUM per client from the latest snapshot at least 12 months old, for the AUM trend. */
function aumAYearBefore(s: Session, today: string): Map<string, number> | null {
  const cutoff = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}`;
  const snap = s.db.prepare('SELECT id FROM segment_snapshots WHERE period <= ? ORDER BY period DESC, taken_at DESC LIMIT 1').get(cutoff) as { id: string } | undefined;
  if (!snap) return null;
  const rows = s.db.prepare('SELECT client_id, aum_fen FROM segment_snapshot_rows WHERE snapshot_id = ?').raw().iterate(snap.id) as IterableIterator<[string, number]>;
  return new Map(rows);
}

/** Each client's segment as client_segments stores it (computed_at aside), by position in the pass. */
export interface SegmentColumns {
  metric: Uint8Array;
  value: Float64Array;
  rank: Float64Array;
  cumulativeShare: Float64Array;
  tier: Uint8Array;
  quadrant: Uint8Array;
  valuePercentile: Float64Array;
  potential: Float64Array;
  band: Uint8Array;
  state: Uint8Array;
}

/** Columns for `n` clients, none of them segmented yet (their labels match no list's index). */
function emptySegments(n: number): SegmentColumns {
  const unknown = () => new Uint8Array(n).fill(NO_LABEL);
  return {
    metric: unknown(),
    value: new Float64Array(n),
    rank: new Float64Array(n),
    cumulativeShare: new Float64Array(n),
    tier: unknown(),
    quadrant: unknown(),
    valuePercentile: new Float64Array(n),
    potential: new Float64Array(n),
    band: unknown(),
    state: unknown(),
  };
}

// indexOf's −1 as a Uint8Array holds it: a label that is in no list (or no row at all).
const NO_LABEL = 255;

const FIELDS = ['metric', 'value', 'rank', 'cumulativeShare', 'tier', 'quadrant', 'valuePercentile', 'potential', 'band', 'state'] as const;

/** Client `i` of `a` and client `j` of `b` hold the same segment. */
export function sameSegment(a: SegmentColumns, i: number, b: SegmentColumns, j: number): boolean {
  for (const f of FIELDS) if (a[f][i] !== b[f][j]) return false;
  return true;
}

function copySegment(from: SegmentColumns, j: number, to: SegmentColumns, i: number): void {
  for (const f of FIELDS) to[f][i] = from[f][j]!;
}

// What client_segments holds, as the last pass left it (computeSegments is the only writer; a
// deleted client's row goes with it by cascade): read from the table once per session, then the
// pass's own columns. Saves re-reading 100,000 rows per pass.
const storedCache = new WeakMap<Session, { ids: readonly string[]; segments: SegmentColumns }>();

/** The stored segment of each client in `ids`, at the same positions. */
export function storedSegments(s: Session, ids: readonly string[]): SegmentColumns {
  const kept = storedCache.get(s);
  // The book in the same order as last time: the kept columns line up as they are.
  if (kept && kept.ids.length === ids.length && kept.ids.every((id, i) => id === ids[i])) return kept.segments;
  const position = new Map(ids.map((id, i) => [id, i]));
  const stored = emptySegments(ids.length);
  if (kept) {
    kept.ids.forEach((id, j) => {
      const i = position.get(id);
      if (i !== undefined) copySegment(kept.segments, j, stored, i);
    });
  } else {
    readStored(s, position, stored);
  }
  return stored;
}

type StoredRow = [string, MetricName, number, number, number, string, string, number, number, string, string];

function readStored(s: Session, position: Map<string, number>, into: SegmentColumns): void {
  const rows = s.db
    .prepare('SELECT client_id, metric, value_fen, rank, cumulative_share, tier, quadrant, value_percentile, potential, band, state FROM client_segments')
    .raw()
    .iterate() as IterableIterator<StoredRow>;
  for (const [id, metric, value, rank, cumulativeShare, tier, quadrant, valuePercentile, potential, band, state] of rows) {
    const i = position.get(id);
    if (i === undefined) continue;
    into.metric[i] = METRICS.indexOf(metric);
    into.value[i] = value;
    into.rank[i] = rank;
    into.cumulativeShare[i] = cumulativeShare;
    into.tier[i] = TIERS.indexOf(tier as (typeof TIERS)[number]);
    into.quadrant[i] = QUADRANTS.indexOf(quadrant as (typeof QUADRANTS)[number]);
    into.valuePercentile[i] = valuePercentile;
    into.potential[i] = potential;
    into.band[i] = BANDS.indexOf(band as (typeof BANDS)[number]);
    into.state[i] = CLIENT_STATES.indexOf(state as (typeof CLIENT_STATES)[number]);
  }
}

/** After a pass's writes committed: the table now holds `segments` for `ids`. */
export function keepStored(s: Session, ids: readonly string[], segments: SegmentColumns): void {
  storedCache.set(s, { ids, segments });
}

/** The writes may not stand (rolled back, or inside a caller's transaction): read the table again next time. */
export function forgetStored(s: Session): void {
  storedCache.delete(s);
}
