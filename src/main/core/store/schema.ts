import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Drizzle schema. Migrations in ./migrations are generated from this file by
// `npm run db:generate` and committed; custom SQL (triggers) sits in its own migration.

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    details: text('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_action').on(t.action), index('audit_log_at').on(t.at), index('audit_log_subject').on(t.subject, t.seq)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * The manager's clients. HQ-owned fields (identity, balances, risk grade, dormant
 * flag) arrive by import or roster; RM-owned fields are edited in the app.
 * Money is integer fen; dates are YYYY-MM-DD calendar dates.
 */
export const clients = sqliteTable(
  'clients',
  {
    id: text('id').primaryKey(),
    clientNo: text('client_no'),
    kind: text('kind', { enum: ['person', 'company'] }).notNull(),
    name: text('name').notNull(),
    salutation: text('salutation'),
    sex: text('sex', { enum: ['M', 'F'] }),
    birthDate: text('birth_date'),
    birthdayCalendar: text('birthday_calendar', { enum: ['solar', 'lunar'] }).notNull().default('solar'),
    lunarMonth: integer('lunar_month'),
    lunarDay: integer('lunar_day'),
    lunarLeap: integer('lunar_leap', { mode: 'boolean' }).notNull().default(false),
    nationality: text('nationality'),
    occupation: text('occupation'),
    employer: text('employer'),
    addressRegistered: text('address_registered'),
    addressResidence: text('address_residence'),
    mobile: text('mobile'),
    phoneOther: text('phone_other'),
    email: text('email'),
    wechat: text('wechat'),
    idType: text('id_type'),
    idNumber: text('id_number'),
    idExpiry: text('id_expiry'),
    idLongTerm: integer('id_long_term', { mode: 'boolean' }).notNull().default(false),
    relationshipStart: text('relationship_start'),
    riskGrade: text('risk_grade'),
    riskRatedAt: text('risk_rated_at'),
    beneficialOwner: text('beneficial_owner', { mode: 'json' }).$type<PartyRef | null>(),
    agent: text('agent', { mode: 'json' }).$type<PartyRef | null>(),
    legalRepresentative: text('legal_representative'),
    aumFen: integer('aum_fen').notNull().default(0),
    depositsFen: integer('deposits_fen').notNull().default(0),
    loanBalanceFen: integer('loan_balance_fen').notNull().default(0),
    cardSpend12mFen: integer('card_spend_12m_fen').notNull().default(0),
    revenue12mFen: integer('revenue_12m_fen').notNull().default(0),
    products: text('products', { mode: 'json' }).$type<string[]>().notNull().default([]),
    notes: text('notes'),
    interests: text('interests'),
    family: text('family'),
    potential: integer('potential'),
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    preferredChannel: text('preferred_channel'),
    bestTimeToCall: text('best_time_to_call'),
    optOutMarketing: integer('opt_out_marketing', { mode: 'boolean' }).notNull().default(false),
    optOutThirdParty: integer('opt_out_third_party', { mode: 'boolean' }).notNull().default(false),
    optOutAutomated: integer('opt_out_automated', { mode: 'boolean' }).notNull().default(false),
    optOutSensitive: integer('opt_out_sensitive', { mode: 'boolean' }).notNull().default(false),
    doNotContact: integer('do_not_contact', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['prospect', 'active', 'dormant', 'lost'] }).notNull().default('active'),
    dormantFlag: integer('dormant_flag', { mode: 'boolean' }).notNull().default(false),
    lostReason: text('lost_reason'),
    lostToBank: text('lost_to_bank'),
    winBackPlan: text('win_back_plan'),
    referredBy: text('referred_by'),
    originalRm: text('original_rm'),
    companyAnniversaries: text('company_anniversaries', { mode: 'json' }).$type<{ label: string; date: string }[]>().notNull().default([]),
    /** Normalised name (张三, rare characters kept). */
    searchName: text('search_name').notNull().default(''),
    /** JSON array of the client's search terms (`=`name suffix, `|`pinyin, `#`tag, `~`tail): see services/client-search.ts. */
    searchKeys: text('search_keys').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    rev: integer('rev').notNull().default(1),
  },
  (t) => [
    index('clients_client_no').on(t.clientNo),
    index('clients_id_number').on(t.idNumber),
    index('clients_name_mobile').on(t.name, t.mobile),
    index('clients_status').on(t.status),
    // Sorted pages of a large book walk an index instead of sorting the table.
    index('clients_revenue').on(t.revenue12mFen, t.id),
    index('clients_aum').on(t.aumFen, t.id),
    index('clients_name').on(t.name, t.id),
    index('clients_updated').on(t.updatedAt, t.id),
    index('clients_referred_by').on(t.referredBy),
    // Lists of follow-ups show the client's name: read from this small index (INDEXED BY in
    // agenda.ts) rather than a page of the wide clients table per item, which costs a page
    // decryption each when a large book does not fit SQLite's cache.
    index('clients_id_name').on(t.id, t.name),
    // Segmentation reads these columns of every client (segment-book.ts): from this index, ~17 MB at
    // 100,000 clients against the table's 89 MB, a pass keeps far fewer pages in SQLite's cache and
    // decrypts far fewer again (bench, segmentation and the encryption mix).
    index('clients_segment_input').on(
      t.id,
      t.name,
      t.kind,
      t.revenue12mFen,
      t.aumFen,
      t.depositsFen,
      t.loanBalanceFen,
      t.cardSpend12mFen,
      t.products,
      t.potential,
      t.birthDate,
      t.relationshipStart,
      t.status,
      t.dormantFlag,
      t.optOutAutomated,
    ),
  ],
);

