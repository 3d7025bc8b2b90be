/**
 * Strict CSP for the renderer: only app-packaged scripts, no eval, no remote
 * origins. Ant Design injects its CSS-in-JS as <style> tags, hence
 * 'unsafe-inline' for styles only. Main also sends it as a response header.
 */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";
