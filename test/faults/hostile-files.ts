// The hostile-file corpus for import (issue 9): every file is generated here, from a seed,
// at the size the run asks for (small in `npm test`, full with RMW_FAULTS=full).
import { crc32, deflateRawSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { importBook } from '../../bench/import';
import { makeResidentId } from '../../src/main/core/domain/kyc/resident-id';
import { bombStream, rowXml, sheetXml, xlsx, zip, type XCell } from './hostile-zip';
import { mulberry32 } from '../helpers/prng';

export const FULL = process.env['RMW_FAULTS'] === 'full';
const MiB = 1024 * 1024;

/** What a file must end in: a refusal with this code/reason, or these rows. */
export type Expected =
  | { kind: 'error'; code: 'IMPORT_FILE' | 'IMPORT_ROWS_INVALID'; reason: string; row?: number; column?: number }
  | {
      kind: 'rows';
      valid: number;
      invalid?: number;
      /** Each must be among the preview's errors (row, field, code). */
      errors?: { row: number; field: string; code: string }[];
      /** Codes that must be among the preview's warnings. */
      warnings?: string[];
      encoding?: string;
      format?: 'csv' | 'xlsx';
      /** Names that must be in the book after the commit, exactly as written. */
      names?: string[];
      /** Commit with strict: the row errors refuse it and nothing is written. */
      strictRefused?: boolean;
    };

export interface HostileFile {
  name: string;
  fileName: string;
  make(): Buffer;
  expect: Expected;
  /** Bound on RSS / heap growth while this file is previewed and committed. */
  memLimitMB: number;
  /** Bound on the time to answer, where a quick refusal is the point (nothing inflated or parsed). */
  maxMs?: number;
}

/** Deterministic bytes (mulberry32), so a failing file can be made again. */
export function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  const next = mulberry32(seed);
  for (let i = 0; i < n; i++) out[i] = Math.floor(next() * 256);
  return out;
}

const cellCsv = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
export const csv = (rows: readonly (readonly string[])[], eol = '\r\n') => rows.map((r) => r.map(cellCsv).join(',')).join(eol) + eol;
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const HEAD = ['姓名', '手机', '证件类型', '证件号码', '出生日期', '备注'];
const id = (birth: string, seq: number) => makeResidentId('110105', birth, seq);
/** Three ordinary clients; `tag` keeps names (and mobiles) apart between files. */
function people(tag: string, base: number): string[][] {
  return [
    [`张伟${tag}`, `1381234${String(base).padStart(4, '0')}`, '居民身份证', id('1975-03-08', (base % 900) + 11), '1975-03-08', '周末不打电话'],
    [`李秀英${tag}`, `1391234${String(base + 1).padStart(4, '0')}`, '居民身份证', id('1962-08-15', (base % 900) + 24), '1962-08-15', ''],
    [`王芳${tag}`, `1371234${String(base + 2).padStart(4, '0')}`, '', '', '', '老客户'],
  ];
}
const ENGLISH_HEAD = ['Name', 'Mobile', 'Notes'];

function badChecksum(good: string): string {
  const last = good[17]!;
  const swap = last === '0' ? '1' : last === 'X' ? '0' : String((Number(last) + 1) % 10);
  return good.slice(0, 17) + swap;
}

