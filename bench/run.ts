// `npm run bench [-- --clients N --json]`: figures for the client book on a realistic
// encrypted workspace, each as a median of repeated runs and as a ratio to a baseline
// measured in the same run (these machines are noisy; absolute times are for reading).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Core } from '../src/main/core/core';
import { createRouter } from '../src/main/core/router';
import { paretoOfBook } from '../src/main/core/services/segments';

const { values } = parseArgs({ options: { clients: { type: 'string', default: '50000' }, json: { type: 'boolean' }, runs: { type: 'string', default: '9' } } });
const CLIENTS = Number(values.clients);
const RUNS = Number(values.runs);
const PASS = 'Bench-Workspace-2026';
const SEED = 20261122;
const cacheDir = resolve('bench/.cache', `book-${CLIENTS}-${SEED}`);

interface Row {
  name: string;
  median_ms: number;
  baseline: string;
  baseline_median_ms: number;
  ratio: number;
  target: number | null;
  /** Absolute budget from an issue's acceptance, where one is given. */
  budget_ms?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(fn: () => unknown | Promise<unknown>, runs = RUNS): Promise<number> {
  await fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    t.push(performance.now() - start);
  }
  return median(t);
}

async function openBook(): Promise<{ core: Core; router: ReturnType<typeof createRouter> }> {
  const fresh = !existsSync(join(cacheDir, 'workspace.json'));
  mkdirSync(cacheDir, { recursive: true });
  const core = new Core({ workspaceDir: cacheDir, now: () => new Date('2026-11-22T10:00:00+08:00') });
  const router = createRouter(core);
  const call = async (ch: string, input: unknown) => {
    const r = await router.handle(ch, input);
    if (!r.ok) throw new Error(`${ch}: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  if (fresh) {
    await call('workspace.create', { managerId: 'BENCH01', displayName: '基准测试', passphrase: PASS });
    const t = performance.now();
    await call('demo.load', { clients: CLIENTS, seed: SEED });
    log(`generated a ${CLIENTS}-client demo book in ${((performance.now() - t) / 1000).toFixed(1)} s (cached in ${cacheDir})`);
  } else {
    await call('workspace.unlock', { passphrase: PASS });
  }
  return { core, router };
}

function log(msg: string): void {
  if (!values.json) console.log(msg);
}

async function main(): Promise<void> {
  const { core, router } = await openBook();
  const s = core.workspace.requireSession();
  const results: Row[] = [];
  const sample = s.db.prepare('SELECT id_number FROM clients WHERE id_number IS NOT NULL LIMIT 1 OFFSET ?').pluck().get(Math.floor(CLIENTS / 2)) as string;
  const indexed = s.db.prepare('SELECT id, name, mobile FROM clients WHERE id_number = ?');
  const baseline = await time(() => indexed.all(sample));

  for (const query of ['张', 'zs', 'zhang', 'wangfang', '5678', '退休']) {
    const ms = await time(() => router.handle('clients.list', { query, limit: 200 }));
    results.push({ name: `client search "${query}" (${CLIENTS} clients)`, median_ms: ms, baseline: 'indexed SQL lookup by ID number', baseline_median_ms: baseline, ratio: ms / baseline, target: null, budget_ms: 50 });
  }
  // Segmentation of the whole book vs one raw window-function query computing the same cumulative shares.
  const raw = s.db.prepare(
    `SELECT id, v, sum(v) OVER (ORDER BY v DESC, id ROWS UNBOUNDED PRECEDING) * 1.0 / (SELECT sum(revenue_12m_fen) FROM clients WHERE revenue_12m_fen > 0) AS cum
     FROM (SELECT id, max(revenue_12m_fen, 0) AS v FROM clients)`,
  );
  const rawMs = await time(() => raw.all(), 5);
  const paretoMs = await time(() => paretoOfBook(s, 'revenue'), 5);
  results.push({ name: `80/20 tiers: rank + cumulative shares (${CLIENTS} clients)`, median_ms: paretoMs, baseline: 'raw SQL window query, same cumulative shares', baseline_median_ms: rawMs, ratio: paretoMs / rawMs, target: 1.5 });
  // The full pass also scores potential, bands and states and stores what changed.
  const segMs = await time(() => router.handle('segments.summary', {}), 5);
  results.push({ name: `full segmentation, steady book (${CLIENTS} clients)`, median_ms: segMs, baseline: 'raw SQL window query, same cumulative shares', baseline_median_ms: rawMs, ratio: segMs / rawMs, target: null });

  const listAll = await time(() => router.handle('clients.list', { limit: 1000 }));
  results.push({ name: `client list first 1000 by revenue (${CLIENTS} clients)`, median_ms: listAll, baseline: 'indexed SQL lookup by ID number', baseline_median_ms: baseline, ratio: listAll / baseline, target: null });
  core.dispose();

  const report = { machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, clients: CLIENTS, contacts: 0, results };
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/bench.json', `${JSON.stringify(report, null, 2)}\n`);
  if (values.json) console.log(JSON.stringify(report));
  else {
    console.log(`\n${'benchmark'.padEnd(58)} ${'median ms'.padStart(10)} ${'baseline ms'.padStart(12)} ${'ratio'.padStart(8)}  budget`);
    for (const r of results) console.log(`${r.name.padEnd(58)} ${r.median_ms.toFixed(2).padStart(10)} ${r.baseline_median_ms.toFixed(3).padStart(12)} ${r.ratio.toFixed(r.ratio < 10 ? 2 : 0).padStart(8)}  ${r.budget_ms ? `${r.median_ms <= r.budget_ms ? 'within' : 'OVER'} ${r.budget_ms} ms` : r.target ? `ratio target ≤ ${r.target}: ${r.ratio <= r.target ? 'met' : 'NOT MET'}` : ''}`);
  }
}

void main();
