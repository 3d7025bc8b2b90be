import type { SyncDue } from './sync';
import { z } from 'zod';
import type { OccasionEntry } from './greetings';

// Contact attempts, follow-ups and the agenda as they cross the contract.
// Dates are YYYY-MM-DD calendar dates; instants are ISO strings.

export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
const isoInstant = z.string().datetime({ offset: true });

export const CONTACT_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit', 'branch_meeting', 'video', 'letter'] as const;
export const CONTACT_DIRECTIONS = ['outbound', 'inbound'] as const;
// `sent`: a one-way message (SMS, card, e-mail greeting) went out — neither a reach nor a failure.
export const CONTACT_OUTCOMES = ['reached', 'no_answer', 'busy', 'wrong_number', 'declined', 'left_message', 'meeting_held', 'sent'] as const;
export const CONTACT_PURPOSES = ['care', 'greeting', 'service', 'product_maturity', 'post_loan', 'marketing', 'complaint', 'kyc_update'] as const;
/** Follow-ups the manager plans by hand. */
export const MANUAL_FOLLOWUP_TYPES = ['call', 'visit', 'meeting', 'maturity', 'post_loan', 'complaint'] as const;
/** Follow-ups the workbench generates from the book (cadence, KYC deadlines, suspect contact details). */
export const GENERATED_FOLLOWUP_TYPES = ['cadence', 'id_expiry', 'risk_rating', 'verify_contact'] as const;
export const FOLLOWUP_TYPES = [...MANUAL_FOLLOWUP_TYPES, ...GENERATED_FOLLOWUP_TYPES] as const;
export const FOLLOWUP_STATUSES = ['open', 'done', 'cancelled'] as const;

export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type ContactDirection = (typeof CONTACT_DIRECTIONS)[number];
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
export type ContactPurpose = (typeof CONTACT_PURPOSES)[number];
export type FollowupType = (typeof FOLLOWUP_TYPES)[number];
export type ManualFollowupType = (typeof MANUAL_FOLLOWUP_TYPES)[number];
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

const attendees = z.array(z.string().trim().min(1).max(60)).max(30);

/** The next step of a contact, planned in the same action. */
export const nextStepSchema = z.strictObject({
  type: z.enum(MANUAL_FOLLOWUP_TYPES),
  due: isoDay,
  title: z.string().trim().min(1).max(200),
});

export const contactInputSchema = z.strictObject({
  clientId: z.string().uuid(),
  at: isoInstant.optional(),
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(CONTACT_DIRECTIONS).default('outbound'),
  outcome: z.enum(CONTACT_OUTCOMES),
  purpose: z.enum(CONTACT_PURPOSES).default('care'),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
  satisfaction: z.number().int().min(1).max(5).nullable().optional(),
  attendees: attendees.optional(),
  /** The follow-up this contact carries out (it is marked done). */
  followupId: z.string().uuid().nullable().optional(),
  nextStep: nextStepSchema.nullable().optional(),
  /** The manager saw the contact-cap warning and goes ahead. */
  overrideCap: z.boolean().default(false),
});
export type ContactInput = z.input<typeof contactInputSchema>;

export const contactPatchSchema = contactInputSchema.pick({ at: true, channel: true, direction: true, outcome: true, purpose: true, durationMinutes: true, notes: true, satisfaction: true, attendees: true }).partial();

export const followupInputSchema = z.strictObject({
  clientId: z.string().uuid(),
  type: z.enum(MANUAL_FOLLOWUP_TYPES),
  due: isoDay,
  title: z.string().trim().min(1).max(200),
  purpose: z.string().trim().max(500).nullable().optional(),
  attendees: attendees.optional(),
  talkingPoints: z.string().trim().max(4000).nullable().optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
  /** Complaints: the day the client raised it; the reply is due within 15 days. */
  receivedOn: isoDay.nullable().optional(),
  overrideCap: z.boolean().default(false),
});
export type FollowupInput = z.input<typeof followupInputSchema>;

export interface ContactRecord {
  id: string;
  clientId: string;
  at: string;
  channel: ContactChannel;
  direction: ContactDirection;
  outcome: ContactOutcome;
  purpose: ContactPurpose;
  durationMinutes: number | null;
  notes: string | null;
  satisfaction: number | null;
  attendees: string[];
  followupId: string | null;
  rev: number;
}

