// The whole import check in one call: bytes → table → mapping → validated rows →
// duplicates. Pure apart from the bytes it is given; the service writes the result.
import { findDuplicates, type DuplicateIssue } from './duplicates';
import type { ClientDraft, FieldMapping } from './fields';
import { autoMap, headerSetKey } from './mapping';
import { parseTableFile, parseTextTable, type TableError, type TableIssue, type TableRow, type TableSource, type TextFile } from './table';
import { validateRow, type RowIssue } from './validate-row';

export interface ImportRow {
  rowNumber: number;
  draft: ClientDraft | null;
  errors: RowIssue[];
  warnings: RowIssue[];
}

export interface ImportCheck {
  source: TableSource | undefined;
  headers: string[];
  headerKey: string;
  mapping: FieldMapping;
  unknownHeaders: string[];
  duplicateHeaders: string[];
  tableIssues: TableIssue[];
  rows: ImportRow[];
  duplicates: DuplicateIssue[];
}

/**
 * Check an import file. `mapping` overrides the automatic one (a mapping the RM saved
 * under `headerKey`), or picks one once the header is read. Rows keep their spreadsheet row
 * numbers for every message.
 */
export async function checkImportFile(
  bytes: Uint8Array,
  today: string,
  mapping?: FieldMapping | MappingFor,
): Promise<{ ok: true; check: ImportCheck } | { ok: false; error: TableError }> {
  // Each row is validated as it is read, so only its draft (or its errors) is kept, never its cells.
  const checked: ImportRow[] = [];
  const reader = rowChecker(today, typeof mapping === 'function' ? mapping : () => mapping, (row) => checked.push(row));
  const parsed = await parseTableFile(bytes, reader.sink);
  if (!parsed.ok) return parsed;
  const valid = checked.flatMap((r) => (r.draft ? [{ rowNumber: r.rowNumber, draft: r.draft }] : []));
  return { ok: true, check: { ...reader.header(parsed), rows: checked, duplicates: findDuplicates(valid) } };
}

/** Picks the mapping once the header is read (undefined: the automatic one). */
export type MappingFor = (headers: readonly string[]) => FieldMapping | undefined;

/** What a check finds besides its rows. */
export type CheckedHeader = Omit<ImportCheck, 'rows' | 'duplicates'>;

/**
 * The check of a file that is not an XLSX workbook, synchronously and without keeping rows: each
 * checked row goes to `onRow` as it is read (an import writes it at once, so a 100,000-row file is
 * never held as drafts). `mappingFor` picks the mapping once the header is read; it may throw.
 */
export function checkImportText(
  file: Uint8Array | TextFile,
  today: string,
  mappingFor: MappingFor,
  onRow: (row: ImportRow) => void,
): { ok: true; header: CheckedHeader } | { ok: false; error: TableError } {
  const reader = rowChecker(today, mappingFor, onRow);
  const parsed = parseTextTable(file, reader.sink);
  if (!parsed.ok) return parsed;
  return { ok: true, header: reader.header(parsed) };
}

function rowChecker(today: string, mappingFor: MappingFor, onRow: (row: ImportRow) => void) {
  let used: FieldMapping | undefined;
  return {
    sink: (row: TableRow, headers: readonly string[]) => {
      used ??= mappingFor(headers) ?? autoMap(headers).mapping;
      onRow(checkRow(row.cells, row.rowNumber, row.flags, used, today));
    },
    header(parsed: { table: { headers: string[]; issues: TableIssue[] }; source?: TableSource }): CheckedHeader {
      const { headers, issues } = parsed.table;
      const auto = autoMap(headers);
      // A file with a header and no data row still has its mapping.
      used ??= mappingFor(headers) ?? auto.mapping;
      return {
        source: parsed.source,
        headers,
        headerKey: headerSetKey(headers),
        mapping: used,
        unknownHeaders: auto.unknown,
        duplicateHeaders: auto.duplicates,
        tableIssues: issues,
      };
    },
  };
}

// Most rows have no issue: they share one empty list instead of two each.
const NO_ISSUES: readonly RowIssue[] = Object.freeze([]);

function checkRow(cells: readonly string[], rowNumber: number, flags: TableRow['flags'], mapping: FieldMapping, today: string): ImportRow {
  const r = validateRow(cells, mapping, today, flags);
  const warnings = r.warnings.length === 0 ? (NO_ISSUES as RowIssue[]) : r.warnings;
  return r.ok ? { rowNumber, draft: r.value, errors: NO_ISSUES as RowIssue[], warnings } : { rowNumber, draft: null, errors: r.errors, warnings };
}
