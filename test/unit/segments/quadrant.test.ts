import { describe, expect, it } from 'vitest';
import { familiesHeld, productFamilies, productFamily } from '../../../src/main/core/domain/segments/products';
import { assignQuadrants, potentialParts, potentialScore, quadrantOf, valuePercentiles } from '../../../src/main/core/domain/segments/quadrant';
import type { SegmentInput } from '../../../src/main/core/domain/segments/types';
import { client } from './fixtures';

const TODAY = '2025-06-30';
const ALL_SIX = ['活期存款', '理财产品', '保险', '个人住房贷款', '信用卡', '手机银行'];

describe('product families', () => {
  it.each([
    ['活期存款', 'deposits'],
    ['定期存款', 'deposits'],
    ['代发工资', 'deposits'],
    ['单位结算账户', 'deposits'],
    ['理财产品', 'wealth'],
    ['基金', 'wealth'],
    ['贵金属', 'wealth'],
    ['国债', 'wealth'],
    ['结构性存款', 'wealth'],
    ['保险', 'insurance'],
    ['信用卡', 'cards'],
    ['个人住房贷款', 'loans'],
    ['个人经营贷', 'loans'],
    ['流动资金贷款', 'loans'],
    ['手机银行', 'digital'],
    ['企业网银', 'digital'],
    [' 基金 ', 'wealth'],
    ['借记卡', null],
    ['constructor', null], // not Object.prototype's
  ])('%s → %s', (name, family) => expect(productFamily(name)).toBe(family));

  it.each<[string[], number]>([
    [[], 0],
    [['活期存款', '定期存款', '代发工资'], 1], // three products, one family
    [['活期存款', '理财产品', '基金'], 2],
    [ALL_SIX, 6],
    [['单位结算账户', '结构性存款', '流动资金贷款', '代发工资', '企业网银'], 4], // a fully served company
    [['toString', '借记卡'], 0],
  ])('%j covers %d families', (products, n) => expect(productFamilies(products)).toBe(n));

  it('lists the families in canonical order', () => {
    expect(familiesHeld(['手机银行', '保险', '活期存款'])).toEqual(['deposits', 'insurance', 'digital']);
  });
});

describe('valuePercentiles: mid-rank, ties share', () => {
  it.each<[number[], number[]]>([
    [[], []],
    [[7], [0.5]],
    [[10, 20, 30, 40], [0.125, 0.375, 0.625, 0.875]],
    [[40, 10], [0.75, 0.25]], // input order kept
    [[5, 5, 5], [0.5, 0.5, 0.5]],
    [[1, 2, 2, 3], [0.125, 0.5, 0.5, 0.875]], // the 2s: (1 below + 2/2) / 4
    [[-3, 0, 0, 0, 9], [0.1, 0.5, 0.5, 0.5, 0.9]], // the 0s: (1 below + 3/2) / 5
  ])('%j → %j', (values, expected) => {
    valuePercentiles(values).forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 12));
  });
});

