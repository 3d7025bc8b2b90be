import { useEffect } from 'react';
import { invoke } from '../../api';

const PING_EVERY_MS = 30_000;

/** Tells the core the manager is at the keyboard, at most every 30 s, so idle auto-lock counts real idleness. */
export function useActivityPing(): void {
  useEffect(() => {
    let last = 0;
    const ping = () => {
      const now = Date.now();
      if (now - last < PING_EVERY_MS) return;
      last = now;
      void invoke('session.activity', {}).catch(() => undefined);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'pointermove'] as const;
    events.forEach((e) => window.addEventListener(e, ping, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, ping));
  }, []);
}
