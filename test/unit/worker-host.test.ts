import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { letCoreCollect } from '../../src/main/worker-host';
import { collectBetweenPhases } from '../../src/main/core/services/heap';

describe('the core collecting its garbage between the phases of a bulk load', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('a worker started after the host allows it has gc in its global scope', async () => {
    letCoreCollect();
    const w = new Worker(`require('node:worker_threads').parentPort.postMessage(typeof globalThis.gc)`, { eval: true });
    const kind = await new Promise((resolve, reject) => w.once('message', resolve).once('error', reject));
    await w.terminate();
    expect(kind).toBe('function');
  });

  it('collects after a load of 5,000 rows or more, and not after a small one', () => {
    const gc = vi.fn();
    vi.stubGlobal('gc', gc);
    collectBetweenPhases(4_999);
    expect(gc).not.toHaveBeenCalled();
    collectBetweenPhases(5_000);
    collectBetweenPhases(100_000);
    expect(gc).toHaveBeenCalledTimes(2);
  });

  it('does nothing where the host did not allow it', () => {
    vi.stubGlobal('gc', undefined);
    expect(() => collectBetweenPhases(100_000)).not.toThrow();
  });
});
