// Shared shapes for the KYC field checks. Errors are values carrying a code (the
// UI's i18n key) and a short developer-facing reason that never echoes the input,
// so a logged error cannot leak a client's number.

export type Check<T, C extends string = string> =
  | { ok: true; value: T }
  | { ok: false; code: C; reason: string };

export function pass<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, reason: string): { ok: false; code: C; reason: string } {
  return { ok: false, code, reason };
}

/**
 * Full-width ASCII (Ａ-Ｚ, ０-９, ＠, ．, （）…) and the ideographic space to their
 * half-width forms. Chinese IMEs type these; NFKC would also do it but rewrites CJK
 * compatibility ideographs, which must survive untouched in names (生僻字).
 */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: one scan instead of rebuilding the string character by character.
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** True when y-m-d is a real Gregorian calendar day (no 2023-02-30, no month 13). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function formatYmd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
