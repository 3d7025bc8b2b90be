import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/shared/csp';

describe('content security policy', () => {
  const html = readFileSync('src/renderer/index.html', 'utf8');
  it('index.html carries the shared CSP verbatim', () => expect(html).toContain(`content="${CSP}"`));
  it.each([
    ["script-src 'self'", true],
    ["default-src 'none'", true],
    ["object-src 'none'", true],
    ['unsafe-eval', false],
    ['http:', false],
    ['https:', false],
    ['*', false],
  ])('%s present: %s', (token, present) => expect(CSP.includes(token)).toBe(present));
  it('allows no inline scripts', () => expect(/script-src[^;]*unsafe-inline/.test(CSP)).toBe(false));
});
