import react from '@vitejs/plugin-react';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { cspPlugin } from './build/csp-plugin';

// The worker reads migrations from disk at unlock; ship them beside it.
function copyMigrations(): Plugin {
  return {
    name: 'rmw-copy-migrations',
    writeBundle(options) {
      const outDir = options.dir ?? resolve('out/main');
      cpSync(resolve('src/main/core/store/migrations'), resolve(outDir, 'migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: { index: resolve('src/main/index.ts'), worker: resolve('src/main/worker.ts'), 'import-reader': resolve('src/main/import-reader.ts') },
      },
    },
    plugins: [copyMigrations()],
  },
  preload: {
    // A sandboxed preload cannot load ESM or node_modules: one CommonJS file.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    base: './',
    build: { rollupOptions: { input: resolve('src/renderer/index.html') } },
    plugins: [react(), cspPlugin()],
  },
});
