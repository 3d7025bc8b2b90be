// Hostile files through the import channels exactly as the renderer sends them (the bytes
// as base64): each ends in a clear refusal or in the right rows, never in a crash, a hang,
// a partial commit or memory out of bounds. `RMW_FAULTS=full` uses the full sizes.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportResult } from '../../src/shared/import';
import type { Result } from '../../src/shared/errors';
import { parseInput } from '../../src/shared/validate';
import { decodeResult, encodeResult } from '../../src/shared/wire';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';
import { hostileFiles, type HostileFile } from './hostile-files';
import { bookCounts, bookDigest, fieldCodeKnown, measured, messageProblems, printTable } from './hostile-support';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const summary: (string | number)[][] = [];

beforeAll(async () => {
  tmp = tempDir('rmw-hostile-');
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
  // Some book to protect: refused files must leave it exactly as it was.
  for (const [i, name] of ['基线甲', '基线乙', '基线丙'].entries()) await h.call('clients.create', { client: { kind: 'person', name, mobile: `1590000000${i}`, tags: ['基线'] } });
});

afterAll(async () => {
  printTable('hostile import corpus', ['file', 'outcome', 'code', 'ms', 'rss MB', 'heap MB'], summary);
  try {
    const db = h.core.workspace.requireSession().db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await h.call('audit.verify')).toMatchObject({ intact: true });
  } finally {
    h.core.dispose();
    tmp.cleanup();
  }
});

describe('hostile import files', () => {
  const files = hostileFiles();
  it('has the corpus the issue asks for', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
  });

  for (const file of files) {
    it(file.name, async () => {
      // Only the base64 text outlives this line, as in the renderer.
      const { input, size } = encode(file);
      const before = { digest: bookDigest(h), counts: bookCounts(h) };
      const run = await measured(() => exercise(file, input, before));
      const { outcome, code } = run.value;
      summary.push([`${file.fileName} (${(size / 2 ** 20).toFixed(1)} MB)`, outcome, code, Math.round(run.ms), run.rssMB.toFixed(0), run.heapMB.toFixed(0)]);
      expect(Math.max(run.rssMB, run.heapMB), `memory growth for ${file.fileName}`).toBeLessThan(file.memLimitMB);
      if (file.maxMs !== undefined) expect(run.ms, `time to refuse ${file.fileName}`).toBeLessThan(file.maxMs);
    });
  }
});

function encode(file: HostileFile): { input: { fileName: string; contentBase64: string }; size: number } {
  const bytes = file.make();
  return { input: { fileName: file.fileName, contentBase64: bytes.toString('base64') }, size: bytes.length };
}

type Before = { digest: string; counts: ReturnType<typeof bookCounts> };

async function exercise(file: HostileFile, input: { fileName: string; contentBase64: string }, before: Before): Promise<{ outcome: string; code: string }> {
  const ex = file.expect;
  // The router is the only door: it must answer with a value, never throw; the value crosses as bytes.
  const preview = (await call('import.preview', input)) as Result<ImportPreview>;

  if (ex.kind === 'error' && ex.code === 'IMPORT_FILE') {
    expectRefusal(preview, ex);
    const commit = await call('import.commit', input);
    expectRefusal(commit, ex);
    expectUnchanged(before);
    return { outcome: 'refused', code: `${ex.code}/${ex.reason}` };
  }

  expect(preview.ok, JSON.stringify(!preview.ok && preview.error)).toBe(true);
  if (!preview.ok) throw new Error('unreachable');
  const p = preview.data;
  for (const issue of [...p.errors, ...p.warnings]) expect(fieldCodeKnown(issue.code), `words for ${issue.code}`).toBe(true);

  if (ex.kind === 'error') {
    // Rows with errors and a strict commit: refused as a whole, nothing written.
    expect(p.counts.invalid).toBeGreaterThan(0);
    expect(p.errors).toContainEqual(expect.objectContaining({ row: ex.row, code: ex.reason }));
    const commit = await call('import.commit', { ...input, strict: true });
    expectRefusal(commit, ex);
    expectUnchanged(before);
    return { outcome: `refused (${p.counts.valid} valid rows)`, code: `${ex.code}/${ex.reason}` };
  }

  expect({ valid: p.counts.valid, invalid: p.counts.invalid }).toEqual({ valid: ex.valid, invalid: ex.invalid ?? 0 });
  if (ex.encoding) expect(p.encoding).toBe(ex.encoding);
  if (ex.format) expect(p.format).toBe(ex.format);
  for (const e of ex.errors ?? []) expect(p.errors).toContainEqual(e);
  for (const w of ex.warnings ?? []) expect(p.warnings.map((x) => x.code)).toContain(w);
  if (ex.strictRefused) {
    const strict = await call('import.commit', { ...input, strict: true });
    expect(strict.ok).toBe(false);
    if (!strict.ok) {
      expect(strict.error.code).toBe('IMPORT_ROWS_INVALID');
      expect(messageProblems(strict.error)).toEqual([]);
    }
    expectUnchanged(before);
  }
  const commit = (await call('import.commit', input)) as Result<ImportResult>;
  expect(commit.ok, JSON.stringify(!commit.ok && commit.error)).toBe(true);
  if (!commit.ok) throw new Error('unreachable');
  expect(commit.data.imported + commit.data.merged + commit.data.skipped).toBe(ex.valid);
  expect(commit.data.invalid).toBe(ex.invalid ?? 0);
  expect(bookCounts(h).clients).toBe(before.counts.clients + commit.data.imported);
  for (const name of ex.names ?? []) {
    const found = await h.call('clients.list', { query: name, limit: 50 });
    expect(found.rows.map((r) => r.name), `client ${name} in the book`).toContain(name);
  }
  return { outcome: `${commit.data.imported} imported, ${commit.data.invalid} invalid`, code: p.errors[0]?.code ?? '-' };
}

/** As a window's call travels: main validates, the core answers, the reply crosses as bytes. */
async function call(channel: 'import.preview' | 'import.commit', input: unknown): Promise<Result<unknown>> {
  const parsed = parseInput(channel, input);
  if (!parsed.ok) return parsed;
  return decodeResult(encodeResult(await h.router.handle(parsed.data.channel, parsed.data.input))) as Result<unknown>;
}

function expectRefusal(r: Result<unknown>, ex: { code: string; reason: string; row?: number; column?: number }): void {
  expect(r.ok, 'refused').toBe(false);
  if (r.ok) return;
  expect({ code: r.error.code, reason: r.error.reason }).toEqual({ code: ex.code, reason: ex.reason });
  expect(r.error.field, 'the field is named').toBeTruthy();
  if (ex.row !== undefined) expect(Number(r.error.params?.['row'])).toBe(ex.row);
  if (ex.column !== undefined) expect(Number(r.error.params?.['column'])).toBe(ex.column);
  expect(messageProblems(r.error)).toEqual([]);
}

function expectUnchanged(before: Before): void {
  expect(bookCounts(h)).toEqual(before.counts);
  expect(bookDigest(h)).toBe(before.digest);
}
