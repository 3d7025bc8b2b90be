import type { MovementMatrix, QuarterKpis, SnapshotInfo, TierName } from '../../../shared/segments';
import { AppError } from '../../../shared/errors';
import { churnBySegment, movementMatrix, quarterKpis, type KpiSnapshot } from '../domain/segments/kpis';
import type { Tier } from '../domain/segments/types';
import type { Session } from './session';

// Movement between two snapshots, and the five quarterly KPIs from the latest
// snapshot of each quarter.

function snapshotRows(s: Session, id: string): KpiSnapshot {
  const rows = s.db
    .prepare('SELECT client_id AS id, tier, band, state, aum_fen AS aumFen, product_families AS productFamilies FROM segment_snapshot_rows WHERE snapshot_id = ?')
    .all(id) as KpiSnapshot['clients'];
  return { clients: rows };
}

export function movementBetween(s: Session, from: string, to: string): MovementMatrix {
  for (const [field, id] of [['from', from], ['to', to]] as const) {
    if (!s.db.prepare('SELECT 1 FROM segment_snapshots WHERE id = ?').get(id)) throw new AppError('NOT_FOUND', { field });
  }
  // Clients already lost at the start are not moving anywhere: leave them out.
  const prev = new Map(snapshotRows(s, from).clients.filter((c) => c.state !== 'lost').map((c) => [c.id, c.tier as Tier]));
  const curr = new Map<string, Tier | 'gone'>(snapshotRows(s, to).clients.map((c) => [c.id, (c.state === 'lost' ? 'gone' : c.tier) as Tier | 'gone']));
  return { fromSnapshot: from, toSnapshot: to, cells: movementMatrix(prev, curr) as MovementMatrix['cells'] };
}

const quarterOf = (period: string) => `${period.slice(0, 4)}-Q${Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1}`;

export function kpisFromSnapshots(s: Session, snapshots: SnapshotInfo[]): QuarterKpis {
  // Latest snapshot per quarter, newest quarter first (snapshots arrive newest first).
  const perQuarter = new Map<string, SnapshotInfo>();
  for (const snap of snapshots) if (!perQuarter.has(quarterOf(snap.period))) perQuarter.set(quarterOf(snap.period), snap);
  const quarters = [...perQuarter.keys()].sort().reverse();
  const load = (i: number) => (quarters[i] ? snapshotRows(s, perQuarter.get(quarters[i])!.id) : null);
  const [q0, q1, q2] = [load(0), load(1), load(2)];
  return {
    quarter: quarters[0] ?? null,
    previousQuarter: quarters[1] ?? null,
    current: q0 && q1 ? quarterKpis(q1, q0) : null,
    previous: q1 && q2 ? quarterKpis(q2, q1) : null,
    churnByTier: q0 && q1 ? (churnBySegment(q1, q0) as Record<TierName, number | null>) : null,
  };
}
