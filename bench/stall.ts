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
    const parts = (['book', 'import'] as const).map((part) => {
      const r = spawnSync(process.execPath, [...process.execArgv, 'bench/stall-child.ts', '--part', part, '--book', opts.bookDir, '--passphrase', opts.passphrase, '--fresh', join(tmp, 'fresh'), '--csv', csv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`stall harness (${part}) failed: ${r.stderr}`);
      return { part, ...(JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { mainOnlyMb: number; stalls: Stall[] }) };
    });
    const rows = parts.flatMap(({ stalls }) =>
      stalls.map((s) =>
        row(`main thread stall during ${s.operation} (core in a worker; ${s.operation.includes('import') ? `${opts.importRows} rows` : `${opts.clients} clients`})`, s.max_ms, 'stall budget', 50, 1, {
          budget_ms: 50,
          extra: { p99_ms: Number(s.p99_ms.toFixed(2)), operation_ms: Math.round(s.ms), rss_peak_mb: Math.round(s.rss_peak_mb) },
        }),
      ),
    );
    // Worker threads share the process: the worker's resident memory is the peak less what the main thread held alone.
    for (const { part, mainOnlyMb, stalls } of parts) {
      const peak = stalls.reduce((a, b) => (b.rss_peak_mb > a.rss_peak_mb ? b : a));
      const what = part === 'book' ? `working a book of ${opts.clients} clients` : `importing ${opts.importRows} rows into an empty book and segmenting it`;
      rows.push(
        row(`core worker RSS, peak ${what} (MB not ms)`, peak.rss_peak_mb - mainOnlyMb, 'memory budget, MB', 400, 1, {
          extra: { unit: 'MB', process_peak_mb: Math.round(peak.rss_peak_mb), main_thread_alone_mb: Math.round(mainOnlyMb), peak_during: peak.operation },
        }),
      );
    }
    return rows;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
