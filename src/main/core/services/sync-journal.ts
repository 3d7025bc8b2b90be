import { getTableColumns, type Column } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import type { Statement } from 'better-sqlite3';
import { HQ_OWNED_FIELDS, SYNC_ENTITIES, type SyncEntity } from '../../../shared/sync';
import { clients, contacts, followups, greetings, proposals } from '../store/schema';
import type { Session } from './session';

// The change journal's entities, declared once. Each synced table has three triggers (migration
// 0006) appending (seq, entity, id) on insert/update/delete; a new entity joins by a line here, its
// triggers in a migration, and the declaration test checks both sides match.

type AnyTable = SQLiteTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface EntityDecl {
  table: AnyTable;
  tableName: string;
  /** The column (property name) that says when the row last changed. */
  updatedAt: string;
}

export const SYNCED: Record<SyncEntity, EntityDecl> = {
  client: { table: clients, tableName: 'clients', updatedAt: 'updatedAt' },
  contact: { table: contacts, tableName: 'contacts', updatedAt: 'updatedAt' },
  followup: { table: followups, tableName: 'followups', updatedAt: 'updatedAt' },
  greeting: { table: greetings, tableName: 'greetings', updatedAt: 'at' },
  proposal: { table: proposals, tableName: 'proposals', updatedAt: 'updatedAt' },
};

const HQ_FIELDS = new Set<string>(HQ_OWNED_FIELDS);
/** Derived columns (search keys) never travel. */
const DERIVED = new Set(['searchName', 'searchKeys']);

/** `"key", <value as JSON>` pairs for json_object, under the property names the app uses. */
function jsonPairs(table: AnyTable, keep: (key: string) => boolean): string[] {
  return (Object.entries(getTableColumns(table)) as [string, Column][])
    .filter(([key]) => key !== 'id' && !DERIVED.has(key) && keep(key))
    .map(([key, col]) => {
      const c = `"${col.name}"`;
      const value = col.columnType === 'SQLiteTextJson' ? `json(${c})` : col.columnType === 'SQLiteBoolean' ? `CASE WHEN ${c} IS NULL THEN NULL WHEN ${c} THEN json('true') ELSE json('false') END` : c;
      return `'${key}', ${value}`;
    });
}

/** json_object takes at most 127 arguments: wide rows are built in parts and merged. */
function jsonObject(pairs: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) parts.push(`json_object(${pairs.slice(i, i + 40).join(', ')})`);
  return parts.length === 1 ? parts[0]! : parts.reduce((a, b) => `json_patch(${a}, ${b})`);
}

/**
 * What HQ receives for a row, as JSON built by SQLite. A client travels with the relationship fields
 * the RM owns (sync-format.md); a client core banking does not know yet (no client number: a
 * prospect the RM met) travels whole — HQ has no other copy to open the account from.
 */
function dataSql(entity: SyncEntity): string {
  const decl = SYNCED[entity];
  if (entity !== 'client') return jsonObject(jsonPairs(decl.table, () => true));
  return `CASE WHEN client_no IS NULL THEN ${jsonObject(jsonPairs(decl.table, () => true))} ELSE ${jsonObject(jsonPairs(decl.table, (k) => !HQ_FIELDS.has(k)))} END`;
}

/** Tables of a client's own rows (everything but the client row itself), for removal from the book. */
export const CHILD_ENTITIES = SYNC_ENTITIES.filter((e) => e !== 'client');

/** A changed row that is gone from its table: its id and newest journal seq (see `changedLines`). */
export interface GoneRow {
  id: string;
  seq: number;
}

/**
 * One entity's rows changed after `afterSeq` up to `throughSeq`, once each at its newest change, in
 * journal order: for a row still in its table, its whole export record line, built by SQLite (the
 * data as `json_object`, so no object per row in JS); for a row that is gone, its id and seq.
 * One statement per entity: the journal's seq range, grouped, joined to the table by id.
 */
export function changedLines(s: Session, entity: SyncEntity, afterSeq: number, throughSeq: number): (string | GoneRow)[] {
  const cache = dataStatements.get(s) ?? dataStatements.set(s, new Map()).get(s)!;
  const key = `${entity}:changed`;
  let st = cache.get(key);
  if (!st) {
    const decl = SYNCED[entity];
    // `+entity`: walk the seq range of the primary key, not every change the entity ever had. A gone
    // row comes back as NUL, seq, space, id (a record line starts with `{`).
    st = s.db
      .prepare(
        `SELECT CASE WHEN t.id IS NULL THEN char(0) || j.seq || ' ' || j.row_id
           ELSE '{"entity":"${entity}","id":' || json_quote(j.row_id) || ',"op":"upsert","rev":' || j.seq || ',"updatedAt":' || json_quote(t."${updatedColumn(entity)}") || ',"data":' || ${dataSql(entity)} || '}' END
         FROM (SELECT row_id, max(seq) AS seq FROM sync_journal WHERE seq > ? AND seq <= ? AND +entity = ? GROUP BY row_id) j
         LEFT JOIN ${decl.tableName} t ON t.id = j.row_id ORDER BY j.seq`,
      )
      .pluck();
    cache.set(key, st);
  }
  const lines = st.all(afterSeq, throughSeq, entity) as string[];
  return lines.map((l) => {
    if (l.charCodeAt(0) !== 0) return l;
    const space = l.indexOf(' ');
    return { seq: Number(l.slice(1, space)), id: l.slice(space + 1) };
  });
}

function updatedColumn(entity: SyncEntity): string {
  const decl = SYNCED[entity];
  return (getTableColumns(decl.table) as Record<string, Column>)[decl.updatedAt]!.name;
}

export function journalHead(s: Session): number {
  return (s.db.prepare('SELECT coalesce(max(seq), 0) FROM sync_journal').pluck().get() as number) ?? 0;
}

/** Rows (not writes) waiting for HQ, per entity. */
export function pendingByEntity(s: Session, afterSeq: number): Record<SyncEntity, number> {
  const out = Object.fromEntries(SYNC_ENTITIES.map((e) => [e, 0])) as Record<SyncEntity, number>;
  const rows = s.db.prepare('SELECT entity, count(DISTINCT row_id) AS n FROM sync_journal WHERE seq > ? GROUP BY entity').all(afterSeq) as { entity: SyncEntity; n: number }[];
  for (const r of rows) if (r.entity in out) out[r.entity] = r.n;
  return out;
}

export interface RowData {
  updatedAt: string;
  /** The record's `data`, as JSON text. */
  json: string;
}

const dataStatements = new WeakMap<Session, Map<string, Statement>>();

/** The current data of rows of one entity, by id (missing ids: the row is gone). */
export function rowData(s: Session, entity: SyncEntity, ids: readonly string[]): Map<string, RowData> {
  const decl = SYNCED[entity];
  const updatedCol = updatedColumn(entity);
  const cache = dataStatements.get(s) ?? dataStatements.set(s, new Map()).get(s)!;
  const CHUNK = 500;
  const statement = (n: number) => {
    const key = `${entity}:${n}`;
    let st = cache.get(key);
    if (!st) {
      st = s.db.prepare(`SELECT id, "${updatedCol}", ${dataSql(entity)} FROM ${decl.tableName} WHERE id IN (${Array.from({ length: n }, () => '?').join(',')})`).raw();
      cache.set(key, st);
    }
    return st;
  };
  const out = new Map<string, RowData>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    for (const [id, updatedAt, json] of statement(part.length).all(...part) as [string, string, string][]) out.set(id, { updatedAt, json });
  }
  return out;
}
