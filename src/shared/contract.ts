import { z } from 'zod';
import type { Channel } from './channels';
import { clientInputSchema, CLIENT_STATUSES, REVEALABLE_FIELDS, type ClientDetail, type ClientList } from './clients';
import type { ImportPreview, ImportResult } from './import';
import { BANDS, CLIENT_STATES, METRICS, QUADRANTS, TIERS, type MovementMatrix, type QuarterKpis, type SegmentSummary, type SnapshotInfo } from './segments';
import {
  CONTACT_DIRECTIONS,
  CONTACT_PURPOSES,
  contactInputSchema,
  contactPatchSchema,
  FOLLOWUP_STATUSES,
  FOLLOWUP_TYPES,
  followupInputSchema,
  type CalendarRange,
  type ContactLogResult,
  type ContactRecord,
  type ContactSettings,
  type FollowupRecord,
  type TimelineEntry,
  type BackupDue,
  type TodaySummary,
  type VisitBrief,
} from './followups';
import { GREETING_CHANNELS, GREETING_STATUSES, greetingRefSchema, greetingTemplateSchema, OCCASION_KINDS, type GreetingSettings, type GreetingsPage } from './greetings';
import type { GreetingTemplateInput } from './greetings';
import { syncFileSchema, syncSettingsSchema, type RosterApplyResult, type RosterSummary, type SyncExportResult, type SyncHistoryEntry, type SyncProgress, type SyncSettings, type SyncStatus } from './sync';

