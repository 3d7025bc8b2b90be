// Child process of `npm run bench`: a main thread shaped like Electron's (it only relays messages)
// with the core in a worker exactly as src/main/worker.ts runs it. While the worker imports and
// segments 100,000 clients, the main thread's event-loop delay is recorded (the longest time a
// click or a window message would have waited), and the process's resident memory is sampled.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MIGRATIONS_DIR } from '../src/main/core/core';
import type { Stall } from './lib';

const { values } = parseArgs({ options: { book: { type: 'string' }, passphrase: { type: 'string' }, fresh: { type: 'string' }, csv: { type: 'string' } } });


function startWorker(workspaceDir: string) {
  // The same file the app runs (built there by electron-vite), loaded here through tsx's module hooks.
  const entry = new URL('../src/main/worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: { workspaceDir, migrationsDir: DEFAULT_MIGRATIONS_DIR } });
  let nextId = 1;
  const pending = new Map<number, (r: { ok: boolean; error?: unknown; data?: unknown }) => void>();
  worker.on('message', (msg: { kind: string; id?: number; result?: { ok: boolean } }) => {
    if (msg.kind === 'result' && msg.id !== undefined) {
      pending.get(msg.id)?.(msg.result!);
      pending.delete(msg.id);
    }
  });
  const invoke = (channel: string, input: unknown) =>
    new Promise<{ ok: boolean; error?: unknown; data?: unknown }>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ kind: 'invoke', id, channel, input });
    });
  return { worker, invoke };
}

/** Runs `op` while measuring the main loop's delay and the process's RSS. */
async function measure(operation: string, op: () => Promise<{ ok: boolean; error?: unknown }>): Promise<Stall> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  let rssPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 20);
  h.enable();
  const start = performance.now();
  const r = await op();
  const ms = performance.now() - start;
  h.disable();
  clearInterval(sampler);
  if (!r.ok) throw new Error(`${operation}: ${JSON.stringify(r.error)}`);
  // The histogram is in nanoseconds and includes the 1 ms sampling period itself.
  return { operation, ms, p99_ms: h.percentile(99) / 1e6, max_ms: h.max / 1e6, rss_peak_mb: rssPeak / 2 ** 20 };
}

async function main(): Promise<void> {
  const out: Stall[] = [];
  // What the process holds before any worker starts: the rest of the peak is the core worker's.
  const mainOnlyMb = process.memoryUsage.rss() / 2 ** 20;
  {
    const { worker, invoke } = startWorker(values.book!);
    out.push(await measure('unlock the book', () => invoke('workspace.unlock', { passphrase: values.passphrase })));
    out.push(await measure('segmentation of the book', () => invoke('segments.summary', {})));
    out.push(await measure('Today page', () => invoke('agenda.today', {})));
    out.push(await measure('scroll the whole book, 1000 rows a page', async () => {
      let offset = 0;
      for (;;) {
        const r = await invoke('clients.list', { limit: 1000, offset });
        if (!r.ok) return r;
        const rows = (r.data as { rows: unknown[] }).rows.length;
        if (rows < 1000) return r;
        offset += rows;
      }
    }));
    await invoke('workspace.lock', {});
    await worker.terminate();
  }
  {
    const { worker, invoke } = startWorker(values.fresh!);
    const created = await invoke('workspace.create', { managerId: 'BENCH03', displayName: '主线程测试', passphrase: values.passphrase });
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
