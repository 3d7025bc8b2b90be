import { create } from 'zustand';
import type { AuditPage, AuditVerify } from '../../../../shared/contract';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

interface Filter {
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

interface AuditState {
  filter: Filter;
  page: AuditPage | null;
  verify: AuditVerify | null;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  setFilter(f: Partial<Filter>): void;
  runVerify(): Promise<void>;
}

const INITIAL = { filter: { limit: 50, offset: 0 }, page: null, verify: null, loading: false, error: null };

export const useAudit = create<AuditState>((set, get) => ({
  ...INITIAL,
  async load() {
    set({ loading: true, error: null });
    try {
      set({ page: await invoke('audit.list', get().filter) });
    } catch (e) {
      set({ error: errorText(e) });
    } finally {
      set({ loading: false });
    }
  },
  setFilter(f) {
    // A new filter starts from the first page unless the change is the page itself.
    set({ filter: { ...get().filter, offset: 0, ...f } });
  },
  async runVerify() {
    try {
      set({ verify: await invoke('audit.verify', {}), error: null });
      await get().load();
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
}));

resetOnLock(() => useAudit.setState(INITIAL));
