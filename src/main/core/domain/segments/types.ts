// Inputs and outputs of the segmentation functions (pure; no database, no clock).

export type Tier = 'A' | 'B' | 'C';
export type Quadrant = 'core' | 'nurture' | 'maintain' | 'streamline';
export type Band = 'wealth' | 'branch_wealth' | 'director' | 'staff' | 'none';
export type ClientState = 'new' | 'active' | 'at_risk' | 'dormant' | 'lost';
export type Metric = 'revenue' | 'aum' | 'deposits';

/** One client as segmentation sees it. Money is integer fen; dates YYYY-MM-DD. */
export interface SegmentInput {
  id: string;
  kind: 'person' | 'company';
  revenue12mFen: number;
  aumFen: number;
  /** AUM 12 months ago, when known (for the trend). */
  aumFen12mAgo?: number | null;
  depositsFen: number;
  loanBalanceFen: number;
  cardSpend12mFen: number;
  products: string[];
  potential: number | null;
  birthDate: string | null;
  relationshipStart: string | null;
  status: 'prospect' | 'active' | 'dormant' | 'lost';
  dormantFlag: boolean;
  optOutAutomated: boolean;
  /** Card level and custody margin are optional entry criteria for bands. */
  cardLevel?: 'gold' | 'platinum' | null;
  custodyMarginFen?: number;
  /** Last reached contact and cadence, once contact logs exist (issue 5); null before. */
  lastReachedContact?: string | null;
  cadenceDays?: number | null;
  /** Last transaction date, when HQ provides it. */
  lastTransaction?: string | null;
}

export interface ParetoOptions {
  /** Cumulative share of the positive total that closes tier A (default 0.8) and B (0.95). */
  aCutoff: number;
  bCutoff: number;
}

export interface QuadrantWeights {
  /** Weights of the potential score's parts; they are normalised to sum 1. */
  rating: number;
  productGap: number;
  aumTrend: number;
  lifeStage: number;
}

export interface BandRule {
  band: Exclude<Band, 'none'>;
  /** Financial assets at or above this (fen) enter the band. */
  minAumFen: number;
  /** Upper bound (exclusive), null for the top band. */
  maxAumFen: number | null;
  /** Only clients under this age qualify (the 50k–100k band: under 60). */
  maxAgeExclusive?: number | null;
}

/** Alternative entry to the bands (003): meeting any one lifts a client to at least `staff`. */
export interface BandEntry {
  cardSpend12mFen: number;
  loanBalanceFen: number;
  custodyMarginFen: number;
  cardLevels: ('gold' | 'platinum')[];
}
