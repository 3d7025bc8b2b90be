// A minimal ZIP writer for hostile workbooks: entries are deflated (or given ready-made
// deflate data with any declared size, to build bombs that lie), no zip64, no data descriptors.
import { crc32, deflateRawSync, constants } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Plain content, deflated here. */
  data?: Buffer | string;
  /** Ready-made raw deflate data and the header fields to declare for it. */
  raw?: { deflated: Buffer; crc: number; size: number };
}

export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const plain = e.data === undefined ? null : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const deflated = e.raw?.deflated ?? deflateRawSync(plain!);
    const crc = e.raw?.crc ?? crc32(plain!);
    const size = e.raw?.size ?? plain!.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += local.length + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate data that inflates to `totalBytes` of `fill` while staying tiny: one
 * sync-flushed block of 1 MiB repeated (deflate blocks concatenate), then a final empty block.
 */
export function bombStream(totalBytes: number, fill = ' '): { deflated: Buffer; crc: number; size: number } {
  const MiB = 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(MiB, fill), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const reps = Math.ceil(totalBytes / MiB);
  const parts: Buffer[] = Array.from({ length: reps }, () => block);
  parts.push(deflateRawSync(Buffer.alloc(0)));
  // The CRC is not worth computing over gigabytes: a reader that gets far enough to check it has already lost.
  return { deflated: Buffer.concat(parts), crc: 0, size: reps * MiB };
}

const CONTENT_TYPES = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${extra}</Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets>${extra}</workbook>`;
const WORKBOOK_RELS = (extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${extra}</Relationships>`;

export const sheetXml = (body: string, head = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${head}<sheetData>${body}</sheetData></worksheet>`;

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const colName = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** A cell: a string (inline), or `{ f, v }` a formula with its cached (string) result. */
export type XCell = string | { f: string; v: string };

export function rowXml(r: number, cells: readonly XCell[]): string {
  const cs = cells
    .map((c, i) => {
      const ref = `${colName(i)}${r}`;
      if (typeof c === 'string') return c === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(c)}</t></is></c>`;
      return `<c r="${ref}" t="str"><f>${xmlEscape(c.f)}</f><v>${xmlEscape(c.v)}</v></c>`;
    })
    .join('');
  return `<row r="${r}">${cs}</row>`;
}

/** A one-sheet workbook from rows of cells, with optional extra parts (external links, shared strings). */
export function xlsx(rows: readonly (readonly XCell[])[], opts: { extraParts?: ZipEntry[]; contentTypes?: string; workbookExtra?: string; workbookRels?: string; sheetHead?: string; sheetBody?: string } = {}): Buffer {
  const body = opts.sheetBody ?? rows.map((cells, i) => rowXml(i + 1, cells)).join('');
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES(opts.contentTypes) },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK(opts.workbookExtra) },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS(opts.workbookRels) },
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml(body, opts.sheetHead) },
    ...(opts.extraParts ?? []),
  ]);
}
