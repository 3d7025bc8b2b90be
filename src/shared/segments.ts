// Segmentation results as they cross the contract (see core/domain/segments).

export const TIERS = ['A', 'B', 'C'] as const;
export const QUADRANTS = ['core', 'nurture', 'maintain', 'streamline'] as const;
export const BANDS = ['wealth', 'branch_wealth', 'director', 'staff', 'none'] as const;
export const CLIENT_STATES = ['new', 'active', 'at_risk', 'dormant', 'lost'] as const;
export const METRICS = ['revenue', 'aum', 'deposits'] as const;

export type TierName = (typeof TIERS)[number];
export type QuadrantName = (typeof QUADRANTS)[number];
export type BandName = (typeof BANDS)[number];
export type StateName = (typeof CLIENT_STATES)[number];
export type MetricName = (typeof METRICS)[number];

export interface SegmentSummary {
  metric: MetricName;
  computedAt: string;
  clients: number;
  totalValueFen: number;
  totalNegativeFen: number;
  /** Clients whose value is negative: they cost the bank. */
  costClients: number;
  shareOfClientsFor80Percent: number;
  gini: number;
  tiers: Record<TierName, { clients: number; valueFen: number; share: number }>;
  quadrants: Record<QuadrantName, number>;
  bands: Record<BandName, { clients: number; aumFen: number }>;
  states: Record<StateName, number>;
  /** Counted like everyone, but no automatic action is taken for them. */
  optedOutOfAutomated: number;
  /** The Pareto (Lorenz) curve, at most ~200 points: share of clients → share of positive value. */
  curve: { clientShare: number; valueShare: number }[];
  /** Value × potential, the most valuable clients first (capped for the chart). */
  scatter: { id: string; name: string; valuePercentile: number; potential: number; quadrant: QuadrantName; tier: TierName; valueFen: number }[];
}

export interface SnapshotInfo {
  id: string;
  period: string;
  takenAt: string;
  metric: MetricName;
  trigger: 'monthly' | 'manual';
  clients: number;
}

export interface MovementMatrix {
  fromSnapshot: string;
  toSnapshot: string;
  /** rows: from tier or 'new'; columns: to tier or 'gone'. */
  cells: { from: TierName | 'new'; to: TierName | 'gone'; count: number }[];
}

export interface KpiValues {
  churnRate: number | null;
  upgradeRate: number | null;
  productCoverage: number | null;
  clientGrowth: number | null;
  assetGrowth: number | null;
}

export interface QuarterKpis {
  /** e.g. 2026-Q4, compared with the quarter before it. */
  quarter: string | null;
  previousQuarter: string | null;
  current: KpiValues | null;
  /** The same figures one quarter earlier, for the change shown on the cards. */
  previous: KpiValues | null;
  churnByTier: Record<TierName, number | null> | null;
}
