// Bulk writes of an import (clients, their follow-ups): rows of one table go in as multi-row
// INSERTs of BATCH_ROWS rows each. Every row still fires its triggers (sync journal, search
// terms); what a batch saves is the per-statement work (binding, statement journal, the
// journal's AUTOINCREMENT counter), about a third of an import's insert time.
import type { Database, Statement } from 'better-sqlite3';

/** Rows per statement: 32 rows of a 60-column table stay far below SQLite's 32,766 parameters. */
export const BATCH_ROWS = 32;

export interface BatchInsert {
  /** Queues one row (its values in the order of `columns`); written when a batch is full or on `flush`. */
  add(values: readonly unknown[]): void;
  /** Writes the queued rows. Call before reading the table back, and at the end. */
  flush(): void;
}

/**
 * A batched `INSERT INTO table (columns) VALUES (...)`; `prepare` is the caller's statement cache
 * (a large import or regeneration reuses both statements row after row).
 */
export function batchInsert(db: Database, table: string, columns: readonly string[], prepare: (sql: string) => Statement = (sql) => db.prepare(sql)): BatchInsert {
  const row = `(${columns.map(() => '?').join(', ')})`;
  const head = `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES `;
  const full = head + Array<string>(BATCH_ROWS).fill(row).join(', ');
  let queued: unknown[] = [];
  let count = 0;
  return {
    add(values) {
      if (values.length !== columns.length) throw new Error(`batchInsert ${table}: ${values.length} values for ${columns.length} columns`);
      for (const v of values) queued.push(v);
      if (++count === BATCH_ROWS) {
        prepare(full).run(queued);
        queued = [];
        count = 0;
      }
    },
    flush() {
      if (count === 0) return;
      const one = prepare(head + row);
      for (let i = 0; i < count; i++) one.run(queued.slice(i * columns.length, (i + 1) * columns.length));
      queued = [];
      count = 0;
    },
  };
}

