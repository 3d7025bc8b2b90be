import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Channel } from '../../src/shared/channels';
import type { OutputOf } from '../../src/shared/contract';
import { Core, type CoreOptions } from '../../src/main/core/core';
import { createRouter, type Router } from '../../src/main/core/router';

export const PASS = 'Harbour-Lantern-2026';
export const MANAGER = 'RM00123';
/** Cheap scrypt cost for tests; production uses 2^17. */
export const TEST_SCRYPT_N = 2 ** 12;

export interface TestClock {
  now: () => Date;
  advanceMinutes(m: number): void;
  set(d: Date): void;
}

export function testClock(start = new Date('2026-11-22T09:00:00+08:00')): TestClock {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advanceMinutes: (m) => {
      t += m * 60_000;
    },
    set: (d) => {
      t = d.getTime();
    },
  };
}

export function tempDir(prefix = 'rmw-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Harness {
  core: Core;
  router: Router;
  dir: string;
  clock: TestClock;
  call<C extends Channel>(channel: C, input?: unknown): Promise<OutputOf<C>>;
}

/** A core over a workspace folder `dir`, with an injected clock. */
export function makeCore(dir: string, clock = testClock(), extra: Partial<CoreOptions> = {}): Harness {
  const core = new Core({ workspaceDir: dir, now: clock.now, scryptN: TEST_SCRYPT_N, ...extra });
  const router = createRouter(core, process.env['RMW_TEST_LOG'] ? (m) => console.error(m) : () => undefined);
  return {
    core,
    router,
    dir,
    clock,
    async call(channel, input = {}) {
      const r = await router.handle(channel, input);
      if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
      return r.data as never;
    },
  };
}

export async function createWorkspace(h: Harness, displayName = '王经理'): Promise<void> {
  await h.call('workspace.create', { managerId: MANAGER, displayName, passphrase: PASS });
}

/** A workspace created before the file's tests and removed after them; call the result for its harness. */
export function workspaceForFile(): () => Harness {
  let tmp: ReturnType<typeof tempDir>;
  let h: Harness;
  beforeAll(async () => {
    tmp = tempDir();
    h = makeCore(tmp.dir);
    await createWorkspace(h);
  });
  afterAll(() => {
    h.core.dispose();
    tmp.cleanup();
  });
  return () => h;
}
