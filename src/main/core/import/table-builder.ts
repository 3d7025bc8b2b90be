// Shared by the CSV and XLSX readers: cleans cells, picks the header, skips blank
// rows while keeping their numbers, and enforces the size guards as error values.

export const MAX_COLUMNS = 1_000;
export const MAX_ROWS = 200_000;
export const MAX_CELL_LENGTH = 10_000;

/** `formula`: the text is a workbook's cached formula result; `imprecise_number`: Excel
 * stored digits as a number beyond 2^53 (an ID typed into a General cell), so they are lost. */
export type CellFlag = 'formula' | 'imprecise_number';

export interface TableRow {
  /** 1-based row number as shown by Excel (blank rows count). */
  rowNumber: number;
  /** One trimmed string per header column. */
  cells: string[];
  /** `column` is a 0-based index into `cells`. */
  flags: { column: number; flag: CellFlag }[];
}

/** Non-fatal findings; `column` is 1-based. */
export interface TableIssue {
  code: 'ROW_EXTRA_CELLS' | 'HEADER_EMPTY';
  row?: number;
  column?: number;
}

export interface Table {
  headers: string[];
  headerRowNumber: number;
  rows: TableRow[];
  issues: TableIssue[];
}

export type TableErrorCode =
  | 'FILE_EMPTY'
  | 'FILE_BINARY'
  | 'FILE_TOO_LARGE'
  | 'FILE_ENCODING'
  | 'FILE_XLS_LEGACY'
  | 'XLSX_UNREADABLE'
  | 'XLSX_TOO_LARGE'
  | 'CSV_QUOTES'
  | 'TABLE_EMPTY'
  | 'HEADER_DUPLICATE'
  | 'TABLE_TOO_MANY_COLUMNS'
  | 'TABLE_TOO_MANY_ROWS'
  | 'CELL_TOO_LONG';

/** A fatal error; `row` and `column` are 1-based, `header` names the offending column. */
export interface TableError {
  code: TableErrorCode;
  row?: number;
  column?: number;
  header?: string;
  reason: string;
}

export type TableResult = { ok: true; table: Table } | { ok: false; error: TableError };

/** Receives each data row as it is read, instead of the table holding it (a large import keeps only what it makes of a row). */
export type RowSink = (row: TableRow, headers: readonly string[]) => void;

export class TableBuilder {
  private headers: string[] | null = null;
  private headerRowNumber = 0;
  private readonly rows: TableRow[] = [];
  private rowCount = 0;
  private readonly issues: TableIssue[] = [];
  private readonly emptyHeaderReported = new Set<number>();
  private titleCandidate: { rowNumber: number; cells: string[] } | null = null;

  constructor(private readonly options: { csv: boolean; onRow?: RowSink }) {}

  /**
   * Add a physical row; the first non-blank one becomes the header unless set. A first
   * row with a single value followed by a wider row is a sheet title ("2024年客户名单")
   * exported along with the sheet, and is skipped.
   */
  add(rowNumber: number, raw: readonly string[], flags: TableRow['flags'] = []): TableError | null {
    const cleaned = this.clean(rowNumber, raw);
    if (!Array.isArray(cleaned)) return cleaned;
    const filled = cleaned.filter((c) => c !== '').length;
    if (filled === 0) return null;
    if (this.headers === null) {
      const title = this.titleCandidate;
      if (title === null && filled === 1) {
        this.titleCandidate = { rowNumber, cells: cleaned };
        return null;
      }
      this.titleCandidate = null;
      if (title === null || filled >= 2) return this.setHeader(rowNumber, cleaned);
      return this.setHeader(title.rowNumber, title.cells) ?? this.addData(rowNumber, cleaned, flags);
    }
    return this.addData(rowNumber, cleaned, flags);
  }

