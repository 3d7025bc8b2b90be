import type { ProposalRecord } from './sync';
import { z } from 'zod';

// Client records as they cross the contract. Money is integer fen; dates are
// YYYY-MM-DD calendar dates. Field-level checks that need the KYC rules (ID
// checksums, mobile format) run in the core and come back as `issues`.

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const text = (max: number) => z.string().trim().max(max).nullable().optional();
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ID_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'military_officer', 'uscc'] as const;
export const RISK_GRADES = ['high', 'medium_high', 'medium', 'medium_low', 'low'] as const;
export const CLIENT_STATUSES = ['prospect', 'active', 'dormant', 'lost'] as const;
export const CHANNEL_PREFS = ['phone', 'sms', 'wechat', 'email', 'visit', 'branch'] as const;

const partyRef = z.strictObject({ name: z.string().trim().min(1).max(100), idNumber: text(40), relation: text(40) }).nullable().optional();

export const clientInputSchema = z.strictObject({
  clientNo: text(40),
  kind: z.enum(['person', 'company']),
  name: z.string().trim().min(1).max(100),
  salutation: text(20),
  sex: z.enum(['M', 'F']).nullable().optional(),
  birthDate: isoDate.nullable().optional(),
  birthdayCalendar: z.enum(['solar', 'lunar']).optional(),
  lunarMonth: z.number().int().min(1).max(12).nullable().optional(),
  lunarDay: z.number().int().min(1).max(30).nullable().optional(),
  lunarLeap: z.boolean().optional(),
  nationality: text(40),
  occupation: text(60),
  employer: text(100),
  addressRegistered: text(200),
  addressResidence: text(200),
  mobile: text(20),
  phoneOther: text(30),
  email: text(120),
  wechat: text(60),
  idType: z.enum(ID_TYPES).nullable().optional(),
  idNumber: text(40),
  idExpiry: isoDate.nullable().optional(),
  idLongTerm: z.boolean().optional(),
  relationshipStart: isoDate.nullable().optional(),
  riskGrade: z.enum(RISK_GRADES).nullable().optional(),
  riskRatedAt: isoDate.nullable().optional(),
  beneficialOwner: partyRef,
  agent: partyRef,
  legalRepresentative: text(100),
  aumFen: fen.optional(),
  depositsFen: fen.optional(),
  loanBalanceFen: fen.optional(),
  cardSpend12mFen: fen.optional(),
  revenue12mFen: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  products: z.array(z.string().trim().min(1).max(60)).max(100).optional(),
  notes: text(4000),
  interests: text(1000),
  family: text(1000),
  potential: z.number().int().min(1).max(5).nullable().optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(50).optional(),
  preferredChannel: z.enum(CHANNEL_PREFS).nullable().optional(),
  bestTimeToCall: text(60),
  optOutMarketing: z.boolean().optional(),
  optOutThirdParty: z.boolean().optional(),
  optOutAutomated: z.boolean().optional(),
  optOutSensitive: z.boolean().optional(),
  doNotContact: z.boolean().optional(),
  status: z.enum(CLIENT_STATUSES).optional(),
  dormantFlag: z.boolean().optional(),
  lostReason: text(500),
  lostToBank: text(100),
  winBackPlan: text(1000),
  referredBy: z.string().uuid().nullable().optional(),
  originalRm: text(32),
  companyAnniversaries: z.array(z.strictObject({ label: z.string().trim().min(1).max(40), date: isoDate })).max(20).optional(),
});
export type ClientInput = z.input<typeof clientInputSchema>;

/** Fields shown masked until revealed (security.md, Masking). */
export const REVEALABLE_FIELDS = ['idNumber', 'mobile', 'phoneOther', 'email', 'addressRegistered', 'addressResidence'] as const;
export type RevealableField = (typeof REVEALABLE_FIELDS)[number];

export interface ClientListRow {
  id: string;
  clientNo: string | null;
  name: string;
  kind: 'person' | 'company';
  mobileMasked: string | null;
  tags: string[];
  aumFen: number;
  revenue12mFen: number;
  status: (typeof CLIENT_STATUSES)[number];
  riskGrade: (typeof RISK_GRADES)[number] | null;
  idExpiry: string | null;
  idLongTerm: boolean;
  /** Segment fields; null until the book has been segmented. */
  tier: 'A' | 'B' | 'C' | null;
  quadrant: 'core' | 'nurture' | 'maintain' | 'streamline' | null;
  band: 'wealth' | 'branch_wealth' | 'director' | 'staff' | 'none' | null;
  state: 'new' | 'active' | 'at_risk' | 'dormant' | 'lost' | null;
  optOutAutomated: boolean;
}

export interface ClientList {
  total: number;
  rows: ClientListRow[];
  tags: string[];
}

/** A client as the detail view shows it: revealable fields masked, everything else as stored. */
export type ClientDetail = Omit<Required<{ [K in keyof ClientInput]: Exclude<ClientInput[K], undefined> }>, RevealableField> & {
  id: string;
  rev: number;
  createdAt: string;
  updatedAt: string;
  masked: Record<RevealableField, string | null>;
  /** From the contact log: when the client was last reached and tried, and whether the details on file look wrong. */
  contact: { lastReachedAt: string | null; lastAttemptAt: string | null; consecutiveFailures: number; suspect: boolean } | null;
  /** Enrolled with HQ and known to core banking (has a client number): HQ-owned fields change only by proposal. */
  hqManaged: boolean;
  /** The RM's corrections of HQ-owned fields, newest first (pending ones until a roster settles them). */
  proposals: ProposalRecord[];
};
