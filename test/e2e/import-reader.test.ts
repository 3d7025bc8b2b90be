import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBook } from '../../bench/import';
import { AppError } from '../../src/shared/errors';
import type { MappingFor } from '../../src/main/core/import/pipeline';
import { readAhead, readHere, useImportReader, type FedRow } from '../../src/main/core/services/import-reader';
import { searchColumns } from '../../src/main/core/services/client-search';
import { autoMap } from '../../src/main/core/import/mapping';
import { messyExtract, READ_AHEAD_ROWS as ROWS } from '../helpers/import-files';

// A large import file is read in a second thread (the reader, out/main/import-reader.js as built)
// while the core writes: what the core is fed must be exactly what reading the file in its own
// thread gives, row for row, and a refusal or a broken file must stop the reader and reach the
// core as the same error. The whole import through the built worker: import-worker.test.ts.

const TODAY = '2026-11-22';

/** Every row fed, search columns apart; checks that any search columns built ahead are the row's own. */
function collect(read: typeof readHere, bytes: Buffer, mappingFor: MappingFor) {
  const rows: FedRow[] = [];
  const result = read({ bytes: new Uint8Array(bytes) }, TODAY, mappingFor, (row) => {
    if ('ready' in row && row.ready.search) {
      expect(row.ready.search).toEqual(searchColumns(row.ready.record));
      delete row.ready.search;
    }
    rows.push(row);
  });
  return { rows, result };
}

describe('the import reader thread', () => {
  beforeAll(() => useImportReader(resolve('out/main/import-reader.js')));
  afterAll(() => useImportReader(undefined));

  it('feeds the rows and the header that reading in this thread gives, in file order', () => {
    const file = messyExtract();
    let asked = 0;
    const mappingFor: MappingFor = (headers) => (asked++, autoMap(headers).mapping);
    const here = collect(readHere, file, mappingFor);
    const ahead = collect(readAhead, file, mappingFor);
    expect(asked).toBe(2);
    expect(ahead.result).toEqual(here.result);
    expect(ahead.rows.length).toBe(here.rows.length);
    expect(ahead.rows).toEqual(here.rows);
    // The mess is there: a refused row (the bad check digit), the blank line not fed, every row numbered as Excel would.
    const refused = ahead.rows.filter((r) => 'refused' in r);
    expect(refused.map((r) => ('refused' in r ? r.refused.errors.map((e) => e.field) : []))).toEqual([['id_number']]);
    expect(ahead.rows.length).toBe(ROWS + 2);
    const numbers = ahead.rows.map((r) => ('ready' in r ? r.ready.rowNumber : r.refused.rowNumber));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  }, 60_000);

  it('stops reading when the core refuses the mapping, and the core gets the refusal', () => {
    const file = importBook(ROWS).csv;
    const refusal = new AppError('IMPORT_FILE', { field: 'name', reason: 'COLUMN_MISSING' });
    let fed = 0;
    expect(() =>
      readAhead({ bytes: new Uint8Array(file) }, TODAY, () => { throw refusal; }, () => fed++),
    ).toThrow(refusal);
    expect(fed).toBe(0);
    // The core is not left waiting: the next file reads.
    expect(collect(readAhead, file, (h) => autoMap(h).mapping).rows.length).toBe(ROWS);
  }, 60_000);

  it('reports a file broken part-way through after the rows before it, as reading here does', () => {
    const lines = iconv.decode(importBook(ROWS).csv, 'gbk').split('\r\n');
    lines[5_500] = `"unterminated,${lines[5_500]}`;
    const file = iconv.encode(lines.join('\r\n'), 'gbk');
    const mappingFor: MappingFor = (h) => autoMap(h).mapping;
    const here = collect(readHere, file, mappingFor);
    const ahead = collect(readAhead, file, mappingFor);
    expect(ahead.result).toMatchObject({ ok: false, error: { code: 'CSV_QUOTES' } });
    expect(ahead.result.ok || ahead.result.error).toEqual(here.result.ok || here.result.error);
    expect(ahead.rows).toEqual(here.rows);
  }, 60_000);
});
