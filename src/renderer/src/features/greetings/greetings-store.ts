import { create } from 'zustand';
import type { GreetingRow, GreetingsPage, GreetingStatus, OccasionKindName } from '../../../../shared/greetings';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';
import { localDay, refKey } from './format';

/** The most the core takes in one mark or export. */
export const MAX_BATCH = 20_000;
const FETCH = 5000;

interface GreetingsState {
  from: string;
  to: string;
  occasion: OccasionKindName | null;
  status: GreetingStatus | null;
  page: number;
  pageSize: number;
  data: GreetingsPage | null;
  /** Per status, within the occasion filter. */
  counts: Record<GreetingStatus, number> | null;
  loading: boolean;
  error: string | null;
  /** Ticked greetings, kept across pages, by clientId|occasion|date. */
  selected: Map<string, GreetingRow>;
  selectingAll: boolean;
  setRange(from: string, to: string): void;
  setOccasion(occasion: OccasionKindName | null): void;
  setStatus(status: GreetingStatus | null): void;
  setPage(page: number, pageSize: number): void;
  load(): Promise<void>;
  select(rows: GreetingRow[], on: boolean): void;
  /** Every pending greeting of the range and occasion, fetched page by page. */
  selectAllPending(): Promise<void>;
  clearSelection(): void;
}

const initial = () => ({
  from: localDay(0),
  to: localDay(14),
  occasion: null,
  status: null,
  page: 1,
  pageSize: 50,
  data: null,
  counts: null,
  loading: false,
  error: null,
  selected: new Map<string, GreetingRow>(),
  selectingAll: false,
});
let seq = 0;

export const useGreetings = create<GreetingsState>((set, get) => ({
  ...initial(),
  setRange(from, to) {
    set({ from, to, page: 1, selected: new Map() });
    void get().load();
  },
  setOccasion(occasion) {
    set({ occasion, page: 1, selected: new Map() });
    void get().load();
  },
  setStatus(status) {
    set({ status, page: 1 });
    void get().load();
  },
  setPage(page, pageSize) {
    set({ page: pageSize === get().pageSize ? page : 1, pageSize });
    void get().load();
  },
  async load() {
    const { from, to, occasion, status, page, pageSize } = get();
    const mine = ++seq;
    set({ loading: true, error: null });
    const base = { from, to, occasion: occasion ?? undefined };
    try {
      const data = await invoke('greetings.list', { ...base, status: status ?? undefined, limit: pageSize, offset: (page - 1) * pageSize });
      if (mine !== seq) return;
      // A page past the end (after marking the last rows of a filtered page): back to the last one.
      if (data.rows.length === 0 && data.total > 0 && page > 1) {
        set({ page: Math.ceil(data.total / pageSize) });
        return void get().load();
      }
      set({ data, counts: data.counts });
    } catch (e) {
      if (mine === seq) set({ error: errorText(e) });
    } finally {
      if (mine === seq) set({ loading: false });
    }
  },
  select(rows, on) {
    const next = new Map(get().selected);
    for (const r of rows) {
      if (on && r.status === 'pending' && next.size < MAX_BATCH) next.set(refKey(r), r);
      else if (!on) next.delete(refKey(r));
    }
    set({ selected: next });
  },
  async selectAllPending() {
    const { from, to, occasion } = get();
    set({ selectingAll: true });
    try {
      const next = new Map(get().selected);
      for (let offset = 0; next.size < MAX_BATCH; offset += FETCH) {
        const r = await invoke('greetings.list', { from, to, occasion: occasion ?? undefined, status: 'pending', limit: FETCH, offset });
        for (const row of r.rows) if (next.size < MAX_BATCH) next.set(refKey(row), row);
        if (offset + FETCH >= r.total) break;
      }
      set({ selected: next });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ selectingAll: false });
    }
  },
  clearSelection() {
    set({ selected: new Map() });
  },
}));

resetOnLock(() => {
  seq++;
  useGreetings.setState(initial());
});
