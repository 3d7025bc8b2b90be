import { describe, expect, it } from 'vitest';
import {
  makeResidentId,
  parseResidentId,
  residentIdCheckChar,
  residentIdMatchesBirthDate,
} from '../../../src/main/core/domain/kyc/resident-id';

const TODAY = '2024-06-01';

// Published examples, each check character verified by hand with weights
// 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 and check table 1 0 X 9 8 7 6 5 4 3 2 (by sum mod 11):
const VALID: [id: string, birthDate: string, sex: 'M' | 'F', source: string][] = [
  // Σ = 167, 167 mod 11 = 2 → X. GB 11643-1999 annex example.
  ['11010519491231002X', '1949-12-31', 'F', 'GB 11643-1999 example'],
  // Σ = 195, 195 mod 11 = 8 → 4. GB 11643-1999 annex example.
  ['440524188001010014', '1880-01-01', 'M', 'GB 11643-1999 example'],
  // Σ = 222, 222 mod 11 = 2 → X. Widely used test number.
  ['11010119900307803X', '1990-03-07', 'M', 'test-data example'],
  // Σ = 214 → 5 → 7. Published as "check digit pre-computed" in a test suite.
  ['110101199003074557', '1990-03-07', 'M', 'test fixture (GitHub)'],
  // Σ = 228 → 8 → 4. Published as "valid GB 11643 check digit" in a Go test.
  ['110101199003077424', '1990-03-07', 'F', 'test fixture (GitHub)'],
  // Σ = 190 → 3 → 9. godscan README example.
  ['110101199003070759', '1990-03-07', 'M', 'README example (GitHub)'],
];

describe('parseResidentId', () => {
  it.each(VALID)('%s is valid (%s, %s; %s)', (id, birthDate, sex) => {
    expect(parseResidentId(id, TODAY)).toEqual({ ok: true, value: { id, region: id.slice(0, 6), birthDate, sex } });
  });

  it('accepts a lower-case x, spaces and full-width digits, and normalises them', () => {
    const r = parseResidentId(' 110105 19491231 002x ', TODAY);
    expect(r.ok && r.value.id).toBe('11010519491231002X');
    expect(parseResidentId('１１０１０５１９４９１２３１００２Ｘ', TODAY).ok).toBe(true);
  });

  // Numbers published as examples whose check character is wrong: sums by hand.
  it.each([
    ['11010119900307123X', 'Σ = 174 → 9 → check should be 3'],
    ['110101199003078813', 'Σ = 250 → 8 → check should be 4'],
    ['110101199003071234', 'Σ = 174 → 9 → check should be 3'],
  ])('published but wrong: %s (%s)', (id) => {
    expect(parseResidentId(id, TODAY)).toMatchObject({ ok: false, code: 'ID_CHECKSUM' });
  });

  it.each(VALID.map(([id]) => id))('every single-character corruption of %s fails', (id) => {
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of '0123456789X') {
        if (ch === id[pos]) continue;
        const corrupted = id.slice(0, pos) + ch + id.slice(pos + 1);
        expect(parseResidentId(corrupted, TODAY).ok, corrupted).toBe(false);
      }
    }
  });

  it.each([
    ['', 'ID_EMPTY'],
    ['110105491231002', 'ID_LEGACY_15'], // the 15-digit form of the GB example
    ['1101051949123100', 'ID_FORMAT'],
    ['11010519491231002Y', 'ID_FORMAT'],
    ['X10105194912310021', 'ID_FORMAT'],
    ['99010519491231002X', 'ID_REGION'],
    ['00010519491231002X', 'ID_REGION'],
    // check character correct (Σ = 116 → 6 → 6): only the date 2023-02-30 is wrong
    ['110105202302300016', 'ID_BIRTH_DATE'],
    ['110105202313010010', 'ID_BIRTH_DATE'],
    ['110105170001010010', 'ID_BIRTH_DATE'],
    // Σ = 88 → 0 → 1: born 2025-01-01, after TODAY
    ['110105202501010011', 'ID_BIRTH_FUTURE'],
    ['11010519491231002X1', 'ID_FORMAT'],
  ])('%s → %s', (id, code) => {
    expect(parseResidentId(id, TODAY)).toMatchObject({ ok: false, code });
  });

  it('a birth date equal to today is accepted', () => {
    expect(parseResidentId('110105202501010011', '2025-01-01').ok).toBe(true);
  });

  it('errors never echo the number', () => {
    const r = parseResidentId('11010519491231002Y', TODAY);
    expect(JSON.stringify(r)).not.toContain('110105');
  });
});

describe('residentIdMatchesBirthDate', () => {
  it.each([
    ['11010519491231002X', '1949-12-31', true],
    ['11010519491231002X', '1949-12-30', false],
    ['440524188001010014', '1880-01-01', true],
    ['4405241880', '1880-01-01', false],
  ])('%s vs %s → %s', (id, dob, expected) => expect(residentIdMatchesBirthDate(id, dob)).toBe(expected));

  it('takes a parsed ID too', () => {
    const r = parseResidentId('440524188001010014', TODAY);
    expect(r.ok && residentIdMatchesBirthDate(r.value, '1880-01-01')).toBe(true);
  });
});

describe('makeResidentId', () => {
  it('reproduces the published GB 11643 examples', () => {
    expect(makeResidentId('110105', '1949-12-31', '002')).toBe('11010519491231002X');
    expect(makeResidentId('440524', '1880-01-01', 1)).toBe('440524188001010014');
    expect(makeResidentId('110101', '1990-03-07', 803)).toBe('11010119900307803X');
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('generated IDs parse back with their birth date and sex', () => {
    for (const [region, date, seq, sex] of [
      ['310115', '1985-07-21', 17, 'M'],
      ['510107', '2000-02-29', 248, 'F'],
      ['650102', '1969-12-31', 999, 'M'],
    ] as const) {
      const r = parseResidentId(makeResidentId(region, date, seq), TODAY);
      expect(r).toMatchObject({ ok: true, value: { birthDate: date, sex } });
    }
  });

  it.each([
    ['11010', '1949-12-31', '002'],
    ['110105', '1949-02-30', '002'],
    ['110105', '19491231', '002'],
    ['110105', '1949-12-31', '2'],
  ])('rejects bad arguments %s %s %s', (region, date, seq) => {
    expect(() => makeResidentId(region, date, seq)).toThrow(RangeError);
  });
});
