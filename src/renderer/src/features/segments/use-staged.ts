import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `count` stages to draw: the first at once, one more each frame after that. A page
 * of heavy cards (Ant Design's tables each measure the page as they mount) drawn a stage per task
 * keeps every task short; drawn at once it was one long commit.
 */
export function useStaged(count: number): number {
  const [drawn, setDrawn] = useState(1);
  useEffect(() => {
    if (drawn >= count) return;
    const frame = requestAnimationFrame(() => startTransition(() => setDrawn(drawn + 1)));
    return () => cancelAnimationFrame(frame);
  }, [drawn, count]);
  return drawn;
}
