import { create } from 'zustand';
import { resetOnLock } from '../../lock-reset';

/** What the quick-log form starts from: a client (and the follow-up it carries out), or nothing. */
export interface QuickLogTarget {
  clientId?: string;
  clientName?: string;
  followupId?: string;
  /** Pre-selected values, e.g. a visit's channel and purpose. */
  channel?: string;
  purpose?: string;
  attendees?: string[];
}

interface QuickLogState {
  target: QuickLogTarget | null;
  /** Bumped after every saved contact, so pages showing agendas reload. */
  savedCount: number;
  open(target?: QuickLogTarget): void;
  close(): void;
  saved(): void;
}

export const useQuickLog = create<QuickLogState>((set) => ({
  target: null,
  savedCount: 0,
  open: (target = {}) => set({ target }),
  close: () => set({ target: null }),
  saved: () => set((s) => ({ savedCount: s.savedCount + 1 })),
}));

resetOnLock(() => useQuickLog.setState({ target: null }));
