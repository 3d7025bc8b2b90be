import { describe, expect, it } from 'vitest';
import { makeUscc, parseUscc, USCC_CHARSET, usccCheckChar } from '../../../src/main/core/domain/kyc/uscc';

// Real codes, each verified by hand: values 0–9, A=10 … Y=30 (no I O Z S V), weights
// 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28, check = 31 − (Σ mod 31).
const VALID: [code: string, holder: string][] = [
  ['91350100M000100Y43', 'GB 32100 documentation example; Σ = 1640, mod 31 = 28 → 3'],
  ['91110000802100433B', '北京百度网讯科技有限公司; Σ = 485, mod 31 = 20 → 11 = B'],
  ['914403001922038216', '华为技术有限公司; Σ = 831, mod 31 = 25 → 6'],
  ['9144030071526726XG', '腾讯科技（深圳）有限公司; Σ = 1782, mod 31 = 15 → 16 = G'],
  ['91110108551385082Q', '小米科技有限责任公司; Σ = 999, mod 31 = 7 → 24 = Q'],
  ['91440300708461136T', '深圳市腾讯计算机系统有限公司; Σ = 966, mod 31 = 5 → 26 = T'],
];

describe('parseUscc', () => {
  it.each(VALID)('%s is valid (%s)', (code) => {
    expect(parseUscc(code)).toEqual({ ok: true, value: code });
  });

  it('normalises case, spaces and full-width characters', () => {
    expect(parseUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(parseUscc('９１１１００００８０２１００４３３Ｂ')).toEqual({ ok: true, value: '91110000802100433B' });
  });

  // Listed as an example in a published code sample, but Σ = 824, mod 31 = 18 → 13 = D, not 0.
  it('rejects a published example whose check character is wrong', () => {
    expect(parseUscc('91350200M000000510')).toMatchObject({ ok: false, code: 'USCC_CHECKSUM' });
  });

  it.each(VALID.map(([code]) => code))('every single-character corruption of %s fails', (code) => {
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of USCC_CHARSET + 'IOZSV') {
        if (ch === code[pos]) continue;
        const corrupted = code.slice(0, pos) + ch + code.slice(pos + 1);
        expect(parseUscc(corrupted).ok, corrupted).toBe(false);
      }
    }
  });

  it.each([
    ['', 'USCC_EMPTY'],
    ['91350100M000100Y4', 'USCC_LENGTH'],
    ['91350100M000100Y433', 'USCC_LENGTH'],
    ['91350100M000100O43', 'USCC_CHARSET'], // O is never used
    ['91350100M0001-0Y43', 'USCC_CHARSET'],
    ['91A50100M000100Y43', 'USCC_REGION'],
    ['91350100M000100Y44', 'USCC_CHECKSUM'],
  ])('%s → %s', (code, expected) => {
    expect(parseUscc(code)).toMatchObject({ ok: false, code: expected });
  });
});

describe('makeUscc', () => {
  it('reproduces published codes', () => {
    expect(makeUscc('350100', 'M000100Y4')).toBe('91350100M000100Y43');
    expect(makeUscc('110000', '802100433')).toBe('91110000802100433B');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
  });

  it('maps a weighted sum divisible by 31 to check character 0', () => {
    // Find a body whose check is '0' and confirm it validates: 31 − 0 = 31 → '0'.
    const body = Array.from({ length: 31 }, (_, i) => `91110000${USCC_CHARSET[i]}00000000`).find((b) => usccCheckChar(b) === '0');
    expect(body).toBeDefined();
    expect(parseUscc(`${body}0`).ok).toBe(true);
  });

  it('rejects malformed arguments', () => {
    expect(() => makeUscc('3501', 'M000100Y4')).toThrow(RangeError);
    expect(() => makeUscc('350100', 'M000100Y')).toThrow(RangeError);
    expect(() => makeUscc('350100', 'M000100O4')).toThrow(RangeError);
  });
});
