import { z } from 'zod';

// Sync with head office through files (sync-format.md) as it crosses the contract.

/** Tables whose rows travel to HQ (the change journal's entities); `proposal` = the RM's corrections of HQ-owned fields. */
export const SYNC_ENTITIES = ['client', 'contact', 'followup', 'greeting', 'proposal'] as const;
export type SyncEntity = (typeof SYNC_ENTITIES)[number];

/**
 * Client fields HQ owns (core banking): KYC identity and contact details on file, ID expiry,
 * balances, revenue, products, risk grade, dormant flag. The roster may set these and nothing
 * else; the RM's edits of them travel as proposals.
 */
export const HQ_OWNED_FIELDS = [
  'kind', 'name', 'sex', 'birthDate', 'nationality', 'occupation', 'employer', 'idType', 'idNumber', 'idExpiry', 'idLongTerm',
  'mobile', 'phoneOther', 'addressRegistered', 'addressResidence', 'legalRepresentative', 'beneficialOwner', 'agent',
  'relationshipStart', 'riskGrade', 'riskRatedAt', 'aumFen', 'depositsFen', 'loanBalanceFen', 'cardSpend12mFen',
  'revenue12mFen', 'products', 'dormantFlag',
] as const;
export type HqOwnedField = (typeof HQ_OWNED_FIELDS)[number];

export function isHqOwned(field: string): field is HqOwnedField {
  return (HQ_OWNED_FIELDS as readonly string[]).includes(field);
}

/** A file the manager picked (the renderer never gets paths). */
export const syncFileSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(400_000_000),
});

export const syncSettingsSchema = z.strictObject({
  /** Remind when the last export is older than this many days (default 7). */
  intervalDays: z.number().int().min(1).max(90).optional(),
  /** Remind when this many changes wait for HQ, whatever the interval (default 500). */
  backlogThreshold: z.number().int().min(1).max(1_000_000).optional(),
  /** Export on lock and quit into the bank's sync folder (set by `rmw sync config --auto-export-dir`). */
  autoExportOnLock: z.boolean().optional(),
});

export interface SyncSettings {
  intervalDays: number;
  backlogThreshold: number;
  autoExportOnLock: boolean;
  /** Configured by the bank (CLI); the app only shows it. */
  autoExportDir: string | null;
}

/** Why the Sync page and Today ask for an export: never exported, interval passed, or a backlog. */
export type SyncDue = 'never' | 'interval' | 'backlog' | null;

export interface SyncStatus {
  managerId: string;
  device: { deviceId: string; fingerprint: string; createdAt: string };
  /** Null until HQ's public key is installed (enrolment). */
  hq: { fingerprint: string; installedAt: string } | null;
  /** Changes not yet acknowledged by HQ, per entity (rows, not writes). */
  pending: { total: number; byEntity: Record<SyncEntity, number> };
  /** Journal position HQ has acknowledged, and the newest one. */
  ackedThroughSeq: number;
  headSeq: number;
  lastRosterSeq: number;
  lastExport: SyncHistoryEntry | null;
  lastRoster: SyncHistoryEntry | null;
  /** The RM's corrections of HQ fields waiting for a roster to settle them. */
  pendingProposals: number;
  due: SyncDue;
  settings: SyncSettings;
}

export interface SyncHistoryEntry {
  id: string;
  kind: 'export' | 'roster';
  at: string;
  outcome: 'written' | 'applied' | 'refused';
  fileName: string;
  /** SHA-256 of the file as written or received. */
  sha256: string | null;
  fromSeq: number | null;
  toSeq: number | null;
  rosterSeq: number | null;
  /** Records per entity (export) or assigned/updated/removed (roster). */
  counts: Record<string, number>;
  /** For refused files: the SYNC_FILE_REFUSED / SYNC_KEY_INVALID reason. */
  reason: string | null;
  /** Automatic export on lock/quit into the sync folder. */
  auto: boolean;
}

export interface SyncExportResult {
  fileName: string;
  contentBase64: string;
  fromSeq: number;
  toSeq: number;
  records: number;
  counts: Partial<Record<SyncEntity, number>>;
  sha256: string;
}

/** What a roster will do, shown to the RM before it is applied (removals first). */
export interface RosterSummary {
  rosterSeq: number;
  issuedAt: string;
  ackedThroughSeq: number;
  /** New clients put in the book. */
  assigned: number;
  /** Existing clients whose HQ fields change. */
  updated: number;
  unchanged: number;
  /** Clients taken out of the book (deleted after their pending changes are kept for the next export). */
  removed: number;
  /** Of those, how many still have changes HQ has not acknowledged. */
  removedWithPending: number;
  /** Proposals this roster settles: accepted (HQ took the value) or declined. */
  proposalsAccepted: number;
  proposalsDeclined: number;
}

export interface RosterApplyResult extends RosterSummary {
  applied: true;
}

export type ProposalStatus = 'pending' | 'accepted' | 'declined';

/** The RM's correction of an HQ-owned field, kept beside the HQ value until a roster settles it. */
export interface ProposalRecord {
  id: string;
  clientId: string;
  field: HqOwnedField;
  /** Masked when the field is a revealable one (mobile, ID number, addresses…). */
  hqValue: unknown;
  proposedValue: unknown;
  note: string | null;
  status: ProposalStatus;
  createdAt: string;
  settledAt: string | null;
}

export type SyncProgress = { phase: 'export' | 'roster'; done: number; total: number };
