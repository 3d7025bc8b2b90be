// Shapes of the import preview and result, shared by the core, the renderer and the CLI.

/** The import template's fields, in template order. */
export const IMPORT_FIELDS = [
  'client_no', 'name', 'kind', 'sex', 'birth_date', 'birthday_calendar', 'lunar_birthday', 'id_type',
  'id_number', 'id_expiry', 'mobile', 'email', 'address', 'occupation', 'aum', 'deposits', 'loan_balance',
  'card_spend_12m', 'revenue_12m', 'products', 'risk_grade', 'relationship_start', 'tags', 'notes', 'potential',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportIssue {
  /** 1-based row number in the spreadsheet as the manager sees it. */
  row: number;
  field: string;
  code: string;
}

export interface ImportPreviewRow {
  row: number;
  name: string | null;
  idMasked: string | null;
  mobileMasked: string | null;
  ok: boolean;
}

export interface ImportDuplicate {
  row: number;
  /** 'id' = same ID number, 'name_mobile' = same name and mobile. */
  matchBy: 'id' | 'name_mobile';
  /** A client already in the book, or an earlier row of the same file. */
  existingClientId: string | null;
  otherRow: number | null;
}

export interface ImportPreview {
  encoding: string;
  format: 'csv' | 'xlsx';
  headers: string[];
  headerKey: string;
  /** field → column index (0-based). */
  mapping: Record<string, number>;
  mappingSource: 'auto' | 'remembered' | 'given';
  unknownHeaders: string[];
  missingRequired: string[];
  counts: { rows: number; valid: number; invalid: number; duplicates: number };
  /** The first rows, masked, for the preview table. */
  sample: ImportPreviewRow[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  duplicates: ImportDuplicate[];
}

export interface ImportResult {
  imported: number;
  merged: number;
  skipped: number;
  invalid: number;
  errors: ImportIssue[];
  fileSha256: string;
}

/** The largest import file, checked by the renderer before reading and by the core again: 64 MiB (a 200,000-row book is about 40 MB as CSV). */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
