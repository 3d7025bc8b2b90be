import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The `rmw` and `hq` commands as real processes, started from a one-file bundle made once per test
// file with esbuild (tsx's own): a start then takes about a second instead of the several that tsx
// needs to compile the whole core each time. The bundle sits in a temp folder laid out like
// src/main/core (so the core finds its migrations beside it) with a link to node_modules (for the
// native SQLite binding, the one package left outside it). Without esbuild, tsx runs the sources.

type Cli = 'rmw' | 'hq';
const bundles = new Map<Cli, string[]>();
let dir: string | null = null;

function commandFor(cli: Cli): string[] {
  const known = bundles.get(cli);
  if (known) return known;
  const entry = resolve(`src/cli/${cli}.ts`);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'rmw-cli-bundle-'));
    mkdirSync(join(dir, 'store'));
    symlinkSync(resolve('src/main/core/store/migrations'), join(dir, 'store', 'migrations'), 'dir');
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'), 'dir');
    const made = dir;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  const out = join(dir, `${cli}.mjs`);
  const banner = "import { createRequire as rmwCreateRequire } from 'node:module'; const require = rmwCreateRequire(import.meta.url);";
  const r = spawnSync(resolve('node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', '--external:better-sqlite3', `--banner:js=${banner}`, `--outfile=${out}`, '--log-level=error'], { encoding: 'utf8' });
  const command = r.status === 0 ? [process.execPath, out] : [resolve('node_modules/.bin/tsx'), entry];
  bundles.set(cli, command);
  return command;
}

/** Runs `rmw` or `hq` with `args`; stdin is empty unless given. */
export function runCli(cli: Cli, args: string[], env: Record<string, string | undefined>, opts: Omit<SpawnSyncOptions, 'env' | 'encoding'> = {}): { code: number | null; out: string; err: string } {
  const [cmd, ...pre] = commandFor(cli);
  const r = spawnSync(cmd!, [...pre, ...args], { input: '', ...opts, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
