import type { Plugin } from 'vite';
import { CSP } from '../src/shared/csp';

/** Writes the CSP meta tag; the dev server needs an inline preamble and a websocket, so `serve` relaxes those two. */
export function cspPlugin(): Plugin {
  let serve = false;
  return {
    name: 'rmw-csp',
    configResolved(c) {
      serve = c.command === 'serve';
    },
    transformIndexHtml(html) {
      const csp = serve
        ? CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws://localhost:*")
        : CSP;
      return html.replace('%RMW_CSP%', csp);
    },
  };
}
