import type { SegmentInput } from '../../../src/main/core/domain/segments/types';

/** An ordinary active person with nothing notable; tests override what they exercise. */
export function client(overrides: Partial<SegmentInput> = {}): SegmentInput {
  return {
    id: 'c1',
    kind: 'person',
    revenue12mFen: 0,
    aumFen: 0,
    aumFen12mAgo: null,
    depositsFen: 0,
    loanBalanceFen: 0,
    cardSpend12mFen: 0,
    products: [],
    potential: null,
    birthDate: null,
    relationshipStart: '2015-01-01',
    status: 'active',
    dormantFlag: false,
    optOutAutomated: false,
    cardLevel: null,
    custodyMarginFen: 0,
    lastReachedContact: null,
    cadenceDays: null,
    lastTransaction: null,
    ...overrides,
  };
}

export const yuan = (cny: number): number => Math.round(cny * 100);
