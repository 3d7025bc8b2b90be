import { useCallback, useEffect, useState } from 'react';

/** Rows drawn above and below the window, so a slow scroll never shows an empty band. */
const OVERSCAN = 4;
/** After a jump, the rows either side of the window are drawn once the scrolling has rested this long. */
const SETTLE_MS = 150;

/**
 * The rows [first, last) a list of fixed-height rows draws at its scroll position: those in view
 * and OVERSCAN either side. A jump of more than a screenful (the scrollbar thumb dragged through
 * the book) draws the rows in view only: each such frame draws every row anew, and rows either
 * side would be gone by the next one. They are drawn once the scrolling rests.
 */
export function useRowWindow(rowHeight: number, height: number, total: number): { first: number; last: number; scrolledTo(top: number): void } {
  const [{ top, overscan }, setView] = useState({ top: 0, overscan: OVERSCAN });
  useEffect(() => {
    if (overscan === OVERSCAN) return;
    const timer = setTimeout(() => setView((v) => ({ ...v, overscan: OVERSCAN })), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [overscan, top]);
  const scrolledTo = useCallback((next: number) => setView((v) => ({ top: next, overscan: Math.abs(next - v.top) > height ? 0 : OVERSCAN })), [height]);
  return {
    first: Math.max(0, Math.min(Math.floor(top / rowHeight), total) - overscan),
    last: Math.min(total, Math.ceil((top + height) / rowHeight) + overscan),
    scrolledTo,
  };
}
