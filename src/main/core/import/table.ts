// A spreadsheet file (CSV or XLSX) → header names + data rows of trimmed strings, with
// the row numbers the RM sees in Excel, so every later error can point at a real row.
import Papa from 'papaparse';
import { decodeText, MAX_TEXT_BYTES, type TextEncoding } from './decode';
import { TableBuilder, type RowSink, type TableResult } from './table-builder';
import { parseXlsx } from './table-xlsx';

export {
  MAX_CELL_LENGTH,
  MAX_COLUMNS,
  MAX_ROWS,
  type CellFlag,
  type Table,
  type TableError,
  type TableErrorCode,
  type TableIssue,
  type TableResult,
  type TableRow,
  type RowSink,
} from './table-builder';
export { parseXlsx } from './table-xlsx';

export type TableSource = { format: 'csv'; encoding: TextEncoding; delimiter: string } | { format: 'xlsx' };

/**
 * Parse an import file by its content, not its name: a ZIP is an XLSX workbook, an OLE
 * compound file is a legacy .xls (or a password-protected workbook) that we cannot
 * read, anything else is decoded as text and parsed as CSV. With `onRow`, each data row goes
 * there as it is read and the table comes back without rows.
 */
export async function parseTableFile(bytes: Uint8Array, onRow?: RowSink): Promise<TableResult & { source?: TableSource }> {
  if (isXlsx(bytes) && sizeError(bytes) === null) {
    const result = await parseXlsx(bytes, onRow);
    return result.ok ? { ...result, source: { format: 'xlsx' } } : result;
  }
  return parseTextTable(bytes, onRow);
}

/** The file is an XLSX workbook (a ZIP), which only parseTableFile reads: asynchronously. */
export function isXlsx(bytes: Uint8Array): boolean {
  return hasMagic(bytes, ZIP_MAGIC);
}

/** A file's bytes that the reader lets go once it has decoded them: the rows are read from the text. */
export interface TextFile {
  bytes: Uint8Array | null;
}

/**
 * parseTableFile for a file that is not an XLSX workbook, synchronously: every row has gone to `onRow`
 * when it returns (an import writes each row as it is read, inside one transaction).
 */
export function parseTextTable(file: Uint8Array | TextFile, onRow?: RowSink): TableResult & { source?: TableSource } {
  const opened = openText(file);
  return 'text' in opened ? parseDecoded(opened, onRow) : opened;
}

/** Checks and decodes the bytes; a held file's bytes are let go here, before its rows are parsed. */
function openText(file: Uint8Array | TextFile): Extract<ReturnType<typeof decodeText>, { ok: true }> | Extract<TableResult, { ok: false }> {
  const bytes = file instanceof Uint8Array ? file : file.bytes!;
  if (!(file instanceof Uint8Array)) file.bytes = null;
  const tooBig = sizeError(bytes);
  if (tooBig) return tooBig;
  if (hasMagic(bytes, OLE_MAGIC)) {
    return { ok: false, error: { code: 'FILE_XLS_LEGACY', reason: 'OLE compound file: .xls or encrypted workbook' } };
  }
  if (hasMagic(bytes, ZIP_MAGIC)) throw new Error('parseTextTable: an XLSX workbook is read by parseTableFile');
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, error: { code: decoded.code, reason: decoded.reason } };
  return decoded;
}

function parseDecoded(decoded: Extract<ReturnType<typeof decodeText>, { ok: true }>, onRow?: RowSink): TableResult & { source?: TableSource } {
  const parsed = parseCsv(decoded.text, onRow);
  if (!parsed.ok) return parsed;
  return { ...parsed, source: { format: 'csv', encoding: decoded.encoding, delimiter: parsed.delimiter } };
}

/**
 * Parse CSV text. The delimiter is guessed among `,` `\t` `;` from the header line; line
 * endings may be mixed (CRLF, LF, CR); quoted fields may hold delimiters, quotes and
 * newlines. Row numbers count records, blank ones included, as Excel numbers its rows.
 */
export function parseCsv(text: string, onRow?: RowSink): TableResult & { delimiter: string } {
  const builder = new TableBuilder({ csv: true, onRow });
  // Papa detects one newline style per file; Excel-edited files can mix them, and are parsed
  // with every line break made LF. A file with one style is parsed as it is: the copy of a
  // 100,000-row file's text is 30 MB more held while it is read.
  const crlfOnly = text.includes('\r\n') && !/\r(?!\n)|(?<!\r)\n/.test(text);
  const source = crlfOnly || !text.includes('\r') ? text : text.replace(/\r\n?/g, '\n');
  let rowNumber = 0;
  let failure: TableResult | null = null;
  const delimiter = guessDelimiter(source);
  Papa.parse<string[]>(source, {
    delimiter,
    newline: crlfOnly ? '\r\n' : '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (step, parser) => {
      rowNumber++;
      const quoteError = step.errors.find((e) => e.type === 'Quotes');
      const error = quoteError
        ? { code: 'CSV_QUOTES' as const, row: rowNumber, reason: quoteError.code }
        : builder.add(rowNumber, step.data);
      if (error) {
        failure = { ok: false, error };
        parser.abort();
      }
    },
  });
  if (failure) return { ...(failure as TableResult), delimiter };
  return { ...builder.finish(), delimiter };
}

/**
 * The delimiter occurring most often (outside quotes) in the first non-blank line, ties
 * going to `,`. The header decides: data cells hold commas (addresses, amounts) far more
 * often than header names do, which fools guessers that look at data rows.
 */
export function guessDelimiter(text: string): string {
  // Line by line up to the first non-blank one (splitting the whole text would copy every line).
  let line = '';
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const l = text.slice(start, end === -1 ? text.length : end);
    if (l.trim() !== '') {
      line = l.replace(/"[^"]*"/g, '');
      break;
    }
    start = end === -1 ? text.length : end + 1;
  }
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = line.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function sizeError(bytes: Uint8Array): Extract<TableResult, { ok: false }> | null {
  if (bytes.length === 0) return { ok: false, error: { code: 'FILE_EMPTY', reason: 'zero bytes' } };
  if (bytes.length > MAX_TEXT_BYTES) return { ok: false, error: { code: 'FILE_TOO_LARGE', reason: 'over size limit' } };
  return null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function hasMagic(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
