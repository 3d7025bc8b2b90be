import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Crash-safety, tamper and hostile-input suites (issue 9): small counts in `npm test`,
        // full counts with RMW_FAULTS=full (`npm run test:faults`).
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          environment: 'node',
          testTimeout: process.env['RMW_FAULTS'] === 'full' ? 3_600_000 : 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // The UI settles after a debounce and a round trip to the core: on a loaded 2-core runner that
          // can take longer than expect.poll's default second. Polls still assert the settled state.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
