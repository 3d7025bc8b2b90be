import { and, asc, desc, eq, getTableColumns, is, sql, SQL, type Column } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import { clientInputSchema, type ClientDetail, type ClientInput, type ClientList, type ClientListRow, type RevealableField } from '../../../shared/clients';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { uuidv7 } from '../domain/ids';
import { batchInsert } from '../import/batch-insert';
import { checkClient } from '../domain/kyc/client-check';
import { maskAddress, maskEmail, maskField, maskIdNumber, maskMobile } from '../domain/kyc/masking';
import { localDate } from '../domain/local-date';
import { addDays } from '../domain/calendar/workdays';
import { RERATING_DAYS } from '../domain/followups/rules';
import { clientSegments, clients, contactState, followups } from '../store/schema';
import { regenerateFor } from './followup-generator';
import { closeFollowup, insertFollowup } from './followups';
import { clientSearch, searchColumns } from './client-search';
import { clientProposals, hqFieldsIn, hqManaged, proposeChanges } from './proposals';
import type { Session } from './session';

type Row = typeof clients.$inferSelect;
type Insert = typeof clients.$inferInsert;

/** Validates a record against the KYC rules; every failing field comes back in `issues`. */
export function validateClient(s: Session, input: ClientInput, selfId?: string): ClientInput {
  const { value, issues } = checkClient(input, localDate(s.now()));
  if (value.referredBy) {
    const exists = s.orm.select({ id: clients.id }).from(clients).where(eq(clients.id, value.referredBy)).get();
    if (!exists || value.referredBy === selfId) issues.push({ field: 'referredBy', code: 'REFERRER_UNKNOWN' });
  }
  if (issues.length) throw new AppError('CLIENT_INVALID', { field: issues[0]!.field, reason: issues[0]!.code, issues });
  return value;
}

/** Inserts an already validated client (no audit: the caller's transaction records it). */
export function insertClient(s: Session, input: ClientInput, id = uuidv7(s.now().getTime())): string {
  const now = s.now().toISOString();
  const values = { ...toColumns(input), id, createdAt: now, updatedAt: now, rev: 1 } as Record<string, unknown>;
  // The columns a record fills, in table order: one prepared statement per shape, reused row after row
  // (an import inserts 100,000 rows of a handful of shapes; preparing against the triggers costs more than inserting).
  let shape = '';
  const params: unknown[] = [];
  for (let i = 0; i < CLIENT_COLUMNS.length; i++) {
    const [key, col] = CLIENT_COLUMNS[i]!;
    const v = values[key];
    if (v === undefined) continue;
    shape += `${i},`;
    params.push(col.mapToDriverValue(v));
  }
  insertStatement(s, shape).run(...params);
  clientsChanged(s);
  return id;
}

/**
 * Inserts many already validated clients (an import) in multi-row statements, inside the caller's
 * transaction, no audit. Each row is written whole: a column the record leaves out gets the
 * column's default, as `insertClient` leaves it to the table. `flush` before reading clients back.
 */
export function clientBatch(s: Session): { add(input: ClientInput, id: string, search?: ReturnType<typeof searchColumns>): void; flush(): void } {
  const batch = batchInsert(s.db, 'clients', CLIENT_COLUMNS.map(([, col]) => col.name), (sql) => cachedStatement(s, sql));
  let pending = false;
  return {
    // `search`: the input's search columns when they were built already (an import reads ahead).
    add(input, id, search) {
      const now = s.now().toISOString();
      const values = { ...toColumns(input, search), id, createdAt: now, updatedAt: now, rev: 1 } as Record<string, unknown>;
      batch.add(CLIENT_COLUMNS.map(([key, col]) => (values[key] === undefined ? columnDefault(col) : col.mapToDriverValue(values[key]))));
      pending = true;
    },
    flush() {
      batch.flush();
      if (pending) clientsChanged(s);
      pending = false;
    },
  };
}

/** What the table puts in a column an insert leaves out (the clients table's defaults are constants). */
function columnDefault(col: Column): unknown {
  if (col.defaultFn) return col.mapToDriverValue(col.defaultFn());
  if (!col.hasDefault) return null;
  if (is(col.default, SQL)) throw new Error(`clientBatch: column ${col.name} has an SQL default`);
  return col.mapToDriverValue(col.default);
}

const CLIENT_COLUMNS = Object.entries(getTableColumns(clients)) as [string, Column][];
const insertStatements = new WeakMap<Session, Map<string, Statement>>();

