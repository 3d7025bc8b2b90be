// Duplicates inside one import file. The same person twice in a list HQ sends is
// common (one row per account); importing both would split the client's history.
import type { ClientDraft, ImportField } from './fields';

export interface DuplicateIssue {
  code: 'DUPLICATE_CLIENT_NO' | 'DUPLICATE_ID' | 'DUPLICATE_NAME_MOBILE';
  field: ImportField;
  /** The later row, reported; and the first row holding the same key. */
  row: number;
  firstRow: number;
}

/**
 * Report every row whose client number, ID (type + number) or name + mobile already
 * appeared in an earlier row. Keys are also exported so a service can compare them
 * with clients already in the book.
 */
export function findDuplicates(rows: readonly { rowNumber: number; draft: ClientDraft }[]): DuplicateIssue[] {
  const seen = new Map<string, number>();
  const issues: DuplicateIssue[] = [];
  for (const { rowNumber, draft } of rows) {
    const keys: [DuplicateIssue['code'], ImportField, string | null][] = [
      ['DUPLICATE_CLIENT_NO', 'client_no', draft.clientNo === null ? null : `no:${draft.clientNo}`],
      ['DUPLICATE_ID', 'id_number', identityKey(draft)],
      ['DUPLICATE_NAME_MOBILE', 'mobile', nameMobileKey(draft)],
    ];
    for (const [code, field, key] of keys) {
      if (key === null) continue;
      const firstRow = seen.get(key);
      if (firstRow === undefined) seen.set(key, rowNumber);
      else issues.push({ code, field, row: rowNumber, firstRow });
    }
  }
  return issues;
}

/** `resident_id:11010519491231002X`; null without a number. */
export function identityKey(draft: Pick<ClientDraft, 'idType' | 'idNumber'>): string | null {
  return draft.idNumber === null ? null : `id:${draft.idType ?? '?'}:${draft.idNumber}`;
}

/** Name (spaces removed) + 11-digit mobile; null unless both are known. */
export function nameMobileKey(draft: Pick<ClientDraft, 'name' | 'mobile'>): string | null {
  const name = draft.name.replace(/\s+/g, '');
  return name === '' || draft.mobile === null ? null : `nm:${name}:${draft.mobile}`;
}
