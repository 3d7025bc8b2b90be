// Money in yuan text ⇄ integer fen. Parsing is string arithmetic: 0.29 * 100 is
// 28.999999999999996 in floating point, and a balance must not drift by a fen.
import { fail, pass, toHalfWidth, type Check } from './common';

export type MoneyCode = 'MONEY_EMPTY' | 'MONEY_FORMAT' | 'MONEY_NEGATIVE' | 'MONEY_PRECISION' | 'MONEY_TOO_LARGE';

/**
 * Parse a yuan amount into fen. Accepts `1,234,567.89`, full-width digits and
 * separators, a leading ¥/￥ (or CNY/RMB), a trailing 元, surrounding spaces.
 * Thousands separators must group by three. Negative (`-5`, `−5`, `(5)`) → MONEY_NEGATIVE
 * unless `allowNegative` (a contribution can be a loss); a third decimal →
 * MONEY_PRECISION rather than silent rounding.
 */
export function parseYuanToFen(input: string | number, options: { allowNegative?: boolean } = {}): Check<number, MoneyCode> {
  let text = typeof input === 'number' ? numberText(input) : toHalfWidth(input).trim();
  if (text === '') return fail('MONEY_EMPTY', 'empty');
  text = text.replace(/^(?:[¥￥]|CNY|RMB)\s*/i, '').replace(/\s*元$/, '').trim();

  if (/^[-−－]|^\(.*\)$/.test(text)) {
    const rest = text.replace(/^[-−－]\s*|^\(|\)$/g, '');
    if (!AMOUNT.test(rest) && !/^[\d,]+\.\d{3,}$/.test(rest)) return fail('MONEY_FORMAT', 'not a number');
    if (!options.allowNegative) return fail('MONEY_NEGATIVE', 'negative amount');
    const magnitude = parseYuanToFen(rest);
    return magnitude.ok ? pass(magnitude.value === 0 ? 0 : -magnitude.value) : magnitude;
  }
  const m = AMOUNT.exec(text);
  if (!m) {
    return /^[\d,]+\.\d{3,}$/.test(text) ? fail('MONEY_PRECISION', 'more than 2 decimals') : fail('MONEY_FORMAT', 'not a number');
  }
  const whole = m[1]!.replace(/,/g, '');
  const fen = BigInt(whole) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return fail('MONEY_TOO_LARGE', 'beyond exact integer range');
  return pass(Number(fen));
}

/** Format fen as yuan with two decimals, e.g. 123456789 → `1,234,567.89`. */
export function formatFen(fen: number, options: { grouping?: boolean } = {}): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('formatFen needs a safe integer');
  const sign = fen < 0 ? '-' : '';
  const digits = String(Math.abs(fen)).padStart(3, '0');
  let whole = digits.slice(0, -2);
  if (options.grouping ?? true) whole = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}${whole}.${digits.slice(-2)}`;
}

// Whole part either plain digits or correctly grouped by commas; optional .d or .dd.
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d{1,2}))?$/;

/** Numbers from a spreadsheet cell: refuse exponent forms instead of guessing. */
function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'NaN';
  const s = String(n);
  return /e/i.test(s) ? 'NaN' : s;
}
