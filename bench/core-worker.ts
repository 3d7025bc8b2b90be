// The core as the app runs it: in a worker thread, from the file electron-vite built (bench/run.ts
// builds first). Replies arrive as JSON bytes (src/shared/wire.ts), as Electron's main relays them.
import { resolve as resolvePath } from 'node:path';
import { Worker } from 'node:worker_threads';
import { letCoreCollect } from '../src/main/worker-host';

export function startCoreWorker(workspaceDir: string): { worker: Worker; invoke(channel: string, input: unknown): Promise<Uint8Array> } {
  const entry = resolvePath('out/main/worker.js');
  letCoreCollect();
  const worker = new Worker(entry, { workerData: { workspaceDir, migrationsDir: resolvePath('out/main/migrations') } });
  let nextId = 1;
  const pending = new Map<number, (r: Uint8Array) => void>();
  worker.on('message', (msg: { kind: string; id?: number; result?: Uint8Array }) => {
    if (msg.kind === 'result' && msg.id !== undefined) {
      pending.get(msg.id)?.(msg.result!);
      pending.delete(msg.id);
    }
  });
  const invoke = (channel: string, input: unknown) =>
    new Promise<Uint8Array>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      worker.postMessage({ kind: 'invoke', id, channel, input });
    });
  return { worker, invoke };
}
