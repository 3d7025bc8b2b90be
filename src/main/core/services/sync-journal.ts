import { getTableColumns, type Column } from 'drizzle-orm';
import type { SQLiteTableWithColumns } from 'drizzle-orm/sqlite-core';
import { HQ_OWNED_FIELDS, SYNC_ENTITIES, type SyncEntity } from '../../../shared/sync';
import { clients, contacts, followups, greetings, proposals } from '../store/schema';
import type { Session } from './session';

// The change journal's entities, declared once. Each synced table has three triggers (migration
// 0006) appending (seq, entity, id) on insert/update/delete; a new entity joins by a line here, its
// triggers in a migration, and the declaration test checks both sides match.

type AnyTable = SQLiteTableWithColumns<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Row = Record<string, unknown> & { id: string };

interface EntityDecl {
  table: AnyTable;
  tableName: string;
  /** What HQ receives for a row: never derived columns (search keys), never what HQ already owns. */
  toData: (row: Row) => Record<string, unknown>;
  updatedAt: (row: Row) => string;
}

const HQ_FIELDS = new Set<string>(HQ_OWNED_FIELDS);
const DERIVED_CLIENT_COLUMNS = new Set(['searchName', 'searchKeys']);

/**
 * A client travels with the relationship fields the RM owns (sync-format.md). A client core
 * banking does not know yet (no client number: a prospect the RM met) travels whole — HQ has no
 * other copy to open the account from.
 */
function clientData(row: Row): Record<string, unknown> {
  const known = row['clientNo'] !== null && row['clientNo'] !== undefined;
  return Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id' && !DERIVED_CLIENT_COLUMNS.has(k) && (!known || !HQ_FIELDS.has(k))));
}

const withoutId = (row: Row): Record<string, unknown> => {
  const { id: _id, ...rest } = row;
  return rest;
};

export const SYNCED: Record<SyncEntity, EntityDecl> = {
  client: { table: clients, tableName: 'clients', toData: clientData, updatedAt: (r) => r['updatedAt'] as string },
  contact: { table: contacts, tableName: 'contacts', toData: withoutId, updatedAt: (r) => r['updatedAt'] as string },
  followup: { table: followups, tableName: 'followups', toData: withoutId, updatedAt: (r) => r['updatedAt'] as string },
  greeting: { table: greetings, tableName: 'greetings', toData: withoutId, updatedAt: (r) => r['at'] as string },
  proposal: { table: proposals, tableName: 'proposals', toData: withoutId, updatedAt: (r) => r['updatedAt'] as string },
};

/** Tables of a client's own rows (everything but the client row itself), for removal from the book. */
export const CHILD_ENTITIES = SYNC_ENTITIES.filter((e) => e !== 'client');

export interface JournalRow {
  entity: SyncEntity;
  id: string;
  /** The newest journal seq of the row: the record's `rev` (one per change, so HQ dedupes by it). */
  seq: number;
}

/** Every row changed after `afterSeq` (once each, at its newest change), up to `throughSeq`. */
export function changedRows(s: Session, afterSeq: number, throughSeq: number): JournalRow[] {
  return s.db
    .prepare('SELECT entity, row_id AS id, max(seq) AS seq FROM sync_journal WHERE seq > ? AND seq <= ? GROUP BY entity, row_id ORDER BY seq')
    .all(afterSeq, throughSeq) as JournalRow[];
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

/** Current rows of one entity by id: raw SQL mapped with drizzle's own column decoders (JSON parsed, booleans). */
export function loadRows(s: Session, entity: SyncEntity, ids: readonly string[]): Map<string, Row> {
  const decl = SYNCED[entity];
  const columns = (Object.entries(getTableColumns(decl.table)) as [string, Column][]).map(([key, col]) => ({ key, name: col.name, decode: needsDecoding(col) ? (v: unknown) => col.mapFromDriverValue(v) : null }));
  const select = columns.map((c) => `"${c.name}"`).join(', ');
  const out = new Map<string, Row>();
  const CHUNK = 500;
  const full = s.db.prepare(`SELECT ${select} FROM ${decl.tableName} WHERE id IN (${Array.from({ length: CHUNK }, () => '?').join(',')})`).raw();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    const stmt = part.length === CHUNK ? full : s.db.prepare(`SELECT ${select} FROM ${decl.tableName} WHERE id IN (${part.map(() => '?').join(',')})`).raw();
    for (const values of stmt.all(...part) as unknown[][]) {
      const row: Record<string, unknown> = {};
      for (let j = 0; j < columns.length; j++) {
        const c = columns[j]!;
        const v = values[j];
        row[c.key] = v === null || c.decode === null ? v : c.decode(v);
      }
      out.set(row['id'] as string, row as Row);
    }
  }
  return out;
}

/** Only JSON and boolean columns differ from what SQLite hands back. */
function needsDecoding(col: { columnType: string }): boolean {
  return col.columnType === 'SQLiteTextJson' || col.columnType === 'SQLiteBoolean';
}
