import { desc, eq } from 'drizzle-orm';
import type { MetricName, MovementMatrix, QuarterKpis, SegmentSummary, SnapshotInfo } from '../../../shared/segments';
import { BANDS, CLIENT_STATES, QUADRANTS, TIERS } from '../../../shared/segments';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../domain/ids';
import { localDate, localDateOfIso } from '../domain/local-date';
import { assignBand } from '../domain/segments/bands';
import { metricValue, paretoTiers } from '../domain/segments/pareto';
import { assignQuadrants, productFamilies } from '../domain/segments/quadrant';
import { clientState } from '../domain/segments/state';
import type { SegmentInput } from '../domain/segments/types';
import { cadenceInterval } from '../domain/followups/rules';
import { segmentSnapshots } from '../store/schema';
import { contactSettings } from './contact-cap';
import { regenerateFor } from './followup-generator';
import type { Session } from './session';
import { readSetting, writeSetting } from './settings';
import { kpisFromSnapshots, movementBetween } from './segment-history';

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

/** Every client as segmentation sees it, with its name for the chart. */
export function loadSegmentInputs(s: Session, today: string): (SegmentInput & { name: string })[] {
  const aumYearAgo = aumAYearBefore(s, today);
  // Positional rows, one at a time: at 100,000 clients, building keyed row objects costs more than
  // the scan, and holding every raw row beside the inputs built from it doubles the pass's memory.
  const rows = s.db
    .prepare(
      `SELECT id, name, kind, revenue_12m_fen, aum_fen, deposits_fen, loan_balance_fen, card_spend_12m_fen, products, potential,
              birth_date, relationship_start, status, dormant_flag, opt_out_automated,
              (SELECT last_reached_at FROM contact_state WHERE contact_state.client_id = clients.id) FROM clients`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string, SegmentInput['kind'], number, number, number, number, number, string, number | null, string | null, string | null, SegmentInput['status'], number, number, string | null]>;
  const book: (SegmentInput & { name: string })[] = [];
  for (const [id, name, kind, revenue12mFen, aumFen, depositsFen, loanBalanceFen, cardSpend12mFen, products, potential, birthDate, relationshipStart, status, dormant, optOut, lastReachedAt] of rows) {
    book.push({
      id,
      name,
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
    });
  }
  return book;
}

