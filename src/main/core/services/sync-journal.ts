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

/** A changed row that is gone from its table: its entity, id and newest journal seq (see `changedChunks`). */
export interface GoneRow {
  entity: SyncEntity;
  id: string;
  seq: number;
}

/** The export record lines of a stretch of the journal, built and joined by SQLite. */
export interface ChangedChunk {
  /** UTF-8 record lines, each ended by a newline; a gone row's line is NUL, seq, space, entity, space, id. */
  bytes: Buffer;
  /** Rows in the chunk, gone ones included, per entity. */
  counts: Record<SyncEntity, number>;
  rows: number;
  /** The journal has been read through this seq. */
  throughSeq: number;
  /** Whether some lines are gone-row markers (only then does the caller split `bytes`). */
  hasGone: boolean;
}

/** Journal entries per chunk: ~1 MiB of lines at a few hundred bytes a record, one gzip member each. */
const CHUNK_SEQS = 1500;

/**
 * Every row changed after `afterSeq` up to `throughSeq`, once, at its newest change, in journal
 * order, as chunks of whole export record lines: SQLite builds each line (the data as
 * `json_object`) and joins a chunk into one blob, so no row becomes a JS string or object. A
 * generator: the caller compresses one chunk on the thread pool while SQLite builds the next.
 * The journal is read along its primary key, a stretch of seqs at a time; the entries superseded
 * by a later change of the same row are found first, in one grouping of the range (usually few),
 * and skipped.
 */
export function* changedChunks(s: Session, afterSeq: number, throughSeq: number): Generator<ChangedChunk> {
  const cache = dataStatements.get(s) ?? dataStatements.set(s, new Map()).get(s)!;
  let st = cache.get('changed-chunk');
  if (!st) {
    st = s.db.prepare(changedChunkSql()).raw();
    cache.set('changed-chunk', st);
  }
  const superseded = supersededSeqs(s, afterSeq, throughSeq);
  const nextSeq = s.db.prepare('SELECT min(seq) FROM sync_journal WHERE seq > ?').pluck();
  let k = 0;
  let from = afterSeq;
  while (from < throughSeq) {
    const to = Math.min(from + CHUNK_SEQS, throughSeq);
    const skip: number[] = [];
    while (k < superseded.length && superseded[k]! <= to) skip.push(superseded[k++]!);
    const [bytes, rows, ...byEntity] = st.get({ from, to, skip: JSON.stringify(skip) }) as [Buffer | null, number, ...(number | null)[]];
    if (bytes && rows > 0) {
      const counts = Object.fromEntries(SYNC_ENTITIES.map((e, i) => [e, byEntity[i] ?? 0])) as Record<SyncEntity, number>;
      yield { bytes, counts, rows, throughSeq: to, hasGone: bytes.includes(0) };
      from = to;
    } else {
      // Nothing in this stretch: go straight to the next entry (seqs may have gaps).
      const next = nextSeq.get(to) as number | null;
      from = next === null ? throughSeq : Math.max(to, next - 1);
    }
  }
}

/** Journal entries in the range that a later entry of the same row (in the range) supersedes, ascending. */
function supersededSeqs(s: Session, afterSeq: number, throughSeq: number): number[] {
  const groups = s.db
    .prepare('SELECT group_concat(seq) FROM sync_journal WHERE seq > ? AND seq <= ? GROUP BY entity, row_id HAVING count(*) > 1')
    .pluck()
    .all(afterSeq, throughSeq) as string[];
  const out: number[] = [];
  for (const g of groups) {
    const seqs = g.split(',').map(Number);
    // A row changed very often has a long list: no spread into Math.max (argument limits).
    const newest = seqs.reduce((a, b) => (b > a ? b : a));
    for (const q of seqs) if (q !== newest) out.push(q);
  }
  return out.sort((a, b) => a - b);
}

/** Splits a chunk's lines (only needed when it holds gone-row markers): record lines as text, gone rows parsed. */
export function chunkLines(bytes: Buffer): (string | GoneRow)[] {
  const text = bytes.toString('utf8');
  return text
    .slice(0, -1)
    .split('\n')
    .map((l) => {
      if (l.charCodeAt(0) !== 0) return l;
      const [seq, entity, id] = l.slice(1).split(' ');
      return { seq: Number(seq), entity: entity as SyncEntity, id: id! };
    });
}

/**
 * One chunk: the journal's seqs in (:from, :to] but the superseded ones in :skip (a JSON array),
 * each entity's line made by a correlated lookup of its own table (CASE evaluates only the branch
 * of the entry's entity). group_concat joins the lines in the order the journal is read.
 */
function changedChunkSql(): string {
  const entities = SYNC_ENTITIES.map((e) => `'${e}'`).join(', ');
  const lineOf = SYNC_ENTITIES.map(
    (entity) =>
      `WHEN '${entity}' THEN (SELECT '{"entity":"${entity}","id":' || json_quote(t.id) || ',"op":"upsert","rev":' || j.seq || ',"updatedAt":' || json_quote(t."${updatedColumn(entity)}") || ',"data":' || ${dataSql(entity)} || '}' FROM ${SYNCED[entity].tableName} t WHERE t.id = j.row_id)`,
  ).join('\n          ');
  // The line is named once: a flattened subquery copies an expression to each place that names it.
  return `SELECT CAST(group_concat(coalesce(CASE j.entity
          ${lineOf}
        END, char(0) || j.seq || ' ' || j.entity || ' ' || j.row_id) || char(10), '') AS BLOB), count(*), ${SYNC_ENTITIES.map((e) => `sum(j.entity = '${e}')`).join(', ')}
    FROM sync_journal j
    WHERE j.seq > :from AND j.seq <= :to AND +j.entity IN (${entities}) AND j.seq NOT IN (SELECT value FROM json_each(:skip))`;
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
