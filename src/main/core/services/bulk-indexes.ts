import { BULK_LOAD_ROWS } from '../store/db';
import type { Session } from './session';

// A bulk load that at least doubles a table (an import into a new book, the demo book) writes its
// rows first and builds the table's secondary indexes afterwards, one sorted pass each: keeping ten
// indexes of the clients table in step row by row costs several times more than building them once
// (bench, import). Inside the caller's transaction, so a failure or a crash rolls the dropped
// indexes back with the rows; UNIQUE indexes stay (they are constraints, not just lookups).

interface IndexDef {
  name: string;
  sql: string;
}

/**
 * Runs `fn` (inside the caller's transaction) with `table`'s plain secondary indexes dropped when
 * about `incoming` new rows will at least match the rows already there, and rebuilds them after.
 * `keep` lists the indexes `fn` itself reads through (a lookup without its index scans the table).
 */
export function withIndexesDeferred<T>(s: Session, table: string, incoming: number, keep: readonly string[], fn: () => T): T {
  if (!s.db.inTransaction) throw new Error('withIndexesDeferred needs a transaction');
  const existing = s.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  // Below a bulk load the rebuild's fixed costs (and the statements re-prepared) outweigh it.
  if (incoming < Math.max(existing, BULK_LOAD_ROWS)) return fn();
  const dropped = plainIndexes(s, table).filter((i) => !keep.includes(i.name));
  for (const i of dropped) s.db.exec(`DROP INDEX "${i.name}"`);
  const result = fn();
  for (const i of dropped) s.db.exec(i.sql);
  return result;
}

/** The table's non-unique indexes declared by CREATE INDEX (not a PRIMARY KEY's or UNIQUE column's automatic one). */
function plainIndexes(s: Session, table: string): IndexDef[] {
  return s.db
    .prepare(
      `SELECT m.name, m.sql FROM sqlite_master m JOIN pragma_index_list(?) l ON l.name = m.name
       WHERE m.type = 'index' AND m.sql IS NOT NULL AND l."unique" = 0 ORDER BY m.name`,
    )
    .all(table) as IndexDef[];
}
