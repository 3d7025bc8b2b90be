// Shared pieces of `npm run bench`: the result row, medians, and timing of a subject
// against its baseline in the same run (these machines are noisy; ratios are what we judge).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Core } from '../src/main/core/core';
import { createRouter as makeRouter, type createRouter } from '../src/main/core/router';
import type { Session } from '../src/main/core/services/session';

export interface Row {
  name: string;
  median_ms: number;
  baseline: string;
  baseline_median_ms: number;
  ratio: number;
  /** The ratio the row must stay under (from issue 8's targets); null where the row has none. */
  target: number | null;
  /** Absolute budget from an issue's acceptance, where one is given. */
  budget_ms?: number;
  /** The suite that measured it (`--only` names). */
  suite?: string;
  /** Extra figures a person reading the table needs (p95, counts, MB…). */
  extra?: Record<string, number | string>;
}

/** What bench/stall-child.ts measures for one operation of the core worker. */
export interface Stall {
  operation: string;
  ms: number;
  p99_ms: number;
  max_ms: number;
  rss_peak_mb: number;
}

export interface BenchContext {
  core: Core;
  router: ReturnType<typeof createRouter>;
  session: Session;
  clients: number;
  contacts: number;
  runs: number;
  /** The cached workspace the core has open (read-only for other benchmarks: copy it first). */
  workspaceDir: string;
  passphrase: string;
  log(msg: string): void;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The q-th quantile (0..1) by nearest rank. */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

export async function time(fn: () => unknown | Promise<unknown>, runs: number): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

/** Baseline and subject measured alternately, so load from other processes hits both alike. Returns every sample. */
export async function samplePair(baseline: () => unknown | Promise<unknown>, subject: () => unknown | Promise<unknown>, runs: number): Promise<[number[], number[]]> {
  await baseline();
  await subject();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    await baseline();
    a.push(performance.now() - start);
    start = performance.now();
    await subject();
    b.push(performance.now() - start);
  }
  return [a, b];
}

export async function timePair(baseline: () => unknown | Promise<unknown>, subject: () => unknown | Promise<unknown>, runs: number): Promise<[number, number]> {
  const [a, b] = await samplePair(baseline, subject, runs);
  return [median(a), median(b)];
}

export function row(name: string, subjectMs: number, baseline: string, baselineMs: number, target: number | null, more: Partial<Row> = {}): Row {
  return { name, median_ms: subjectMs, baseline, baseline_median_ms: baselineMs, ratio: subjectMs / baselineMs, target, ...more };
}

export const BENCH_PASSPHRASE = 'Bench-Workspace-2026';
export const BENCH_SEED = 20261122;
export const BENCH_NOW = new Date('2026-11-22T10:00:00+08:00');

export function bookDir(clients: number, contacts: number): string {
  return resolve('bench/.cache', `book-${clients}-${contacts}-${BENCH_SEED}`);
}

/**
 * Opens (generating once, cached outside git) a demo workspace of `clients` clients with
 * `contacts` contact attempts. `dir` overrides where it lives (e.g. a copy of the cache).
 */
export async function openBenchBook(opts: { clients: number; contacts: number; dir?: string; log?: (m: string) => void }): Promise<{ core: Core; router: ReturnType<typeof createRouter>; dir: string }> {
  const dir = opts.dir ?? bookDir(opts.clients, opts.contacts);
  const fresh = !existsSync(join(dir, 'workspace.json'));
  mkdirSync(dir, { recursive: true });
  const core = new Core({ workspaceDir: dir, now: () => BENCH_NOW });
  const router = makeRouter(core);
  const call = async (ch: string, input: unknown) => {
    const r = await router.handle(ch, input);
    if (!r.ok) throw new Error(`${ch}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  if (fresh) {
    await call('workspace.create', { managerId: 'BENCH01', displayName: '基准测试', passphrase: BENCH_PASSPHRASE });
    const t = performance.now();
    await call('demo.load', { clients: opts.clients, seed: BENCH_SEED, contacts: opts.contacts });
    opts.log?.(`generated a ${opts.clients}-client demo book with ${opts.contacts} contact attempts in ${((performance.now() - t) / 1000).toFixed(1)} s (cached in ${dir})`);
  } else {
    await call('workspace.unlock', { passphrase: BENCH_PASSPHRASE });
  }
  return { core, router, dir };
}
