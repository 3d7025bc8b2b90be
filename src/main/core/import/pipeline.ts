// The whole import check in one call: bytes → table → mapping → validated rows →
// duplicates. Pure apart from the bytes it is given; the service writes the result.
import { findDuplicates, type DuplicateIssue } from './duplicates';
import type { ClientDraft, FieldMapping } from './fields';
import { autoMap, headerSetKey } from './mapping';
import { parseTableFile, type TableError, type TableIssue, type TableRow, type TableSource } from './table';
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
 * under `headerKey`). Rows keep their spreadsheet row numbers for every message.
 */
export async function checkImportFile(
  bytes: Uint8Array,
  today: string,
  mapping?: FieldMapping,
): Promise<{ ok: true; check: ImportCheck } | { ok: false; error: TableError }> {
  // Each row is validated as it is read, so only its draft (or its errors) is kept, never its cells.
  const checked: ImportRow[] = [];
  let used = mapping;
  const parsed = await parseTableFile(bytes, (row, headers) => {
    used ??= autoMap(headers).mapping;
    checked.push(checkRow(row.cells, row.rowNumber, row.flags, used, today));
  });
  if (!parsed.ok) return parsed;
  const { headers, issues } = parsed.table;
  const auto = autoMap(headers);
  const valid = checked.flatMap((r) => (r.draft ? [{ rowNumber: r.rowNumber, draft: r.draft }] : []));
  return {
    ok: true,
    check: {
      source: parsed.source,
      headers,
      headerKey: headerSetKey(headers),
      mapping: used ?? auto.mapping,
      unknownHeaders: auto.unknown,
      duplicateHeaders: auto.duplicates,
      tableIssues: issues,
      rows: checked,
      duplicates: findDuplicates(valid),
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