function cachedStatement(s: Session, sql: string): Statement {
  const cache = insertStatements.get(s) ?? insertStatements.set(s, new Map()).get(s)!;
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = s.db.prepare(sql)));
  return st;
}

/** The insert of the columns listed in `shape` (their indexes in CLIENT_COLUMNS, each followed by a comma). */
function insertStatement(s: Session, shape: string): Statement {
  const cache = insertStatements.get(s) ?? insertStatements.set(s, new Map()).get(s)!;
  let st = cache.get(shape);
  if (!st) {
    const cols = shape.split(',').filter(Boolean).map((i) => CLIENT_COLUMNS[Number(i)]![1]);
    st = s.db.prepare(`INSERT INTO clients (${cols.map((col) => `"${col.name}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    cache.set(shape, st);
  }
  return st;
}

export function createClient(s: Session, raw: ClientInput): ClientDetail {
  const input = validateClient(s, clientInputSchema.parse(raw));
  const id = s.inTransaction({ action: 'client.create', subject: null }, () => {
    const id = insertClient(s, input);
    regenerateFor(s, [id]);
    return id;
  });
  return detail(s, id);
}

export function updateClient(s: Session, id: string, patch: Partial<ClientInput>, rev: number, proposalNote?: string): ClientDetail {
  const current = load(s, id);
  if (current.rev !== rev) throw new AppError('STALE_REVISION', { field: 'rev', params: { current: current.rev } });
  const before = toInput(current);
  const changed = Object.keys(patch).filter((k) => JSON.stringify(patch[k as keyof ClientInput]) !== JSON.stringify(before[k as keyof ClientInput]));
  // Once enrolled, HQ owns the core-banking fields of a client it knows: the RM's correction is a proposal, the HQ value stays.
  const proposed = hqManaged(s, current) ? hqFieldsIn(changed) : [];
  const applied = changed.filter((k) => !proposed.includes(k as never));
  // The proposed values are checked like any edit, so HQ never receives one we would refuse ourselves.
  if (proposed.length) validateClient(s, clientInputSchema.parse({ ...before, ...patch }), id);
  const merged = validateClient(s, clientInputSchema.parse({ ...before, ...Object.fromEntries(applied.map((k) => [k, patch[k as keyof ClientInput]])) }), id);
  s.inTransaction({ action: 'client.update', subject: id, details: { fields: applied, ...(proposed.length ? { proposed } : {}) } }, () => {
    if (proposed.length) proposeChanges(s, id, before, proposed, patch, proposalNote ?? null);
    if (applied.length === 0) return;
    applyUpdate(s, id, merged);
    followKycChanges(s, id, applied, merged);
    regenerateFor(s, [id]);
  });
  return detail(s, id);
}

// Re-identification triggers (001, 004): a changed name, ID or legal representative, or an agent granted or revoked.
const REIDENTIFY_FIELDS = ['name', 'idType', 'idNumber', 'legalRepresentative', 'agent'];

/** KYC follow-ups of an edit: a re-rating after a trigger; a new rating settles open rating items. */
export function followKycChanges(s: Session, id: string, changed: string[], merged: ClientInput): void {
  const today = localDate(s.now());
  if (changed.includes('riskRatedAt') && merged.riskRatedAt) {
    const open = s.orm.select({ id: followups.id }).from(followups).where(and(eq(followups.clientId, id), eq(followups.type, 'risk_rating'), eq(followups.status, 'open'))).all();
    for (const f of open) closeFollowup(s, f.id, 'done', 'rated');
  } else if (changed.some((f) => REIDENTIFY_FIELDS.includes(f))) {
    const fields = changed.filter((f) => REIDENTIFY_FIELDS.includes(f)).join(',');
    insertFollowup(s, { clientId: id, type: 'risk_rating', title: 'followupTitles.rerating', titleParams: { fields }, generated: true, sourceKey: `rerating:${id}:${today}`, due: addDays(today, RERATING_DAYS) });
  }
}

/** Writes a merged record and bumps its revision (no audit: the caller's transaction records it). */
export function applyUpdate(s: Session, id: string, merged: ClientInput): void {
  s.orm
    .update(clients)
    .set({ ...(toColumns(merged) as Partial<Insert>), updatedAt: s.now().toISOString(), rev: sql`${clients.rev} + 1` })
    .where(eq(clients.id, id))
    .run();
  clientsChanged(s);
}

/** Deletes a client; secure_delete is on, so its pages are overwritten, not just unlinked. */
export function deleteClient(s: Session, id: string): void {
  load(s, id);
  s.inTransaction({ action: 'client.delete', subject: id }, () => {
    s.orm.update(clients).set({ referredBy: null }).where(eq(clients.referredBy, id)).run();
    s.orm.delete(clients).where(eq(clients.id, id)).run();
    clientsChanged(s);
  });
}

/** Opens a client for viewing: masked, and the view is audited. */
export function viewClient(s: Session, id: string): ClientDetail {
  load(s, id);
  s.inTransaction({ action: 'client.view', subject: id }, () => undefined);
  return detail(s, id);
}

/** Reveals one masked field of one client; audited per field. */
export function revealField(s: Session, id: string, field: RevealableField): { value: string | null } {
  const row = load(s, id);
  s.inTransaction({ action: 'client.reveal', subject: id, details: { field } }, () => undefined);
  return { value: row[field] ?? null };
}

export function listClients(s: Session, q: ParsedInputOf<'clients.list'>): ClientList {
  const search = q.query ? clientSearch(s, q.query) : undefined;
  const filtersOf = (is: (c: Column, v: string) => SQL) =>
    and(
      ...[
        q.status ? is(clients.status, q.status) : undefined,
        q.kind ? is(clients.kind, q.kind) : undefined,
        q.tag ? sql`exists (select 1 from json_each(${clients.tags}) where value = ${q.tag})` : undefined,
        q.tier ? is(clientSegments.tier, q.tier) : undefined,
        q.quadrant ? is(clientSegments.quadrant, q.quadrant) : undefined,
        q.band ? is(clientSegments.band, q.band) : undefined,
        q.state ? is(clientSegments.state, q.state) : undefined,
      ].filter((c): c is SQL => c !== undefined),
    );
  const filters = filtersOf(eq);
  const countWhere = (w: SQL | undefined) => s.orm.select({ n: sql<number>`count(*)` }).from(clients).leftJoin(clientSegments, eq(clientSegments.clientId, clients.id)).where(w).get()?.n ?? 0;
  // A search counts its matches on the term index (under other filters: the rows they keep), then
  // finds its page the way that suits that many matches (client-search.ts); there `+` keeps SQLite
  // from driving the page by a filter's index instead (every active client, then sorted).
  const searchTotal = search && (filters ? countWhere(and(sql`${clients}.rowid IN (${search.rowids})`, filters)) : search.count());
  const where = search ? and(search.condition(searchTotal!, q.offset + q.limit), filtersOf((c, v) => sql`+${c} = ${v}`)) : filters;
  const order = { name: clients.name, aum: clients.aumFen, revenue: clients.revenue12mFen, updated: clients.updatedAt }[q.sort];
  // Other filtered lists count their matches in the same pass (window count); an unfiltered
  // one walks the sort index for one page and counts from the smallest index.
  const windowCount = where !== undefined && search === undefined;
  const rows = s.orm
    .select({ id: clients.id, clientNo: clients.clientNo, name: clients.name, kind: clients.kind, mobile: clients.mobile, tags: clients.tags, aumFen: clients.aumFen, revenue12mFen: clients.revenue12mFen, status: clients.status, riskGrade: clients.riskGrade, idExpiry: clients.idExpiry, idLongTerm: clients.idLongTerm, optOutAutomated: clients.optOutAutomated, tier: clientSegments.tier, quadrant: clientSegments.quadrant, band: clientSegments.band, state: clientSegments.state, total: windowCount ? sql<number>`count(*) over ()` : sql<number>`0` })
    .from(clients)
    .leftJoin(clientSegments, eq(clientSegments.clientId, clients.id))
    .where(where)
    .orderBy(...(q.order === 'asc' ? [asc(order), asc(clients.id)] : [desc(order), desc(clients.id)]))
    .limit(q.limit)
    .offset(q.offset)
    .all();
  const total =
    searchTotal !== undefined
      ? searchTotal
      : where === undefined
        ? (s.orm.select({ n: sql<number>`count(*)` }).from(clients).get()?.n ?? 0)
        : rows.length > 0
          ? rows[0]!.total
          : q.offset === 0
            ? 0
            : countWhere(where);
  // One audit entry per search, not per page scrolled.
  if (q.query && q.offset === 0) s.inTransaction({ action: 'client.search', details: { query: q.query, results: total } }, () => undefined);
  return { total, rows: rows.map(({ mobile, total: _t, ...r }) => ({ ...r, mobileMasked: mobile ? maskMobile(mobile) : null }) as ClientListRow), tags: allTags(s) };
}

// The tag list for the filter: one pass over every client, so kept until a client changes.
const tagCache = new WeakMap<Session, string[]>();

function allTags(s: Session): string[] {
  let tags = tagCache.get(s);
  if (!tags) {
    tags = s.db.prepare('SELECT DISTINCT value FROM clients, json_each(clients.tags) ORDER BY value').pluck().all() as string[];
    tagCache.set(s, tags);
  }
  return tags;
}

// Sessions whose stored segments no longer match the book (a client was written since).
const staleSegments = new WeakSet<Session>();
// Sessions whose generated follow-ups may no longer match the book.
const staleAgenda = new WeakSet<Session>();

// Bumped on every write to clients: caches derived from the whole book compare it.
const versions = new WeakMap<Session, number>();

/** Call after any write to clients (insert, update, delete). */
export function clientsChanged(s: Session): void {
  tagCache.delete(s);
  staleSegments.add(s);
  versions.set(s, bookVersion(s) + 1);
}

export function bookVersion(s: Session): number {
  return versions.get(s) ?? 0;
}

/** Many clients changed at once (import, demo book, cadence settings): regenerate the whole book's follow-ups. */
export function markAgendaStale(s: Session): void {
  staleAgenda.add(s);
}

/** True once per change: the caller regenerates the follow-ups. */
export function takeAgendaStale(s: Session): boolean {
  const stale = staleAgenda.has(s);
  staleAgenda.delete(s);
  return stale;
}

/** Segments are behind the book and some clients have none yet (new, imported, a demo book). */
export function unsegmentedClients(s: Session): boolean {
  if (!staleSegments.has(s)) return false;
  return s.db.prepare('SELECT EXISTS (SELECT 1 FROM clients c WHERE NOT EXISTS (SELECT 1 FROM client_segments g WHERE g.client_id = c.id))').pluck().get() === 1;
}

/** True once per change: the caller recomputes the segments. */
export function takeSegmentsStale(s: Session): boolean {
  const stale = staleSegments.has(s);
  staleSegments.delete(s);
  return stale;
}

export function countClients(s: Session): number {
  return s.orm.select({ n: sql<number>`count(*)` }).from(clients).get()?.n ?? 0;
}

export function load(s: Session, id: string): Row {
  const row = s.orm.select().from(clients).where(eq(clients.id, id)).get();
  if (!row) throw new AppError('NOT_FOUND', { field: 'id' });
  return row;
}

function detail(s: Session, id: string): ClientDetail {
  const row = load(s, id);
  const { idNumber, mobile, phoneOther, email, addressRegistered, addressResidence, searchName: _n, searchKeys: _k, ...rest } = row;
  // Agents' and owners' ID numbers are masked too; they are not revealable from the detail.
  const maskParty = (p: Row['agent']) => (p ? { ...p, idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null } : null);
  const state = s.orm.select().from(contactState).where(eq(contactState.clientId, id)).get();
  return {
    ...(rest as Omit<ClientDetail, 'masked' | 'contact'>),
    hqManaged: hqManaged(s, row),
    proposals: clientProposals(s, id),
    contact: state ? { lastReachedAt: state.lastReachedAt, lastAttemptAt: state.lastAttemptAt, consecutiveFailures: state.consecutiveFailures, suspect: state.suspect } : null,
    agent: maskParty(rest.agent),
    beneficialOwner: maskParty(rest.beneficialOwner),
    masked: {
      idNumber: idNumber ? maskField(row.idType === 'uscc' ? 'company_code' : 'id_number', idNumber) : null,
      mobile: mobile ? maskMobile(mobile) : null,
      phoneOther: phoneOther ? maskField('account', phoneOther) : null,
      email: email ? maskEmail(email) : null,
      addressRegistered: addressRegistered ? maskAddress(addressRegistered) : null,
      addressResidence: addressResidence ? maskAddress(addressResidence) : null,
    },
  };
}

/** Column values for an insert/update, with the search keys derived from them. */
function toColumns(c: ClientInput, search = searchColumns(c)): Omit<Insert, 'id' | 'createdAt' | 'updatedAt' | 'rev'> {
  return { ...(c as Omit<Insert, 'id' | 'createdAt' | 'updatedAt' | 'rev'>), ...search };
}

export function toInput(row: Row): ClientInput {
  const { id: _id, createdAt: _c, updatedAt: _u, rev: _r, searchName: _n, searchKeys: _k, ...rest } = row;
  return rest as ClientInput;
}
