import { create } from 'zustand';
import type { AgendaItem, CalendarDay, FollowupType } from '../../../../shared/followups';
import type { OccasionEntry } from '../../../../shared/greetings';
import type { TierName } from '../../../../shared/segments';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

/** An item on the calendar: open, or done when the manager shows done items too. */
export interface CalendarItem extends AgendaItem {
  done: boolean;
}

export interface CalendarFilters {
  types: FollowupType[];
  tier: TierName | null;
  showDone: boolean;
}

interface CalendarState {
  /** The visible range, both ends inclusive. */
  range: { from: string; to: string } | null;
  filters: CalendarFilters;
  items: CalendarItem[];
  days: Record<string, CalendarDay>;
  /** Birthdays and anniversaries (per client), and greeting holidays (clientId null). */
  occasions: OccasionEntry[];
  loading: boolean;
  error: string | null;
  setRange(from: string, to: string): void;
  setFilters(patch: Partial<CalendarFilters>): void;
  load(): Promise<void>;
  /** After a drag: the item shows on its new day without a reload. */
  moved(id: string, date: string, overdue: boolean): void;
}

const INITIAL = { range: null, filters: { types: [], tier: null, showDone: false }, items: [], days: {}, occasions: [], loading: false, error: null };
let seq = 0;

export const useCalendar = create<CalendarState>((set, get) => ({
  ...INITIAL,
  setRange(from, to) {
    const r = get().range;
    if (r?.from === from && r.to === to) return;
    set({ range: { from, to } });
    void get().load();
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch } });
    void get().load();
  },
  async load() {
    const { range, filters } = get();
    if (!range) return;
    const mine = ++seq;
    set({ loading: true, error: null });
    const query = { from: range.from, to: range.to, types: filters.types.length ? filters.types : undefined, tier: filters.tier ?? undefined };
    try {
      const [open, done] = await Promise.all([
        invoke('agenda.range', { ...query, status: 'open' }),
        filters.showDone ? invoke('agenda.range', { ...query, status: 'done' }) : Promise.resolve(null),
      ]);
      if (mine !== seq) return;
      // Done items are listed whatever their tier: the tier filter applies here as well.
      const closed = (done?.items ?? []).filter((i) => !filters.tier || i.tier === filters.tier);
      set({
        items: [...open.items.map((i) => ({ ...i, done: false })), ...closed.map((i) => ({ ...i, done: true }))],
        days: Object.fromEntries(open.days.map((d) => [d.date, d])),
        occasions: open.occasions ?? [],
      });
    } catch (e) {
      if (mine === seq) set({ error: errorText(e) });
    } finally {
      if (mine === seq) set({ loading: false });
    }
  },
  moved(id, date, overdue) {
    set({ items: get().items.map((i) => (i.id === id ? { ...i, date, overdue } : i)) });
  },
}));

resetOnLock(() => {
  seq++;
  useCalendar.setState(INITIAL);
});
