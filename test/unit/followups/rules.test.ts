import { describe, expect, it } from 'vitest';
import { desiredItems, shiftDirection, type GeneratorClient } from '../../../src/main/core/domain/followups/generate';
import { cadenceInterval, contactBlock, DEFAULT_CADENCE, isLosingTouch, isProactive, isReached, trailingFailures } from '../../../src/main/core/domain/followups/rules';
import type { ContactOutcome } from '../../../src/shared/followups';

describe('contact cap rules', () => {
  it.each([
    ['outbound', 'care', true],
    ['outbound', 'marketing', true],
    ['outbound', 'kyc_update', true],
    ['outbound', 'complaint', false], // answering the client's complaint
    ['inbound', 'care', false],
    ['inbound', 'marketing', false],
  ] as const)('%s %s proactive = %s', (direction, purpose, expected) => {
    expect(isProactive(direction, purpose)).toBe(expected);
  });

  it.each([
    [{ doNotContact: false, optOutMarketing: true }, 'outbound', 'marketing', 'opted_out_marketing'],
    [{ doNotContact: false, optOutMarketing: true }, 'inbound', 'marketing', 'opted_out_marketing'],
    [{ doNotContact: false, optOutMarketing: true }, 'outbound', 'care', null],
    [{ doNotContact: true, optOutMarketing: false }, 'outbound', 'greeting', 'do_not_contact'],
    [{ doNotContact: true, optOutMarketing: false }, 'inbound', 'service', null],
    [{ doNotContact: true, optOutMarketing: false }, 'outbound', 'complaint', null],
    [{ doNotContact: false, optOutMarketing: false }, 'outbound', 'marketing', null],
  ] as const)('%o %s %s → %s', (client, direction, purpose, expected) => {
    expect(contactBlock(client, direction, purpose)).toBe(expected);
  });
});

describe('what resets the cadence clock', () => {
  it.each([
    ['reached', true],
    ['meeting_held', true],
    ['no_answer', false],
    ['busy', false],
    ['wrong_number', false],
    ['left_message', false],
    ['declined', false],
    ['sent', false],
  ] as const)('%s reached = %s', (outcome, expected) => {
    expect(isReached(outcome)).toBe(expected);
  });

  it.each([
    [[], 0],
    [['no_answer'], 1],
    [['no_answer', 'busy', 'wrong_number'], 3],
    [['no_answer', 'reached', 'busy', 'left_message'], 2],
    // A refusal proves the number works: the count restarts after it.
    [['no_answer', 'busy', 'declined', 'no_answer'], 1],
    [['busy', 'busy', 'busy', 'reached'], 0],
    // A greeting SMS that went out neither resets nor adds to the count.
    [['no_answer', 'busy', 'sent', 'no_answer'], 3],
    [['reached', 'sent'], 0],
  ] as [ContactOutcome[], number][])('trailing failures of %j = %i', (outcomes, expected) => {
    expect(trailingFailures(outcomes)).toBe(expected);
  });
});

describe('cadence intervals', () => {
  it('defaults A 14, B 30, C 90; a client without a segment gets the default', () => {
    expect(['A', 'B', 'C', null, undefined, 'X'].map((t) => cadenceInterval(t))).toEqual([14, 30, 90, 30, 30, 30]);
    expect(cadenceInterval('A', { ...DEFAULT_CADENCE, A: 7 })).toBe(7);
  });

  it('losing touch is strictly more than twice the interval', () => {
    expect(isLosingTouch(28, 14)).toBe(false);
    expect(isLosingTouch(29, 14)).toBe(true);
  });
});

const BASE: GeneratorClient = {
  id: 'c1',
  status: 'active',
  doNotContact: false,
  idExpiry: null,
  idLongTerm: false,
  relationshipStart: '2024-03-01',
  riskRatedAt: '2024-03-15',
  createdOn: '2026-11-01',
  tier: 'B',
  lastReachedOn: null,
  lastReachedId: null,
};

describe('generated follow-ups', () => {
  const today = '2026-11-22';

  it('cadence from the last reached contact, keyed by that contact', () => {
    const [c] = desiredItems({ ...BASE, lastReachedOn: '2026-11-10', lastReachedId: 'k9' }, today, DEFAULT_CADENCE);
    expect(c).toMatchObject({ sourceKey: 'cadence:c1:k9', type: 'cadence', due: '2026-12-10', titleParams: { days: 30 } });
  });

  it('cadence before any contact runs from the relationship start, else from when the client was added', () => {
    expect(desiredItems(BASE, today, DEFAULT_CADENCE)[0]).toMatchObject({ sourceKey: 'cadence:c1:start', due: '2024-03-31' });
    expect(desiredItems({ ...BASE, relationshipStart: null, riskRatedAt: null }, today, DEFAULT_CADENCE)[0]).toMatchObject({ due: '2026-12-01' });
  });

  it('no cadence for do-not-contact clients; nothing at all for lost clients', () => {
    expect(desiredItems({ ...BASE, doNotContact: true }, today, DEFAULT_CADENCE).map((d) => d.type)).toEqual([]);
    expect(desiredItems({ ...BASE, status: 'lost', idExpiry: '2026-12-01', riskRatedAt: null }, today, DEFAULT_CADENCE)).toEqual([]);
  });

  it('ID expiry: a notice 60 days ahead, then "expired" from the expiry day; long-term IDs never', () => {
    const notice = desiredItems({ ...BASE, idExpiry: '2027-01-20' }, today, DEFAULT_CADENCE).find((d) => d.type === 'id_expiry');
    expect(notice).toMatchObject({ sourceKey: 'id_expiry:c1:2027-01-20:notice', due: '2026-11-21' });
    const onTheDay = desiredItems({ ...BASE, idExpiry: today }, today, DEFAULT_CADENCE).find((d) => d.type === 'id_expiry');
    expect(onTheDay).toMatchObject({ sourceKey: `id_expiry:c1:${today}:expired`, due: today, title: 'followupTitles.idExpired' });
    expect(desiredItems({ ...BASE, idExpiry: '2020-01-01', idLongTerm: true }, today, DEFAULT_CADENCE).some((d) => d.type === 'id_expiry')).toBe(false);
  });

  it('first risk rating 60 days after the start, only while unrated (or rated before the start)', () => {
    const unrated = desiredItems({ ...BASE, relationshipStart: '2026-10-01', riskRatedAt: null }, today, DEFAULT_CADENCE).find((d) => d.type === 'risk_rating');
    expect(unrated).toMatchObject({ sourceKey: 'risk_rating:c1:2026-10-01', due: '2026-11-30' });
    expect(desiredItems({ ...BASE, relationshipStart: '2026-10-01', riskRatedAt: '2025-01-01' }, today, DEFAULT_CADENCE).some((d) => d.type === 'risk_rating')).toBe(true);
    expect(desiredItems(BASE, today, DEFAULT_CADENCE).some((d) => d.type === 'risk_rating')).toBe(false);
  });

  it('is idempotent: the same book gives the same keys and dates', () => {
    const c = { ...BASE, idExpiry: '2027-05-01', relationshipStart: '2026-11-01', riskRatedAt: null };
    expect(desiredItems(c, today, DEFAULT_CADENCE)).toEqual(desiredItems(c, today, DEFAULT_CADENCE));
  });

  it('deadlines move back before a holiday, reminders forward', () => {
    expect(['risk_rating', 'complaint', 'cadence', 'id_expiry', 'call'].map(shiftDirection)).toEqual(['back', 'back', 'forward', 'forward', 'forward']);
  });
});
