// Mainland resident identity number, GB 11643-1999: 6-digit address code, 8-digit
// birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check character.
import { fail, formatYmd, isRealDate, pass, toHalfWidth, type Check } from './common';

export type ResidentIdCode =
  | 'ID_EMPTY'
  | 'ID_LEGACY_15' // first-generation 15-digit number: no check digit, two-digit year
  | 'ID_FORMAT'
  | 'ID_REGION'
  | 'ID_BIRTH_DATE'
  | 'ID_BIRTH_FUTURE'
  | 'ID_CHECKSUM';

export interface ResidentId {
  /** Normalised: 18 characters, upper-case X. */
  id: string;
  region: string;
  birthDate: string;
  sex: 'M' | 'F';
}

/** Validate and decode an 18-character resident ID; `today` is YYYY-MM-DD. */
export function parseResidentId(input: string, today: string): Check<ResidentId, ResidentIdCode> {
  // Spaces are common when the number is copied from a form printed in groups.
  const id = toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
  if (id === '') return fail('ID_EMPTY', 'empty');
  if (/^\d{15}$/.test(id)) return fail('ID_LEGACY_15', '15-digit first-generation number');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('ID_FORMAT', 'expected 17 digits and a digit or X');

  const region = id.slice(0, 6);
  if (!PROVINCE_CODES.has(region.slice(0, 2))) return fail('ID_REGION', 'unknown province-level code');

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < 1800 || !isRealDate(year, month, day)) return fail('ID_BIRTH_DATE', 'embedded birth date does not exist');
  const birthDate = formatYmd(year, month, day);
  if (birthDate > today) return fail('ID_BIRTH_FUTURE', 'embedded birth date is after today');

  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return fail('ID_CHECKSUM', 'check character mismatch');
  return pass({ id, region, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' });
}

/** True when the ID's embedded birth date equals `dateOfBirth` (YYYY-MM-DD). */
export function residentIdMatchesBirthDate(id: ResidentId | string, dateOfBirth: string): boolean {
  const raw = typeof id === 'string' ? toHalfWidth(id).replace(/\s+/g, '') : id.id;
  if (!/^\d{14}/.test(raw)) return false;
  return `${raw.slice(6, 10)}-${raw.slice(10, 12)}-${raw.slice(12, 14)}` === dateOfBirth;
}

/** ISO 7064 MOD 11-2 over the first 17 digits: '0'–'9' or 'X' (for 10). */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Build a valid ID for demo books and fixtures. `seq3` is the 3-digit sequence;
 * its last digit sets the sex (odd = male). Throws on a malformed argument:
 * that is a programming error, not user input.
 */
export function makeResidentId(region6: string, birthDate: string, seq3: string | number): string {
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!/^\d{6}$/.test(region6) || !/^\d{3}$/.test(seq) || !m) throw new RangeError('makeResidentId: bad argument');
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) throw new RangeError('makeResidentId: no such date');
  const body = `${region6}${m[1]}${m[2]}${m[3]}${seq}`;
  return body + residentIdCheckChar(body);
}

// Weights are 2^(17-i) mod 11 for positions i = 0..16 (GB 11643-1999, 7.2).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
// Check character indexed by (weighted sum mod 11).
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];

// Province-level codes (GB/T 2260) plus 71 Taiwan; 81/82/83 (810000, 820000, 830000) start
// the same-format numbers on residence permits for Hong Kong, Macao and Taiwan residents.
const PROVINCE_CODES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);
