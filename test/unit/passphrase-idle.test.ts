import { describe, expect, it } from 'vitest';
import { shouldAutoLock, unlockDelaySeconds } from '../../src/main/core/domain/idle';
import { passphraseProblems } from '../../src/shared/passphrase';

describe('passphraseProblems', () => {
  it.each([
    ['Harbour-Lantern-2026', undefined, []],
    ['长江黄河Long-River-1', undefined, []],
    ['short1A!', undefined, ['TOO_SHORT']],
    ['alllowercaseletters', undefined, ['TOO_FEW_CLASSES']],
    ['rm00123-Winter-Sky', 'RM00123', ['CONTAINS_MANAGER_ID']],
    ['Aa1!Aa1!Aa1!Aa1!', undefined, ['REPETITIVE']],
    ['', undefined, ['TOO_SHORT', 'TOO_FEW_CLASSES']],
  ])('%s → %j', (p, id, expected) => expect(passphraseProblems(p, id)).toEqual(expected));
});

describe('idle and throttling', () => {
  it('locks exactly at the idle limit', () => {
    expect(shouldAutoLock(0, 10 * 60_000 - 1, 10)).toBe(false);
    expect(shouldAutoLock(0, 10 * 60_000, 10)).toBe(true);
  });
  it.each([
    [0, 0], [2, 0], [3, 5], [4, 10], [5, 20], [10, 640], [20, 900],
  ])('%i failures → wait %i s', (n, s) => expect(unlockDelaySeconds(n)).toBe(s));
});
