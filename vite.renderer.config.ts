import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { cspPlugin } from './build/csp-plugin';

// The renderer alone, for the browser harness and screenshots (same output as electron-vite's).
export default defineConfig({
  root: resolve('src/renderer'),
  base: './',
  build: { outDir: resolve('out/renderer'), emptyOutDir: true },
  plugins: [react(), cspPlugin()],
});
