import { randomInt } from 'node:crypto';

// Single-byte flips and truncations of a file, for the tamper corpus (issue 9).

export interface Variant {
  /** Where and how it was changed, for a failure message. */
  label: string;
  bytes: Uint8Array;
}

/**
 * `n` distinct single-byte flips (random position, random different byte) and `n` distinct
 * truncations (random length, always including 0 and length−1), or every one when there are fewer.
 */
export function flipsAndTruncations(original: Uint8Array, n: number): Variant[] {
  const len = original.length;
  const flips = new Map<string, Variant>();
  while (flips.size < Math.min(n, len * 255)) {
    const pos = randomInt(len);
    const value = original[pos]! ^ randomInt(1, 256);
    const key = `${pos}:${value}`;
    if (flips.has(key)) continue;
    const bytes = Uint8Array.from(original);
    bytes[pos] = value;
    flips.set(key, { label: `flip @${pos} ${hex(original[pos]!)}→${hex(value)}`, bytes });
  }
  const lengths = new Set<number>([0, len - 1]);
  while (lengths.size < Math.min(n, len)) lengths.add(randomInt(len));
  const cuts = [...lengths].map((l) => ({ label: `truncated to ${l} of ${len} bytes`, bytes: original.slice(0, l) }));
  return [...flips.values(), ...cuts];
}

const hex = (b: number) => b.toString(16).padStart(2, '0');
