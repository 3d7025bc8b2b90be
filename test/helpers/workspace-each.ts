import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createWorkspace, makeCore, tempDir, type Harness } from './core';

/**
 * A new workspace for each test of the calling file (created before, disposed and deleted after).
 * Returns the current test's harness.
 */
export function freshWorkspaceEach(): () => Harness {
  let tmp: ReturnType<typeof tempDir> | undefined;
  let h: Harness | undefined;
  beforeEach(async () => {
    tmp = tempDir();
    h = makeCore(join(tmp.dir, 'ws'));
    await createWorkspace(h);
  });
  afterEach(() => {
    h?.core.dispose();
    tmp?.cleanup();
  });
  return () => h!;
}
