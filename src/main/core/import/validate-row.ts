// One data row → a ClientDraft or the list of every problem in it, per field, so the
// RM fixes a row once instead of once per error (seed 002: check at entry, say why).
import { toHalfWidth } from '../domain/kyc/common';
import { checkEmail, normaliseMobile } from '../domain/kyc/contact';
import { parseCalendarDate, parseIdExpiry } from '../domain/kyc/dates';
import { parseYuanToFen } from '../domain/kyc/money';
import type { CellFlag } from './table-builder';
import {
  CALENDAR_VALUES, KIND_VALUES, RISK_VALUES, SEX_VALUES, valueKey,
  type ClientDraft, type FieldMapping, type ImportField,
} from './fields';
import { checkIdentity } from './validate-identity';

/** A problem with one field; `code` is the i18n key, `reason` a developer note. */
export interface RowIssue {
  field: ImportField;
  code: string;
  reason: string;
}

export type RowResult =
  | { ok: true; value: ClientDraft; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

/**
 * Validate one row. `today` (YYYY-MM-DD) bounds birth and relationship dates. `flags`
 * are the table's cell flags (0-based columns): a cached formula result is used but
 * warned about. Cells that look like formulas (= + - @) are never evaluated: in free
 * text they are kept and warned about; in a typed column they are an error, except a
 * plain negative number, which gets the column's own code (e.g. MONEY_NEGATIVE).
 */
export function validateRow(
  cells: readonly string[],
  mapping: FieldMapping,
  today: string,
  flags: readonly { column: number; flag: CellFlag }[] = [],
): RowResult {
  const errors: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const err = (field: ImportField, code: string, reason: string): null => (errors.push({ field, code, reason }), null);

  const cell = (field: ImportField): string => {
    const index = mapping[field];
    const value = index === undefined ? '' : (cells[index] ?? '').trim();
    return value.length <= PLACEHOLDER_MAX && PLACEHOLDERS.has(value.toUpperCase()) ? '' : value;
  };
  for (const f of flags) {
    const field = (Object.keys(mapping) as ImportField[]).find((k) => mapping[k] === f.column);
    if (field && f.flag === 'formula') warnings.push({ field, code: 'CELL_FORMULA_RESULT', reason: 'cached formula result used' });
  }

  const text = (field: ImportField, max: number): string | null => {
    const v = cell(field);
    if (v === '') return null;
    if ([...v].length > max) return err(field, 'TEXT_TOO_LONG', `longer than ${max} characters`);
    if (looksLikeFormula(v)) warnings.push({ field, code: 'CELL_FORMULA', reason: 'kept as text, never evaluated' });
    return v;
  };
  // Typed columns: parse; a failure on a formula-looking cell is reported as such.
  const typed = <T>(field: ImportField, parse: (v: string) => { ok: true; value: T } | { ok: false; code: string; reason: string }): T | null => {
    const v = cell(field);
    if (v === '') return null;
    const r = parse(v);
    if (r.ok) return r.value;
    if (looksLikeFormula(v) && !PLAIN_NEGATIVE.test(v)) return err(field, 'CELL_FORMULA', 'formula-like cell in a typed column');
    return err(field, r.code, r.reason);
  };
  const coded = <T>(field: ImportField, values: Record<string, T>, code: string): T | null =>
    typed(field, (v) => {
      const hit = values[valueKey(v)];
      return hit === undefined ? { ok: false, code, reason: 'not in the value list' } : { ok: true, value: hit };
    });
  const date = (field: ImportField): string | null => {
    const d = typed(field, parseCalendarDate);
    if (d !== null && d > today) return err(field, 'DATE_IN_FUTURE', 'after today');
    return d;
  };
  const money = (field: ImportField): number | null => typed(field, parseYuanToFen);
  const list = (field: ImportField, separators: RegExp, maxItem: number, maxItems: number): string[] => {
    const v = text(field, 10_000);
    const items = v === null ? [] : [...new Set(v.split(separators).map((s) => s.trim()).filter((s) => s !== ''))];
    if (items.some((item) => [...item].length > maxItem)) err(field, 'TEXT_TOO_LONG', `an item is longer than ${maxItem} characters`);
    else if (items.length > maxItems) err(field, 'TOO_MANY_ITEMS', `more than ${maxItems} items`);
    return items;
  };

  const name = text('name', 100);
  if (name === null && !errors.some((e) => e.field === 'name')) err('name', 'REQUIRED', 'name is required');
  const kindCell = coded('kind', KIND_VALUES, 'KIND_INVALID');
  let sex = coded('sex', SEX_VALUES, 'SEX_INVALID');
  let birthDate = date('birth_date');
  let calendar = coded('birthday_calendar', CALENDAR_VALUES, 'CALENDAR_INVALID');
  const lunarBirthday = typed('lunar_birthday', parseLunarBirthday);
  if (lunarBirthday && calendar === null && cell('birthday_calendar') === '') calendar = 'lunar';
  if (calendar === 'lunar' && lunarBirthday === null && cell('lunar_birthday') === '') {
    err('lunar_birthday', 'LUNAR_BIRTHDAY_REQUIRED', 'lunar calendar chosen without a lunar birthday');
  }

  const identity = checkIdentity({ cell, err, kind: kindCell, today, flags, mapping });
  if (identity.resident) {
    const fromId = identity.resident;
    if (birthDate === null && cell('birth_date') === '') birthDate = fromId.birthDate;
    else if (birthDate !== null && birthDate !== fromId.birthDate) err('birth_date', 'ID_BIRTH_MISMATCH', 'differs from the ID number');
    if (sex === null && cell('sex') === '') sex = fromId.sex;
    else if (sex !== null && sex !== fromId.sex) err('sex', 'ID_SEX_MISMATCH', 'differs from the ID number');
  }

  const potential = typed('potential', (v) =>
    /^[1-5](?:\.0+)?$/.test(toHalfWidth(v))
      ? { ok: true as const, value: Number.parseInt(toHalfWidth(v), 10) as 1 | 2 | 3 | 4 | 5 }
      : { ok: false as const, code: 'POTENTIAL_RANGE', reason: 'expected an integer 1–5' },
  );

  // Length limits match clientInputSchema (src/shared/clients.ts), so a draft passes it.
  const draft: ClientDraft = {
    clientNo: text('client_no', 40),
    name: name ?? '',
    kind: identity.kind,
    sex,
    birthDate,
    birthdayCalendar: calendar ?? 'solar',
    lunarBirthday,
    idType: identity.idType,
    idNumber: identity.idNumber,
    idExpiry: typed('id_expiry', parseIdExpiry),
    mobile: typed('mobile', normaliseMobile),
    email: typed('email', (v) => (v.length > 120 ? { ok: false, code: 'TEXT_TOO_LONG', reason: 'longer than 120 characters' } : checkEmail(v))),
    address: text('address', 200),
    occupation: text('occupation', 60),
    aumFen: money('aum'),
    depositsFen: money('deposits'),
    loanBalanceFen: money('loan_balance'),
    cardSpend12mFen: money('card_spend_12m'),
    // A negative contribution is real (the client costs the bank) and must be shown as such.
    revenue12mFen: typed('revenue_12m', (v) => parseYuanToFen(v, { allowNegative: true })),
    products: list('products', /[;；\n]/, 60, 100),
    riskGrade: coded('risk_grade', RISK_VALUES, 'RISK_GRADE_INVALID'),
    relationshipStart: date('relationship_start'),
    tags: list('tags', /[;；,，、\n]/, 30, 50),
    notes: text('notes', 4000),
    potential,
  };
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, value: draft, warnings };
}