export function hostileFiles(): HostileFile[] {
  const lineMB = FULL ? 100 : 10;
  const bigRows = FULL ? 199_999 : 4_000;
  return [
    { name: 'random binary', fileName: 'random.csv', make: () => seededBytes(256 * 1024, 9), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_BINARY' }, memLimitMB: 100 },
    { name: 'random bytes behind a ZIP signature', fileName: 'random.xlsx', make: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), seededBytes(64 * 1024, 10)]), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_UNREADABLE' }, memLimitMB: 100 },
    { name: 'legacy OLE .xls', fileName: 'old.xls', make: () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), seededBytes(4096, 11)]), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_XLS_LEGACY' }, memLimitMB: 100 },
    { name: 'zero bytes', fileName: 'empty.csv', make: () => Buffer.alloc(0), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_EMPTY' }, memLimitMB: 50 },
    // Over the core's size limit a file is refused before it is decoded; under it, the one cell is too long.
    {
      name: `${lineMB} MB single line`,
      fileName: 'line.csv',
      make: () => Buffer.alloc(lineMB * MiB, 'x'),
      expect: lineMB * MiB > 64 * MiB ? { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_TOO_LARGE' } : { kind: 'error', code: 'IMPORT_FILE', reason: 'CELL_TOO_LONG', row: 1, column: 1 },
      memLimitMB: 1024,
    },
    ...(FULL ? [{ name: '60 MB single line', fileName: 'line60.csv', make: () => Buffer.alloc(60 * MiB, 'y'), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'CELL_TOO_LONG', row: 1, column: 1 }, memLimitMB: 1024 } as HostileFile] : []),
    { name: 'single line of commas', fileName: 'commas.csv', make: () => Buffer.from('a,'.repeat((FULL ? 20 : 2) * MiB)), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'TABLE_TOO_MANY_COLUMNS', row: 1 }, memLimitMB: 1024 },
    {
      name: '200,000 columns',
      fileName: 'wide.csv',
      make: () => utf8(csv([Array.from({ length: 200_000 }, (_, i) => `列${i}`), Array.from({ length: 200_000 }, () => '1')])),
      expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'TABLE_TOO_MANY_COLUMNS', row: 1 },
      memLimitMB: 500,
    },
    { name: 'GBK without BOM (Excel on Chinese Windows)', fileName: 'gbk.csv', make: () => iconv.encode(csv([HEAD, ...people('甲', 1)]), 'gbk'), expect: { kind: 'rows', valid: 3, encoding: 'gb18030', names: ['张伟甲', '李秀英甲', '王芳甲'] }, memLimitMB: 100 },
    // A UTF-8 BOM in front of GBK bytes: the BOM lies, so the file is refused rather than read as mojibake.
    { name: 'GBK behind a UTF-8 BOM', fileName: 'gbk-bom.csv', make: () => Buffer.concat([BOM, iconv.encode(csv([HEAD, ...people('乙', 5)]), 'gbk')]), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_ENCODING' }, memLimitMB: 100 },
    { name: 'UTF-16 LE with BOM', fileName: 'u16le.csv', make: () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv([HEAD, ...people('丙', 9)]), 'utf-16le')]), expect: { kind: 'rows', valid: 3, encoding: 'utf-16le', names: ['张伟丙'] }, memLimitMB: 100 },
    { name: 'UTF-16 BE with BOM', fileName: 'u16be.csv', make: () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv([HEAD, ...people('丁', 13)]), 'utf-16be')]), expect: { kind: 'rows', valid: 3, encoding: 'utf-16be', names: ['李秀英丁'] }, memLimitMB: 100 },
    { name: 'UTF-16 LE without BOM', fileName: 'u16le-nobom.txt', make: () => iconv.encode(csv([HEAD, ...people('戊', 17)]), 'utf-16le'), expect: { kind: 'rows', valid: 3, encoding: 'utf-16le', names: ['王芳戊'] }, memLimitMB: 100 },
    { name: 'UTF-16 BE without BOM', fileName: 'u16be-nobom.txt', make: () => iconv.encode(csv([HEAD, ...people('己', 21)]), 'utf-16be'), expect: { kind: 'rows', valid: 3, encoding: 'utf-16be', names: ['张伟己'] }, memLimitMB: 100 },
    { name: 'Big5 (Taiwan/HK Excel)', fileName: 'big5.csv', make: () => iconv.encode(csv([['姓名', '手機', '備註'], ['陳大文', '13812340001', '請於週末聯絡'], ['林美玲', '13812340002', '資產證明'], ['張國榮', '13812340003', '電話號碼變更']]), 'big5'), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_ENCODING' }, memLimitMB: 100 },
    { name: 'Latin-1', fileName: 'latin1.csv', make: () => iconv.encode(csv([ENGLISH_HEAD, ['José Müller', '13812340011', 'préfère le matin'], ['François Ørsted', '13812340012', 'Straße 5, Köln']]), 'latin1'), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_ENCODING' }, memLimitMB: 100 },
    {
      name: 'UTF-8 with invalid sequences',
      fileName: 'bad-utf8.csv',
      make: () => Buffer.concat([utf8(csv([HEAD, ...people('庚', 25)]).slice(0, 40)), Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff, 0xc0, 0xaf]), utf8(csv(people('庚', 25)))]),
      expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_ENCODING' },
      memLimitMB: 100,
    },
    {
      name: 'mixed line endings CRLF/LF/CR',
      fileName: 'eol.csv',
      make: () => {
        const [a, b, c] = people('辛', 29);
        return utf8(`${HEAD.join(',')}\r\n${a!.join(',')}\n${b!.join(',')}\r${c!.join(',')}\r\n`);
      },
      expect: { kind: 'rows', valid: 3, names: ['张伟辛', '李秀英辛', '王芳辛'] },
      memLimitMB: 100,
    },
    {
      name: 'BOM + blank rows',
      fileName: 'bom-blank.csv',
      make: () => Buffer.concat([BOM, utf8(`,,,\r\n\r\n${csv([HEAD])},,\r\n${csv([people('壬', 33)[0]!])}\r\n\r\n${csv(people('壬', 33).slice(1))}`)]),
      expect: { kind: 'rows', valid: 3, encoding: 'utf-8-bom', names: ['张伟壬', '王芳壬'] },
      memLimitMB: 100,
    },
    { name: 'unterminated quote', fileName: 'quote.csv', make: () => utf8(`${csv([HEAD, ...people('癸', 37)])}"赵六,13812349999,,,,"还没结束\r\n`), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'CSV_QUOTES', row: 5 }, memLimitMB: 100 },
    { name: 'NUL bytes inside cells', fileName: 'nul.csv', make: () => utf8(csv([HEAD, ['张\u0000三', '13812340099', '', '', '', 'a\u0000b']])), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'FILE_BINARY' }, memLimitMB: 100 },
    {
      name: 'invalid dates (2026-02-30, month 13, lunar nonsense)',
      fileName: 'dates.csv',
      make: () =>
        utf8(
          csv([
            ['姓名', '手机', '出生日期', '生日历法', '农历生日', '证件有效期'],
            ['日期甲', '13812341001', '2026-02-30', '', '', ''],
            ['日期乙', '13812341002', '1980-13-01', '', '', ''],
            ['日期丙', '13812341003', '', '农历', '13-45', ''],
            ['日期丁', '13812341004', '', '农历', '闰二月三十一', ''],
            ['日期戊', '13812341005', '', '', '', '2031-04-31'],
            ['日期己', '13812341006', '1985-06-15', '', '', ''],
          ]),
        ),
      expect: {
        kind: 'rows',
        valid: 1,
        invalid: 5,
        strictRefused: true,
        errors: [
          { row: 2, field: 'birth_date', code: 'DATE_INVALID' },
          { row: 3, field: 'birth_date', code: 'DATE_INVALID' },
          { row: 4, field: 'lunar_birthday', code: 'LUNAR_BIRTHDAY_INVALID' },
          { row: 5, field: 'lunar_birthday', code: 'LUNAR_BIRTHDAY_FORMAT' },
          { row: 6, field: 'id_expiry', code: 'DATE_INVALID' },
        ],
        names: ['日期己'],
      },
      memLimitMB: 100,
    },
    {
      name: 'ID numbers with a bad check character',
      fileName: 'bad-ids.csv',
      make: () => utf8(csv([HEAD, ['证件甲', '13812342001', '居民身份证', badChecksum(id('1990-01-01', 101)), '', ''], ['证件乙', '13812342002', '身份证', badChecksum(id('1970-12-31', 102)), '', ''], ['证件丙', '13812342003', '居民身份证', id('1970-12-31', 103), '', '']])),
      expect: { kind: 'rows', valid: 1, invalid: 2, strictRefused: true, errors: [{ row: 2, field: 'id_number', code: 'ID_CHECKSUM' }, { row: 3, field: 'id_number', code: 'ID_CHECKSUM' }], names: ['证件丙'] },
      memLimitMB: 100,
    },
    { name: 'duplicate headers', fileName: 'dup-head.csv', make: () => utf8(csv([['姓名', '手机', '姓名'], ['甲', '13812343001', '乙']])), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'HEADER_DUPLICATE', column: 3 }, memLimitMB: 100 },
    ...(FULL ? [{ name: '1,048,576 CSV rows', fileName: 'rows-max.csv', make: () => utf8(`姓名,手机\n${'客,13800000000\n'.repeat(1_048_575)}`), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'TABLE_TOO_MANY_ROWS', row: 200_002 }, memLimitMB: 1024 } as HostileFile] : []),
    { name: 'header only', fileName: 'head.csv', make: () => utf8(csv([HEAD])), expect: { kind: 'rows', valid: 0, invalid: 0 }, memLimitMB: 100 },
    {
      name: 'formula cells in CSV (=cmd|, +, -, @)',
      fileName: 'formula.csv',
      make: () => utf8(csv([['姓名', '手机', '备注', '金融资产'], ['公式甲', '13812344001', "=cmd|' /C calc'!A0", '100'], ['公式乙', '13812344002', '+SUM(1,2)', '200'], ['公式丙', '13812344003', '@SUM(A1)', '=1+1'], ['公式丁', '13812344004', '-2+3', '-5']])),
      expect: { kind: 'rows', valid: 2, invalid: 2, warnings: ['CELL_FORMULA'], errors: [{ row: 4, field: 'aum', code: 'CELL_FORMULA' }, { row: 5, field: 'aum', code: 'MONEY_NEGATIVE' }], names: ['公式甲', '公式乙'] },
      memLimitMB: 100,
    },
    {
      name: 'formula cells in XLSX',
      fileName: 'formula.xlsx',
      make: () => xlsx([['姓名', '手机', '备注'], ['公式戊', '13812344005', { f: 'cmd|\' /C calc\'!A0', v: '0' }], ['公式己', '13812344006', "=cmd|' /C calc'!A0"], ['公式庚', '13812344007', '@SUM(1+1)']]),
      expect: { kind: 'rows', valid: 3, format: 'xlsx', warnings: ['CELL_FORMULA', 'CELL_FORMULA_RESULT'], names: ['公式戊', '公式己', '公式庚'] },
      memLimitMB: 100,
    },
    // 2 GiB of spaces declared honestly: refused on the declared sizes, nothing inflated.
    { name: 'ZIP bomb posing as XLSX (sizes declared)', fileName: 'bomb.xlsx', make: () => bombXlsx(2048 * MiB, false), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_TOO_LARGE' }, memLimitMB: 300, maxMs: 3_000 },
    // The same bomb declaring 1 KiB: inflation is counted as it runs and stopped at the declared size.
    { name: 'ZIP bomb posing as XLSX (sizes lie)', fileName: 'bomb-lie.xlsx', make: () => bombXlsx(FULL ? 2048 * MiB : 512 * MiB, true), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_TOO_LARGE' }, memLimitMB: 300 },
    {
      name: 'XLSX with external links',
      fileName: 'external.xlsx',
      make: () =>
        xlsx([['姓名', '手机', '金融资产'], ['外链甲', '13812345001', { f: "'\\\\evil\\share\\[book.xlsx]Sheet1'!A1", v: '1000' }], ['外链乙', '13812345002', { f: '[1]Sheet1!$A$1*2', v: '2000' }]], {
          contentTypes: '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
          workbookExtra: '<externalReferences><externalReference r:id="rId9"/></externalReferences>',
          workbookRels: '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/>',
          extraParts: [
            { name: 'xl/externalLinks/externalLink1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>' },
            { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\evil\\share\\book.xlsx" TargetMode="External"/></Relationships>' },
          ],
        }),
      // Only the cached results are read; nothing is fetched or evaluated.
      expect: { kind: 'rows', valid: 2, format: 'xlsx', warnings: ['CELL_FORMULA_RESULT'], names: ['外链甲', '外链乙'] },
      memLimitMB: 100,
    },
    { name: '.xlsx that is really a CSV', fileName: 'really-csv.xlsx', make: () => utf8(csv([HEAD, ...people('子', 41)])), expect: { kind: 'rows', valid: 3, format: 'csv', names: ['张伟子'] }, memLimitMB: 100 },
    { name: 'CSV that is really an XLSX', fileName: 'really-xlsx.csv', make: () => xlsx([HEAD, ...people('丑', 45)]), expect: { kind: 'rows', valid: 3, format: 'xlsx', names: ['李秀英丑'] }, memLimitMB: 100 },
    { name: 'XLSX with 1,048,576 rows', fileName: 'rows-max.xlsx', make: () => manyRowsXlsx(1_048_576), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'TABLE_TOO_MANY_ROWS' }, memLimitMB: 400 },
    {
      name: 'XLSX declaring A1:F1048576 with 3 rows',
      fileName: 'dimension.xlsx',
      make: () => xlsx([HEAD, ...people('寅', 49)], { sheetHead: '<dimension ref="A1:F1048576"/>' }),
      expect: { kind: 'rows', valid: 3, format: 'xlsx', names: ['王芳寅'] },
      memLimitMB: 100,
    },
    { name: `XLSX with ${FULL ? '500,000' : '30,000'} rich shared strings`, fileName: 'sst.xlsx', make: () => sharedStringsXlsx(FULL ? 500_000 : 30_000), expect: { kind: 'rows', valid: 1, format: 'xlsx', names: ['共享甲'] }, memLimitMB: FULL ? 1024 : 400 },
    { name: 'XLSX with 2,000,000 shared strings', fileName: 'sst-huge.xlsx', make: () => sharedStringsXlsx(2_000_000, !FULL), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_TOO_LARGE' }, memLimitMB: 300 },
    { name: 'XLSX with deeply nested XML', fileName: 'nested.xlsx', make: () => nestedXlsx(FULL ? 200_000 : 50_000), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_UNREADABLE' }, memLimitMB: 300 },
    { name: 'XLSX with 60,000 parts', fileName: 'parts.xlsx', make: () => manyParts(60_000), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_TOO_LARGE' }, memLimitMB: 300 },
    { name: 'truncated XLSX', fileName: 'cut.xlsx', make: () => { const b = xlsx([HEAD, ...people('卯', 53)]); return b.subarray(0, Math.floor(b.length / 2)); }, expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'XLSX_UNREADABLE' }, memLimitMB: 100 },
    { name: '10 MB cell in CSV', fileName: 'cell.csv', make: () => utf8(csv([HEAD, ['长格', '13812346001', '', '', '', 'z'.repeat(10 * MiB)]])), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'CELL_TOO_LONG', row: 2, column: 6 }, memLimitMB: 300 },
    { name: '10 MB cell in XLSX', fileName: 'cell.xlsx', make: () => xlsx([HEAD, ['长格', '13812346002', '', '', '', 'z'.repeat(10 * MiB)]]), expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'CELL_TOO_LONG', row: 2, column: 6 }, memLimitMB: 400 },
    {
      name: `${bigRows.toLocaleString('en')} valid rows + 1 bad row (strict)`,
      fileName: 'big-bad-last.csv',
      make: () => {
        const book = importBook(bigRows);
        const tail = iconv.encode(`C9${'9'.repeat(8)},坏行,个人,男,1980-01-01,居民身份证,${badChecksum(id('1980-01-01', 7))},,13900000000\r\n`, 'gbk');
        return Buffer.concat([book.csv, tail]);
      },
      expect: { kind: 'error', code: 'IMPORT_ROWS_INVALID', reason: 'ID_CHECKSUM', row: bigRows + 2 },
      memLimitMB: 1024,
    },
    {
      name: `${bigRows.toLocaleString('en')} valid rows + unterminated quote`,
      fileName: 'big-quote-last.csv',
      make: () => Buffer.concat([importBook(bigRows).csv, iconv.encode('C9,"坏行\r\n', 'gbk')]),
      expect: { kind: 'error', code: 'IMPORT_FILE', reason: 'CSV_QUOTES', row: bigRows + 2 },
      memLimitMB: 1024,
    },
  ];
}