describe('potentialParts', () => {
  it.each<[number | null, number]>([
    [null, 0.5],
    [1, 0],
    [2, 0.25],
    [3, 0.5],
    [4, 0.75],
    [5, 1],
  ])('rating %s → %d', (potential, expected) => expect(potentialParts(client({ potential }), TODAY).rating).toBe(expected));

  it.each<[Partial<SegmentInput>, number]>([
    [{ products: [] }, 1],
    [{ products: ['活期存款', '定期存款'] }, 5 / 6], // 1 of 6 families
    [{ products: ['活期存款', '基金', '手机银行'] }, 0.5], // 3 of 6
    [{ products: ALL_SIX }, 0],
    [{ kind: 'company', products: ['单位结算账户', '企业网银'] }, 0.5], // 2 of the 4 sold to companies
    [{ kind: 'company', products: ['单位结算账户', '理财产品', '流动资金贷款', '企业网银'] }, 0],
    [{ kind: 'company', products: ['单位结算账户', '保险'] }, 0.75], // insurance is not a company family
  ])('product gap %j → %d', (overrides, expected) => expect(potentialParts(client(overrides), TODAY).productGap).toBeCloseTo(expected, 12));

  it.each<[number | null | undefined, number, number]>([
    [null, 100, 0.5],
    [undefined, 100, 0.5],
    [100, 100, 0.5],
    [100, 120, 0.7], // +20%
    [100, 90, 0.4], // −10%
    [100, 50, 0], // −50%
    [100, 10, 0], // worse than −50%: clamped
    [100, 150, 1],
    [100, 400, 1],
    [0, 50, 1], // money from nothing
    [0, 0, 0.5],
  ])('AUM trend %s → %d: %d', (aumFen12mAgo, aumFen, expected) =>
    expect(potentialParts(client({ aumFen12mAgo, aumFen }), TODAY).aumTrend).toBeCloseTo(expected, 12),
  );

  it.each<[string | null, number]>([
    [null, 0.5],
    ['2010-01-01', 0.3], // 15
    ['2003-06-30', 0.7], // 22
    ['2000-07-01', 0.7], // 24, 25 tomorrow
    ['2000-06-30', 1], // 25 today
    ['1979-07-01', 1], // 45, 46 tomorrow
    ['1979-06-30', 0.6], // 46 today
    ['1965-06-30', 0.6], // 60
    ['1964-06-30', 0.4], // 61
    ['1955-06-30', 0.4], // 70
    ['1954-06-30', 0.2], // 71
  ])('person born %s → life stage %d', (birthDate, expected) => expect(potentialParts(client({ birthDate }), TODAY).lifeStage).toBe(expected));

  it.each<[string | null, number]>([
    [null, 0.5],
    ['2024-07-01', 1], // under a year with us
    ['2022-07-01', 1], // 2 completed years
    ['2022-06-30', 0.6], // 3 years today
    ['2015-07-01', 0.6], // 9
    ['2015-06-30', 0.3], // 10
  ])('company since %s → life stage %d', (relationshipStart, expected) =>
    expect(potentialParts(client({ kind: 'company', relationshipStart, birthDate: '1950-01-01' }), TODAY).lifeStage).toBe(expected),
  );
});

describe('potentialScore', () => {
  // rating 5 → 1, one family → gap 5/6, AUM flat → 0.5, age 35 → 1.
  const c = client({ potential: 5, products: ['活期存款'], aumFen12mAgo: 100, aumFen: 100, birthDate: '1990-01-01' });

  it.each<[string, object, number]>([
    ['default weights', {}, 0.4 * 1 + 0.25 * (5 / 6) + 0.2 * 0.5 + 0.15 * 1], // 0.858333…
    ['rating only', { rating: 1, productGap: 0, aumTrend: 0, lifeStage: 0 }, 1],
    ['weights not summing to 1 are normalised', { rating: 2, productGap: 2, aumTrend: 0, lifeStage: 0 }, (1 + 5 / 6) / 2],
    ['a negative weight counts as 0', { rating: -1, productGap: 0, aumTrend: 1, lifeStage: 0 }, 0.5],
    ['all weights 0: no opinion', { rating: 0, productGap: 0, aumTrend: 0, lifeStage: 0 }, 0.5],
    ['one weight overridden, the others default', { rating: 0 }, (0.25 * (5 / 6) + 0.2 * 0.5 + 0.15 * 1) / 0.6],
  ])('%s', (_, weights, expected) => expect(potentialScore(c, TODAY, weights)).toBeCloseTo(expected, 12));

  it('stays in [0, 1] at the extremes', () => {
    const best = client({ potential: 5, products: [], aumFen12mAgo: 1, aumFen: 10, birthDate: '1990-01-01' });
    const worst = client({ potential: 1, products: ALL_SIX, aumFen12mAgo: 10, aumFen: 1, birthDate: '1940-01-01' });
    expect(potentialScore(best, TODAY)).toBe(1);
    expect(potentialScore(worst, TODAY)).toBeCloseTo(0.15 * 0.2, 12);
  });
});

