import type { ClientListRow } from '../../../../shared/clients';

/**
 * The Clients list held as a window of aligned pages: page p holds rows p × PAGE_SIZE onwards,
 * fetched by offset for the rows the table shows, at most MAX_PAGES of them at a time. Pure
 * functions of the loaded pages, the total and the window, so the store only decides when.
 */
export type ClientPages = ReadonlyMap<number, readonly ClientListRow[]>;

/** Rows per page (one request, aligned at multiples of this offset). */
export const PAGE_SIZE = 1000;
/** Pages kept at most: the window's, the one ahead and a few behind; farther ones are let go. */
export const MAX_PAGES = 6;
/** Rows beyond the window, in the direction the manager scrolls, whose page is fetched ahead. */
export const AHEAD_ROWS = 500;

/** The row at `index`, or undefined while its page is not loaded (the table draws a placeholder). */
export function rowAt(pages: ClientPages, index: number): ClientListRow | undefined {
  return pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
}

/** How many rows page `p` holds when complete. */
export function pageLength(p: number, total: number): number {
  return Math.max(0, Math.min(PAGE_SIZE, total - p * PAGE_SIZE));
}

/**
 * The pages that lack some of rows [from, to) (a page may hold only its first rows: the first
 * request after a filter change asks for fewer), in order.
 */
export function missingPages(pages: ClientPages, from: number, to: number, total: number): number[] {
  const start = Math.max(0, from);
  const end = Math.min(total, to);
  const out: number[] = [];
  for (let p = Math.floor(start / PAGE_SIZE); p * PAGE_SIZE < end; p++) {
    const needed = Math.min(end, (p + 1) * PAGE_SIZE) - p * PAGE_SIZE;
    if ((pages.get(p)?.length ?? 0) < needed) out.push(p);
  }
  return out;
}

/**
 * Lets go of the pages farthest from the window [first, last) until at most `max` remain;
 * the window's own pages are always kept. Returns the pages kept (the same map when none go).
 */
export function evictFarthest(pages: ClientPages, first: number, last: number, max = MAX_PAGES): ClientPages {
  if (pages.size <= max) return pages;
  const lo = Math.floor(first / PAGE_SIZE);
  const hi = Math.floor(Math.max(first, last - 1) / PAGE_SIZE);
  const distance = (p: number) => (p < lo ? lo - p : p > hi ? p - hi : 0);
  const byNearness = [...pages.keys()].sort((a, b) => distance(a) - distance(b));
  const keep = new Set(byNearness.filter((p, i) => i < max || distance(p) === 0));
  return new Map([...pages].filter(([p]) => keep.has(p)));
}
