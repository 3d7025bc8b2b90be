import { desc, eq } from 'drizzle-orm';
import type { CadenceSettings } from '../../../shared/followups';
import type { MetricName, MovementMatrix, QuarterKpis, SegmentSummary, SnapshotInfo } from '../../../shared/segments';
import { BANDS, CLIENT_STATES, METRICS, QUADRANTS, TIERS } from '../../../shared/segments';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../domain/ids';
import { localDate } from '../domain/local-date';
import { paretoColumns, paretoTiers, type ParetoColumns } from '../domain/segments/pareto';
import { productFamilies, quadrantFor, valuePercentiles } from '../domain/segments/quadrant';
import { afterContact } from '../domain/segments/state';
import { cadenceInterval } from '../domain/followups/rules';
import { segmentSnapshots } from '../store/schema';
import { contactSettings } from './contact-cap';
import { regenerateFor } from './followup-generator';
import type { Session } from './session';
import { readSetting, writeSetting } from './settings';
import { kpisFromSnapshots, movementBetween } from './segment-history';
import { forgetStored, keepStored, readBook, sameSegment, storedSegments, type BookColumns, type SegmentColumns } from './segment-book';

// Segments of the whole book: the pure functions in domain/segments over every client,
// stored per client (for the Clients page's filters) and summarised for the Segments page.

export interface SegmentSettings {
  metric: MetricName;
  aCutoff: number;
  bCutoff: number;
}

const DEFAULTS: SegmentSettings = { metric: 'revenue', aCutoff: 0.8, bCutoff: 0.95 };
const CURVE_POINTS = 200;
const SCATTER_MAX = 3000;

export function segmentSettings(s: Session): SegmentSettings {
  return { ...DEFAULTS, ...readSetting<Partial<SegmentSettings>>(s, 'segments', {}) };
}

