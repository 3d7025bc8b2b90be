// `npm run test:faults`: the fault and hostile-input suites at full count (issue 9).
// `npm test` runs the same files at small counts; RMW_FAULTS=full raises them.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npx', ['vitest', 'run', '--project', 'faults', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, RMW_FAULTS: 'full' },
  shell: process.platform === 'win32',
});
process.exit(r.status ?? 1);
