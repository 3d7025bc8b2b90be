// Unified social credit code (统一社会信用代码), GB 32100-2015: registering authority (1),
// entity category (1), administrative division (6), subject identifier (9), check (1).
import { fail, pass, toHalfWidth, type Check } from './common';

export type UsccCode = 'USCC_EMPTY' | 'USCC_LENGTH' | 'USCC_CHARSET' | 'USCC_REGION' | 'USCC_CHECKSUM';

/** The 31 code characters; a character's value is its index (I, O, Z, S, V are never used). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Validate a code; on success the value is the normalised (upper-case, no spaces) code. */
export function parseUscc(input: string): Check<string, UsccCode> {
  const code = toHalfWidth(input).replace(/\s+/g, '').toUpperCase();
  if (code === '') return fail('USCC_EMPTY', 'empty');
  if (code.length !== 18) return fail('USCC_LENGTH', 'expected 18 characters');
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return fail('USCC_CHARSET', 'character outside GB 32100 set');
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('USCC_REGION', 'division code must be 6 digits');
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return fail('USCC_CHECKSUM', 'check character mismatch');
  // The 9-character subject identifier is deliberately not checked against GB 11714:
  // codes issued to entities without an old organisation code (e.g. 91350100M000100Y43)
  // do not satisfy it, and the GB 32100 check character already covers the whole code.
  return pass(code);
}

/** Check character for the first 17 characters: 31 - (Σ value·weight mod 31), 31 → '0'. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError('usccCheckChar: character outside GB 32100 set');
    sum += value * WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Build a valid code for demo books and fixtures: `region6` is the division code,
 * `subject9` the subject identifier, `prefix2` authority + category ('91' = company
 * registered with market regulation). Throws on a malformed argument.
 */
export function makeUscc(region6: string, subject9: string, prefix2 = '91'): string {
  const body = `${prefix2}${region6}${subject9}`;
  if (!/^\d{6}$/.test(region6) || prefix2.length !== 2 || subject9.length !== 9) {
    throw new RangeError('makeUscc: bad argument');
  }
  return body + usccCheckChar(body);
}

// Weights are 3^i mod 31 for positions i = 0..16 (GB 32100-2015, annex).
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
