// `npm run bench [-- --clients 10000,100000 --contacts M --runs N --json --only a,b]`: figures for
// the client book on realistic encrypted workspaces (generated once, cached outside git in
// bench/.cache), each a median of repeated runs and a ratio to a baseline measured in the same run
// (these machines are noisy; absolute times are for reading). Results: artifacts/bench.json.
import { spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchAgenda, benchEncryption, benchSegments, benchUnlock } from './core-rows';
import { benchExport } from './export';
import { benchImport } from './import';
import { BENCH_PASSPHRASE, openBenchBook, type BenchContext, type Row } from './lib';
import { benchRenderer } from './renderer';
import { benchSearch } from './search';
import { benchStall } from './stall';

const SUITES = ['unlock', 'search', 'segments', 'agenda', 'encryption', 'export', 'renderer', 'import', 'stall'] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '10000,100000' },
    contacts: { type: 'string' },
    json: { type: 'boolean' },
    runs: { type: 'string', default: '5' },
    'export-records': { type: 'string', default: '100000' },
    'import-rows': { type: 'string', default: '100000' },
    only: { type: 'string' },
    merge: { type: 'boolean' },
  },
});
const SIZES = values.clients.split(',').map(Number);
const RUNS = Number(values.runs);
const ONLY = new Set((values.only?.split(',') ?? SUITES) as Suite[]);
for (const s of ONLY) if (!SUITES.includes(s)) throw new Error(`--only: unknown suite "${s}" (known: ${SUITES.join(', ')})`);
const LARGEST = Math.max(...SIZES);
// The renderer and the main-thread suites run what ships: the renderer bundle and out/main/worker.js.
if (ONLY.has('renderer') || ONLY.has('stall')) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: values.json ? 'ignore' : ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('electron-vite build failed: the renderer and stall suites measure the built app');
}

function log(msg: string): void {
  if (!values.json) console.log(msg);
}

interface SizeReport {
  clients: number;
  contacts: number;
  results: Row[];
}

async function benchSize(clients: number): Promise<SizeReport> {
  // A year of history: ten contact attempts per client unless told (100,000 clients → 1,000,000 attempts).
  const contacts = values.contacts ? Number(values.contacts) : clients * 10;
  const { core, router, dir } = await openBenchBook({ clients, contacts, log });
  const ctx: BenchContext = { core, router, session: core.workspace.requireSession(), clients, contacts, runs: RUNS, workspaceDir: dir, passphrase: BENCH_PASSPHRASE, log };
  const results: Row[] = [];
  const run = async (suite: Suite, fn: () => Promise<Row[]> | Row[]) => {
    if (!ONLY.has(suite)) return;
    const start = performance.now();
    results.push(...(await fn()).map((r) => ({ ...r, suite })));
    log(`  ${suite} (${clients} clients) measured in ${((performance.now() - start) / 1000).toFixed(0)} s`);
  };
  try {
    // Brought up to date once, as on the first unlock of a day, so the runs measure steady state.
    await router.handle('agenda.today', {});
    await run('unlock', () => benchUnlock(ctx));
    await run('search', () => benchSearch(ctx));
    await run('segments', () => benchSegments(ctx));
    await run('agenda', () => benchAgenda(ctx));
    await run('encryption', () => benchEncryption(ctx));
    await run('export', () => benchExport(ctx, Math.min(Number(values['export-records']), clients * 10)));
    if (clients === LARGEST) await run('renderer', () => benchRenderer(ctx));
  } finally {
    core.dispose();
  }
  // In a process of its own, after this one has let go of the book.
  if (clients === LARGEST) await run('stall', () => benchStall({ bookDir: dir, passphrase: BENCH_PASSPHRASE, clients, importRows: Number(values['import-rows']), log }));
  return { clients, contacts, results };
}

function verdict(r: Row): string {
  const parts: string[] = [];
  if (r.target !== null) parts.push(`ratio ≤ ${r.target}: ${r.ratio <= r.target ? 'met' : 'NOT MET'}`);
  if (r.budget_ms !== undefined && r.target === null) parts.push(`${r.median_ms <= r.budget_ms ? 'within' : 'OVER'} ${r.budget_ms} ms`);
  if (r.extra?.['p95_ms'] !== undefined && r.budget_ms !== undefined) parts.push(`p95 ${r.extra['p95_ms']} ms ${Number(r.extra['p95_ms']) <= r.budget_ms ? 'within' : 'OVER'} ${r.budget_ms} ms`);
  return parts.join('; ');
}

async function main(): Promise<void> {
  const sizes: SizeReport[] = [];
  for (const clients of SIZES) {
    log(`\n${clients} clients:`);
    sizes.push(await benchSize(clients));
  }
  if (ONLY.has('import')) {
    const rows = await benchImport({ rows: Number(values['import-rows']), runs: Math.max(3, Math.min(RUNS, 5)), log });
    sizes.find((s) => s.clients === LARGEST)!.results.push(...rows.map((r) => ({ ...r, suite: 'import' })));
  }
  // --merge: rows of the suites not run this time are kept from the last report (same sizes only).
  if (values.merge && existsSync('artifacts/bench.json')) {
    const last = JSON.parse(readFileSync('artifacts/bench.json', 'utf8')) as { clients: number; contacts: number; results: Row[]; sizes?: SizeReport[] };
    for (const s of sizes) {
      const before = s.clients === last.clients ? last.results : (last.sizes?.find((x) => x.clients === s.clients)?.results ?? []);
      s.results = [...before.filter((r) => r.suite && !ONLY.has(r.suite as Suite)), ...s.results];
    }
    for (const s of [{ clients: last.clients, contacts: last.contacts, results: last.results }, ...(last.sizes ?? [])]) {
      if (!sizes.some((x) => x.clients === s.clients)) sizes.push(s);
    }
    sizes.sort((a, b) => a.clients - b.clients);
  }
  const largest = sizes.reduce((a, b) => (b.clients > a.clients ? b : a));
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? '', memGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const report = { machine, clients: largest.clients, contacts: largest.contacts, results: largest.results, sizes: sizes.filter((s) => s !== largest) };
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/bench.json', `${JSON.stringify(report, null, 2)}\n`);
  if (values.json) {
    console.log(JSON.stringify(report));
    return;
  }
  for (const s of sizes) {
    console.log(`\n${s.clients} clients, ${s.contacts} contact attempts`);
    console.log(`${'benchmark'.padEnd(92)} ${'median'.padStart(10)} ${'baseline'.padStart(10)} ${'ratio'.padStart(8)}  verdict`);
    for (const r of s.results) {
      console.log(`${r.name.padEnd(92)} ${r.median_ms.toFixed(1).padStart(10)} ${r.baseline_median_ms.toFixed(2).padStart(10)} ${r.ratio.toFixed(r.ratio < 10 ? 2 : 0).padStart(8)}  ${verdict(r)}`);
      if (r.extra) console.log(`${''.padEnd(8)}${Object.entries(r.extra).map(([k, v]) => `${k}=${v}`).join('  ')}`);
    }
  }
  console.log('\nwritten: artifacts/bench.json');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
