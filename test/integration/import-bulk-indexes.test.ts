import { describe, expect, it } from 'vitest';
import { importBook } from '../../bench/import';
import { freshWorkspaceEach } from '../helpers/workspace-each';

// An import that at least doubles the book drops the plain indexes of clients and follow-ups while
// its rows go in and builds them after (services/bulk-indexes.ts). The book must come out with the
// very same indexes, consistent with the rows, and a failure must leave the indexes as they were.

const ROWS = 5_200; // above the bulk threshold (5,000 new rows)

const h = freshWorkspaceEach();

const db = () => h().core.workspace.requireSession().db;
const commit = (csv: Buffer) => h().router.handle('import.commit', { fileName: 'hq.csv', contentBase64: csv.toString('base64'), onDuplicate: 'merge' });
const indexes = () => db().prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();

/** Records, at each row written to `table`, which of `watched` indexes exist at that moment. */
function watch(table: 'clients' | 'followups', event: 'INSERT' | 'UPDATE', watched: string[]): () => Record<string, number[]> {
  db().exec('CREATE TEMP TABLE IF NOT EXISTS seen (tbl TEXT, name TEXT, present INTEGER)');
  const checks = watched.map((n) => `INSERT INTO temp.seen VALUES ('${table}', '${n}', EXISTS (SELECT 1 FROM main.sqlite_master WHERE name = '${n}'));`).join(' ');
  db().exec(`CREATE TEMP TRIGGER watch_${table}_${event} AFTER ${event} ON main.${table} BEGIN ${checks} END`);
  return () => {
    const rows = db().prepare('SELECT name, present FROM temp.seen WHERE tbl = ? GROUP BY name, present ORDER BY name, present').all(table) as { name: string; present: number }[];
    const out: Record<string, number[]> = {};
    for (const r of rows) (out[r.name] ??= []).push(r.present);
    return out;
  };
}

describe('bulk import: indexes built after the rows', () => {
  it('writes a large import into an empty book without the plain indexes, then rebuilds each exactly', async () => {
    const before = indexes();
    const clientIdx = watch('clients', 'INSERT', ['clients_name', 'clients_revenue', 'clients_id_number', 'clients_name_mobile']);
    const followupIdx = watch('followups', 'INSERT', ['followups_open_date', 'followups_source', 'followups_cadence_due', 'followups_client']);

    const r = await commit(importBook(ROWS).csv);
    expect(r).toMatchObject({ ok: true, data: { imported: ROWS, invalid: 0 } });

    // While the rows went in: gone, except what the import itself looks up through.
    expect(clientIdx()).toEqual({ clients_id_number: [0], clients_name: [0], clients_name_mobile: [0], clients_revenue: [0] });
    expect(followupIdx()).toEqual({ followups_cadence_due: [0], followups_client: [1], followups_open_date: [0], followups_source: [0] });
    // After: the same indexes, the same definitions, and consistent with every row.
    expect(indexes()).toEqual(before);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = db().prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE name = '张伟' AND mobile = '13800000000'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('clients_name_mobile');
    // A client is found by name through the rebuilt index and by the search index.
    const name = db().prepare('SELECT name FROM clients ORDER BY revenue_12m_fen DESC LIMIT 1').pluck().get() as string;
    const found = await h().call('clients.list', { query: name, limit: 10 });
    expect(found.total).toBeGreaterThan(0);
  });

  it('keeps every index in place when the import is smaller than the book (the lookups need them)', async () => {
    expect(await commit(importBook(ROWS).csv)).toMatchObject({ ok: true });
    const merged = watch('clients', 'UPDATE', ['clients_name', 'clients_id_number']);
    // The first thousand clients of the same extract again: each merged through the lookups.
    const r = await commit(importBook(1_000).csv);
    expect(r).toMatchObject({ ok: true, data: { imported: 0, merged: 1_000 } });
    expect(merged()).toEqual({ clients_id_number: [1], clients_name: [1] });
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('leaves the indexes as they were when the commit fails part-way, in the clients or in their follow-ups', async () => {
    const before = indexes();
    const n = (table: string) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    for (const table of ['clients', 'followups']) {
      db().exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON main.${table} WHEN (SELECT count(*) FROM main.${table}) > ${ROWS - 100} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      const r = await commit(importBook(ROWS).csv);
      expect(r.ok).toBe(false);
      expect(indexes()).toEqual(before);
      expect([n('clients'), n('followups'), n('client_search_deferred')]).toEqual([0, 0, 0]);
      db().exec('DROP TRIGGER temp.refuse');
    }
    expect(await commit(importBook(ROWS).csv)).toMatchObject({ ok: true, data: { imported: ROWS } });
    expect(indexes()).toEqual(before);
  });
});
