import { describe, expect, it } from 'vitest';
import { addMonths, daysBetween } from '../../../src/main/core/domain/segments/calendar';
import { afterContact, clientState, stateBeforeContact } from '../../../src/main/core/domain/segments/state';
import type { SegmentInput } from '../../../src/main/core/domain/segments/types';
import { client } from './fixtures';

const TODAY = '2025-06-30';

describe('calendar arithmetic', () => {
  it.each([
    ['2025-06-30', -6, '2024-12-30'],
    ['2025-08-31', -6, '2025-02-28'], // no 31 Feb: the month's last day
    ['2024-08-31', -6, '2024-02-29'], // leap year
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-12-31', 2, '2025-02-28'],
    ['2025-03-15', -15, '2023-12-15'],
  ])('%s %+d months → %s', (from, months, to) => expect(addMonths(from, months)).toBe(to));

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2025-04-02', '2025-06-30', 89],
    ['2025-06-30', '2025-04-01', -90],
  ])('%s → %s is %d days', (from, to, days) => expect(daysBetween(from, to)).toBe(days));
});

const CASES: [string, Partial<SegmentInput>, string][] = [
  ['an ordinary client', {}, 'active'],
  ['status lost', { status: 'lost' }, 'lost'],
  ['lost outranks the dormant flag', { status: 'lost', dormantFlag: true }, 'lost'],
  ['a prospect', { status: 'prospect', relationshipStart: null }, 'new'],
  ["HQ's dormant flag", { dormantFlag: true }, 'dormant'],
  ['status dormant', { status: 'dormant' }, 'dormant'],
  ['last transaction exactly 6 months ago', { lastTransaction: '2024-12-30' }, 'active'],
  ['last transaction 6 months and a day ago', { lastTransaction: '2024-12-29' }, 'dormant'],
  ['last transaction yesterday', { lastTransaction: '2025-06-29' }, 'active'],
  ['no transaction date from HQ', { lastTransaction: null }, 'active'],
  ['relationship of 89 days', { relationshipStart: '2025-04-02' }, 'new'],
  ['relationship of 90 days', { relationshipStart: '2025-04-01' }, 'active'],
  ['started today', { relationshipStart: TODAY }, 'new'],
  ['no start date', { relationshipStart: null }, 'active'],
  ['new but flagged dormant by HQ', { relationshipStart: '2025-06-01', dormantFlag: true }, 'dormant'],
  ['new with a falling AUM is still new', { relationshipStart: '2025-06-01', aumFen12mAgo: 100, aumFen: 10 }, 'new'],
  ['AUM down exactly 20%', { aumFen12mAgo: 10_000_00, aumFen: 8_000_00 }, 'at_risk'],
  ['AUM down 19.9999%', { aumFen12mAgo: 10_000_00, aumFen: 8_000_01 }, 'active'],
  ['AUM down to nothing', { aumFen12mAgo: 10_000_00, aumFen: 0 }, 'at_risk'],
  ['AUM up', { aumFen12mAgo: 10_000_00, aumFen: 20_000_00 }, 'active'],
  ['AUM 12 months ago unknown', { aumFen12mAgo: null, aumFen: 0 }, 'active'],
  ['AUM 12 months ago zero', { aumFen12mAgo: 0, aumFen: 0 }, 'active'],
  ['reached 60 days ago, cadence 30 (exactly 2×)', { lastReachedContact: '2025-05-01', cadenceDays: 30 }, 'active'],
  ['reached 61 days ago, cadence 30', { lastReachedContact: '2025-04-30', cadenceDays: 30 }, 'at_risk'],
  ['reached long ago, no cadence', { lastReachedContact: '2020-01-01', cadenceDays: null }, 'active'],
  ['cadence but never reached (no contact logs yet)', { lastReachedContact: null, cadenceDays: 30 }, 'active'],
  ['dormant outranks at risk', { lastTransaction: '2024-01-01', aumFen12mAgo: 100, aumFen: 10 }, 'dormant'],
];

describe('clientState', () => {
  it.each(CASES)('%s → %s', (_, overrides, state) => expect(clientState(client(overrides), TODAY)).toBe(state));

  // As a segmentation pass states a book: everything but the contact rule while reading, the contact rule once tiered.
  it.each(CASES)('in two steps: %s → %s', (_, overrides, state) => {
    const c = client(overrides);
    const reachedDaysAgo = c.lastReachedContact ? daysBetween(c.lastReachedContact, TODAY) : NaN;
    expect(afterContact(stateBeforeContact(c, TODAY), reachedDaysAgo, c.cadenceDays)).toBe(state);
  });

  it('counts calendar months at a month end', () => {
    expect(clientState(client({ lastTransaction: '2025-02-28' }), '2025-08-31')).toBe('active');
    expect(clientState(client({ lastTransaction: '2025-02-27' }), '2025-08-31')).toBe('dormant');
    expect(clientState(client({ lastTransaction: '2024-02-29' }), '2024-08-31')).toBe('active');
    expect(clientState(client({ lastTransaction: '2024-02-28' }), '2024-08-31')).toBe('dormant');
  });
});