/** What logging a contact did besides recording it. */
export interface ContactLogResult {
  contact: ContactRecord;
  /** The cadence item's new due date, when a reached contact moved it. */
  nextDue: string | null;
  /** Third failed attempt in a row: contact details marked suspect, verify task created. */
  suspect: boolean;
  createdFollowupId: string | null;
}

export interface FollowupRecord {
  id: string;
  clientId: string;
  clientName: string;
  type: FollowupType;
  title: string;
  /** The due date as set or generated. */
  due: string;
  /** The day it is shown: `due` moved off holidays (or the snooze date). */
  date: string;
  status: FollowupStatus;
  generated: boolean;
  overdue: boolean;
  purpose: string | null;
  attendees: string[];
  talkingPoints: string | null;
  notes: string | null;
  receivedOn: string | null;
  snoozedUntil: string | null;
  doneAt: string | null;
  tier: string | null;
  rev: number;
}

export interface AgendaItem {
  id: string;
  date: string;
  type: FollowupType;
  clientId: string;
  clientName: string;
  title: string;
  overdue: boolean;
  generated: boolean;
  tier: string | null;
}

export interface LosingTouchItem {
  clientId: string;
  clientName: string;
  tier: string | null;
  lastReachedAt: string | null;
  intervalDays: number;
  daysSince: number;
}

export interface TodaySummary {
  today: string;
  overdue: AgendaItem[];
  dueToday: AgendaItem[];
  next7: AgendaItem[];
  losingTouch: LosingTouchItem[];
  kyc: AgendaItem[];
  /** Birthdays, anniversaries and holidays whose reminder runs today (lead days before the occasion). */
  occasions: OccasionEntry[];
  counts: { overdue: number; dueToday: number; next7: number; losingTouch: number; kyc: number };
  /** Export to HQ due (never, interval passed, backlog); null when enrolled and up to date or not enrolled. */
  sync: { due: SyncDue; pending: number; lastExportAt: string | null } | null;
  /** Back up to a second medium: never backed up, last one too old, or on the workspace's own disk; null when done. */
  backup: { due: BackupDue; lastBackupAt: string | null; reminderDays: number } | null;
}

/** Why the Today page asks for a backup (see domain/backup-reminder.ts). */
export type BackupDue = 'never' | 'old' | 'sameDevice';

export interface CalendarDay {
  date: string;
  /** Statutory holiday name, e.g. 国庆节. */
  holiday: string | null;
  /** A weekend day that is a make-up working day (调休上班). */
  makeUpWorkday: boolean;
  workday: boolean;
  /** The lunar day, e.g. 初八; the first day of a lunar month shows the month's name instead (冬月, 闰六月). */
  lunar: string;
}

export interface CalendarRange {
  items: AgendaItem[];
  days: CalendarDay[];
  /** Birthdays, company anniversaries (per client) and greeting holidays (clientId null) in the range. */
  occasions: OccasionEntry[];
}

export type TimelineEntry =
  | { kind: 'contact'; at: string; contact: ContactRecord }
  | { kind: 'followup'; at: string; followup: FollowupRecord; event: 'created' | 'done' | 'cancelled' }
  | { kind: 'edit'; at: string; action: string; fields: string[]; actor: string };

export interface CadenceSettings {
  A: number;
  B: number;
  C: number;
  /** When the client has no segment yet. */
  default: number;
}

export interface ContactSettings {
  /** Proactive contacts per client per 7 days. */
  contactCap: number;
  cadence: CadenceSettings;
}

/** Items of a visit brief: what the manager takes to the client (masked, no risk grade, no AML notes). */
export interface VisitBrief {
  followup: FollowupRecord;
  client: {
    id: string;
    name: string;
    kind: 'person' | 'company';
    salutation: string | null;
    idMasked: string | null;
    mobileMasked: string | null;
    addressMasked: string | null;
    occupation: string | null;
    employer: string | null;
    relationshipStart: string | null;
    tier: string | null;
    preferredChannel: string | null;
    bestTimeToCall: string | null;
    interests: string | null;
    family: string | null;
  };
  holdings: { aumFen: number; depositsFen: number; loanBalanceFen: number; products: string[] };
  recentChanges: { at: string; fields: string[] }[];
  maturing: FollowupRecord[];
  recentContacts: ContactRecord[];
  openComplaints: FollowupRecord[];
  occasions: { date: string; kind: string; title: string }[];
  kycDeadlines: FollowupRecord[];
  generatedAt: string;
}