/**
 * Search as you type: each client's search terms (from `clients.search_keys`), kept in step by
 * triggers (migration 0007), so a typed query is a few range scans. Derived, never synced.
 * WITHOUT ROWID in the migration (drizzle cannot declare it): the rows are the index.
 */
export const clientSearchTerms = sqliteTable(
  'client_search_terms',
  {
    term: text('term').notNull(),
    /** `clients.rowid` (stable: nothing VACUUMs the book; a VACUUM would have to rebuild this table). */
    clientRowid: integer('client_rowid').notNull(),
  },
  (t) => [primaryKey({ columns: [t.term, t.clientRowid] })],
);

/** Present (one row) while a bulk insert defers the terms of its new clients to one sorted pass. */
export const clientSearchDeferred = sqliteTable('client_search_deferred', {
  afterRowid: integer('after_rowid').notNull(),
});

export interface PartyRef {
  name: string;
  idNumber?: string;
  relation?: string;
}

/** A manual column mapping, remembered per set of headers. */
export const importMappings = sqliteTable('import_mappings', {
  headerKey: text('header_key').primaryKey(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Each client's current segment, recomputed from the book (derived data; never synced). */
export const clientSegments = sqliteTable(
  'client_segments',
  {
    clientId: text('client_id').primaryKey().references(() => clients.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    valueFen: integer('value_fen').notNull(),
    rank: integer('rank').notNull(),
    cumulativeShare: real('cumulative_share').notNull(),
    tier: text('tier').notNull(),
    quadrant: text('quadrant').notNull(),
    valuePercentile: real('value_percentile').notNull(),
    potential: real('potential').notNull(),
    band: text('band').notNull(),
    state: text('state').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [index('client_segments_tier').on(t.tier), index('client_segments_quadrant').on(t.quadrant), index('client_segments_band').on(t.band), index('client_segments_state').on(t.state)],
);

/** Monthly (and on-demand) pictures of the book's segments, for movement and KPIs. */
export const segmentSnapshots = sqliteTable('segment_snapshots', {
  id: text('id').primaryKey(),
  period: text('period').notNull(),
  takenAt: text('taken_at').notNull(),
  metric: text('metric').notNull(),
  trigger: text('trigger', { enum: ['monthly', 'manual'] }).notNull(),
});

export const segmentSnapshotRows = sqliteTable(
  'segment_snapshot_rows',
  {
    snapshotId: text('snapshot_id').notNull().references(() => segmentSnapshots.id, { onDelete: 'cascade' }),
    clientId: text('client_id').notNull(),
    tier: text('tier').notNull(),
    quadrant: text('quadrant').notNull(),
    band: text('band').notNull(),
    state: text('state').notNull(),
    aumFen: integer('aum_fen').notNull(),
    valueFen: integer('value_fen').notNull(),
    productFamilies: integer('product_families').notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.clientId] })],
);

/**
 * Every attempt to reach a client, reached or not (联系记录). Edits bump `rev` and
 * the audit entry keeps the original values.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    channel: text('channel').notNull(),
    direction: text('direction').notNull(),
    outcome: text('outcome').notNull(),
    purpose: text('purpose').notNull(),
    /** 1 when it counts toward the contact cap (outbound, not a complaint reply). */
    proactive: integer('proactive', { mode: 'boolean' }).notNull(),
    durationMinutes: integer('duration_minutes'),
    notes: text('notes'),
    satisfaction: integer('satisfaction'),
    attendees: text('attendees', { mode: 'json' }).$type<string[]>().notNull().default([]),
    followupId: text('followup_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    rev: integer('rev').notNull().default(1),
  },
  (t) => [index('contacts_client_at').on(t.clientId, t.at), index('contacts_at').on(t.at)],
);

/** Per client: the contact facts the cadence and the suspect-details rule read (derived from contacts). */
export const contactState = sqliteTable('contact_state', {
  clientId: text('client_id').primaryKey().references(() => clients.id, { onDelete: 'cascade' }),
  lastReachedAt: text('last_reached_at'),
  lastReachedId: text('last_reached_id'),
  lastAttemptAt: text('last_attempt_at'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  suspect: integer('suspect', { mode: 'boolean' }).notNull().default(false),
});

/**
 * Follow-ups: planned by the manager or generated from the book (cadence, ID expiry,
 * first risk rating, verify contact details). `sourceKey` makes generation idempotent;
 * `date` is the day shown (due moved off holidays, or the snooze date).
 */
export const followups = sqliteTable(
  'followups',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    /** Manual items: the manager's words. Generated items: an i18n key, worded at read time in the current locale. */
    title: text('title').notNull(),
    titleParams: text('title_params', { mode: 'json' }).$type<Record<string, string | number>>(),
    due: text('due').notNull(),
    date: text('date').notNull(),
    status: text('status', { enum: ['open', 'done', 'cancelled'] }).notNull().default('open'),
    generated: integer('generated', { mode: 'boolean' }).notNull().default(false),
    sourceKey: text('source_key'),
    /** The manager moved or snoozed it: regeneration keeps the date. */
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    purpose: text('purpose'),
    attendees: text('attendees', { mode: 'json' }).$type<string[]>().notNull().default([]),
    talkingPoints: text('talking_points'),
    notes: text('notes'),
    receivedOn: text('received_on'),
    snoozedUntil: text('snoozed_until'),
    doneAt: text('done_at'),
    doneContactId: text('done_contact_id'),
    closeReason: text('close_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    rev: integer('rev').notNull().default(1),
  },
  (t) => [
    index('followups_open_date').on(t.status, t.date, t.type),
    index('followups_client').on(t.clientId, t.status),
    index('followups_source').on(t.sourceKey),
    // "Losing touch" on the Today page: open cadence items past due, with their interval, without reading the table.
    index('followups_cadence_due')
      .on(t.due, t.titleParams, t.clientId)
      .where(sql`${t.status} = 'open' AND ${t.type} = 'cadence'`),
  ],
);

/**
 * What happened to each greeting (client, occasion, day): sent (with the contact attempt it
 * became) or skipped with a reason. No row = pending.
 */
export const greetings = sqliteTable(
  'greetings',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    occasion: text('occasion').notNull(),
    date: text('date').notNull(),
    status: text('status', { enum: ['sent', 'skipped'] }).notNull(),
    channel: text('channel'),
    templateId: text('template_id'),
    text: text('text'),
    reason: text('reason'),
    contactId: text('contact_id'),
    at: text('at').notNull(),
  },
  (t) => [uniqueIndex('greetings_client_occasion').on(t.clientId, t.occasion, t.date), index('greetings_date').on(t.date)],
);

/**
 * This device's side of the exchange with HQ (one row): the device key pair (the private part
 * never leaves this encrypted database), HQ's public key once enrolled, and how far HQ has
 * acknowledged the change journal and the audit chain.
 */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(),
  deviceId: text('device_id').notNull(),
  devicePrivateKey: text('device_private_key').notNull(),
  devicePublicKey: text('device_public_key').notNull(),
  deviceFingerprint: text('device_fingerprint').notNull(),
  deviceCreatedAt: text('device_created_at').notNull(),
  hqPublicKey: text('hq_public_key'),
  hqFingerprint: text('hq_fingerprint'),
  hqInstalledAt: text('hq_installed_at'),
  ackedThroughSeq: integer('acked_through_seq').notNull().default(0),
  ackedAuditSeq: integer('acked_audit_seq').notNull().default(0),
  ackedAuditHash: text('acked_audit_hash').notNull(),
  lastRosterSeq: integer('last_roster_seq').notNull().default(0),
  /** 1 while a roster deletes the rows of clients taken out of the book: those deletions are not changes to send. */
  muted: integer('muted').notNull().default(0),
});

