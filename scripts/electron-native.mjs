// Builds better-sqlite3 for Electron's ABI into .cache/electron-native, leaving
// node_modules/better-sqlite3 built for Node (tests, CLI). Main passes the
// Electron build to better-sqlite3 via `nativeBinding`. Runs at postinstall and
// before `npm start`; with --ensure it fails loudly when the build is missing.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ensure = process.argv.includes('--ensure');
const cache = join(root, '.cache/electron-native');
const target = join(cache, 'node_modules/better-sqlite3');
const say = (m) => console.log(`electron-native: ${m}`);

function electronInstalled() {
  const dir = join(root, 'node_modules/electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const exe = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  if (!existsSync(exe)) return null;
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
}

async function main() {
  const electronVersion = electronInstalled();
  if (!electronVersion) {
    const msg = 'no Electron binary (ELECTRON_SKIP_BINARY_DOWNLOAD or offline); tests and CLI use the Node build.';
    if (ensure) {
      console.error(`electron-native: ${msg}\nInstall Electron with network access: npm install (without ELECTRON_SKIP_BINARY_DOWNLOAD).`);
      process.exit(1);
    }
    say(`skipped: ${msg}`);
    return;
  }
  const source = join(root, 'node_modules/better-sqlite3');
  const moduleVersion = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')).version;
  const stampPath = join(cache, 'stamp.json');
  const stamp = `${electronVersion}/${moduleVersion}`;
  const built = join(target, 'build/Release/better_sqlite3.node');
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp && existsSync(built)) {
    say(`up to date (electron ${electronVersion}, better-sqlite3 ${moduleVersion})`);
    return;
  }
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(join(cache, 'node_modules'), { recursive: true });
  cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${join('better-sqlite3', 'build')}`) });
  writeFileSync(join(cache, 'package.json'), JSON.stringify({ name: 'rmw-electron-native', private: true, dependencies: { 'better-sqlite3': moduleVersion } }));
  say(`building better-sqlite3 ${moduleVersion} for electron ${electronVersion} …`);
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: cache, electronVersion, onlyModules: ['better-sqlite3'], force: true });
  if (!existsSync(built)) throw new Error(`build produced no ${built}`);
  writeFileSync(stampPath, stamp);
  say('done');
}

main().catch((e) => {
  console.error(`electron-native: could not build for Electron: ${e.message}`);
  if (ensure) process.exit(1);
  console.error('electron-native: tests and the CLI still work; `npm start` will retry.');
});
