// Shared by the hostile-import and IPC-fuzz suites: a digest of the book, memory sampling,
// and the check that an error value can be shown to the manager in both languages.
import { createHash } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AppErrorValue } from '../../src/shared/errors';
import { errorMessage, translate, type LocaleKey } from '../../src/shared/i18n';
import type { Harness } from '../helpers/core';

const LOCALES: LocaleKey[] = ['zh-CN', 'en'];

/** Every table the manager's data lives in, hashed row by row (the audit log by count and head). */
export function bookDigest(h: Harness): string {
  const db = h.core.workspace.requireSession().db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter((t) => t !== 'audit_log');
  const hash = createHash('sha256');
  for (const t of tables) {
    hash.update(`\u0000${t}\u0000`);
    // Some tables are WITHOUT ROWID: rows are sorted as text instead.
    const rows = (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[]).map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : Buffer.isBuffer(v) ? v.toString('hex') : v)));
    for (const row of rows.sort()) hash.update(row);
  }
  const audit = db.prepare('SELECT count(*) AS n, max(seq) AS head FROM audit_log').get();
  hash.update(JSON.stringify(audit));
  return hash.digest('hex');
}

export function bookCounts(h: Harness): { clients: number; followups: number; audit: number } {
  const db = h.core.workspace.requireSession().db;
  const n = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  return { clients: n('clients'), followups: n('followups'), audit: n('audit_log') };
}

let gcFn: (() => void) | null | undefined;
/** A full collection when the runtime allows one, so a baseline is not last file's garbage. */
export function collect(): void {
  if (gcFn === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gcFn = runInNewContext('gc') as () => void;
    } catch {
      gcFn = null;
    }
  }
  gcFn?.();
}

/** Peak RSS and heap growth over `run`, sampled on a timer and at the end (plus the process's max RSS). */
export async function measured<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; rssMB: number; heapMB: number }> {
  collect();
  const base = process.memoryUsage();
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  try {
    const value = await run();
    sample();
    const maxAfter = process.resourceUsage().maxRSS * 1024;
    if (maxAfter > maxBefore) peakRss = Math.max(peakRss, maxAfter);
    return { value, ms: performance.now() - t0, rssMB: (peakRss - base.rss) / 2 ** 20, heapMB: (peakHeap - base.heapUsed) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

/** The error can be told to the manager: a known code, a field, and words (not keys) in zh-CN and en. */
export function messageProblems(err: AppErrorValue): string[] {
  const problems: string[] = [];
  for (const locale of LOCALES) {
    const base = translate(locale, `errors.${err.code}`);
    if (base === `errors.${err.code}`) problems.push(`${locale}: no message for errors.${err.code}`);
    const text = errorMessage(locale, err);
    if (/\b(errors|importFileCodes|fieldCodes)\./.test(text)) problems.push(`${locale}: untranslated key in "${text}"`);
    if ((err.code === 'IMPORT_FILE' || err.code === 'IMPORT_ROWS_INVALID') && err.reason) {
      const group = err.code === 'IMPORT_FILE' ? 'importFileCodes' : 'fieldCodes';
      if (translate(locale, `${group}.${err.reason}`) === `${group}.${err.reason}`) problems.push(`${locale}: no words for ${group}.${err.reason}`);
    }
  }
  return problems;
}

/** A row-level issue code has words in both languages. */
export function fieldCodeKnown(code: string): boolean {
  return LOCALES.every((l) => translate(l, `fieldCodes.${code}`) !== `fieldCodes.${code}`);
}

export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  console.log([`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map((r) => line(r.map(String)))].join('\n'));
}
