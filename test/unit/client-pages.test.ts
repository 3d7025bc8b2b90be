import { describe, expect, it } from 'vitest';
import type { ClientListRow } from '../../src/shared/clients';
import { evictFarthest, MAX_PAGES, missingPages, PAGE_SIZE, pageLength, rowAt, type ClientPages } from '../../src/renderer/src/features/clients/client-pages';

// The Clients table's window of pages over a book of 7,503 clients (8 pages, the last one 503 rows).
const TOTAL = 7503;
const rows = (p: number, n = pageLength(p, TOTAL)) => Array.from({ length: n }, (_, i) => ({ id: `c${p * PAGE_SIZE + i}` }) as ClientListRow);

describe('client pages', () => {
  it('finds a row by its position, and nothing where its page is not loaded', () => {
    const pages: ClientPages = new Map([[3, rows(3)]]);
    expect(rowAt(pages, 3750)?.id).toBe('c3750');
    expect(rowAt(pages, 2999)).toBeUndefined();
    expect(pageLength(7, TOTAL)).toBe(503);
    expect(pageLength(8, TOTAL)).toBe(0);
  });

  it('asks for the pages the window lacks, a first page of 200 rows counting as incomplete', () => {
    const pages: ClientPages = new Map([[0, rows(0, 200)], [1, rows(1)]]);
    expect(missingPages(pages, 0, 150, TOTAL)).toEqual([]);
    expect(missingPages(pages, 150, 260, TOTAL)).toEqual([0]);
    expect(missingPages(pages, 1900, 2100, TOTAL)).toEqual([2]);
    expect(missingPages(pages, 7400, 7600, TOTAL)).toEqual([7]);
  });

  it('lets go of the farthest pages, never the window’s own', () => {
    const all: ClientPages = new Map([0, 1, 2, 3, 4, 5, 6, 7].map((p) => [p, rows(p)]));
    const kept = evictFarthest(all, 6900, 7100);
    expect(kept.size).toBe(MAX_PAGES);
    expect([...kept.keys()].sort()).toEqual([2, 3, 4, 5, 6, 7]);
    // A window spanning more pages than the cap keeps all of them.
    expect(evictFarthest(all, 0, TOTAL, 2).size).toBe(8);
    // Under the cap nothing changes (the same map, so nothing re-renders).
    const few: ClientPages = new Map([[0, rows(0)]]);
    expect(evictFarthest(few, 0, 10)).toBe(few);
  });
});
