import iconv from 'iconv-lite';
import { importBook } from '../../bench/import';
import { BULK_LOAD_ROWS } from '../../src/main/core/store/db';

/** Rows enough for a bulk load, which the app's worker reads ahead in a second thread. */
export const READ_AHEAD_ROWS = BULK_LOAD_ROWS + 1_000;

/**
 * HQ's GBK extract (bench/import.ts) with the mess of a real one: a blank line, a row whose ID
 * number has a wrong check digit, and a row repeated at the end (merged into the first).
 */
export function messyExtract(rows = READ_AHEAD_ROWS): Buffer {
  const lines = iconv.decode(importBook(rows).csv, 'gbk').split('\r\n');
  const cells = lines[10]!.split(',');
  const badId = [...cells];
  badId[6] = `${cells[6]!.slice(0, 17)}${cells[6]!.at(-1) === '0' ? '1' : '0'}`;
  lines.splice(3_000, 0, '', badId.join(','));
  lines.splice(lines.length - 1, 0, lines[20]!);
  return iconv.encode(lines.join('\r\n'), 'gbk');
}
