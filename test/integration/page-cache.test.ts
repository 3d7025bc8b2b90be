import { describe, expect, it } from 'vitest';
import { BULK_LOAD_ROWS, withBulkCache } from '../../src/main/core/store/db';
import { SEGMENT_INPUT_SQL } from '../../src/main/core/services/segment-book';
import { workspaceForFile } from '../helpers/core';

// The workspace keeps 128 MiB of decrypted pages (a 100,000-client book's segmentation and Today
// page read more than 96 MiB); a bulk load reads its rows with half of it, to stay within the
// worker's memory budget while its dirty pages fill the cache.
const workspace = workspaceForFile();

const cacheKib = () => -(workspace().core.workspace.requireSession().db.pragma('cache_size', { simple: true }) as number);

describe('the page cache', () => {
  it('holds 128 MiB of pages on an open workspace', () => {
    expect(cacheKib()).toBe(128 * 1024);
  });

  it('is halved for a bulk load and restored after it, also when the load fails', () => {
    const db = workspace().core.workspace.requireSession().db;
    expect(withBulkCache(db, BULK_LOAD_ROWS, cacheKib)).toBe(64 * 1024);
    expect(cacheKib()).toBe(128 * 1024);
    expect(() =>
      withBulkCache(db, 100_000, () => {
        throw new Error('broken file');
      }),
    ).toThrow('broken file');
    expect(cacheKib()).toBe(128 * 1024);
  });

  it('is given back in full once the rows are read, for the passes over the whole table after them', () => {
    const db = workspace().core.workspace.requireSession().db;
    const seen: number[] = [];
    withBulkCache(db, 100_000, (rowsRead) => {
      seen.push(cacheKib());
      rowsRead();
      seen.push(cacheKib());
    });
    expect(seen).toEqual([64 * 1024, 128 * 1024]);
    expect(cacheKib()).toBe(128 * 1024);
  });

  it('is left as it is for a small load', () => {
    const db = workspace().core.workspace.requireSession().db;
    expect(withBulkCache(db, BULK_LOAD_ROWS - 1, cacheKib)).toBe(128 * 1024);
  });
});

describe('the segmentation pass', () => {
  it('reads every client from its covering index, not from the wide table', () => {
    const db = workspace().core.workspace.requireSession().db;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${SEGMENT_INPUT_SQL}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan[0]).toBe('SCAN clients USING COVERING INDEX clients_segment_input');
  });
});
