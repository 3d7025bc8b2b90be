import { create } from 'zustand';
import type { WorkspaceStatus } from '../../shared/contract';
import { invoke } from './api';
import i18n from './i18n';
import { runLockResets } from './lock-reset';

export type PageKey = 'today' | 'clients' | 'segments' | 'calendar' | 'greetings' | 'sync' | 'audit' | 'settings';

interface SessionState {
  status: WorkspaceStatus | null;
  page: PageKey;
  refresh(): Promise<void>;
  setStatus(s: WorkspaceStatus): void;
  setPage(p: PageKey): void;
  lock(): Promise<void>;
  /** Called when the core reports it locked (idle, suspend, Ctrl+L in the menu). */
  onLocked(): void;
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  page: 'today',
  async refresh() {
    get().setStatus(await invoke('workspace.status', {}));
  },
  setStatus(status) {
    if (i18n.language !== status.locale) void i18n.changeLanguage(status.locale);
    // Locking drops every page state that may hold client data.
    if (status.locked) runLockResets();
    set(status.locked ? { status, page: 'today' } : { status });
  },
  setPage(page) {
    set({ page });
  },
  async lock() {
    get().setStatus(await invoke('workspace.lock', {}));
  },
  onLocked() {
    void get().refresh();
  },
}));
