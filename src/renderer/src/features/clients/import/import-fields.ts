// The import template's fields in template order. Mirrors IMPORT_FIELDS of the core's
// import module, which the renderer may not import (it is not part of src/shared).
export const IMPORT_FIELDS = [
  'client_no', 'name', 'kind', 'sex', 'birth_date', 'birthday_calendar', 'lunar_birthday', 'id_type',
  'id_number', 'id_expiry', 'mobile', 'email', 'address', 'occupation', 'aum', 'deposits', 'loan_balance',
  'card_spend_12m', 'revenue_12m', 'products', 'risk_grade', 'relationship_start', 'tags', 'notes', 'potential',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

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
