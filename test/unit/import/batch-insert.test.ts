import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BATCH_ROWS, batchInsert } from '../../../src/main/core/import/batch-insert';
import { parseCsv } from '../../../src/main/core/import/table';

describe('batchInsert', () => {
  it('writes every queued row in order: full batches as they fill, the rest on flush', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (n INTEGER NOT NULL, label TEXT)');
    const rows = 2 * BATCH_ROWS + 5;
    const batch = batchInsert(db, 't', ['n', 'label']);
    const count = () => db.prepare('SELECT count(*) FROM t').pluck().get();
    for (let n = 1; n <= rows; n++) {
      batch.add([n, n % 3 === 0 ? null : `行${n}`]);
      if (n === BATCH_ROWS - 1) expect(count()).toBe(0);
      if (n === BATCH_ROWS) expect(count()).toBe(BATCH_ROWS);
    }
    expect(count()).toBe(2 * BATCH_ROWS);
    batch.flush();
    batch.flush();
    expect(db.prepare('SELECT n, label FROM t ORDER BY rowid').all()).toEqual(Array.from({ length: rows }, (_, i) => ({ n: i + 1, label: (i + 1) % 3 === 0 ? null : `行${i + 1}` })));
  });

  it('refuses a row of the wrong width instead of shifting the columns', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (a, b)');
    expect(() => batchInsert(db, 't', ['a', 'b']).add([1])).toThrow(/1 values for 2 columns/);
  });
});

describe('parseCsv with a row sink', () => {
  it('hands each data row over with its Excel row number and keeps none in the table', () => {
    const seen: [number, string[], readonly string[]][] = [];
    const r = parseCsv('客户名单\n姓名,手机号码\n\n张三,13800001111\n李四,\n', (row, headers) => seen.push([row.rowNumber, row.cells, headers]));
    expect(r).toMatchObject({ ok: true, table: { headers: ['姓名', '手机号码'], headerRowNumber: 2, rows: [] } });
    expect(seen).toEqual([
      [4, ['张三', '13800001111'], ['姓名', '手机号码']],
      [5, ['李四', ''], ['姓名', '手机号码']],
    ]);
  });
});
