import { create } from 'zustand';
import type { CLIENT_STATUSES } from '../../../../shared/clients';
import type { InputOf } from '../../../../shared/contract';
import type { BandName, QuadrantName, StateName, TierName } from '../../../../shared/segments';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';
import { useSession } from '../../session-store';
import { AHEAD_ROWS, evictFarthest, missingPages, pageLength, PAGE_SIZE, type ClientPages } from './client-pages';

export type ClientSort = 'name' | 'aum' | 'revenue' | 'updated';
/** The segment filters the Segments page hands over (click tier A → clients in A). */
export type SegmentFilter = Pick<ClientFilter, 'tier' | 'quadrant' | 'band' | 'state'>;
export const SEGMENT_FILTER_KEYS = ['tier', 'quadrant', 'band', 'state'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export interface ClientFilter {
  query: string;
  status?: ClientStatus;
  kind?: 'person' | 'company';
  tag?: string;
  tier?: TierName;
  quadrant?: QuadrantName;
  band?: BandName;
  state?: StateName;
  sort: ClientSort;
  order: 'asc' | 'desc';
}

interface ClientsState {
  filter: ClientFilter;
  /** Loaded pages of the list, by page number (see client-pages.ts): a few of them, never the whole book. */
  pages: ClientPages;
  total: number;
  tags: string[];
  /** The first page after a query, filter or sort change is on its way (the table is veiled). */
  loading: boolean;
  /** Pages the table scrolled to that are on their way (the count line says so). */
  fetching: number;
  error: string | null;
  /** Known once an unfiltered list came back: offers the demo book only to an empty book. */
  bookEmpty: boolean | null;
  reload(): Promise<void>;
  /** The table shows rows first…last − 1: fetches the pages they lack, and the one ahead. */
  show(first: number, last: number): void;
  setFilter(f: Partial<ClientFilter>): void;
  clearFilters(): void;
  /** Opens the Clients page showing exactly one segment (other filters cleared). */
  showSegment(f: SegmentFilter): void;
  /** Drops the loaded rows when the page closes (it reloads its first page when it opens). */
  release(): void;
}

/**
 * Rows fetched when the query, a filter or the sort changes: the first screenful and a margin.
 * Each keystroke asks for this page, so it is kept small (fetching and masking 1,000 rows per
 * keystroke is what made typing slow at 100,000 clients).
 */
export const FIRST_PAGE_SIZE = 200;
/** Page requests on their way at once: the window's page comes first; a fast drag asks only for where it ends. */
const MAX_IN_FLIGHT = 2;
/** A page ahead waits this long after a first page, so typing is not slowed by pages nobody looks at yet. */
const AHEAD_DELAY_MS = 300;

const DEFAULT_FILTER: ClientFilter = { query: '', sort: 'revenue', order: 'desc' };
const NO_PAGES: ClientPages = new Map();
const INITIAL = { filter: DEFAULT_FILTER, pages: NO_PAGES, total: 0, tags: [], loading: false, fetching: 0, error: null, bookEmpty: null };

// Typing fires requests faster than they return: only the latest generation may write rows.
let generation = 0;
// The table's last window, and whether the manager was scrolling down to it.
let view = { first: 0, last: 0, down: true };
// Pages requested in this generation and not yet answered.
const inFlight = new Set<number>();
// When this generation's first page arrived (pages ahead wait AHEAD_DELAY_MS after it).
let firstPageAt = 0;
let aheadTimer: ReturnType<typeof setTimeout> | undefined;
// Rows without a tier are segmented once per generation (reload() does it for the first page).
let segmentedOnce = false;

export const useClients = create<ClientsState>((set, get) => {
  function newGeneration(): number {
    inFlight.clear();
    clearTimeout(aheadTimer);
    segmentedOnce = false;
    return ++generation;
  }

  /** Fetches the rows page `p` lacks; the answer is dropped when a new query, filter or sort came since. */
  async function fetchPage(p: number): Promise<void> {
    const mine = generation;
    const { filter, total, pages } = get();
    const base = pages.get(p) ?? [];
    const offset = p * PAGE_SIZE + base.length;
    const limit = pageLength(p, total) - base.length;
    if (limit <= 0) return;
    inFlight.add(p);
    set({ fetching: inFlight.size });
    try {
      let page = await invoke('clients.list', request(filter, offset, limit));
      if (mine !== generation) return;
      if (!segmentedOnce && page.rows.some((r) => r.tier === null)) {
        segmentedOnce = true;
        await invoke('segments.summary', {});
        page = await invoke('clients.list', request(filter, offset, limit));
        if (mine !== generation) return;
      }
      const now = get();
      // Only this page's array is new: the other pages' rows keep their identity (their rows are not redrawn).
      if ((now.pages.get(p) ?? []).length !== base.length) return;
      const next = new Map(now.pages).set(p, base.length ? base.concat(page.rows) : page.rows);
      // A short answer ends the list there (the book shrank since the total was counted).
      const newTotal = page.rows.length < limit ? Math.min(page.total, offset + page.rows.length) : page.total;
      inFlight.delete(p);
      set({ pages: evictFarthest(next, view.first, view.last), total: newTotal, fetching: inFlight.size });
    } catch (e) {
      if (mine === generation) set({ error: errorText(e) });
    } finally {
      if (mine === generation && inFlight.delete(p)) set({ fetching: inFlight.size });
    }
    if (mine === generation) get().show(view.first, view.last);
  }

  return {
    ...INITIAL,
    async reload() {
      const mine = newGeneration();
      const filter = get().filter;
      set({ loading: true, error: null, fetching: 0 });
      try {
        let page = await invoke('clients.list', request(filter, 0, FIRST_PAGE_SIZE));
        if (mine !== generation) return;
        if (page.rows.some((r) => r.tier === null)) {
          // Clients added since the book was last segmented (a new book, an import): segment it
          // now, so the tier, quadrant, band and state columns and filters are never blank.
          segmentedOnce = true;
          await invoke('segments.summary', {});
          page = await invoke('clients.list', request(filter, 0, FIRST_PAGE_SIZE));
          if (mine !== generation) return;
        }
        firstPageAt = performance.now();
        set({
          pages: page.rows.length ? new Map([[0, page.rows]]) : NO_PAGES,
          total: page.total,
          tags: page.tags,
          loading: false,
          ...(isUnfiltered(filter) ? { bookEmpty: page.total === 0 } : page.total > 0 ? { bookEmpty: false } : {}),
        });
        get().show(view.first, view.last);
      } catch (e) {
        if (mine === generation) set({ error: errorText(e), pages: NO_PAGES, total: 0 });
      } finally {
        if (mine === generation && get().loading) set({ loading: false });
      }
    },
    show(first, last) {
      view = { first, last, down: first === view.first ? view.down : first > view.first };
      const { loading, error, total, pages } = get();
      if (loading || error || total === 0) return;
      const visible = missingPages(pages, first, last, total);
      const aheadRange: [number, number] = view.down ? [last, last + AHEAD_ROWS] : [first - AHEAD_ROWS, first];
      const ahead = missingPages(pages, ...aheadRange, total).filter((p) => !visible.includes(p));
      const wait = firstPageAt + AHEAD_DELAY_MS - performance.now();
      if (ahead.length && wait > 0) {
        clearTimeout(aheadTimer);
        aheadTimer = setTimeout(() => get().show(view.first, view.last), wait);
      }
      for (const p of wait > 0 ? visible : [...visible, ...ahead]) {
        if (inFlight.size >= MAX_IN_FLIGHT) break;
        if (!inFlight.has(p)) void fetchPage(p);
      }
    },
    setFilter(f) {
      set({ filter: { ...get().filter, ...f } });
      void get().reload();
    },
    clearFilters() {
      set({ filter: { ...DEFAULT_FILTER, sort: get().filter.sort, order: get().filter.order } });
      void get().reload();
    },
    showSegment(f) {
      // No stale rows from another filter in between; the page's mount runs the reload.
      newGeneration();
      set({ filter: { ...DEFAULT_FILTER, ...f }, pages: NO_PAGES, total: 0, loading: true, fetching: 0 });
      useSession.getState().setPage('clients');
    },
    release() {
      // A page still on its way is dropped too; the filter and the tags stay for the page's return, which reloads.
      newGeneration();
      set({ pages: NO_PAGES, loading: true, fetching: 0 });
    },
  };
});

export function isUnfiltered(f: ClientFilter): boolean {
  return f.query.trim() === '' && !f.status && !f.kind && !f.tag && SEGMENT_FILTER_KEYS.every((k) => !f[k]);
}

function request(f: ClientFilter, offset: number, limit: number): InputOf<'clients.list'> {
  const query = f.query.trim();
  return { query: query || undefined, status: f.status, kind: f.kind, tag: f.tag, tier: f.tier, quadrant: f.quadrant, band: f.band, state: f.state, sort: f.sort, order: f.order, limit, offset };
}

// Locking drops every client row the renderer holds.
resetOnLock(() => {
  generation++;
  inFlight.clear();
  clearTimeout(aheadTimer);
  useClients.setState(INITIAL);
});
