import type { Plugin } from 'vite';
import { CSP } from '../src/shared/csp';

/**
 * index.html carries the strict CSP literally (so scanners and reviewers see it).
 * The dev server needs an inline preamble and a websocket, so `serve` relaxes those two.
 */
export function cspPlugin(): Plugin {
  let serve = false;
  return {
    name: 'rmw-csp',
    configResolved(c) {
      serve = c.command === 'serve';
    },
    transformIndexHtml(html) {
      if (!html.includes(CSP)) throw new Error('src/renderer/index.html must carry the CSP from src/shared/csp.ts verbatim');
      if (!serve) return html;
      const dev = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:*");
      return html.replace(CSP, dev);
    },
  };
}
