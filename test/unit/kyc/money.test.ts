import { describe, expect, it } from 'vitest';
import { formatFen, parseYuanToFen } from '../../../src/main/core/domain/kyc/money';

describe('parseYuanToFen', () => {
  it.each<[string | number, number]>([
    ['1,234,567.89', 123456789],
    ['1234567.89', 123456789],
    ['0.29', 29], // 0.29 * 100 === 28.999999999999996 in floating point
    ['1.15', 115], // 1.15 * 100 === 114.99999999999999
    ['4.35', 435], // 4.35 * 100 === 434.99999999999994
    ['0.1', 10],
    ['0', 0],
    ['0.00', 0],
    ['100', 10000],
    ['１２３', 12300], // full-width digits
    ['１，２３４．５', 123450], // full-width separators
    ['¥1,000', 100000],
    ['￥ 1000.5 ', 100050],
    ['  88000.5', 8800050],
    ['100元', 10000],
    ['RMB 2,000,000', 200000000],
    ['007', 700],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
    [1234.5, 123450],
    [0.29, 29],
    [5e6, 500000000],
  ])('%s → %d fen', (input, fen) => {
    expect(parseYuanToFen(input)).toEqual({ ok: true, value: fen });
  });

  it.each<[string | number, string]>([
    ['', 'MONEY_EMPTY'],
    ['  ', 'MONEY_EMPTY'],
    ['-100', 'MONEY_NEGATIVE'],
    ['- 1,000.00', 'MONEY_NEGATIVE'],
    ['−5', 'MONEY_NEGATIVE'], // U+2212 minus sign
    ['(1,200.00)', 'MONEY_NEGATIVE'], // accounting negative
    ['¥-5', 'MONEY_NEGATIVE'],
    [-1, 'MONEY_NEGATIVE'],
    ['1.005', 'MONEY_PRECISION'],
    ['1,234.567', 'MONEY_PRECISION'],
    [0.1 + 0.2, 'MONEY_PRECISION'],
    ['12,34', 'MONEY_FORMAT'], // misplaced separator
    ['1,2345', 'MONEY_FORMAT'],
    ['1.2.3', 'MONEY_FORMAT'],
    ['abc', 'MONEY_FORMAT'],
    ['1e5', 'MONEY_FORMAT'],
    ['.5', 'MONEY_FORMAT'],
    ['+100', 'MONEY_FORMAT'],
    ['120万', 'MONEY_FORMAT'], // a scale word is not silently dropped
    ['-abc', 'MONEY_FORMAT'],
    [Number.NaN, 'MONEY_FORMAT'],
    [1e21, 'MONEY_FORMAT'],
    ['90071992547409.92', 'MONEY_TOO_LARGE'],
  ])('%s → %s', (input, code) => {
    expect(parseYuanToFen(input)).toMatchObject({ ok: false, code });
  });
});

describe('formatFen', () => {
  it.each<[number, string]>([
    [123456789, '1,234,567.89'],
    [5, '0.05'],
    [50, '0.50'],
    [0, '0.00'],
    [100000, '1,000.00'],
    [-150, '-1.50'],
    [Number.MAX_SAFE_INTEGER, '90,071,992,547,409.91'],
  ])('%d → %s', (fen, text) => expect(formatFen(fen)).toBe(text));

  it('can leave out grouping', () => expect(formatFen(123456789, { grouping: false })).toBe('1234567.89'));

  it('round-trips', () => {
    for (const text of ['0.01', '9.99', '12,345.60', '1,000,000.00']) {
      const r = parseYuanToFen(text);
      expect(r.ok && formatFen(r.value)).toBe(text);
    }
  });

  it('refuses a non-integer', () => expect(() => formatFen(1.5)).toThrow(RangeError));
});

describe('parseYuanToFen with allowNegative (contribution can be a loss)', () => {
  it.each<[string, number]>([
    ['-1,234.50', -123450],
    ['(88.00)', -8800],
    ['−0.29', -29],
    ['-0', 0],
    ['1,000', 100000],
  ])('%s → %d fen', (input, fen) => {
    expect(parseYuanToFen(input, { allowNegative: true })).toEqual({ ok: true, value: fen });
  });

  it.each<[string, string]>([
    ['-1.005', 'MONEY_PRECISION'],
    ['-abc', 'MONEY_FORMAT'],
    ['--5', 'MONEY_FORMAT'],
  ])('%s → %s', (input, code) => {
    expect(parseYuanToFen(input, { allowNegative: true })).toMatchObject({ ok: false, code });
  });
});
