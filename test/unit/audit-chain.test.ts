import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH, verifyChain, type StoredChainEntry } from '../../src/main/core/domain/audit-chain';

function chain(n: number): StoredChainEntry[] {
  const out: StoredChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: `2026-11-22T01:0${seq}:00.000Z`, actor: 'rm:RM1', action: 'x', subject: null, details: { n: seq } };
    const hash = entryHash(prev, e);
    out.push({ ...e, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [2, { d: 1, c: null }] }, '{"a":[2,{"c":null,"d":1}],"b":1}'],
    [{ z: undefined, y: '中文' }, '{"y":"中文"}'],
    [null, 'null'],
    ['x', '"x"'],
  ])('%j → %s', (v, s) => expect(canonicalJson(v)).toBe(s));
});

describe('entryHash', () => {
  it('is SHA-256 over the previous hash and the canonical entry', () => {
    const e = { seq: 1, at: 't', actor: 'a', action: 'b', subject: null, details: null };
    const expected = createHash('sha256').update(GENESIS_HASH + '{"action":"b","actor":"a","at":"t","details":null,"seq":1,"subject":null}').digest('hex');
    expect(entryHash(GENESIS_HASH, e)).toBe(expected);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and returns the head', () => {
    const c = chain(5);
    expect(verifyChain(c)).toEqual({ intact: true, entries: 5, headHash: c[4]!.hash });
    expect(verifyChain([])).toEqual({ intact: true, entries: 0, headHash: GENESIS_HASH });
  });

  it.each<[string, (c: StoredChainEntry[]) => StoredChainEntry[], number, string]>([
    ['edited details', (c) => c.map((e) => (e.seq === 3 ? { ...e, details: { n: 99 } } : e)), 3, 'HASH'],
    ['edited time', (c) => c.map((e) => (e.seq === 1 ? { ...e, at: 'x' } : e)), 1, 'HASH'],
    ['recomputed hash of an edited row', (c) => c.map((e) => (e.seq === 2 ? { ...e, action: 'y', hash: entryHash(e.prevHash, { ...e, action: 'y' }) } : e)), 3, 'PREV_HASH'],
    ['deleted row', (c) => c.filter((e) => e.seq !== 2), 2, 'SEQ_GAP'],
    ['swapped rows', (c) => [c[0]!, c[2]!, c[1]!, c[3]!], 2, 'SEQ_GAP'],
  ])('rejects a %s, naming the first bad seq', (_n, mutate, seq, problem) => {
    expect(verifyChain(mutate(chain(4)))).toMatchObject({ intact: false, firstBadSeq: seq, problem });
  });

  it('uses the anchor to catch truncation of the newest rows', () => {
    const c = chain(5);
    expect(verifyChain(c.slice(0, 3), { seq: 5, hash: c[4]!.hash })).toMatchObject({ intact: false, firstBadSeq: 4, problem: 'ANCHOR' });
    expect(verifyChain(c, { seq: 5, hash: c[4]!.hash }).intact).toBe(true);
    expect(verifyChain(c, { seq: 2, hash: 'f'.repeat(64) })).toMatchObject({ intact: false, firstBadSeq: 2, problem: 'ANCHOR' });
  });
});
