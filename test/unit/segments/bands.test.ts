import { describe, expect, it } from 'vitest';
import { assignBand, bandRank, DEFAULT_BAND_ENTRY, DEFAULT_BAND_RULES, meetsEntry } from '../../../src/main/core/domain/segments/bands';
import type { BandRule, SegmentInput } from '../../../src/main/core/domain/segments/types';
import { client, yuan } from './fixtures';

const TODAY = '2025-06-30';
const UNDER_60 = '1966-01-01'; // 59

describe('assignBand: the asset table (domain.md §1, seed 003)', () => {
  it.each<[number, string]>([
    [yuan(90_000_000), 'wealth'],
    [yuan(2_000_000), 'wealth'], // exactly 2,000,000.00
    [yuan(1_999_999.99), 'branch_wealth'],
    [yuan(200_000), 'branch_wealth'],
    [yuan(199_999.99), 'director'],
    [yuan(100_000), 'director'],
    [yuan(99_999.99), 'staff'],
    [yuan(50_000), 'staff'],
    [yuan(49_999.99), 'none'],
    [0, 'none'],
  ])('AUM %d fen, aged 59 → %s', (aumFen, band) => expect(assignBand(client({ aumFen, birthDate: UNDER_60 }), TODAY)).toBe(band));

  it.each<[string | null, string, string]>([
    ['1965-07-01', TODAY, 'staff'], // 59: turns 60 tomorrow
    ['1965-06-30', TODAY, 'none'], // 60th birthday today: no longer under 60
    ['1960-01-01', TODAY, 'none'], // 65
    [null, TODAY, 'none'], // unknown age: the under-60 condition is not shown to be met
    ['1964-02-29', '2024-02-28', 'staff'], // 59 the day before a leap-day 60th birthday
    ['1964-02-29', '2024-02-29', 'none'], // 60 on it
  ])('AUM 60,000 born %s, on %s → %s', (birthDate, today, band) => expect(assignBand(client({ aumFen: yuan(60_000), birthDate }), today)).toBe(band));

  it('the age limit is for the staff band only', () => {
    expect(assignBand(client({ aumFen: yuan(150_000), birthDate: '1940-01-01' }), TODAY)).toBe('director');
    expect(assignBand(client({ aumFen: yuan(150_000), birthDate: null }), TODAY)).toBe('director');
  });

  it('a company has no age: assets alone decide', () => {
    expect(assignBand(client({ kind: 'company', aumFen: yuan(60_000), birthDate: null }), TODAY)).toBe('staff');
  });
});

describe('assignBand: alternative entry criteria lift a client to at least staff', () => {
  const below = { aumFen: yuan(10_000), birthDate: UNDER_60 };
  it.each<[string, Partial<SegmentInput>, string]>([
    ['card spend 50,000/yr', { cardSpend12mFen: yuan(50_000) }, 'staff'],
    ['card spend 49,999.99/yr', { cardSpend12mFen: yuan(49_999.99) }, 'none'],
    ['loan balance 300,000', { loanBalanceFen: yuan(300_000) }, 'staff'],
    ['loan balance 299,999.99', { loanBalanceFen: yuan(299_999.99) }, 'none'],
    ['custody margin 10,000', { custodyMarginFen: yuan(10_000) }, 'staff'],
    ['custody margin 9,999.99', { custodyMarginFen: yuan(9_999.99) }, 'none'],
    ['custody margin unknown', { custodyMarginFen: undefined }, 'none'],
    ['gold card', { cardLevel: 'gold' }, 'staff'],
    ['platinum card', { cardLevel: 'platinum' }, 'staff'],
    ['no card level', { cardLevel: undefined }, 'none'],
  ])('%s → %s', (_, overrides, band) => expect(assignBand(client({ ...below, ...overrides }), TODAY)).toBe(band));

  it('lifts a client of 60 or over in the staff asset range', () => {
    expect(assignBand(client({ aumFen: yuan(60_000), birthDate: '1950-01-01', cardLevel: 'gold' }), TODAY)).toBe('staff');
  });

  it('never lowers a client already above staff', () => {
    expect(assignBand(client({ aumFen: yuan(150_000), cardLevel: 'platinum' }), TODAY)).toBe('director');
    expect(assignBand(client({ aumFen: yuan(3_000_000), loanBalanceFen: yuan(1_000_000) }), TODAY)).toBe('wealth');
  });

  it('meetsEntry with custom criteria', () => {
    const noCards = { ...DEFAULT_BAND_ENTRY, cardLevels: [] };
    expect(meetsEntry(client({ cardLevel: 'gold' }), noCards)).toBe(false);
    expect(meetsEntry(client({ cardLevel: 'gold' }))).toBe(true);
  });
});

describe('assignBand: configured rules', () => {
  it('reads rules in any order and honours a changed age limit', () => {
    const rules: BandRule[] = [...DEFAULT_BAND_RULES].reverse().map((r) => (r.band === 'staff' ? { ...r, maxAgeExclusive: 65 } : r));
    expect(assignBand(client({ aumFen: yuan(60_000), birthDate: '1962-01-01' }), TODAY, rules)).toBe('staff'); // 63
    expect(assignBand(client({ aumFen: yuan(5_000_000) }), TODAY, rules)).toBe('wealth');
  });

  it('a raised top line', () => {
    const rules = DEFAULT_BAND_RULES.map((r) =>
      r.band === 'wealth' ? { ...r, minAumFen: yuan(6_000_000) } : r.band === 'branch_wealth' ? { ...r, maxAumFen: yuan(6_000_000) } : r,
    );
    expect(assignBand(client({ aumFen: yuan(5_999_999.99) }), TODAY, rules)).toBe('branch_wealth');
    expect(assignBand(client({ aumFen: yuan(6_000_000) }), TODAY, rules)).toBe('wealth');
  });

  it('orders bands from least to most attention', () => {
    expect(['none', 'staff', 'director', 'branch_wealth', 'wealth'].map((b) => bandRank(b as never))).toEqual([0, 1, 2, 3, 4]);
  });
});
