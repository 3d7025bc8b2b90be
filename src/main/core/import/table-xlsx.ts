// XLSX workbooks via exceljs. HQ sheets often carry a title row, a row of merged group
// titles above the real headers, and blank spacer rows between blocks of clients.
import ExcelJS from 'exceljs';
import { parseCalendarDate } from '../domain/kyc/dates';
import { MAX_COLUMNS, MAX_ROWS, TableBuilder, type CellFlag, type RowSink, type TableResult } from './table-builder';
import { checkXlsxArchive } from './xlsx-guard';

/**
 * Read the first visible, non-empty worksheet. A leading row holding a single value
 * (a sheet title) is skipped; a header row with horizontally merged cells is a group
 * title row and is combined with the row below (`基本信息/姓名`; a vertically merged
 * header such as `客户编号` stays as is). Merged cells read as their merged value.
 * Formula cells yield their cached result and are flagged; nothing is evaluated.
 */
export async function parseXlsx(bytes: Uint8Array, onRow?: RowSink): Promise<TableResult> {
  // exceljs inflates and holds every part whole: sizes and counts are checked first.
  const refused = await checkXlsxArchive(bytes);
  if (refused) return { ok: false, error: refused };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length) as never);
  } catch {
    return { ok: false, error: { code: 'XLSX_UNREADABLE', reason: 'not a readable XLSX workbook' } };
  }
  const sheet = workbook.worksheets.find((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  if (!sheet) return { ok: false, error: { code: 'TABLE_EMPTY', reason: 'no visible sheet with data' } };
  // Cheap guards before touching every cell; exact limits are enforced per row below.
  if (sheet.actualColumnCount > MAX_COLUMNS) {
    return { ok: false, error: { code: 'TABLE_TOO_MANY_COLUMNS', reason: `more than ${MAX_COLUMNS} columns` } };
  }
  if (sheet.actualRowCount > MAX_ROWS + 3) {
    return { ok: false, error: { code: 'TABLE_TOO_MANY_ROWS', reason: `more than ${MAX_ROWS} data rows` } };
  }

  const builder = new TableBuilder({ csv: false, onRow });
  const rows: SheetRow[] = [];
  let failure: TableResult | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (failure) return;
    const read = readRow(row);
    const cells = builder.clean(rowNumber, read.cells);
    if (!Array.isArray(cells)) failure = { ok: false, error: cells };
    else if (cells.some((c) => c !== '')) rows.push({ rowNumber, cells, flags: read.flags, groupMerge: read.groupMerge });
  });
  if (failure) return failure;

  let start = 0;
  const first = rows[0];
  const second = rows[1];
  if (first && second && new Set(first.cells.filter((c) => c !== '')).size === 1 && nonEmpty(second) >= 2) start = 1;
  const header = rows[start];
  if (!header) return builder.finish();
  const below = rows[start + 1];
  let dataStart = start + 1;
  let headerCells = header.cells;
  if (header.groupMerge && below) {
    headerCells = combineHeaders(header.cells, below.cells);
    dataStart = start + 2;
  }
  const headerError = builder.setHeader(header.rowNumber, headerCells);
  if (headerError) return { ok: false, error: headerError };
  for (const row of rows.slice(dataStart)) {
    const error = builder.add(row.rowNumber, row.cells, row.flags);
    if (error) return { ok: false, error };
  }
  return builder.finish();
}

interface SheetRow {
  rowNumber: number;
  cells: string[];
  flags: { column: number; flag: CellFlag }[];
  groupMerge: boolean;
}

function nonEmpty(row: SheetRow): number {
  return row.cells.filter((c) => c !== '').length;
}

/** Group title over sub-header; equal values come from a vertical merge and collapse. */
function combineHeaders(group: string[], sub: string[]): string[] {
  return Array.from({ length: Math.max(group.length, sub.length) }, (_, i) => {
    const g = group[i] ?? '';
    const s = sub[i] ?? '';
    if (g === '' || g === s) return s;
    return s === '' ? g : `${g}/${s}`;
  });
}

function readRow(row: ExcelJS.Row): { cells: string[]; flags: SheetRow['flags']; groupMerge: boolean } {
  const cells: string[] = [];
  const flags: SheetRow['flags'] = [];
  let groupMerge = false;
  // cellCount is the last used column; a row wider than the guard is cut by clean().
  const count = Math.min(row.cellCount, MAX_COLUMNS + 1);
  for (let col = 1; col <= count; col++) {
    const cell = row.getCell(col);
    if (cell.isMerged && cell.master.row === cell.row && cell.master.col !== cell.col) groupMerge = true;
    const value = cellText(cell.value);
    cells.push(value.text);
    if (value.flag) flags.push({ column: col - 1, flag: value.flag });
  }
  return { cells, flags, groupMerge };
}

/** One cell value → text. Dates become YYYY-MM-DD (exceljs gives UTC-midnight Dates). */
export function cellText(value: ExcelJS.CellValue | undefined): { text: string; flag?: CellFlag } {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Number.isSafeInteger(value)
      ? { text: String(value), flag: 'imprecise_number' }
      : { text: String(value) };
  }
  if (value instanceof Date) {
    const date = parseCalendarDate(value);
    return { text: date.ok ? date.value : '' };
  }
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = 'result' in value ? value.result : undefined;
    return { text: cellText(result as ExcelJS.CellValue | undefined).text, flag: 'formula' };
  }
  if ('hyperlink' in value) return { text: cellText(value.text as ExcelJS.CellValue).text };
  if ('error' in value) return { text: String(value.error) };
  return { text: '' };
}