describe('assignQuadrants', () => {
  // High potential: rating 5, one family, age 35 → 0.4 + 0.25·5/6 + 0.2·0.5 + 0.15 = 0.858.
  const eager = { potential: 5, products: ['活期存款'], birthDate: '1990-01-01' };
  // Low potential: rating 1, all six families, AUM halved, age 75 → 0.15 · 0.2 = 0.03.
  const settled = { potential: 1, products: ALL_SIX, aumFen12mAgo: 200, aumFen: 100, birthDate: '1950-01-01' };
  const book = [
    client({ id: 'core', revenue12mFen: 1000, ...eager }), // percentile 0.875
    client({ id: 'maintain', revenue12mFen: 900, ...settled }), // 0.625
    client({ id: 'nurture', revenue12mFen: 10, ...eager }), // 0.375
    client({ id: 'streamline', revenue12mFen: 5, ...settled }), // 0.125
  ];

  it('crosses value percentile with potential', () => {
    const q = assignQuadrants(book, 'revenue', TODAY);
    expect(Object.fromEntries([...q].map(([id, a]) => [id, a.quadrant]))).toEqual({ core: 'core', maintain: 'maintain', nurture: 'nurture', streamline: 'streamline' });
    expect(q.get('core')!.valuePercentile).toBe(0.875);
    expect(q.get('streamline')!.valuePercentile).toBe(0.125);
    expect(q.get('core')!.potential).toBeCloseTo(0.4 + 0.25 * (5 / 6) + 0.2 * 0.5 + 0.15, 12);
    expect(q.get('maintain')!.potential).toBeCloseTo(0.03, 12);
  });

  it.each<[string, object, Record<string, string>]>([
    ['a higher value split leaves only the top client high value', { valueSplit: 0.8 }, { core: 'core', maintain: 'streamline', nurture: 'nurture', streamline: 'streamline' }],
    ['a potential split above 0.858 leaves nobody high potential', { potentialSplit: 0.9 }, { core: 'maintain', maintain: 'maintain', nurture: 'streamline', streamline: 'streamline' }],
    ['weights on life stage alone: age decides potential', { weights: { rating: 0, productGap: 0, aumTrend: 0, lifeStage: 1 } }, { core: 'core', maintain: 'maintain', nurture: 'nurture', streamline: 'streamline' }],
  ])('%s', (_, opts, expected) => {
    const q = assignQuadrants(book, 'revenue', TODAY, opts);
    expect(Object.fromEntries([...q].map(([id, a]) => [id, a.quadrant]))).toEqual(expected);
  });

  it('uses the chosen metric', () => {
    // by AUM the settled clients lead: core 1, nurture 3, streamline 100, maintain 102 (fen).
    const q = assignQuadrants(
      book.map((c, i) => ({ ...c, aumFen: c.aumFen + [1, 2, 3, 0][i]! })),
      'aum',
      TODAY,
    );
    expect(q.get('maintain')!.valuePercentile).toBe(0.875);
    expect(q.get('streamline')!.valuePercentile).toBe(0.625);
    expect(q.get('core')!.quadrant).toBe('nurture');
  });

  it('never counts zero or negative value as high value, even at the top of the book', () => {
    const q = assignQuadrants([client({ id: 'z', ...eager }), client({ id: 'neg', revenue12mFen: -50, ...eager })], 'revenue', TODAY);
    expect(q.get('z')).toMatchObject({ quadrant: 'nurture', valuePercentile: 0.75 });
    expect(q.get('neg')).toMatchObject({ quadrant: 'nurture', valuePercentile: 0.25 });
  });

  it('an empty book gives an empty map; a lone client sits at the median', () => {
    expect(assignQuadrants([], 'revenue', TODAY).size).toBe(0);
    expect(assignQuadrants([client({ id: 'x', revenue12mFen: 1, ...eager })], 'revenue', TODAY).get('x')).toMatchObject({ quadrant: 'core', valuePercentile: 0.5 });
  });

  it.each([
    [true, true, 'core'],
    [false, true, 'nurture'],
    [true, false, 'maintain'],
    [false, false, 'streamline'],
  ] as const)('quadrantOf(high value %s, high potential %s) = %s', (v, p, q) => expect(quadrantOf(v, p)).toBe(q));
});