function bombXlsx(bytes: number, lie: boolean): Buffer {
  const stream = bombStream(bytes);
  const head = sheetXml(rowXml(1, ['姓名']) + rowXml(2, ['炸弹']));
  return zip([
    { name: '[Content_Types].xml', data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: 'xl/worksheets/sheet1.xml', data: head },
    { name: 'xl/sharedStrings.xml', raw: lie ? { ...stream, size: 1024 } : stream },
  ]);
}

/** Rows without `r` attributes (each follows the one before), as some writers produce them. */
function manyRowsXlsx(n: number): Buffer {
  const body = rowXml(1, ['姓名', '手机']) + '<row><c t="inlineStr"><is><t>客</t></is></c><c><v>13800000000</v></c></row>'.repeat(n - 1);
  return xlsx([], { sheetBody: body, sheetHead: `<dimension ref="A1:B${n}"/>` });
}

function sharedStringsXlsx(count: number, plain = false): Buffer {
  const si = plain ? '<si><t>同</t></si>'.repeat(count) : Array.from({ length: count }, (_, i) => `<si><r><t>片段${i}</t></r><r><rPr><b/></rPr><t>粗${i}</t></r></si>`).join('');
  const sst = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count + 2}" uniqueCount="${count + 2}"><si><t>姓名</t></si><si><t>共享甲</t></si>${si}</sst>`;
  const cells: XCell[] = [];
  return xlsx([cells], {
    sheetBody: '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>',
    contentTypes: '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>',
    workbookRels: '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>',
    extraParts: [{ name: 'xl/sharedStrings.xml', data: sst }],
  });
}

function nestedXlsx(depth: number): Buffer {
  const body = `<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is>${'<r>'.repeat(depth)}<t>深</t>${'</r>'.repeat(depth)}</is></c></row>`;
  return xlsx([], { sheetBody: body });
}

function manyParts(n: number): Buffer {
  const raw = { deflated: deflateRawSync(Buffer.from('x')), crc: crc32('x'), size: 1 };
  return zip([{ name: '[Content_Types].xml', data: '<Types/>' }, ...Array.from({ length: n }, (_, i) => ({ name: `xl/media/p${i}.bin`, raw }))]);
}
