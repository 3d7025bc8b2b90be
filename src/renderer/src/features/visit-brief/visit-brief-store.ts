import { create } from 'zustand';
import { resetOnLock } from '../../lock-reset';

/** Which visit or meeting follow-up's brief (拜访准备) is open. */
interface VisitBriefState {
  followupId: string | null;
  open(followupId: string): void;
  close(): void;
}

export const useVisitBrief = create<VisitBriefState>((set) => ({
  followupId: null,
  open: (followupId) => set({ followupId }),
  close: () => set({ followupId: null }),
}));

resetOnLock(() => useVisitBrief.setState({ followupId: null }));
