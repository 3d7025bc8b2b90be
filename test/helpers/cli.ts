import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

// Processes the tests start many times (the `rmw` and `hq` commands, the crash-test writer), run
// from a one-file bundle made once per test file with esbuild (tsx's own): a start then takes about
// a second instead of the several that tsx needs to compile the whole core each time. The bundles
// sit in a temp folder laid out like src/main/core (so the core finds its migrations beside them)
// with a link to node_modules (for the native SQLite binding, the one package left outside).
// Without esbuild, tsx runs the sources.

const bundles = new Map<string, string[]>();
let dir: string | null = null;

function bundleDir(): string {
  if (dir) return dir;
  const made = mkdtempSync(join(tmpdir(), 'rmw-bundle-'));
  mkdirSync(join(made, 'store'));
  symlinkSync(resolve('src/main/core/store/migrations'), join(made, 'store', 'migrations'), 'dir');
  symlinkSync(resolve('node_modules'), join(made, 'node_modules'), 'dir');
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  dir = made;
  return made;
}

/** Arguments for `node` that run the TypeScript entry `entry` (bundled once per test file). */
export function nodeArgsFor(entry: string): string[] {
  const path = resolve(entry);
  const known = bundles.get(path);
  if (known) return known;
  const out = join(bundleDir(), `${basename(path, '.ts')}.mjs`);
  const banner = "import { createRequire as rmwCreateRequire } from 'node:module'; const require = rmwCreateRequire(import.meta.url);";
  const r = spawnSync(resolve('node_modules/.bin/esbuild'), [path, '--bundle', '--platform=node', '--format=esm', '--external:better-sqlite3', `--banner:js=${banner}`, `--outfile=${out}`, '--log-level=error'], { encoding: 'utf8' });
  const args = r.status === 0 ? [out] : ['--import', 'tsx', path];
  bundles.set(path, args);
  return args;
}

/** Runs `rmw` or `hq` with `args`; stdin is empty unless given. */
export function runCli(cli: 'rmw' | 'hq', args: string[], env: Record<string, string | undefined>, opts: Omit<SpawnSyncOptions, 'env' | 'encoding'> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...nodeArgsFor(`src/cli/${cli}.ts`), ...args], { input: '', ...opts, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
