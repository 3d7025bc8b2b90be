// The whole import check in one call: bytes → table → mapping → validated rows →
// duplicates. Pure apart from the bytes it is given; the service writes the result.
import { findDuplicates, type DuplicateIssue } from './duplicates';
import type { ClientDraft, FieldMapping } from './fields';
import { autoMap, headerSetKey } from './mapping';
import { parseTableFile, type TableError, type TableIssue, type TableSource } from './table';
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
  const parsed = await parseTableFile(bytes);
  if (!parsed.ok) return parsed;
  const { headers, rows, issues } = parsed.table;
  const auto = autoMap(headers);
  const used = mapping ?? auto.mapping;
  const checked: ImportRow[] = rows.map((row) => {
    const r = validateRow(row.cells, used, today, row.flags);
    return r.ok
      ? { rowNumber: row.rowNumber, draft: r.value, errors: [], warnings: r.warnings }
      : { rowNumber: row.rowNumber, draft: null, errors: r.errors, warnings: r.warnings };
  });
  const valid = checked.flatMap((r) => (r.draft ? [{ rowNumber: r.rowNumber, draft: r.draft }] : []));
  return {
    ok: true,
    check: {
      source: parsed.source,
      headers,
      headerKey: headerSetKey(headers),
      mapping: used,
      unknownHeaders: auto.unknown,
      duplicateHeaders: auto.duplicates,
      tableIssues: issues,
      rows: checked,
      duplicates: findDuplicates(valid),
    },
  };
}
