import { create } from 'zustand';
import type { ClientListRow, CLIENT_STATUSES } from '../../../../shared/clients';
import type { InputOf } from '../../../../shared/contract';
import type { BandName, QuadrantName, StateName, TierName } from '../../../../shared/segments';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';
import { useSession } from '../../session-store';

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
  rows: ClientListRow[];
  total: number;
  tags: string[];
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  /** Known once an unfiltered list came back: offers the demo book only to an empty book. */
  bookEmpty: boolean | null;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
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
/** Rows fetched per request as the manager scrolls past the loaded ones. */
export const PAGE_SIZE = 1000;

const DEFAULT_FILTER: ClientFilter = { query: '', sort: 'revenue', order: 'desc' };
const INITIAL = { filter: DEFAULT_FILTER, rows: [], total: 0, tags: [], loading: false, loadingMore: false, error: null, bookEmpty: null };

// Typing fires requests faster than they return: only the latest one may write rows.
let generation = 0;

export const useClients = create<ClientsState>((set, get) => ({
  ...INITIAL,
  async reload() {
    const mine = ++generation;
    const filter = get().filter;
    set({ loading: true, error: null });
    try {
      let page = await invoke('clients.list', request(filter, 0, FIRST_PAGE_SIZE));
      if (mine !== generation) return;
      if (page.rows.some((r) => r.tier === null)) {
        // Clients added since the book was last segmented (a new book, an import): segment it
        // now, so the tier, quadrant, band and state columns and filters are never blank.
        await invoke('segments.summary', {});
        page = await invoke('clients.list', request(filter, 0, FIRST_PAGE_SIZE));
        if (mine !== generation) return;
      }
      set({ rows: page.rows, total: page.total, tags: page.tags, ...(isUnfiltered(filter) ? { bookEmpty: page.total === 0 } : page.total > 0 ? { bookEmpty: false } : {}) });
    } catch (e) {
      if (mine === generation) set({ error: errorText(e), rows: [], total: 0 });
    } finally {
      if (mine === generation) set({ loading: false });
    }
  },
  async loadMore() {
    const { rows, total, loading, loadingMore, filter } = get();
    if (loading || loadingMore || rows.length >= total) return;
    const mine = generation;
    set({ loadingMore: true });
    // One update per page (rows and the flag together): each one redraws a table of the whole book.
    try {
      const page = await invoke('clients.list', request(filter, rows.length, PAGE_SIZE));
      set(mine === generation ? { rows: [...get().rows, ...page.rows], total: page.total, loadingMore: false } : { loadingMore: false });
    } catch (e) {
      set(mine === generation ? { error: errorText(e), loadingMore: false } : { loadingMore: false });
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
    set({ filter: { ...DEFAULT_FILTER, ...f }, rows: [], total: 0, loading: true });
    useSession.getState().setPage('clients');
  },
  release() {
    // A page still on its way is dropped too; the filter and the tags stay for the page's return, which reloads.
    generation++;
    set({ rows: [], loading: true, loadingMore: false });
  },
}));

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
  useClients.setState(INITIAL);
});
