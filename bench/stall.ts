// Main-process responsiveness and memory: runs bench/stall-child.ts in a process of its own (the
// core in a worker thread, as in the app) and turns what it measured into rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBook } from './import';
import { row, type Row, type Stall } from './lib';


export function benchStall(opts: { bookDir: string; passphrase: string; clients: number; importRows: number; log(m: string): void }): Row[] {
  const tmp = mkdtempSync(join(tmpdir(), 'rmw-bench-stall-'));
  try {
    const csv = join(tmp, 'extract.csv');
    writeFileSync(csv, importBook(opts.importRows).csv);
    const r = spawnSync(process.execPath, [...process.execArgv, 'bench/stall-child.ts', '--book', opts.bookDir, '--passphrase', opts.passphrase, '--fresh', join(tmp, 'fresh'), '--csv', csv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`stall harness failed: ${r.stderr}`);
    const { mainOnlyMb, stalls } = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { mainOnlyMb: number; stalls: Stall[] };
    const rows = stalls.map((s) =>
      row(`main thread stall during ${s.operation} (core in a worker; ${s.operation.includes('import') ? `${opts.importRows} rows` : `${opts.clients} clients`})`, s.max_ms, 'stall budget', 50, 1, {
        budget_ms: 50,
        extra: { p99_ms: Number(s.p99_ms.toFixed(2)), operation_ms: Math.round(s.ms), rss_peak_mb: Math.round(s.rss_peak_mb) },
      }),
    );
    const rssPeak = Math.max(...stalls.map((s) => s.rss_peak_mb));
    // Worker threads share the process: the worker's resident memory is the peak less what the main thread held alone.
    rows.push(
      row(`core worker RSS, peak over the runs above (${opts.clients} clients, MB not ms)`, rssPeak - mainOnlyMb, 'memory budget, MB', 400, 1, {
        extra: { unit: 'MB', process_peak_mb: Math.round(rssPeak), main_thread_alone_mb: Math.round(mainOnlyMb), peak_during: stalls.reduce((a, b) => (b.rss_peak_mb > a.rss_peak_mb ? b : a)).operation },
      }),
    );
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