// Input schemas for every channel. Main validates with these before anything
// reaches the core; the router validates again so in-process callers (CLI,
// tests) get the same guarantees.
const empty = z.strictObject({});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date');
/** A YYYY-MM-DD that names a real day (1900–2100): the pattern alone lets 2026-02-30 through to calendar code that trusts it. */
const calendarDay = isoDate.refine((s) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01' && s <= '2100-12-31';
}, 'date');
export const managerIdSchema = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'managerId');
const clientId = z.string().uuid();
/** A file the manager picked, sent whole (the renderer never gets paths). 100 MB at most. */
const importFile = z.strictObject({
  fileName: z.string().min(1).max(255),
  contentBase64: z.string().max(140_000_000),
  mapping: z.record(z.string(), z.number().int().min(0).max(10_000)).optional(),
});
export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const inputSchemas = {
  'workspace.status': empty,
  'workspace.create': z.strictObject({
    managerId: managerIdSchema,
    displayName: z.string().trim().min(1).max(64),
    passphrase: z.string().min(1).max(1024),
    locale: localeSchema.optional(),
  }),
  'workspace.unlock': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  'workspace.lock': empty,
  'workspace.changePassphrase': z.strictObject({
    current: z.string().min(1).max(1024),
    next: z.string().min(1).max(1024),
  }),
  'session.activity': empty,
  'settings.get': empty,
  'settings.update': z.strictObject({
    locale: localeSchema.optional(),
    autoLockMinutes: z.number().int().min(1).max(240).optional(),
  }),
  'audit.list': z.strictObject({
    action: z.string().max(64).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  'audit.verify': empty,
  'clients.list': z.strictObject({
    query: z.string().max(100).optional(),
    status: z.enum(CLIENT_STATUSES).optional(),
    kind: z.enum(['person', 'company']).optional(),
    tag: z.string().max(30).optional(),
    tier: z.enum(TIERS).optional(),
    quadrant: z.enum(QUADRANTS).optional(),
    band: z.enum(BANDS).optional(),
    state: z.enum(CLIENT_STATES).optional(),
    sort: z.enum(['name', 'aum', 'revenue', 'updated']).default('revenue'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(5000).default(500),
    offset: z.number().int().min(0).default(0),
  }),
  'clients.get': z.strictObject({ id: clientId }),
  'clients.reveal': z.strictObject({ id: clientId, field: z.enum(REVEALABLE_FIELDS) }),
  'clients.create': z.strictObject({ client: clientInputSchema }),
  'clients.update': z.strictObject({
    id: clientId,
    rev: z.number().int().min(1),
    patch: clientInputSchema.partial(),
    /** Why an HQ-owned field changed (e.g. "new number given at the visit"): travels with the proposal. */
    proposalNote: z.string().trim().max(500).optional(),
  }),
  'clients.delete': z.strictObject({ id: clientId }),
  'import.preview': importFile,
  'import.commit': importFile.extend({
    onDuplicate: z.enum(['skip', 'merge']).default('skip'),
    skipRows: z.array(z.number().int().min(1)).max(200_000).default([]),
    strict: z.boolean().default(false),
    rememberMapping: z.boolean().default(false),
  }),
  'demo.load': z.strictObject({
    clients: z.number().int().min(1).max(200_000),
    seed: z.number().int().min(0).max(2 ** 31),
    /** Contact attempts over the last year; three per client when not given. */
    contacts: z.number().int().min(0).max(5_000_000).optional(),
  }),
  'segments.summary': z.strictObject({ metric: z.enum(METRICS).optional() }),
  'segments.snapshot': empty,
  'segments.snapshots': empty,
  'segments.movement': z.strictObject({ from: z.string().uuid(), to: z.string().uuid() }),
  'segments.kpis': empty,
  'segments.settings': z.strictObject({
    metric: z.enum(METRICS).optional(),
    aCutoff: z.number().min(0.5).max(0.99).optional(),
    bCutoff: z.number().min(0.6).max(0.999).optional(),
  }),
  'contacts.log': contactInputSchema,
  'contacts.update': z.strictObject({ id: z.string().uuid(), rev: z.number().int().min(1), patch: contactPatchSchema }),
  'contacts.list': z.strictObject({ clientId: clientId, limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }),
  'contacts.checkCap': z.strictObject({
    clientId: clientId,
    at: z.string().datetime({ offset: true }).optional(),
    direction: z.enum(CONTACT_DIRECTIONS).default('outbound'),
    purpose: z.enum(CONTACT_PURPOSES).default('care'),
  }),
  'contacts.settings': z.strictObject({
    contactCap: z.number().int().min(1).max(14).optional(),
    cadence: z.strictObject({ A: z.number().int().min(1).max(365), B: z.number().int().min(1).max(365), C: z.number().int().min(1).max(730), default: z.number().int().min(1).max(365) }).optional(),
  }),
  'followups.create': followupInputSchema.extend({ due: calendarDay, receivedOn: calendarDay.nullable().optional() }),
  'followups.update': z.strictObject({
    id: z.string().uuid(),
    rev: z.number().int().min(1),
    patch: followupInputSchema.pick({ title: true, purpose: true, attendees: true, talkingPoints: true, notes: true }).partial(),
  }),
  'followups.get': z.strictObject({ id: z.string().uuid() }),
  'followups.reschedule': z.strictObject({ id: z.string().uuid(), date: calendarDay }),
  'followups.snooze': z.strictObject({ id: z.string().uuid(), until: calendarDay }),
  'followups.complete': z.strictObject({ id: z.string().uuid(), note: z.string().trim().max(500).optional() }),
  'followups.cancel': z.strictObject({ id: z.string().uuid(), reason: z.string().trim().min(1).max(500) }),
  'agenda.today': empty,
  'agenda.range': z.strictObject({
    from: calendarDay,
    to: calendarDay,
    types: z.array(z.enum(FOLLOWUP_TYPES)).max(20).optional(),
    tier: z.enum(TIERS).optional(),
    status: z.enum(FOLLOWUP_STATUSES).default('open'),
    /** Also the open items before `from` that are overdue today (the CLI's agenda). */
    includeOverdue: z.boolean().default(false),
  }),
  'agenda.exportIcs': z.strictObject({ ids: z.array(z.string().uuid()).min(1).max(5000) }),
  'clients.timeline': z.strictObject({ id: clientId }),
  'visits.brief': z.strictObject({ followupId: z.string().uuid() }),
  'greetings.list': z.strictObject({
    from: calendarDay,
    to: calendarDay,
    occasion: z.enum(OCCASION_KINDS).optional(),
    status: z.enum(GREETING_STATUSES).optional(),
    limit: z.number().int().min(1).max(5000).default(500),
    offset: z.number().int().min(0).default(0),
  }),
  'greetings.mark': z.strictObject({
    items: z.array(greetingRefSchema.extend({ date: calendarDay })).min(1).max(20_000),
    status: z.enum(['sent', 'skipped']),
    channel: z.enum(GREETING_CHANNELS).optional(),
    reason: z.string().trim().min(1).max(200).optional(),
  }),
  'greetings.exportCsv': z.strictObject({ items: z.array(greetingRefSchema.extend({ date: calendarDay })).min(1).max(20_000) }),
  /** Without `templates`: read. With an array: replace the set. With null: back to the defaults. */
  'greetings.templates': z.strictObject({ templates: z.array(greetingTemplateSchema).max(200).nullable().optional() }),
  'greetings.settings': z.strictObject({
    feb29: z.enum(['feb28', 'mar1']).optional(),
    leadDays: z.strictObject({ birthday: z.number().int().min(0).max(30), holiday: z.number().int().min(0).max(30) }).optional(),
    lantern: z.boolean().optional(),
    doubleNinth: z.boolean().optional(),
    companyAnniversaries: z.boolean().optional(),
    branch: z.string().trim().max(40).optional(),
  }),
  'sync.status': empty,
  /** HQ's public key, armored; replacing an installed one needs `replace`. */
  'sync.installHqKey': z.strictObject({ armored: z.string().min(1).max(100_000), replace: z.boolean().default(false) }),
  'sync.enrolment': empty,
  'sync.export': empty,
  'sync.rosterPreview': syncFileSchema,
  'sync.rosterApply': syncFileSchema,
  'sync.history': z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
  'sync.settings': syncSettingsSchema,
  'shell.printToPdf': z.strictObject({ fileName: z.string().min(1).max(120).regex(/^[^/\\:*?"<>|]+\.pdf$/, 'fileName') }),
  'backup.status': empty,
  'backup.settings': z.strictObject({ reminderDays: z.number().int().min(1).max(90).optional() }),
  // No folder: the shell asks for it in a native dialog, so a renderer cannot aim a copy anywhere.
  'backup.create': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
  'backup.restore': z.strictObject({ passphrase: z.string().min(1).max(1024) }),
} satisfies Record<Channel, z.ZodType>;

export type InputOf<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
export type ParsedInputOf<C extends Channel> = z.output<(typeof inputSchemas)[C]>;

export interface WorkspaceStatus {
  exists: boolean;
  locked: boolean;
  managerId: string | null;
  displayName: string | null;
  schemaVersion: number | null;
  locale: Locale;
  /** Seconds the unlock form must wait after repeated wrong passphrases. */
  retryAfterSeconds: number;
  failedAttempts: number;
  /** Quoted to HQ when asking for an escrow recovery (no client data in it). */
  workspaceId: string | null;
  /** The data key is escrowed to HQ's key: a forgotten passphrase can be reset by `hq recover`. */
  escrowed: boolean;
}

export interface Settings {
  locale: Locale;
  autoLockMinutes: number;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  total: number;
  entries: AuditEntry[];
  actions: string[];
}

export type AuditVerify =
  | { intact: true; entries: number; headHash: string }
  | { intact: false; entries: number; firstBadSeq: number; problem: string };

export interface OutputMap {
  'workspace.status': WorkspaceStatus;
  'workspace.create': WorkspaceStatus;
  'workspace.unlock': WorkspaceStatus;
  'workspace.lock': WorkspaceStatus;
  'workspace.changePassphrase': { changed: true };
  'session.activity': { ok: true };
  'settings.get': Settings;
  'settings.update': Settings;
  'audit.list': AuditPage;
  'audit.verify': AuditVerify;
  'clients.list': ClientList;
  'clients.get': ClientDetail;
  'clients.reveal': { value: string | null };
  'clients.create': ClientDetail;
  'clients.update': ClientDetail;
  'clients.delete': { deleted: true };
  'import.preview': ImportPreview;
  'import.commit': ImportResult;
  'demo.load': { created: number; contacts: number };
  'segments.summary': SegmentSummary;
  'segments.snapshot': SnapshotInfo;
  'segments.snapshots': SnapshotInfo[];
  'segments.movement': MovementMatrix;
  'segments.kpis': QuarterKpis;
  'segments.settings': { metric: (typeof METRICS)[number]; aCutoff: number; bCutoff: number };
  'contacts.log': ContactLogResult;
  'contacts.update': ContactRecord;
  'contacts.list': { total: number; rows: ContactRecord[] };
  'contacts.checkCap': ContactCapCheck;
  'contacts.settings': ContactSettings;
  'followups.create': FollowupRecord;
  'followups.update': FollowupRecord;
  'followups.get': FollowupRecord;
  'followups.reschedule': FollowupRecord;
  'followups.snooze': FollowupRecord;
  'followups.complete': FollowupRecord;
  'followups.cancel': FollowupRecord;
  'agenda.today': TodaySummary;
  'agenda.range': CalendarRange;
  'agenda.exportIcs': { fileName: string; content: string; count: number };
  'clients.timeline': TimelineEntry[];
  'visits.brief': VisitBrief;
  'greetings.list': GreetingsPage;
  'greetings.mark': { sent: number; skipped: number; unchanged: number };
  'greetings.exportCsv': { fileName: string; content: string; count: number };
  'greetings.templates': GreetingTemplateInput[];
  'greetings.settings': GreetingSettings;
  'sync.status': SyncStatus;
  'sync.installHqKey': SyncStatus;
  /** The enrolment file for HQ: the device public key, armored (gpg --import reads it). */
  'sync.enrolment': { fileName: string; content: string; fingerprint: string };
  'sync.export': SyncExportResult;
  'sync.rosterPreview': RosterSummary;
  'sync.rosterApply': RosterApplyResult;
  'sync.history': SyncHistoryEntry[];
  'sync.settings': SyncSettings;
  /** Handled by the shell (Electron printToPDF + save dialog); the core answers `saved: false`. */
  'shell.printToPdf': { saved: boolean };
  'backup.status': BackupStatus;
  'backup.settings': BackupStatus;
  /** Handled by the shell (folder dialog, then the core); `created: false` when the manager cancelled. */
  'backup.create': { created: false } | ({ created: true } & BackupResult);
  /** Handled by the shell (folder dialog, then the core): restores into the empty workspace and unlocks it. */
  'backup.restore': { restored: boolean; status: WorkspaceStatus };
}

/** The backup section of Settings; `due` says why the Today page asks for a backup. */
export interface BackupStatus {
  lastBackupAt: string | null;
  lastBackupFolder: string | null;
  lastBackupSameDevice: boolean | null;
  lastOffDeviceBackupAt: string | null;
  reminderDays: number;
  due: BackupDue | null;
}

/** A backup written and verified (reopened with the key, integrity, audit chain, counts, hashes). */
export interface BackupResult {
  folder: string;
  name: string;
  createdAt: string;
  sameDevice: boolean;
  bytes: number;
  counts: Record<string, number>;
  auditSeq: number;
}

/** Before a proactive contact: is it allowed, and is the client over the 7-day cap? */
export interface ContactCapCheck {
  /** do_not_contact or opted_out_marketing: refused, whatever the manager says. */
  blocked: 'do_not_contact' | 'opted_out_marketing' | null;
  overCap: boolean;
  cap: number;
  proactive: boolean;
  /** The proactive contacts of the 7 days before, newest first. */
  recent: ContactRecord[];
}

export type OutputOf<C extends Channel> = OutputMap[C];

export interface EventMap {
  'workspace.locked': { reason: 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'quit' };
  /** A desktop notification for the shell: already worded, with no client names while locked. */
  'reminders.due': { title: string; body: string; count: number };
  /** A long export or roster apply, for the Sync page's progress bar. */
  'sync.progress': SyncProgress;
}
