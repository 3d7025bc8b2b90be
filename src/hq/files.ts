import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HqError, type HqMessageKey } from './messages';

// File writes of the hq tools: whole files appear at once (temp + link/rename), existing outputs
// are never overwritten unless they are HQ's own bookkeeping, and appends are one write each.

function writeAllSync(fd: number, data: Uint8Array): void {
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function writeTemp(path: string, data: Uint8Array, mode: number): string {
  const tmp = tempBeside(path);
  const fd = openSync(tmp, 'wx', mode);
  try {
    writeAllSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Writes a file that must not exist yet, so that it appears whole or not at all. A hard link
 * refuses an existing target atomically; where the file system has no hard links (FAT on a USB
 * stick, some shares) an existence check and a rename stand in.
 */
export function writeNewFile(path: string, data: Uint8Array | string, { mode = 0o644, existsKey }: { mode?: number; existsKey: HqMessageKey }): void {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  if (existsSync(path)) throw new HqError(existsKey, { file: path });
  const tmp = writeTemp(path, bytes, mode);
  try {
    try {
      linkSync(tmp, path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new HqError(existsKey, { file: path });
      if (existsSync(path)) throw new HqError(existsKey, { file: path });
      renameSync(tmp, path);
    }
  } finally {
    if (existsSync(tmp)) unlinkSync(tmp);
  }
}

/** Replaces (or creates) a file whole: temp + rename. */
export function replaceFile(path: string, data: string): void {
  const tmp = writeTemp(path, new TextEncoder().encode(data), 0o644);
  try {
    renameSync(tmp, path);
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw e;
  }
}

/** Appends in one write and syncs; nothing when there is nothing to append. */
export function appendOnce(path: string, text: string): void {
  if (text === '') return;
  const fd = openSync(path, 'a', 0o644);
  try {
    writeAllSync(fd, new TextEncoder().encode(text));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Lines of an NDJSON file, each parsed; a line that is not JSON (a torn write) is refused by name. */
export function readNdjson(path: string): unknown[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  // Every append ends its lines; a last line without its newline was torn by a crash.
  if (text !== '' && !text.endsWith('\n')) throw new HqError('ingest.outCorrupt', { file: path, line: lines.length });
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      throw new HqError('ingest.outCorrupt', { file: path, line: i + 1 });
    }
  });
}
