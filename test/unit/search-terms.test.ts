import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../src/main/core/domain/demo-book';
import { buildSearchKeys, matchesQuery, normaliseQuery } from '../../src/main/core/domain/kyc/search-keys';
import { prefixEnd, queryTerms, searchTerms } from '../../src/main/core/services/client-search';

// The term index (services/client-search.ts) must find exactly the clients `matchesQuery` finds,
// plus tags by prefix. Checked here as set logic, without SQL: a client matches a query when
// one of its terms equals an exact query term or lies in a query range.

type Client = { name: string; mobile?: string | null; idNumber?: string | null; tags?: string[] | null };

/** The reference: matchesQuery, and a tag that starts with the query. */
function expected(c: Client, keys: ReturnType<typeof buildSearchKeys>, query: string): boolean {
  const q = normaliseQuery(query);
  return matchesQuery(keys, query) || (q !== '' && (c.tags ?? []).some((t) => normaliseQuery(t).startsWith(q)));
}

function found(terms: string[], t: ReturnType<typeof queryTerms>): boolean {
  if (!t) return true;
  return terms.some((term) => t.exact.includes(term) || t.ranges.some((r) => term >= r.from && term < r.to));
}

describe('searchTerms', () => {
  it('lists name suffixes of two characters or more, each character, pinyin from each syllable, initials and their first letters, tags and tails', () => {
    const terms = searchTerms({ name: '张三丰', mobile: '138 1234 5678', idNumber: '11010519491231002X', tags: ['VIP', '退休'] });
    expect(terms.sort()).toEqual(
      ['=张三丰', '=三丰', '@张', '@三', '@丰', '|zhangsanfeng', '|sanfeng', '|feng', '|zsf', '!z', '!zh', '!s', '!sa', '!f', '!fe', '!zs', '#vip', '#退休', '~5678', '~002x'].sort(),
    );
  });

  it('keeps rare characters whole and lists each term once', () => {
    expect(searchTerms({ name: '王𬱖' }).filter((t) => /^[=@]/.test(t))).toEqual(['=王𬱖', '@王', '@𬱖']);
    const lili = searchTerms({ name: '李丽丽', tags: ['VIP', 'vip'] });
    expect(new Set(lili).size).toBe(lili.length);
    expect(lili.filter((t) => /^[=@]/.test(t))).toEqual(['=李丽丽', '=丽丽', '@李', '@丽']);
    expect(searchTerms({ name: '张' }).filter((t) => /^[=@]/.test(t))).toEqual(['@张']);
  });

  it('normalises like the query: full-width, case and spaces', () => {
    const terms = searchTerms({ name: 'Ｔｏｍ Lee', tags: ['Ｖ I P'] });
    expect(terms).toContain('=tomlee');
    expect(terms).toContain('|tomlee');
    expect(terms).toContain('#vip');
  });
});

describe('queryTerms', () => {
  it.each([
    ['', undefined],
    ['  ', undefined],
    ['张', { exact: ['@张'], ranges: [['#张', '#\u5f21']] }], // 张 is U+5F20
    ['𬱖', { exact: ['@𬱖'], ranges: [['#𬱖', '#\u{2cc57}']] }], // one character, two UTF-16 units
    ['张三', { exact: [], ranges: [['=张三', '=张\u4e0a'], ['#张三', '#张\u4e0a']] }], // 三 is U+4E09
    ['z', { exact: ['@z', '!z'], ranges: [['#z', '#{']] }],
    ['Z S', { exact: ['!zs'], ranges: [['=zs', '=zt'], ['#zs', '#zt']] }],
    ['zha', { exact: [], ranges: [['=zha', '=zhb'], ['#zha', '#zhb'], ['|zha', '|zhb']] }],
    ['5678', { exact: ['~5678'], ranges: [['=5678', '=5679'], ['#5678', '#5679']] }],
    ['wang', { exact: ['~wang'], ranges: [['=wang', '=wanh'], ['#wang', '#wanh'], ['|wang', '|wanh']] }],
  ])('%j', (query, want) => {
    const t = queryTerms(query);
    expect(t && { exact: t.exact, ranges: t.ranges.map((r) => [r.from, r.to]) }).toEqual(want);
  });

  it('ends a prefix range above every string that starts with it', () => {
    expect(prefixEnd('=a')).toBe('=b');
    expect(prefixEnd('=\u{d7ff}')).toBe('=\u{e000}');
    expect(prefixEnd('=a\u{10ffff}')).toBe('=b');
    for (const s of ['=a\u{10ffff}x', '=a\u{10ffff}', '=az', '=a']) expect(s < prefixEnd('=a')).toBe(true);
    expect('=b' < prefixEnd('=a')).toBe(false);
  });
});

describe('terms find exactly what matchesQuery finds', () => {
  const book: Client[] = [
    { name: '张三', mobile: '13812345678', idNumber: '11010519491231002X', tags: ['VIP', '退休'] },
    { name: '单田芳', mobile: '13600002222', tags: ['退休金客户'] },
    { name: '欧阳娜娜', mobile: '18800004444' },
    { name: '王𬱖', mobile: '18900005555', tags: ['a#b', 'x~1', 'p|q'] },
    { name: 'Zhang Wei', tags: ['Ｖｉｐ'] },
    { name: '安娜', idNumber: '110105199001011234' },
    { name: '北京某某科技有限公司', idNumber: '91110000MA01ABCD3Q', tags: ['代发工资'] },
    ...generateDemoBook({ clients: 250, seed: 7, today: '2026-11-22', managerId: 'RM00123' }).map((d) => d.input),
  ];
  const terms = book.map((c) => searchTerms(c));
  const keys = book.map((c) => buildSearchKeys(c));
  // What managers type, and what they mistype: every name substring and pinyin prefix of a sample of the book, tails, tag prefixes, odd characters.
  const queries = new Set<string>(['', ' ', 'z', 'zh', 'zs', 'an', 'anna', 'la', 'yang', 'ouyang', 'oynn', 'shan', 'stf', 'v', 'vi', 'vip', '退', '退休', '退休金', 'a#', 'a#b', '#b', '~1', 'p|', '|q', '5678', '567', '002x', '002X', 'abcd', 'zhangwei', 'wei', 'zw', 'zhang wei', '𬱖', '王𬱖', '=', '|', '#', '~', '!z', 'ｚｓ', 'ZS']);
  for (const c of book.slice(0, 80)) {
    const k = buildSearchKeys(c);
    const chars = [...k.name];
    for (let i = 0; i < chars.length; i++) for (let j = i + 1; j <= Math.min(chars.length, i + 3); j++) queries.add(chars.slice(i, j).join(''));
    for (let i = 1; i <= Math.min(k.pinyin.length, 7); i++) queries.add(k.pinyin.slice(0, i));
    if (k.syllables.length > 1) queries.add(k.syllables.slice(1).join('').slice(0, 3));
    queries.add(k.initials);
    for (const t of k.tails) queries.add(t);
    for (const t of c.tags ?? []) queries.add([...t].slice(0, 1).join(''));
  }

  it(`agrees on ${queries.size} queries over ${book.length} clients`, () => {
    let hits = 0;
    for (const query of queries) {
      const want = book.map((c, i) => expected(c, keys[i]!, query));
      const q = queryTerms(query);
      const got = terms.map((t) => found(t, q));
      expect(got, `query ${JSON.stringify(query)}`).toEqual(want);
      hits += got.filter(Boolean).length;
    }
    expect(hits).toBeGreaterThan(queries.size); // the queries do find clients
  }, 60_000);
});