/** `= + - @` start a formula in Excel, LibreOffice and WPS (OWASP CSV injection). */
export function looksLikeFormula(value: string): boolean {
  return /^[=+\-@]/.test(value);
}

/** `MM-DD`, or `闰MM-DD` for a leap month; also `M/D`, `M月D日`. Month 1–12, day 1–30. */
export function parseLunarBirthday(input: string): { ok: true; value: ClientDraft['lunarBirthday'] & object } | { ok: false; code: string; reason: string } {
  const m = /^(闰)?\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(input).trim());
  if (!m) return { ok: false, code: 'LUNAR_BIRTHDAY_FORMAT', reason: 'expected MM-DD or 闰MM-DD' };
  const month = Number(m[2]);
  const day = Number(m[3]);
  // A lunar month has 29 or 30 days; which one depends on the year, checked when used.
  if (month < 1 || month > 12 || day < 1 || day > 30) return { ok: false, code: 'LUNAR_BIRTHDAY_INVALID', reason: 'no such lunar month/day' };
  return { ok: true, value: { month, day, leap: m[1] !== undefined } };
}

const PLAIN_NEGATIVE = /^-\s*[\d,]+(?:\.\d+)?$/;
// What spreadsheets put in a cell to mean "nothing": treated as empty, not as data.
const PLACEHOLDERS = new Set(['-', '--', '—', '/', 'N/A', 'NULL', '#N/A']);
const PLACEHOLDER_MAX = Math.max(...[...PLACEHOLDERS].map((p) => p.length));
