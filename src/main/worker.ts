import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { Core } from './core/core';
import { useImportReader } from './core/services/import-reader';
import { createRouter } from './core/router';
import { encodeResult } from '../shared/wire';

// The core runs here so SQLite work never blocks Electron's main event loop.
interface WorkerInit {
  workspaceDir: string;
  migrationsDir: string;
  nativeBinding?: string;
}

const init = workerData as WorkerInit;
// Built beside this file (electron.vite.config.ts): large import files are read ahead in it. A
// build without it reads them in this thread, as tests and the CLI do.
const importReader = join(dirname(fileURLToPath(import.meta.url)), 'import-reader.js');
useImportReader(existsSync(importReader) ? importReader : undefined);
const port = parentPort!;
const core = new Core({
  workspaceDir: init.workspaceDir,
  migrationsDir: init.migrationsDir,
  nativeBinding: init.nativeBinding,
  emit: (event, payload) => port.postMessage({ kind: 'event', event, payload }),
});
const router = createRouter(core);
const IDLE_CHECK_MS = 15_000;
const timer = setInterval(() => core.tick(), IDLE_CHECK_MS);

type Message = { kind: 'invoke'; id: number; channel: string; input: unknown } | { kind: 'lock'; reason: 'suspend' | 'screen-lock' | 'quit' };

port.on('message', (msg: Message) => {
  if (msg.kind === 'lock') {
    // Suspend and screen lock are immediate; quitting may first export into the bank's sync folder.
    if (msg.reason !== 'quit') {
      core.lock(msg.reason);
      return;
    }
    clearInterval(timer);
    void core.lockWithExport('quit').finally(() => port.postMessage({ kind: 'closed' }));
    return;
  }
  // Handled on the next turn, once the port's dispatch has returned: the dispatch holds the message
  // until then, and a synchronous call (an import's transaction) would run inside it. Nothing then
  // holds the input but the call, so an import lets go of its file's base64 once decoded.
  const { id, channel, input } = msg;
  setImmediate(() => void router.handle(channel, input).then(replyTo(id)));
});

/** The reply's sender; it holds the id alone, not the request. */
function replyTo(id: number): (result: unknown) => void {
  return (result) => {
    const bytes = encodeResult(result);
    port.postMessage({ kind: 'result', id, result: bytes }, [bytes.buffer as ArrayBuffer]);
  };
}
