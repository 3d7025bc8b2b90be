// Static scan of src/ with @doyensec/electronegativity (security.md). It needs
// TypeScript 4.x for its parser, so it lives in tools/scan with its own lockfile.
// Fails on any HIGH finding and on any MEDIUM finding not excluded below with a reason.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tool = join(root, 'tools/scan');
const bin = join(tool, 'node_modules/.bin/electronegativity');

const EXCLUDED_MEDIUM = {
  PRELOAD_JS_CHECK: 'reviewed: src/preload exposes only window.rm.invoke/on for the contract allow-list in src/shared/channels.ts',
};

if (!existsSync(bin)) {
  console.log('security-scan: installing electronegativity into tools/scan …');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefix', tool], { stdio: 'inherit' });
}
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const dir = mkdtempSync(join(tmpdir(), 'rmw-scan-'));
const csv = join(dir, 'findings.csv');
try {
  execFileSync(bin, ['-i', join(root, 'src'), '-e', electron, '-r', '-v', 'false', '-o', csv], { stdio: ['ignore', 'ignore', 'inherit'] });
  const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((line) => {
    const [check, severity, confidence, file, location] = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return { check, severity, confidence, file, location };
  });
  let failed = 0;
  for (const f of findings) {
    const excluded = f.severity === 'MEDIUM' && EXCLUDED_MEDIUM[f.check];
    const blocking = f.severity === 'HIGH' || f.severity === 'CRITICAL' || (f.severity === 'MEDIUM' && !excluded);
    if (blocking) failed++;
    console.log(`${blocking ? 'FAIL' : excluded ? 'excluded' : 'info'}  ${f.severity.padEnd(13)} ${f.check} ${f.file}:${f.location}${excluded ? ` — ${excluded}` : ''}`);
  }
  console.log(`security-scan: electron ${electron}, ${findings.length} findings, ${failed} blocking`);
  process.exit(failed ? 1 : 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
