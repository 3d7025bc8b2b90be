import { IMPORT_FIELDS, type ImportField } from '../../../../../shared/import';

export { IMPORT_FIELDS, type ImportField };

/** field → column (what the core sends) ⇄ column → field (what the mapping table edits). */
export function columnsToFields(mapping: Record<string, number>): (string | null)[] {
  const out: (string | null)[] = [];
  for (const [field, column] of Object.entries(mapping)) out[column] = field;
  return out;
}

export function fieldsToMapping(columns: readonly (string | null | undefined)[]): Record<string, number> {
  const mapping: Record<string, number> = {};
  columns.forEach((field, column) => {
    if (field) mapping[field] = column;
  });
  return mapping;
}
