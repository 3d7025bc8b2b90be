// Header row → field mapping. Headers may be Chinese or English, in any order, with
// stray spaces, any case, full-width brackets and required-field asterisks.
import { createHash } from 'node:crypto';
import { toHalfWidth } from '../domain/kyc/common';
import { FIELD_ALIASES, IMPORT_FIELDS, type FieldMapping, type ImportField } from './fields';

export { validateRow, type RowIssue, type RowResult } from './validate-row';
export { IMPORT_FIELDS, type ClientDraft, type FieldMapping, type IdType, type ImportField, type RiskGrade } from './fields';

export interface AutoMapResult {
  mapping: FieldMapping;
  /** Non-empty headers that name no field: the RM maps or ignores them by hand. */
  unknown: string[];
  /** Headers naming a field already mapped to an earlier column (first column wins). */
  duplicates: string[];
}

/**
 * Map headers to fields. An exact alias match wins over a loose one (alias after
 * dropping a bracketed note like `（元）`, or the sub-header of a combined XLSX
 * `group/sub` header). A bracket naming a scale (万元, 千元) is never matched
 * loosely: its amounts would be read 10,000 times too small.
 */
export function autoMap(headers: readonly string[]): AutoMapResult {
  const mapping: FieldMapping = {};
  const duplicates: string[] = [];
  const pending: number[] = [];
  const taken = new Set<number>();

  const assign = (field: ImportField, index: number): void => {
    taken.add(index);
    if (mapping[field] === undefined) mapping[field] = index;
    else duplicates.push(headers[index]!);
  };
  headers.forEach((header, index) => {
    const field = ALIAS_INDEX.get(normaliseHeader(header));
    if (field) assign(field, index);
    else pending.push(index);
  });
  for (const index of pending) {
    const field = looseMatch(headers[index]!);
    if (field) assign(field, index);
  }
  const unknown = headers.filter((h, i) => !taken.has(i) && h.trim() !== '');
  return { mapping, unknown, duplicates };
}

/**
 * Stable key of a header row, to remember a manual mapping for the next file of the
 * same layout. Order matters (mappings are by column), spelling noise does not.
 */
export function headerSetKey(headers: readonly string[]): string {
  const canonical = JSON.stringify(headers.map(normaliseHeader));
  return `hs1-${createHash('sha256').update(canonical).digest('hex').slice(0, 32)}`;
}

/** Lower case, half-width, without spaces, `_`, `-`, `*` and a trailing colon. */
export function normaliseHeader(header: string): string {
  return toHalfWidth(header)
    .toLowerCase()
    .replace(/[\s_\-*]+/g, '')
    .replace(/[:：]$/, '');
}

function looseMatch(header: string): ImportField | undefined {
  const candidates = [header];
  const slash = header.lastIndexOf('/');
  if (slash > 0) candidates.push(header.slice(slash + 1));
  for (const candidate of candidates) {
    const text = toHalfWidth(candidate);
    const brackets = [...text.matchAll(/[([【]([^)\]】]*)[)\]】]/g)].map((m) => m[1]!);
    if (brackets.some((b) => SCALED_UNIT.test(b))) return undefined;
    const field = ALIAS_INDEX.get(normaliseHeader(text.replace(/[([【][^)\]】]*[)\]】]/g, '')));
    if (field) return field;
  }
  return undefined;
}

const SCALED_UNIT = /[万千亿]|thousand|million|\b10k\b|\bk\b/i;

const ALIAS_INDEX = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) => FIELD_ALIASES[field].map((alias) => [normaliseHeader(alias), field] as const)),
);
