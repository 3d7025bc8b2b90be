// Payloads for the IPC fuzzer: junk of every shape a compromised renderer could send, and
// valid inputs with one field mutated. Deterministic from a seed, so a failure can be replayed.

import { mulberry32 } from '../helpers/prng';

export type Rng = () => number;

export const rng: (seed: number) => Rng = mulberry32;

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const JUNK_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Egnp.exe',
  '\u200B\u200D\uFEFF',
  '𠜎𠜱𠝹𠱓👨‍👩‍👧‍👦',
  '../../etc/passwd',
  'C:\\Windows\\System32',
  "'; DROP TABLE clients; --",
  '" OR 1=1 --',
  '=cmd|\' /C calc\'!A0',
  '<script>alert(1)</script>',
  '%s%s%n',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-99-99',
  '2026-1-1',
  '2026-11-22T25:61:00Z',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '__proto__',
  'constructor',
  'prototype',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  'zh-CN',
  'true',
  'null',
];
const JUNK_NUMBERS = [NaN, Infinity, -Infinity, -0, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, -(2 ** 53) - 1, Number.MAX_VALUE, Number.MIN_VALUE, 1e308, -1e308, 0.1 + 0.2, 10_001, 200_001, 5_000_001];

/** A junk value; `depth` bounds nesting except where deep nesting is the point. */
export function junk(r: Rng, depth = 0): unknown {
  const k = Math.floor(r() * (depth > 2 ? 9 : 16));
  switch (k) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return pick(r, JUNK_NUMBERS);
    case 3:
      return pick(r, JUNK_STRINGS);
    case 4:
      return r() < 0.5;
    case 5:
      return Math.floor(r() * 2 ** 32) - 2 ** 31;
    case 6:
      return String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * 0x10000)));
    case 7:
      return 'x'.repeat(r() < 0.1 ? 2_000_000 : 1 + Math.floor(r() * 300_000));
    case 8:
      return new Date(r() < 0.5 ? NaN : Math.floor(r() * 1e13));
    case 9:
      return Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    case 10:
      return Object.fromEntries(Array.from({ length: 1 + Math.floor(r() * 3) }, () => [pick(r, ['a', 'id', 'client', 'name', 'x'.repeat(500), '', '0']), junk(r, depth + 1)]));
    case 11:
      return deep(r() < 0.5 ? 5_000 : 200, r() < 0.5);
    case 12:
      return pollution(r);
    case 13:
      return tricky(r);
    case 14:
      return Array.from({ length: r() < 0.2 ? 250_000 : 10 }, (_, i) => i);
    default:
      return new Map([['a', 1]]);
  }
}

/** Nested arrays or objects, `n` levels. */
export function deep(n: number, arrays: boolean): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < n; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** Keys that would pollute Object.prototype if anything merged them naively. */
export function pollution(r: Rng): unknown {
  const texts = [
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '{"client":{"__proto__":{"polluted":"yes"},"kind":"person","name":"x"}}',
    '{"patch":{"__proto__":{"isAdmin":true}},"id":"00000000-0000-4000-8000-000000000000","rev":1}',
    '{"__proto__":{"toString":"boom"},"limit":5}',
    '{"mapping":{"__proto__":1,"name":0},"fileName":"a.csv","contentBase64":""}',
  ];
  return JSON.parse(pick(r, texts));
}

/** Objects that misbehave when read: getters (some throwing), toJSON, odd prototypes, symbols. */
export function tricky(r: Rng): unknown {
  switch (Math.floor(r() * 7)) {
    case 0: {
      const o = {};
      Object.defineProperty(o, 'id', { enumerable: true, get: () => { throw new Error('getter bomb'); } });
      return o;
    }
    case 1: {
      let n = 0;
      const o = {};
      // A different value each read: validated as one thing, used as another.
      Object.defineProperty(o, 'limit', { enumerable: true, get: () => (n++ === 0 ? 10 : 'DROP') });
      return o;
    }
    case 2:
      return { toJSON: () => ({ id: 'x' }) };
    case 3:
      return Object.create(null) as object;
    case 4:
      return { [Symbol('s')]: 1, a: 1 };
    case 5:
      return new Proxy({}, { ownKeys: () => { throw new Error('proxy bomb'); }, get: () => { throw new Error('proxy bomb'); } });
    default:
      return () => 1;
  }
}

/** One field of a valid input changed (to junk, deleted, or an extra key added). */
export function mutate(r: Rng, valid: unknown): unknown {
  const copy = structuredClone(valid) as Record<string, unknown>;
  const paths = leafPaths(copy);
  const choice = r();
  if (choice < 0.15 || paths.length === 0) return { ...copy, [pick(r, ['extra', '__proto__', 'constructor', 'then'])]: junk(r) };
  const path = pick(r, paths);
  const parent = path.slice(0, -1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, copy);
  const key = path[path.length - 1]!;
  if (choice < 0.3) delete parent[key];
  else if (choice < 0.65) parent[key] = nearby(r, parent[key]);
  else parent[key] = junk(r);
  return copy;
}

/** A value of the same type, often still valid: odd text, boundary numbers, the other boolean. */
function nearby(r: Rng, v: unknown): unknown {
  if (typeof v === 'string') {
    const options = [...JUNK_STRINGS, v.toUpperCase(), ` ${v} `, v.slice(0, 1), v + v, `${v}\u0000`, v.replace(/\d/g, '9')];
    return pick(r, options);
  }
  if (typeof v === 'number') return pick(r, [0, 1, -1, v + 1, v - 1, v * 2, 2 ** 31 - 1, 0.5, 1e6]);
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return pick(r, [[], [...v, ...v], v.slice(0, 1)]);
  return v;
}

function leafPaths(v: unknown, prefix: string[] = []): string[][] {
  if (v === null || typeof v !== 'object') return prefix.length ? [prefix] : [];
  const out: string[][] = prefix.length ? [prefix] : [];
  for (const [k, child] of Object.entries(v)) out.push(...leafPaths(child, [...prefix, k]));
  return out;
}
