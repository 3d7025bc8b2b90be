import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where scripts/electron-native.mjs leaves better-sqlite3 rebuilt for Electron's ABI. */
export const ELECTRON_NATIVE_DIR = '.cache/electron-native';

export function electronNativeBinding(appRoot: string): string | undefined {
  const p = join(appRoot, ELECTRON_NATIVE_DIR, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
  return existsSync(p) ? p : undefined;
}
