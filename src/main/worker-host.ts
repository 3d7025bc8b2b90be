import { setFlagsFromString } from 'node:v8';

/**
 * Call before starting the core's worker: the worker's global scope then has `gc`, and a bulk load
 * collects its garbage between phases (core/services/heap.ts). V8 reads this flag when it sets up a
 * new context, so it reaches the worker started after it and nothing already running (the main
 * thread's own scope does not get it; the renderer is another process).
 */
export function letCoreCollect(): void {
  setFlagsFromString('--expose-gc');
}
