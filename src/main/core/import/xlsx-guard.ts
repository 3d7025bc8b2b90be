// Before exceljs sees a workbook: the ZIP's directory is read and every part inflated once
// into nothing but a byte count, so a zip bomb (declared or lying sizes), a workbook of a
// million rows or tens of thousands of parts is refused before anything is held in memory.
import { createInflateRaw } from 'node:zlib';
import { MAX_ROWS, type TableError } from './table-builder';

/** exceljs holds a workbook whole, about 2 KB per row and 10x its XML: bounds it stays well under 1 GB at. */
export const XLSX_LIMITS = {
  parts: 2_000,
  partBytes: 160 * 1024 * 1024,
  totalBytes: 256 * 1024 * 1024,
  /** Rows holding a value, per worksheet (a title and two header rows over the data rows). */
  sheetRows: MAX_ROWS + 3,
  cells: 2_500_000,
  sharedStrings: 1_000_000,
};

interface Part {
  name: string;
  method: number;
  compressed: number;
  size: number;
  localOffset: number;
}

const tooLarge = (reason: string): TableError => ({ code: 'XLSX_TOO_LARGE', reason });
const unreadable = (reason: string): TableError => ({ code: 'XLSX_UNREADABLE', reason });

/** Null when the workbook may be handed to exceljs; otherwise why not. */
export async function checkXlsxArchive(bytes: Uint8Array, limits = XLSX_LIMITS): Promise<TableError | null> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const parts = readDirectory(view, limits);
  if (!Array.isArray(parts)) return parts;
  let declared = 0;
  for (const p of parts) {
    if (p.size > limits.partBytes) return tooLarge(`part ${p.name} declares ${p.size} bytes`);
    declared += p.size;
    if (declared > limits.totalBytes) return tooLarge('parts declare too many bytes in all');
  }
  const counts = { cells: 0, sharedStrings: 0 };
  for (const p of parts) {
    const data = partData(view, p);
    if (!data) return unreadable(`part ${p.name} out of bounds`);
    const kind = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(p.name) ? 'sheet' : /^\/?xl\/sharedStrings\.xml$/i.test(p.name) ? 'sst' : null;
    const scanner = kind ? new TagCounter() : null;
    const problem = await inflateCounting(data, p, scanner);
    if (problem) return problem;
    if (scanner && kind === 'sheet') {
      if (scanner.valuedRows > limits.sheetRows) return { code: 'TABLE_TOO_MANY_ROWS', reason: `more than ${MAX_ROWS} data rows` };
      counts.cells += scanner.cells;
    }
    if (scanner && kind === 'sst') counts.sharedStrings += scanner.strings;
    if (counts.cells > limits.cells) return tooLarge('too many cells');
    if (counts.sharedStrings > limits.sharedStrings) return tooLarge('too many shared strings');
  }
  return null;
}

/** The central directory; ZIP64 (over 4 GB or 65,535 parts) is beyond every limit anyway. */
function readDirectory(buf: Buffer, limits: typeof XLSX_LIMITS): Part[] | TableError {
  const end = findEndRecord(buf);
  if (end < 0) return unreadable('no ZIP end record');
  const count = buf.readUInt16LE(end + 10);
  const dirSize = buf.readUInt32LE(end + 12);
  const dirOffset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return tooLarge('ZIP64 archive');
  if (count > limits.parts) return tooLarge(`${count} parts`);
  if (dirOffset + dirSize > buf.length) return unreadable('central directory out of bounds');
  const parts: Part[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return unreadable('bad central directory entry');
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const part: Part = {
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength)),
    };
    if (part.size === 0xffffffff || part.compressed === 0xffffffff || part.localOffset === 0xffffffff) return tooLarge('ZIP64 part');
    if (part.method !== 0 && part.method !== 8) return unreadable(`compression method ${part.method}`);
    parts.push(part);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function findEndRecord(buf: Buffer): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** The part's stored bytes, found as JSZip finds them: local header, then name and extra field. */
function partData(buf: Buffer, p: Part): Buffer | null {
  const at = p.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  if (start + p.compressed > buf.length) return null;
  return buf.subarray(start, start + p.compressed);
}

/** Inflate into a byte count, stopping as soon as the part outgrows what it declared. */
async function inflateCounting(data: Buffer, p: Part, scanner: TagCounter | null): Promise<TableError | null> {
  if (p.method === 0) {
    if (data.length !== p.size) return unreadable(`stored part ${p.name} size mismatch`);
    scanner?.scan(data);
    return null;
  }
  const inflater = createInflateRaw({ chunkSize: 256 * 1024 });
  let total = 0;
  try {
    const done = new Promise<TableError | null>((resolve) => {
      inflater.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > p.size) {
          inflater.destroy();
          resolve(tooLarge(`part ${p.name} inflates beyond its declared ${p.size} bytes`));
          return;
        }
        scanner?.scan(chunk);
      });
      inflater.on('end', () => resolve(total === p.size ? null : unreadable(`part ${p.name} size mismatch`)));
      inflater.on('error', () => resolve(unreadable(`part ${p.name} is not valid deflate data`)));
    });
    inflater.end(data);
    return await done;
  } finally {
    inflater.destroy();
  }
}

/**
 * Counts, in a stream of XML bytes, rows that hold a value (`<row>` followed by `<v>` or
 * `<is>` before the next row), cells (`<c ` / `<c>`) and shared strings (`<si>`). A tag
 * split between two chunks is completed from the few bytes kept from the previous one.
 */
class TagCounter {
  valuedRows = 0;
  cells = 0;
  strings = 0;
  private rowHasValue = true;
  private carry = Buffer.alloc(0);

  scan(chunk: Buffer): void {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    const limit = buf.length - 4;
    let i = buf.indexOf(0x3c);
    while (i >= 0 && i < limit) {
      const a = buf[i + 1]!;
      const b = buf[i + 2]!;
      if (a === 0x72 && b === 0x6f && buf[i + 3] === 0x77 && isTagEnd(buf[i + 4]!)) this.rowHasValue = false; // <row
      else if (a === 0x63 && isTagEnd(b)) this.cells++; // <c
      else if ((a === 0x76 && isTagEnd(b)) || (a === 0x69 && b === 0x73 && isTagEnd(buf[i + 3]!))) {
        // <v or <is
        if (!this.rowHasValue) {
          this.rowHasValue = true;
          this.valuedRows++;
        }
      } else if (a === 0x73 && b === 0x69 && isTagEnd(buf[i + 3]!)) this.strings++; // <si
      i = buf.indexOf(0x3c, i + 1);
    }
    // Keep the unfinished tail (at most the last few bytes) for the next chunk.
    this.carry = i >= 0 ? Buffer.from(buf.subarray(i)) : Buffer.alloc(0);
  }
}

function isTagEnd(c: number): boolean {
  return c === 0x20 || c === 0x3e || c === 0x2f || c === 0x09 || c === 0x0a || c === 0x0d;
}
