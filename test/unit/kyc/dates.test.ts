import { describe, expect, it } from 'vitest';
import { excelSerialToDate, parseCalendarDate, parseIdExpiry } from '../../../src/main/core/domain/kyc/dates';

describe('parseCalendarDate', () => {
  it.each<[unknown, string]>([
    ['2023-02-28', '2023-02-28'],
    ['2023/2/28', '2023-02-28'],
    ['2023/02/28', '2023-02-28'],
    ['2023.2.28', '2023-02-28'],
    ['20230228', '2023-02-28'],
    ['2023年2月28日', '2023-02-28'],
    ['2023年02月28号', '2023-02-28'],
    ['2023 年 2 月 28 日', '2023-02-28'],
    ['２０２３－０２－２８', '2023-02-28'], // full-width digits and hyphen-minus
    ['2023-02-28 00:00:00', '2023-02-28'], // system extracts carry a time
    ['2023/2/28 8:30', '2023-02-28'],
    ['2023-02-28T00:00:00', '2023-02-28'],
    [' 2024-02-29 ', '2024-02-29'], // leap year
    ['2000-02-29', '2000-02-29'], // divisible by 400: leap
    [new Date(Date.UTC(2023, 1, 28)), '2023-02-28'], // exceljs: UTC midnight
    [new Date(Date.UTC(1962, 7, 15, 23, 59)), '1962-08-15'],
  ])('%s → %s', (input, expected) => {
    expect(parseCalendarDate(input)).toEqual({ ok: true, value: expected });
  });

  // Microsoft's DATEVALUE documentation: "January 1, 2008 is serial number 39448";
  // serial 1 is 1900-01-01; 60 is Lotus's fictitious 1900-02-29.
  it.each<[number | string, string]>([
    [39448, '2008-01-01'],
    ['39448', '2008-01-01'],
    [39448.75, '2008-01-01'], // 18:00 on that day
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [2958465, '9999-12-31'],
  ])('Excel serial %s → %s', (serial, expected) => {
    expect(parseCalendarDate(serial)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ['2023-02-30', 'DATE_INVALID'],
    ['2023-13-01', 'DATE_INVALID'],
    ['2023-00-10', 'DATE_INVALID'],
    ['2023-04-31', 'DATE_INVALID'],
    ['1900-02-29', 'DATE_INVALID'], // divisible by 100, not 400
    ['2023年2月30日', 'DATE_INVALID'],
    ['20230230', 'DATE_INVALID'],
    ['1700-01-01', 'DATE_INVALID'],
    [60, 'DATE_INVALID'],
    [0, 'DATE_INVALID'],
    [-5, 'DATE_INVALID'],
    [Number.NaN, 'DATE_INVALID'],
    [new Date(Number.NaN), 'DATE_INVALID'],
    ['', 'DATE_EMPTY'],
    ['   ', 'DATE_EMPTY'],
    ['23-02-28', 'DATE_FORMAT'], // two-digit year: ambiguous
    ['02/28/2023', 'DATE_FORMAT'], // month-first or day-first: ambiguous
    ['28.02.2023', 'DATE_FORMAT'],
    ['2023-2', 'DATE_FORMAT'],
    ['昨天', 'DATE_FORMAT'],
    ['2023', 'DATE_FORMAT'],
    [true, 'DATE_FORMAT'],
    [null, 'DATE_FORMAT'],
  ])('%s → %s', (input, code) => {
    expect(parseCalendarDate(input)).toMatchObject({ ok: false, code });
  });
});

describe('excelSerialToDate', () => {
  it('returns null outside the 1900 system', () => {
    expect(excelSerialToDate(2958466)).toBeNull();
    expect(excelSerialToDate(Number.POSITIVE_INFINITY)).toBeNull();
  });
});

describe('parseIdExpiry', () => {
  it.each<[unknown, unknown]>([
    ['长期', { kind: 'long_term' }],
    ['长期有效', { kind: 'long_term' }],
    [' 长期 ', { kind: 'long_term' }],
    ['Long-term', { kind: 'long_term' }],
    ['9999-12-31', { kind: 'long_term' }],
    ['2035-03-01', { kind: 'date', date: '2035-03-01' }],
    ['2035年3月1日', { kind: 'date', date: '2035-03-01' }],
    // The back of an ID card prints the validity period as a range.
    ['2015.03.01-2035.03.01', { kind: 'date', date: '2035-03-01' }],
    ['2015.03.01-长期', { kind: 'long_term' }],
    ['20150301-20350301', { kind: 'date', date: '2035-03-01' }],
    ['2015.03.01 至 2035.03.01', { kind: 'date', date: '2035-03-01' }],
    [new Date(Date.UTC(2030, 7, 15)), { kind: 'date', date: '2030-08-15' }],
    [47710, { kind: 'date', date: '2030-08-15' }],
  ])('%s → %j', (input, expected) => {
    expect(parseIdExpiry(input)).toEqual({ ok: true, value: expected });
  });

  it.each<[unknown, string]>([
    ['2035-02-30', 'DATE_INVALID'],
    ['2015.02.30-2035.02.28', 'DATE_INVALID'],
    ['短期', 'DATE_FORMAT'],
    ['', 'DATE_EMPTY'],
  ])('%s → %s', (input, code) => {
    expect(parseIdExpiry(input)).toMatchObject({ ok: false, code });
  });
});
