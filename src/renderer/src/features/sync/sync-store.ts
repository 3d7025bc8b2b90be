import { create } from 'zustand';
import type { RosterSummary, SyncExportResult, SyncHistoryEntry, SyncProgress, SyncSettings, SyncStatus } from '../../../../shared/sync';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

/** What the roster confirm modal shows: the picked file and what applying it will do. */
export interface RosterPick {
  fileName: string;
  contentBase64: string;
  summary: RosterSummary;
}

interface SyncState {
  status: SyncStatus | null;
  history: SyncHistoryEntry[];
  loading: boolean;
  /** Loading the page failed (not a refused file). */
  error: string | null;
  busy: 'export' | 'read' | 'preview' | 'apply' | null;
  progress: SyncProgress | null;
  /** The last refused file or failed export, in words, until the next attempt. */
  refusal: { kind: 'export' | 'roster'; text: string } | null;
  roster: RosterPick | null;
  load(): Promise<void>;
  setProgress(p: SyncProgress | null): void;
  setStatus(s: SyncStatus): void;
  setSettings(s: SyncSettings): void;
  runExport(): Promise<SyncExportResult | null>;
  previewRoster(fileName: string, contentBase64: string): Promise<void>;
  applyRoster(): Promise<RosterSummary | null>;
  cancelRoster(): void;
  setBusy(b: SyncState['busy']): void;
  refuse(kind: 'export' | 'roster', text: string): void;
}

const INITIAL = { status: null, history: [], loading: false, error: null, busy: null, progress: null, refusal: null, roster: null };

/** The Sync page: status, file history and the one export or roster in progress. */
export const useSync = create<SyncState>((set, get) => ({
  ...INITIAL,
  async load() {
    set({ loading: true });
    try {
      const [status, history] = await Promise.all([invoke('sync.status', {}), invoke('sync.history', { limit: 100 })]);
      set({ status, history, error: null });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ loading: false });
    }
  },
  setProgress(progress) {
    if (get().busy) set({ progress });
  },
  setStatus(status) {
    set({ status });
  },
  setSettings(settings) {
    const status = get().status;
    if (status) set({ status: { ...status, settings } });
  },
  async runExport() {
    set({ busy: 'export', progress: null, refusal: null });
    try {
      return await invoke('sync.export', {});
    } catch (e) {
      set({ refusal: { kind: 'export', text: errorText(e) } });
      return null;
    } finally {
      set({ busy: null, progress: null });
      void get().load();
    }
  },
  async previewRoster(fileName, contentBase64) {
    set({ busy: 'preview', progress: null, refusal: null });
    try {
      const summary = await invoke('sync.rosterPreview', { fileName, contentBase64 });
      set({ roster: { fileName, contentBase64, summary } });
    } catch (e) {
      set({ refusal: { kind: 'roster', text: errorText(e) } });
      // A refused file is recorded in the history.
      void get().load();
    } finally {
      set({ busy: null });
    }
  },
  async applyRoster() {
    const roster = get().roster;
    if (!roster) return null;
    set({ busy: 'apply', progress: null, refusal: null });
    try {
      const r = await invoke('sync.rosterApply', { fileName: roster.fileName, contentBase64: roster.contentBase64 });
      set({ roster: null });
      return r;
    } catch (e) {
      set({ roster: null, refusal: { kind: 'roster', text: errorText(e) } });
      return null;
    } finally {
      set({ busy: null, progress: null });
      void get().load();
    }
  },
  cancelRoster() {
    set({ roster: null });
  },
  setBusy(busy) {
    set({ busy });
  },
  refuse(kind, text) {
    set({ refusal: { kind, text } });
  },
}));

resetOnLock(() => useSync.setState(INITIAL));
