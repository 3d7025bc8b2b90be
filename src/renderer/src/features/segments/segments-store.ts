import { create } from 'zustand';
import type { MetricName, MovementMatrix, QuarterKpis, SegmentSummary, SnapshotInfo } from '../../../../shared/segments';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

interface SegmentsState {
  /** The metric shown: the workspace's setting, changed by the switch on the page. */
  metric: MetricName | null;
  cutoffs: { a: number; b: number } | null;
  summary: SegmentSummary | null;
  snapshots: SnapshotInfo[];
  kpis: QuarterKpis | null;
  movement: MovementMatrix | null;
  /** The two snapshots compared in the movement matrix. */
  pair: { from: string; to: string } | null;
  loading: boolean;
  snapshotting: boolean;
  error: string | null;
  load(): Promise<void>;
  setMetric(metric: MetricName): Promise<void>;
  snapshotNow(): Promise<SnapshotInfo | null>;
  compare(from: string, to: string): Promise<void>;
}

const INITIAL = { metric: null, cutoffs: null, summary: null, snapshots: [], kpis: null, movement: null, pair: null, loading: false, snapshotting: false, error: null };

// A metric switch can overtake the load before it: only the latest may write.
let generation = 0;

export const useSegments = create<SegmentsState>((set, get) => ({
  ...INITIAL,
  async load() {
    const mine = ++generation;
    set({ loading: true, error: null });
    try {
      let metric = get().metric;
      if (!metric || !get().cutoffs) {
        const s = await invoke('segments.settings', {});
        metric ??= s.metric;
        set({ cutoffs: { a: s.aCutoff, b: s.bCutoff } });
      }
      // The summary also stores each client's segment, so the Clients page filters match this view.
      const summary = await invoke('segments.summary', { metric });
      const [snapshots, kpis] = await Promise.all([invoke('segments.snapshots', {}), invoke('segments.kpis', {})]);
      if (mine !== generation) return;
      set({ metric, summary, snapshots, kpis });
      await get().compare(...defaultPair(snapshots, get().pair));
    } catch (e) {
      if (mine === generation) set({ error: errorText(e) });
    } finally {
      if (mine === generation) set({ loading: false });
    }
  },
  async setMetric(metric) {
    // The basis is the workspace's setting: the Clients page's tiers and the monthly snapshot follow it.
    set({ metric, error: null });
    try {
      await invoke('segments.settings', { metric });
    } catch (e) {
      set({ error: errorText(e) });
    }
    await get().load();
  },
  async snapshotNow() {
    set({ snapshotting: true, error: null });
    try {
      const snap = await invoke('segments.snapshot', {});
      // Compare the newest snapshot with the one before it (or itself, when it is the first).
      set({ pair: null });
      await get().load();
      return snap;
    } catch (e) {
      set({ error: errorText(e) });
      return null;
    } finally {
      set({ snapshotting: false });
    }
  },
  async compare(from, to) {
    if (!from || !to) {
      set({ pair: null, movement: null });
      return;
    }
    set({ pair: { from, to } });
    try {
      const movement = await invoke('segments.movement', { from, to });
      if (get().pair?.from === from && get().pair?.to === to) set({ movement });
    } catch (e) {
      set({ error: errorText(e), movement: null });
    }
  },
}));

/** Keeps the manager's pick while both snapshots exist; otherwise the newest against the one before. */
function defaultPair(snapshots: SnapshotInfo[], current: { from: string; to: string } | null): [string, string] {
  const ids = new Set(snapshots.map((s) => s.id));
  if (current && ids.has(current.from) && ids.has(current.to)) return [current.from, current.to];
  const [newest, before] = snapshots;
  return [before?.id ?? newest?.id ?? '', newest?.id ?? ''];
}

// Locking drops the summary: its scatter names clients.
resetOnLock(() => {
  generation++;
  useSegments.setState(INITIAL);
});
