import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * The width of an element and the height from its top to the bottom of the window (less
 * the page margin), kept current on resize: a virtual table needs both as numbers.
 */
export function useAvailableBox<T extends HTMLElement>(bottomMargin = 24): [RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T>(null);
  const [box, setBox] = useState({ width: 960, height: 480 });
  useLayoutEffect(() => {
    const measure = () => {
      const rect = ref.current?.getBoundingClientRect();
      if (!rect) return;
      const next = { width: Math.floor(rect.width), height: Math.max(0, Math.floor(window.innerHeight - rect.top - bottomMargin)) };
      setBox((b) => (b.width === next.width && b.height === next.height ? b : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (ref.current) observer.observe(ref.current);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [bottomMargin]);
  return [ref, box];
}