export function updateSegmentSettings(s: Session, patch: Partial<SegmentSettings>): SegmentSettings {
  const next = { ...segmentSettings(s), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  if (next.bCutoff <= next.aCutoff) throw new AppError('INVALID_INPUT', { field: 'bCutoff', reason: 'must be above aCutoff' });
  s.inTransaction({ action: 'settings.update', details: { changed: { segments: next } } }, () => writeSetting(s, 'segments', next));
  return next;
}

const METRIC_COLUMN: Record<MetricName, string> = { revenue: 'revenue_12m_fen', aum: 'aum_fen', deposits: 'deposits_fen' };

// Each client's tier, for lists that show it (the agenda): kept until a segments pass writes.
const tierCache = new WeakMap<Session, Map<string, string>>();

export function tiersOf(s: Session): Map<string, string> {
  let tiers = tierCache.get(s);
  if (!tiers) {
    tiers = new Map(s.db.prepare('SELECT client_id, tier FROM client_segments').raw().all() as [string, string][]);
    tierCache.set(s, tiers);
  }
  return tiers;
}

/** The 80/20 part alone: ranks and cumulative shares of one metric over the book. */
export function paretoOfBook(s: Session, metric: MetricName): ReturnType<typeof paretoTiers> {
  const settings = segmentSettings(s);
  const rows = s.db.prepare(`SELECT id, ${METRIC_COLUMN[metric]} FROM clients`).raw().all() as [string, number][];
  return paretoTiers(rows.map(([id, value]) => ({ id, value })), { aCutoff: settings.aCutoff, bCutoff: settings.bCutoff });
}

/** Segments the book, stores each client's segment, and returns the summary. */
export function computeSegments(s: Session, metricOverride?: MetricName): SegmentSummary {
  const pass = segmentAndStore(s, metricOverride);
  // A tier that moved changes that client's keep-in-touch interval.
  if (pass.tierMoved.length > 0) s.db.transaction(() => regenerateFor(s, pass.tierMoved))();
  return summarise(pass.book, pass.pareto, pass.segments, pass.metric, pass.computedAt);
}

/**
 * For a bulk load (an import), inside its transaction and before it generates the new clients'
 * follow-ups: segments and stores the book as it now stands, and returns the clients whose tier
 * moved, new ones included. The caller regenerates their follow-ups once, at their tier's cadence;
 * left to the next pass, every new client's cadence follow-up would be written at the default
 * interval and then moved (100,000 moves after a branch-sized import). Once the caller's
 * transaction has committed, `committed` lets the next pass start from what was stored instead of
 * reading it back (the caller writes no client after this).
 */
export function segmentForBulkLoad(s: Session): { tierMoved: string[]; committed(): void } {
  if (!s.db.inTransaction) throw new Error('segmentForBulkLoad needs a transaction');
  const { tierMoved, book, segments } = segmentAndStore(s);
  return { tierMoved, committed: () => keepStored(s, book.ids, segments) };
}

interface SegmentPass {
  metric: MetricName;
  computedAt: string;
  book: BookColumns;
  pareto: ParetoColumns;
  segments: SegmentColumns;
  /** The clients whose tier moved (their follow-ups are the caller's to regenerate). */
  tierMoved: string[];
}

function segmentAndStore(s: Session, metricOverride?: MetricName): SegmentPass {
  const settings = segmentSettings(s);
  const metric = metricOverride ?? settings.metric;
  const today = localDate(s.now());
  const computedAt = s.now().toISOString();
  const book = readBook(s, today, metric);
  const pareto = paretoColumns(book.ids, book.value, { aCutoff: settings.aCutoff, bCutoff: settings.bCutoff });
  const segments = segmentsOf(book, pareto, metric, contactSettings(s).cadence);
  const tierMoved = storeSegments(s, book.ids, segments, pareto.order, computedAt);
  return { metric, computedAt, book, pareto, segments, tierMoved };
}

/** Each client's segment, at its position in the book. */
function segmentsOf(book: BookColumns, pareto: ParetoColumns, metric: MetricName, cadence: CadenceSettings): SegmentColumns {
  const n = book.ids.length;
  // The book's own columns where the segment stores them as read.
  const segments: SegmentColumns = {
    metric: new Uint8Array(n).fill(METRICS.indexOf(metric)),
    value: book.value,
    rank: new Float64Array(n),
    cumulativeShare: new Float64Array(n),
    tier: new Uint8Array(n),
    quadrant: new Uint8Array(n),
    valuePercentile: valuePercentiles(book.value),
    potential: book.potential,
    band: book.band,
    state: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = pareto.order[k]!;
    const tier = TIERS[pareto.tier[k]!]!;
    segments.rank[i] = k + 1;
    segments.cumulativeShare[i] = pareto.cumulativeShare[k]!;
    segments.tier[i] = pareto.tier[k]!;
    segments.quadrant[i] = QUADRANTS.indexOf(quadrantFor(book.value[i]!, segments.valuePercentile[i]!, book.potential[i]!));
    // 流失风险 reads the cadence of the tier just computed.
    segments.state[i] = CLIENT_STATES.indexOf(afterContact(CLIENT_STATES[book.state[i]!]!, book.reachedDaysAgo[i]!, cadenceInterval(tier, cadence)));
  }
  return segments;
}

function summarise(book: BookColumns, pareto: ParetoColumns, segments: SegmentColumns, metric: MetricName, computedAt: string): SegmentSummary {
  const summary: SegmentSummary = {
    metric,
    computedAt,
    clients: pareto.clients,
    totalValueFen: pareto.totalPositive,
    totalNegativeFen: pareto.totalNegative,
    costClients: 0,
    shareOfClientsFor80Percent: pareto.shareOfClientsFor80Percent,
    gini: pareto.gini,
    tiers: Object.fromEntries(TIERS.map((t) => [t, { clients: pareto.tiers[t].clients, valueFen: pareto.tiers[t].value, share: pareto.tiers[t].share }])) as SegmentSummary['tiers'],
    quadrants: Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as SegmentSummary['quadrants'],
    bands: Object.fromEntries(BANDS.map((b) => [b, { clients: 0, aumFen: 0 }])) as SegmentSummary['bands'],
    states: Object.fromEntries(CLIENT_STATES.map((st) => [st, 0])) as SegmentSummary['states'],
    optedOutOfAutomated: book.optedOutOfAutomated,
    curve: lorenzCurve(pareto.cumulativeShare),
    scatter: [],
  };
  // In rank order: the scatter keeps the most valuable clients.
  for (const i of pareto.order) {
    const quadrant = QUADRANTS[segments.quadrant[i]!]!;
    const band = BANDS[segments.band[i]!]!;
    if (book.value[i]! < 0) summary.costClients++;
    summary.quadrants[quadrant]++;
    summary.bands[band].clients++;
    summary.bands[band].aumFen += book.aumFen[i]!;
    summary.states[CLIENT_STATES[segments.state[i]!]!]++;
    if (summary.scatter.length < SCATTER_MAX) {
      const { valuePercentile, potential, tier, value } = segments;
      summary.scatter.push({ id: book.ids[i]!, name: book.names[i]!, valuePercentile: valuePercentile[i]!, potential: potential[i]!, quadrant, tier: TIERS[tier[i]!]!, valueFen: value[i]! });
    }
  }
  return summary;
}

/**
 * Writes the segments that changed (a book that did not move costs no writes), in rank order, and
 * returns the clients whose tier moved. Derived data only: recomputed from the book at will, so no audit entry.
 */
function storeSegments(s: Session, ids: string[], segments: SegmentColumns, rankOrder: Uint32Array, computedAt: string): string[] {
  const upsert = s.db.prepare(
    `INSERT INTO client_segments (client_id, metric, value_fen, rank, cumulative_share, tier, quadrant, value_percentile, potential, band, state, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET metric = excluded.metric, value_fen = excluded.value_fen, rank = excluded.rank,
       cumulative_share = excluded.cumulative_share, tier = excluded.tier, quadrant = excluded.quadrant, value_percentile = excluded.value_percentile,
       potential = excluded.potential, band = excluded.band, state = excluded.state, computed_at = excluded.computed_at`,
  );
  const stored = storedSegments(s, ids);
  const tierMoved: string[] = [];
  const { metric, value, rank, cumulativeShare, tier, quadrant, valuePercentile, potential, band, state } = segments;
  // Inside a caller's transaction the writes may still roll back: what they stored is then not kept.
  const nested = s.db.inTransaction;
  const write = s.db.transaction(() => {
    for (const i of rankOrder) {
      if (sameSegment(stored, i, segments, i)) continue;
      upsert.run(ids[i], METRICS[metric[i]!], value[i], rank[i], cumulativeShare[i], TIERS[tier[i]!], QUADRANTS[quadrant[i]!], valuePercentile[i], potential[i], BANDS[band[i]!], CLIENT_STATES[state[i]!], computedAt);
      tierCache.delete(s);
      if (stored.tier[i] !== tier[i]) tierMoved.push(ids[i]!);
    }
  });
  let written = false;
  try {
    write();
    written = true;
  } finally {
    if (nested || !written) forgetStored(s);
    else keepStored(s, ids, segments);
  }
  return tierMoved;
}

/** Downsamples cumulative shares (in rank order) to at most ~200 points, starting at (0, 0). */
function lorenzCurve(cumulative: ArrayLike<number>): SegmentSummary['curve'] {
  const n = cumulative.length;
  const points = [{ clientShare: 0, valueShare: 0 }];
  if (n === 0) return points;
  const step = Math.max(1, Math.floor(n / CURVE_POINTS));
  for (let i = step - 1; i < n; i += step) points.push({ clientShare: (i + 1) / n, valueShare: cumulative[i]! });
  if (points.at(-1)!.clientShare !== 1) points.push({ clientShare: 1, valueShare: cumulative[n - 1]! });
  return points;
}

/** Stores a snapshot of the current segments (computing them first). */
export function takeSnapshot(s: Session, trigger: 'monthly' | 'manual'): SnapshotInfo {
  const summary = computeSegments(s);
  const takenAt = s.now().toISOString();
  const period = localDate(s.now()).slice(0, 7);
  const id = uuidv7(s.now().getTime());
  s.inTransaction({ action: 'segments.snapshot', details: { period, trigger, clients: summary.clients } }, () => {
    s.orm.insert(segmentSnapshots).values({ id, period, takenAt, metric: summary.metric, trigger }).run();
    s.db
      .prepare(
        `INSERT INTO segment_snapshot_rows (snapshot_id, client_id, tier, quadrant, band, state, aum_fen, value_fen, product_families)
         SELECT ?, cs.client_id, cs.tier, cs.quadrant, cs.band, cs.state, c.aum_fen, cs.value_fen, 0
         FROM client_segments cs JOIN clients c ON c.id = cs.client_id`,
      )
      .run(id);
    const families = s.db.prepare('UPDATE segment_snapshot_rows SET product_families = ? WHERE snapshot_id = ? AND client_id = ?');
    for (const r of s.db.prepare('SELECT id, products FROM clients').all() as { id: string; products: string }[]) {
      families.run(productFamilies(JSON.parse(r.products) as string[]), id, r.id);
    }
  });
  return { id, period, takenAt, metric: summary.metric, trigger, clients: summary.clients };
}

/** On the first unlock of a month, keep that month's picture of the book. */
export function ensureMonthlySnapshot(s: Session): SnapshotInfo | null {
  const period = localDate(s.now()).slice(0, 7);
  const has = s.orm.select({ id: segmentSnapshots.id }).from(segmentSnapshots).where(eq(segmentSnapshots.period, period)).get();
  const anyClient = s.db.prepare('SELECT 1 FROM clients LIMIT 1').get();
  if (has || !anyClient) return null;
  return takeSnapshot(s, 'monthly');
}

export function listSnapshots(s: Session): SnapshotInfo[] {
  const counts = new Map(
    (s.db.prepare('SELECT snapshot_id, count(*) AS n FROM segment_snapshot_rows GROUP BY snapshot_id').all() as { snapshot_id: string; n: number }[]).map((r) => [r.snapshot_id, r.n]),
  );
  return s.orm
    .select()
    .from(segmentSnapshots)
    .orderBy(desc(segmentSnapshots.takenAt))
    .all()
    .map((r) => ({ ...r, metric: r.metric as MetricName, clients: counts.get(r.id) ?? 0 }));
}

export function movement(s: Session, from: string, to: string): MovementMatrix {
  return movementBetween(s, from, to);
}

export function quarterKpis(s: Session): QuarterKpis {
  return kpisFromSnapshots(s, listSnapshots(s));
}
