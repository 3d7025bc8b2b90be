// Calendar dates as they arrive from head-office spreadsheets, normalised to
// YYYY-MM-DD (a calendar date, no time zone, as the architecture requires).
import { fail, formatYmd, isRealDate, pass, toHalfWidth, type Check } from './common';

export type DateCode = 'DATE_EMPTY' | 'DATE_FORMAT' | 'DATE_INVALID';

export type IdExpiry = { kind: 'date'; date: string } | { kind: 'long_term' };

/**
 * Parse one date. Accepted: `2023-02-28`, `2023/2/28`, `2023.2.28`, `20230228`,
 * `2023年2月28日` (号 too), any of these followed by a time of day (ignored), an Excel
 * serial number (a number, or a 5-digit string as Excel's "General" format shows it),
 * and a JS Date as exceljs returns it (UTC midnight; its UTC calendar day is used).
 * Two-digit years and day-first/month-first forms are refused as ambiguous.
 */
export function parseCalendarDate(input: unknown): Check<string, DateCode> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return fail('DATE_INVALID', 'invalid Date object');
    return pass(formatYmd(input.getUTCFullYear(), input.getUTCMonth() + 1, input.getUTCDate()));
  }
  if (typeof input === 'number') return excelSerial(input);
  if (typeof input !== 'string') return fail('DATE_FORMAT', 'not a date value');

  const text = toHalfWidth(input).trim();
  if (text === '') return fail('DATE_EMPTY', 'empty');
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return excelSerial(Number(text));

  const m = DATE_PATTERNS.map((re) => re.exec(text)).find((x) => x !== null);
  if (!m) return fail('DATE_FORMAT', 'unrecognised date form');
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isRealDate(year, month, day) || year < 1800) return fail('DATE_INVALID', 'no such calendar day');
  return pass(formatYmd(year, month, day));
}

/**
 * ID expiry: a date, or long-term (长期). The back of an ID card prints a validity
 * range such as `2015.03.01-2035.03.01` or `2015.03.01-长期`; the end is taken.
 * 9999-12-31 is the long-term convention of core-banking extracts.
 */
export function parseIdExpiry(input: unknown): Check<IdExpiry, DateCode> {
  if (typeof input === 'string') {
    const text = toHalfWidth(input).trim();
    const range = /^(\d{4}[./年-]\d{1,2}[./月-]\d{1,2}日?|\d{8})\s*(?:-|—|–|~|至|到)\s*(.+)$/.exec(text);
    const end = range ? range[2]! : text;
    if (LONG_TERM.test(end)) return pass({ kind: 'long_term' });
    if (range && !parseCalendarDate(range[1]!).ok) return fail('DATE_INVALID', 'validity start is not a calendar day');
    const date = parseCalendarDate(end);
    if (!date.ok) return date;
    return pass(date.value === '9999-12-31' ? { kind: 'long_term' } : { kind: 'date', date: date.value });
  }
  const date = parseCalendarDate(input);
  if (!date.ok) return date;
  return pass(date.value === '9999-12-31' ? { kind: 'long_term' } : { kind: 'date', date: date.value });
}

/** YYYY-MM-DD of an Excel 1900-system serial, or null (0, negative, 60 = 1900-02-29). */
export function excelSerialToDate(serial: number): string | null {
  const whole = Math.floor(serial);
  if (!Number.isFinite(serial) || whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return null;
  // Excel counts the fictitious 1900-02-29 (Lotus 1-2-3 compatibility), so serials
  // from 61 on are one day ahead of a plain count from 1899-12-31.
  const epochDay = whole < 60 ? whole - 1 : whole - 2;
  const d = new Date(Date.UTC(1900, 0, 1) + epochDay * 86_400_000);
  return formatYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function excelSerial(serial: number): Check<string, DateCode> {
  const date = excelSerialToDate(serial);
  return date === null ? fail('DATE_INVALID', 'not a valid Excel serial day') : pass(date);
}

// 9999-12-31 is Excel's last day.
const MAX_EXCEL_SERIAL = 2_958_465;

const TIME_TAIL = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DATE_PATTERNS = [
  new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME_TAIL}$`),
  new RegExp(String.raw`^(\d{4})/(\d{1,2})/(\d{1,2})${TIME_TAIL}$`),
  new RegExp(String.raw`^(\d{4})\.(\d{1,2})\.(\d{1,2})${TIME_TAIL}$`),
  new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})$`),
  new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME_TAIL}$`),
];

const LONG_TERM = /^(?:长期|长期有效|永久|long[\s-]?term|permanent)$/i;
