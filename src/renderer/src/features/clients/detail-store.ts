import { create } from 'zustand';
import type { ClientDetail, ClientListRow, RevealableField } from '../../../../shared/clients';
import { errorText, invoke } from '../../api';
import { resetOnLock } from '../../lock-reset';

/** A client's segment as the list (or the Segments page) knows it: clients.get does not carry it. */
export type SegmentTags = Partial<Pick<ClientListRow, 'tier' | 'quadrant' | 'band' | 'state'>>;

interface DetailState {
  openId: string | null;
  segment: SegmentTags | null;
  detail: ClientDetail | null;
  /** Values revealed while this detail is open; dropped when it closes (security.md). */
  revealed: Partial<Record<RevealableField, string | null>>;
  loading: boolean;
  error: string | null;
  open(id: string, segment?: SegmentTags): Promise<void>;
  close(): void;
  reveal(field: RevealableField): Promise<void>;
  replace(detail: ClientDetail): void;
}

const INITIAL = { openId: null, segment: null, detail: null, revealed: {}, loading: false, error: null };

export const useClientDetail = create<DetailState>((set, get) => ({
  ...INITIAL,
  async open(id, segment) {
    set({ ...INITIAL, openId: id, segment: segment ?? null, loading: true });
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
