import { useLayoutEffect, useMemo, useRef } from 'react';

/**
 * A React key ("slot") for each row index in [first, last), chosen so that scrolling never
 * reorders the rows' elements it keeps: rows still in the window keep their slot, and rows coming
 * in take the slots of rows gone, in the same order. A slot's elements then take their new
 * client's text in place; a row element moved within the list is restyled and laid out anew.
 */
export function useRowSlots(first: number, last: number): (index: number) => number {
  // The slots as last committed (the elements on screen), index → slot in index order.
  const committed = useRef(new Map<number, number>());
  const slots = useMemo(() => assignSlots(committed.current, first, last), [first, last]);
  useLayoutEffect(() => {
    committed.current = slots;
  }, [slots]);
  return (index) => slots.get(index)!;
}

export function assignSlots(previous: ReadonlyMap<number, number>, first: number, last: number): Map<number, number> {
  const free: number[] = [];
  const used = new Set<number>();
  for (const [index, slot] of previous) {
    if (index >= first && index < last) used.add(slot);
    else free.push(slot);
  }
  let unused = 0;
  const next = new Map<number, number>();
  for (let i = first; i < last; i++) {
    let slot = previous.get(i);
    if (slot === undefined) {
      slot = free.shift();
      if (slot === undefined) {
        while (used.has(unused)) unused++;
        slot = unused;
      }
      used.add(slot);
    }
    next.set(i, slot);
  }
  return next;
}
