import { create } from 'zustand';
import type { ClientDetail, RevealableField } from '../../../../shared/clients';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

interface DetailState {
  openId: string | null;
  detail: ClientDetail | null;
  /** Values revealed while this detail is open; dropped when it closes (security.md). */
  revealed: Partial<Record<RevealableField, string | null>>;
  loading: boolean;
  error: string | null;
  open(id: string): Promise<void>;
  close(): void;
  reveal(field: RevealableField): Promise<void>;
  replace(detail: ClientDetail): void;
}

const INITIAL = { openId: null, detail: null, revealed: {}, loading: false, error: null };

export const useClientDetail = create<DetailState>((set, get) => ({
  ...INITIAL,
  async open(id) {
    set({ ...INITIAL, openId: id, loading: true });
    try {
      const detail = await invoke('clients.get', { id });
      if (get().openId === id) set({ detail });
    } catch (e) {
      if (get().openId === id) set({ error: errorText(e) });
    } finally {
      if (get().openId === id) set({ loading: false });
    }
  },
  close() {
    set(INITIAL);
  },
  async reveal(field) {
    const id = get().openId;
    if (!id) return;
    try {
      const { value } = await invoke('clients.reveal', { id, field });
      if (get().openId === id) set({ revealed: { ...get().revealed, [field]: value } });
    } catch (e) {
      set({ error: errorText(e) });
    }
  },
  replace(detail) {
    // An edit returns the record masked again: what was revealed lapses with it.
    if (get().openId === detail.id) set({ detail, revealed: {} });
  },
}));

resetOnLock(() => useClientDetail.setState(INITIAL));
