// Child process of `npm run bench`: a main thread shaped like Electron's (it only relays messages)
// with the core in a worker exactly as src/main/worker.ts runs it. While the worker imports and
// segments 100,000 clients, the main thread's event-loop delay is recorded (the longest time a
// click or a window message would have waited), and the process's resident memory is sampled.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { decodeResult } from '../src/shared/wire';
import { startCoreWorker } from './core-worker';
import type { Stall } from './lib';

const { values } = parseArgs({ options: { part: { type: 'string' }, book: { type: 'string' }, passphrase: { type: 'string' }, fresh: { type: 'string' }, csv: { type: 'string' } } });


/** Runs `op` while measuring the main loop's delay and the process's RSS. */
async function measure(operation: string, op: () => Promise<Uint8Array>): Promise<Stall> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  h.enable();
  const start = performance.now();
  const reply = await op();
  const ms = performance.now() - start;
  h.disable();
  clearInterval(sampler);
  // Read after the window: in the app the renderer reads the reply, not the main thread.
  const r = decodeResult(reply) as { ok: boolean; error?: unknown };
  if (!r.ok) throw new Error(`${operation}: ${JSON.stringify(r.error)}`);
  // The histogram is in nanoseconds and includes the 1 ms sampling period itself.
  return { operation, ms, p99_ms: h.percentile(99) / 1e6, max_ms: h.max / 1e6, rss_peak_mb: rssPeak / 2 ** 20 };
}

async function main(): Promise<void> {
  const out: Stall[] = [];
  // What the process holds before any worker starts: the rest of the peak is the core worker's.
  const mainOnlyMb = process.memoryUsage.rss() / 2 ** 20;
  // Each part runs in a process of its own (bench/stall.ts), so one's freed memory is not counted in the other's peak.
  if (values.part === 'book') {
    const { worker, invoke } = startCoreWorker(values.book!);
    // The app starts its worker at launch, long before the manager has typed the passphrase.
    await invoke('workspace.status', {});
    out.push(await measure('unlock the book', () => invoke('workspace.unlock', { passphrase: values.passphrase })));
    out.push(await measure('segmentation of the book', () => invoke('segments.summary', {})));
    out.push(await measure('Today page', () => invoke('agenda.today', {})));
    const first = decodeResult(await invoke('clients.list', { limit: 1 })) as { ok: boolean; data: { total: number } };
    out.push(await measure('scroll the whole book, 1000 rows a page', async () => {
      let reply = await invoke('clients.list', { limit: 1000, offset: 0 });
      for (let offset = 1000; offset < first.data.total; offset += 1000) reply = await invoke('clients.list', { limit: 1000, offset });
      return reply;
    }));
    await invoke('workspace.lock', {});
    await worker.terminate();
  }
  if (values.part === 'import') {
    const { worker, invoke } = startCoreWorker(values.fresh!);
    await invoke('workspace.status', {});
    const created = decodeResult(await invoke('workspace.create', { managerId: 'BENCH03', displayName: '主线程测试', passphrase: values.passphrase })) as { ok: boolean; error?: unknown };
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const contentBase64 = readFileSync(values.csv!).toString('base64');
    out.push(await measure('import of the CSV', () => invoke('import.commit', { fileName: 'hq-extract.csv', contentBase64, onDuplicate: 'merge' })));
    out.push(await measure('segmentation of the imported book', () => invoke('segments.summary', {})));
    await worker.terminate();
  }
  process.stdout.write(`${JSON.stringify({ mainOnlyMb, stalls: out })}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