  private addData(rowNumber: number, cleaned: string[], flags: TableRow['flags']): TableError | null {
    if (this.headers === null) return null;
    const width = this.headers.length;
    if (this.rowCount >= MAX_ROWS) {
      return { code: 'TABLE_TOO_MANY_ROWS', row: rowNumber, reason: `more than ${MAX_ROWS} data rows` };
    }
    if (cleaned.slice(width).some((c) => c !== '')) this.issues.push({ code: 'ROW_EXTRA_CELLS', row: rowNumber });
    const headers = this.headers;
    const cells = Array.from({ length: width }, (_, i) => cleaned[i] ?? '');
    cells.forEach((c, i) => {
      if (c !== '' && headers[i] === '' && !this.emptyHeaderReported.has(i)) {
        this.emptyHeaderReported.add(i);
        this.issues.push({ code: 'HEADER_EMPTY', row: rowNumber, column: i + 1 });
      }
    });
    const row = { rowNumber, cells, flags: flags.length === 0 ? flags : flags.filter((f) => f.column < width) };
    this.rowCount++;
    if (this.options.onRow) this.options.onRow(row, headers);
    else this.rows.push(row);
    return null;
  }

  /** Set the header explicitly (XLSX combines two header rows before calling this). */
  setHeader(rowNumber: number, cells: readonly string[]): TableError | null {
    let width = cells.length;
    while (width > 0 && cells[width - 1] === '') width--;
    if (width > MAX_COLUMNS) return { code: 'TABLE_TOO_MANY_COLUMNS', row: rowNumber, reason: `more than ${MAX_COLUMNS} columns` };
    // Alt+Enter line breaks inside a header cell are layout, not meaning.
    const headers = cells.slice(0, width).map((h) => h.replace(/\s*\n\s*/g, ' '));
    const seen = new Map<string, number>();
    for (const [i, h] of headers.entries()) {
      if (h === '') continue;
      if (seen.has(h)) return { code: 'HEADER_DUPLICATE', row: rowNumber, column: i + 1, header: h, reason: 'header repeated' };
      seen.set(h, i);
    }
    this.headers = headers;
    this.headerRowNumber = rowNumber;
    return null;
  }

  finish(): TableResult {
    if (this.headers === null && this.titleCandidate !== null) {
      const error = this.setHeader(this.titleCandidate.rowNumber, this.titleCandidate.cells);
      if (error) return { ok: false, error };
    }
    if (this.headers === null) return { ok: false, error: { code: 'TABLE_EMPTY', reason: 'no non-blank row' } };
    return { ok: true, table: { headers: this.headers, headerRowNumber: this.headerRowNumber, rows: this.rows, issues: this.issues } };
  }

  /** Clean every cell; returns an error for an over-long cell or too many columns. */
  clean(rowNumber: number, raw: readonly string[]): string[] | TableError {
    let last = raw.length - 1;
    while (last >= 0 && raw[last]!.trim() === '') last--;
    if (last + 1 > MAX_COLUMNS) return { code: 'TABLE_TOO_MANY_COLUMNS', row: rowNumber, reason: `more than ${MAX_COLUMNS} columns` };
    const out: string[] = [];
    for (let i = 0; i <= last; i++) {
      const value = raw[i]!;
      if (value.length > MAX_CELL_LENGTH) {
        return { code: 'CELL_TOO_LONG', row: rowNumber, column: i + 1, reason: `more than ${MAX_CELL_LENGTH} characters` };
      }
      out.push(cleanCell(value, this.options.csv));
    }
    return out;
  }
}

/**
 * Trim (incl. ideographic space and NBSP); drop Excel's leading `'` text marker; in
 * CSV, unwrap `="0012"`, the trick exporters use to keep leading zeros: a literal
 * in formula clothing, taken as its text and never evaluated.
 */
export function cleanCell(value: string, csv: boolean): string {
  let v = value.replace(/\r\n?/g, '\n').trim();
  if (csv) {
    const literal = /^="([^"]*)"$/.exec(v);
    if (literal) v = literal[1]!.trim();
  }
  if (v.startsWith("'")) v = v.slice(1).trim();
  return v;
}