/** The change journal: every write to a synced table appends (seq, entity, id) — by trigger, so in the same transaction. */
export const syncJournal = sqliteTable(
  'sync_journal',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
  },
  (t) => [index('sync_journal_row').on(t.entity, t.rowId, t.seq)],
);

/** Pending changes of clients HQ took out of the book: kept (as export records) until HQ acknowledges them. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    entity: text('entity').notNull(),
    rowId: text('row_id').notNull(),
    seq: integer('seq').notNull(),
    updatedAt: text('updated_at').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.rowId] })],
);

/** Every export written and every roster applied or refused. */
export const syncHistory = sqliteTable(
  'sync_history',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['export', 'roster'] }).notNull(),
    at: text('at').notNull(),
    outcome: text('outcome', { enum: ['written', 'applied', 'refused'] }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256'),
    fromSeq: integer('from_seq'),
    toSeq: integer('to_seq'),
    auditFromSeq: integer('audit_from_seq'),
    auditToSeq: integer('audit_to_seq'),
    auditHeadHash: text('audit_head_hash'),
    rosterSeq: integer('roster_seq'),
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
    reason: text('reason'),
    auto: integer('auto', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('sync_history_kind_at').on(t.kind, t.at)],
);

/** The RM's corrections of HQ-owned fields (a new phone met on a visit): exported, settled by a roster. */
export const proposals = sqliteTable(
  'proposals',
  {
    id: text('id').primaryKey(),
    clientId: text('client_id').notNull().references(() => clients.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    hqValue: text('hq_value', { mode: 'json' }).$type<unknown>(),
    proposedValue: text('proposed_value', { mode: 'json' }).$type<unknown>(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'accepted', 'declined'] }).notNull().default('pending'),
    rosterSeq: integer('roster_seq'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    settledAt: text('settled_at'),
    rev: integer('rev').notNull().default(1),
  },
  (t) => [index('proposals_client').on(t.clientId, t.status)],
);
