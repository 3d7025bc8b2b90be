// Seeded randomness and calendar-day arithmetic for the demo book. Everything here
// is a pure function of the seed, so a book regenerates identically on any machine.
import { daysInMonth, formatYmd } from './kyc/common';

/** sfc32 (Small Fast Chaotic, PractRand-clean) seeded through splitmix32. */
export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    // splitmix32 spreads nearby seeds (1, 2, 3…) into unrelated generator states.
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.float() * xs.length)]!;
  }

  /** Standard normal (Box–Muller); 1 - u keeps log() away from 0. */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.float())) * Math.cos(2 * Math.PI * this.float());
  }

  /** Log-normal with the given median: money in a book is multiplicative, hence heavy-tailed. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.u32() % 10);
    return s;
  }

  letters(n: number, alphabet = 'abcdefghjklmnopqrstwxyz'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.u32() % alphabet.length];
    return s;
  }

  bytes(n: number): Buffer {
    const b = Buffer.alloc(n);
    for (let i = 0; i < n; i++) b[i] = this.u32() & 0xff;
    return b;
  }
}

/** A weighted list drawn by binary search over cumulative weights (built once per table). */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([x]) => x);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
  }

  draw(r: DemoRandom): T {
    const x = r.float() * this.cumulative[this.cumulative.length - 1]!;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD calendar date (UTC arithmetic: no time zone involved). */
export function toDay(ymd: string): number {
  return Date.UTC(Number(ymd.slice(0, 4)), Number(ymd.slice(5, 7)) - 1, Number(ymd.slice(8, 10))) / DAY_MS;
}

export function fromDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Same month and day `years` later; 29 Feb falls back to 28 Feb in common years. */
export function addYears(ymd: string, years: number): string {
  const y = Number(ymd.slice(0, 4)) + years;
  const m = Number(ymd.slice(5, 7));
  return formatYmd(y, m, Math.min(Number(ymd.slice(8, 10)), daysInMonth(y, m)));
}

/** Completed years of age on `on`. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** Epoch ms of a time of day (Beijing time, UTC+8) on a calendar day: ids carry when a client joined. */
export function beijingMs(day: number, secondsOfDay: number): number {
  return day * DAY_MS - 8 * 3_600_000 + secondsOfDay * 1000;
}
