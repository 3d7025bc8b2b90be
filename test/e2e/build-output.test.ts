import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `npm run build` (electron-vite) must leave main, preload (CommonJS) and renderer bundles.
describe('build output', () => {
  it('main and the core worker are bundled, with migrations beside them', () => {
    expect(existsSync('out/main/index.js')).toBe(true);
    expect(existsSync('out/main/worker.js')).toBe(true);
    expect(JSON.parse(readFileSync('out/main/migrations/meta/_journal.json', 'utf8')).entries.length).toBeGreaterThan(0);
  });

  it('the preload is a single CommonJS file that requires only electron', () => {
    const src = readFileSync('out/preload/index.cjs', 'utf8');
    expect(src).not.toMatch(/^\s*import\s/m);
    expect([...src.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(src).toContain('exposeInMainWorld');
  });

  it('the renderer has the strict CSP and no inline scripts', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
