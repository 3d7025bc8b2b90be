import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../src/renderer/src/features/clients/row-slots';

// The Clients table keys its visible rows by slot (row-slots.ts): while scrolling, a row still in
// view keeps its slot, a row coming in takes a slot of a row gone, and slots never collide.

const window = (previous: Map<number, number>, first: number, last: number) => assignSlots(previous, first, last);
const slotsOf = (m: Map<number, number>) => [...m.values()];

describe('row slots', () => {
  it('numbers the first window 0..n-1', () => {
    expect([...window(new Map(), 0, 5)]).toEqual([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]]);
  });

  it('keeps the slot of every row still in view and gives the rows gone their slots to the rows coming in', () => {
    const a = window(new Map(), 0, 5);
    const b = window(a, 2, 7); // scrolled two rows down
    expect([2, 3, 4].map((i) => b.get(i))).toEqual([2, 3, 4]);
    expect([b.get(5), b.get(6)]).toEqual([0, 1]); // rows 0 and 1 left, in that order
    const c = window(b, 1, 6); // and one row back up
    expect([2, 3, 4, 5].map((i) => c.get(i))).toEqual([2, 3, 4, 0]);
    expect(c.get(1)).toBe(1); // the slot row 6 gave up
  });

  it('never gives two rows of a window the same slot, also after a jump or a resize', () => {
    let m = window(new Map(), 0, 8);
    for (const [first, last] of [[3, 11], [50_000, 50_008], [50_002, 50_014], [0, 4], [1, 9]] as const) {
      m = window(m, first, last);
      expect(m.size).toBe(last - first);
      expect(new Set(slotsOf(m)).size).toBe(m.size);
      expect(Math.max(...slotsOf(m))).toBeLessThan(Math.max(m.size, 12));
    }
  });
});