/** Shared by every client without products (read only). */
const NO_PRODUCTS = Object.freeze([]) as unknown as string[];

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
  const settings = segmentSettings(s);
  const metric = metricOverride ?? settings.metric;
  const today = localDate(s.now());
  const computedAt = s.now().toISOString();
  const book = loadSegmentInputs(s, today);
  const pareto = paretoTiers(book.map((c) => ({ id: c.id, value: metricValue(c, metric) })), { aCutoff: settings.aCutoff, bCutoff: settings.bCutoff });
  const quadrants = assignQuadrants(book, metric, today);
  const byId = new Map(book.map((c) => [c.id, c]));

  const summary: SegmentSummary = {
    metric,
    computedAt,
    clients: book.length,
    totalValueFen: pareto.totalPositive,
    totalNegativeFen: pareto.totalNegative,
    costClients: pareto.rows.filter((r) => r.cost).length,
    shareOfClientsFor80Percent: pareto.shareOfClientsFor80Percent,
    gini: pareto.gini,
    tiers: Object.fromEntries(TIERS.map((t) => [t, { clients: pareto.tiers[t].clients, valueFen: pareto.tiers[t].value, share: pareto.tiers[t].share }])) as SegmentSummary['tiers'],
    quadrants: Object.fromEntries(QUADRANTS.map((q) => [q, 0])) as SegmentSummary['quadrants'],
    bands: Object.fromEntries(BANDS.map((b) => [b, { clients: 0, aumFen: 0 }])) as SegmentSummary['bands'],
    states: Object.fromEntries(CLIENT_STATES.map((st) => [st, 0])) as SegmentSummary['states'],
    optedOutOfAutomated: book.filter((c) => c.optOutAutomated).length,
    curve: [],
    scatter: [],
  };

  const upsert = s.db.prepare(
    `INSERT INTO client_segments (client_id, metric, value_fen, rank, cumulative_share, tier, quadrant, value_percentile, potential, band, state, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET metric = excluded.metric, value_fen = excluded.value_fen, rank = excluded.rank,
       cumulative_share = excluded.cumulative_share, tier = excluded.tier, quadrant = excluded.quadrant, value_percentile = excluded.value_percentile,
       potential = excluded.potential, band = excluded.band, state = excluded.state, computed_at = excluded.computed_at`,
  );
  // Only rows whose segment changed are written: a book that did not move costs no writes.
  const stored = storedSegments(s);
  const tierMoved: string[] = [];
  const cadence = contactSettings(s).cadence;
  // Inside a caller's transaction the writes may still roll back: the signatures are then not kept.
  const nested = s.db.inTransaction;
  // Derived data only: recomputed from the book at will, so it carries no audit entry.
  const write = s.db.transaction(() => {
    for (const row of pareto.rows) {
      const c = byId.get(row.id)!;
      const q = quadrants.get(row.id)!;
      const band = assignBand(c, today);
      // 流失风险 reads the cadence of the tier just computed.
      // (set on the pass's own input object: a copy per client costs more than the rule)
      c.cadenceDays = cadenceInterval(row.tier, cadence);
      const state = clientState(c, today);
      summary.quadrants[q.quadrant]++;
      summary.bands[band].clients++;
      summary.bands[band].aumFen += c.aumFen;
      summary.states[state]++;
      const values = [metric, row.value, row.rank, row.cumulativeShare, row.tier, q.quadrant, q.valuePercentile, q.potential, band, state] as const;
      const signature = values.join('|');
      const before = stored.get(row.id);
      if (before?.signature !== signature) {
        upsert.run(row.id, ...values, computedAt);
        tierCache.delete(s);
        if (before?.tier !== row.tier) tierMoved.push(row.id);
        stored.set(row.id, { signature, tier: row.tier });
      }
      if (summary.scatter.length < SCATTER_MAX) {
        summary.scatter.push({ id: row.id, name: c.name, valuePercentile: q.valuePercentile, potential: q.potential, quadrant: q.quadrant, tier: row.tier, valueFen: row.value });
      }
    }
  });
  let written = false;
  try {
    write();
    written = true;
  } finally {
    if (nested || !written) storedCache.delete(s);
  }
  summary.curve = lorenzCurve(pareto.rows.map((r) => r.cumulativeShare));
  // A tier that moved changes that client's keep-in-touch interval.
  if (tierMoved.length > 0) s.db.transaction(() => regenerateFor(s, tierMoved))();
  return summary;
}

// What client_segments holds, per client, as a signature of its stored values: read once per
// session, then kept in step by computeSegments (the only writer; a deleted client's row goes
// with it by cascade and is never looked up again). Saves re-reading 100,000 rows per pass.
const storedCache = new WeakMap<Session, Map<string, { signature: string; tier: string }>>();

function storedSegments(s: Session): Map<string, { signature: string; tier: string }> {
  let stored = storedCache.get(s);
  if (!stored) {
    const rows = s.db.prepare('SELECT client_id, metric, value_fen, rank, cumulative_share, tier, quadrant, value_percentile, potential, band, state FROM client_segments').raw().all() as unknown[][];
    stored = new Map(rows.map((r) => [r[0] as string, { signature: r.slice(1).join('|'), tier: r[5] as string }]));
    storedCache.set(s, stored);
  }
  return stored;
}

/** Downsamples cumulative shares (in rank order) to at most ~200 points, starting at (0, 0). */
function lorenzCurve(cumulative: number[]): SegmentSummary['curve'] {
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

/** AUM per client from the latest snapshot at least 12 months old, for the AUM trend. */
function aumAYearBefore(s: Session, today: string): Map<string, number> | null {
  const cutoff = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}`;
  const snap = s.db.prepare('SELECT id FROM segment_snapshots WHERE period <= ? ORDER BY period DESC, taken_at DESC LIMIT 1').get(cutoff) as { id: string } | undefined;
  if (!snap) return null;
  const rows = s.db.prepare('SELECT client_id, aum_fen FROM segment_snapshot_rows WHERE snapshot_id = ?').all(snap.id) as { client_id: string; aum_fen: number }[];
  return new Map(rows.map((r) => [r.client_id, r.aum_fen]));
}

