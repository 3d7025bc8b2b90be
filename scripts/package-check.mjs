// `npm run test:package`: what can be checked of the installers without downloading Electron.
// electron-builder reads electron-builder.yml (schema-checked for every platform's section),
// selects the app's files, writes app.asar and unpacks the native module, into a Linux "dir"
// target around a stand-in Electron binary. Then the result is inspected: the built app and its
// production dependencies are in, sources/tests/benchmarks/caches are not, better-sqlite3's
// binary sits outside the asar, and nothing in it updates itself from the internet.
// Real installers (NSIS, dmg, AppImage, deb): `npm run dist` on a machine with internet (README).
import { listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('package-check: out/ is missing: run `npm run build` first');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const tmp = mkdtempSync(join(tmpdir(), 'rmw-package-'));
const problems = [];
const check = (ok, what) => {
  if (!ok) problems.push(what);
  console.log(`${ok ? '  ok  ' : '  FAIL'} ${what}`);
};

try {
  const stub = join(tmp, 'electron-dist');
  mkdirSync(join(stub, 'resources'), { recursive: true });
  writeFileSync(join(stub, 'electron'), '#!/bin/sh\necho "stand-in for the Electron binary (package-check)"\n');
  chmodSync(join(stub, 'electron'), 0o755);
  writeFileSync(join(stub, 'version'), electronVersion);
  const outDir = join(tmp, 'dist');
  const started = Date.now();
  await build({
    targets: Platform.LINUX.createTarget('dir'),
    // Only what needs the network is overridden: Electron itself, and rebuilding the native module
    // against Electron's headers.
    // (electron-builder.yml is still read; these keys are merged over it.)
    config: { electronDist: stub, electronVersion, npmRebuild: false, directories: { output: outDir, buildResources: 'resources' } },
    publish: 'never',
  });
  console.log(`package-check: electron-builder ${Math.round((Date.now() - started) / 1000)} s`);

  const app = join(outDir, 'linux-unpacked');
  const resources = join(app, 'resources');
  const asar = join(resources, 'app.asar');
  check(existsSync(asar), 'app.asar written');
  check(existsSync(join(app, 'rm-workbench')), 'executable named rm-workbench');
  const files = new Set(listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/')));
  for (const f of ['/package.json', '/out/main/index.js', '/out/main/worker.js', '/out/main/import-reader.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/out/main/migrations/0000_init.sql']) {
    check(files.has(f), `contains ${f}`);
  }
  for (const dep of Object.keys(pkg.dependencies)) check(files.has(`/node_modules/${dep}/package.json`), `production dependency ${dep} included`);
  for (const dev of ['antd', 'echarts', 'react-dom', 'vitest', 'electron', 'electron-builder', 'typescript']) {
    check(!files.has(`/node_modules/${dev}/package.json`), `${dev} left out (bundled into the renderer, or a build tool)`);
  }
  const stray = [...files].filter((f) => /^\/(src|test|bench|scripts|artifacts|\.cache|\.ci)\//.test(f) || (/\.map$/.test(f) && f.startsWith('/out/')));
  check(stray.length === 0, `no sources, tests, benchmarks, caches or source maps${stray.length ? `: ${stray.slice(0, 5).join(', ')}` : ''}`);
  const unpacked = join(resources, 'app.asar.unpacked');
  const native = findFiles(unpacked, (p) => p.endsWith('better_sqlite3.node'));
  check(native.length > 0, 'better_sqlite3.node unpacked beside the asar');
  check(!existsSync(join(resources, 'app-update.yml')), 'no app-update.yml (no auto-update)');
  check(![...files].some((f) => f.startsWith('/node_modules/electron-updater/')), 'no electron-updater');
  check(pkg.main === 'out/main/index.js', 'package.json main is the built main process');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`package-check: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log('package-check: passed');

function findFiles(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) findFiles(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}
