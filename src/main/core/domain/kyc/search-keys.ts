// Search keys for finding a client by what an RM types on a laptop keyboard: the
// Chinese name, its pinyin or initials, or the last four digits of phone or ID.
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from './common';

export interface SearchKeys {
  /** Normalised name (see normaliseQuery); rare characters are kept as they are. */
  name: string;
  /** Pinyin syllables without tones, one per character or Latin word: ['zhang', 'san']. */
  syllables: string[];
  /** Full pinyin joined: 'zhangsan'. */
  pinyin: string;
  /** First letter of each syllable: 'zs'. */
  initials: string;
  /** Last 4 characters of the mobile and of the ID number, when known. */
  tails: string[];
}

/**
 * Build the keys once per client (on import or edit) and store them with the row.
 * Surname mode makes the first character read as a surname (单 shan, 曾 zeng, 解 xie,
 * 仇 qiu, 区 ou, 朴 piao, 查 zha, 尉迟 yuchi). A character pinyin-pro cannot read
 * contributes no syllable: it can still be found by typing it, never by pinyin.
 */
export function buildSearchKeys(input: { name: string; mobile?: string | null; idNumber?: string | null }): SearchKeys {
  const name = normaliseQuery(input.name);
  const syllables = nameSyllables(input.name);
  return { name, syllables, pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), tails: searchTails(input) };
}

/** The last 4 characters of the mobile and of the ID number, when known (the `tails` of the keys). */
export function searchTails(input: { mobile?: string | null; idNumber?: string | null }): string[] {
  return [input.mobile, input.idNumber]
    .map((v) => normaliseQuery(v ?? ''))
    .filter((v) => v.length >= 4)
    .map((v) => v.slice(-4));
}

/** Lower case, full-width → half-width, all whitespace removed. */
export function normaliseQuery(query: string): string {
  return toHalfWidth(query).toLowerCase().replace(/\s+/g, '');
}

/**
 * Does a client match what was typed? After normalisation the query matches when it is
 * - empty (no filter), or
 * - a substring of the name (张, 张三, 𬱖), or
 * - Latin letters that are a prefix of the full pinyin starting at any syllable
 *   (zhang, zhangsan, san, shantian) — syllable-aligned so "an" does not hit every 张, or
 * - Latin letters that are a prefix of the initials (zs, stf), or
 * - exactly 4 characters equal to the last 4 of the mobile or ID number (5678, 002x).
 */
export function matchesQuery(keys: SearchKeys, query: string): boolean {
  const q = normaliseQuery(query);
  if (q === '') return true;
  if (keys.name.includes(q)) return true;
  if (/^[a-z]+$/.test(q)) {
    if (keys.initials.startsWith(q)) return true;
    for (let i = 0; i < keys.syllables.length; i++) {
      if (keys.syllables.slice(i).join('').startsWith(q)) return true;
    }
  }
  return q.length === 4 && keys.tails.includes(q);
}

/**
 * Each character with its reading (surname readings for the first: 单 shan, 尉迟 yuchi). The array
 * form is several times cheaper than pinyin-pro's object form (it matters at 100,000 names); it
 * gives one entry per character, the character itself where there is no reading.
 */
function pinyinItems(name: string): { origin: string; pinyin: string; isZh: boolean }[] {
  const chars = [...name];
  const readings = pinyin(name, { toneType: 'none', mode: 'surname', surname: 'head', type: 'array', v: true });
  if (readings.length !== chars.length) {
    return pinyin(name, { toneType: 'none', mode: 'surname', surname: 'head', type: 'all', v: true }).map((i) => ({ origin: i.origin, pinyin: i.pinyin, isZh: i.isZh }));
  }
  return chars.map((origin, i) => ({ origin, pinyin: readings[i]!, isZh: readings[i] !== origin }));
}

function nameSyllables(name: string): string[] {
  const syllables: string[] = [];
  let word = '';
  const flush = (): void => {
    if (word !== '') syllables.push(word);
    word = '';
  };
  for (const item of pinyinItems(name)) {
    if (item.isZh && /^[a-z]+$/i.test(item.pinyin)) {
      flush();
      syllables.push(item.pinyin.toLowerCase());
    } else if (/^[a-z0-9]$/i.test(toHalfWidth(item.origin))) {
      word += toHalfWidth(item.origin).toLowerCase(); // Latin names: each word is one syllable
    } else {
      flush();
    }
  }
  flush();
  return syllables;
}
