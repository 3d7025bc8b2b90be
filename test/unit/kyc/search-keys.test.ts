import { describe, expect, it } from 'vitest';
import { buildSearchKeys, matchesQuery, normaliseQuery } from '../../../src/main/core/domain/kyc/search-keys';
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../../src/main/core/domain/kyc/common';
import { generateDemoBook } from '../../../src/main/core/domain/demo-book';

describe('buildSearchKeys', () => {
  // Surname readings as listed in 《百家姓》 references; 尉迟 is a two-character surname.
  it.each([
    ['张三', 'zhangsan', 'zs'],
    ['单田芳', 'shantianfang', 'stf'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['解缙', 'xiejin', 'xj'],
    ['仇英', 'qiuying', 'qy'],
    ['区家麟', 'oujialin', 'ojl'],
    ['朴槿惠', 'piaojinhui', 'pjh'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['尉迟恭', 'yuchigong', 'ycg'],
    ['吕布', 'lvbu', 'lb'], // ü typed as v
    ['Zhang Wei', 'zhangwei', 'zw'],
  ])('%s → %s / %s', (name, pinyin, initials) => {
    const keys = buildSearchKeys({ name });
    expect(keys.pinyin).toBe(pinyin);
    expect(keys.initials).toBe(initials);
  });

  it('keeps rare characters (生僻字) in the name and does not crash on unknown ones', () => {
    const wang = buildSearchKeys({ name: '王𬱖' }); // U+2CC56, Extension E
    expect(wang.name).toBe('王𬱖');
    expect(wang.syllables[0]).toBe('wang');
    const rare = buildSearchKeys({ name: '张𠀾三' }); // U+2003E, no reading in pinyin-pro
    expect(rare.name).toBe('张𠀾三');
    expect(rare.syllables).toEqual(['zhang', 'san']);
  });

  it('keeps the last 4 of mobile and ID only', () => {
    expect(buildSearchKeys({ name: '张三', mobile: '13812345678', idNumber: '11010519491231002X' }).tails).toEqual(['5678', '002x']);
    expect(buildSearchKeys({ name: '张三', mobile: null, idNumber: '' }).tails).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const zhang = buildSearchKeys({ name: '张三', mobile: '13812345678', idNumber: '11010519491231002X' });
  it.each([
    ['zs', true],
    ['z', true],
    ['zhang', true],
    ['zhangs', true],
    ['zhangsan', true],
    ['san', true], // from a syllable start
    ['张', true],
    ['张三', true],
    ['三', true],
    ['ZhangSan', true],
    [' zhang san ', true],
    ['Ｚｓ', true], // full-width
    ['5678', true], // last 4 of the mobile
    ['002X', true], // last 4 of the ID
    ['002x', true],
    ['', true], // no query, no filter
    ['an', false], // not at a syllable start
    ['zsx', false],
    ['li', false],
    ['sz', false],
    ['1234', false],
    ['138', false],
    ['李', false],
  ])('张三 by %j → %s', (q, expected) => expect(matchesQuery(zhang, q)).toBe(expected));

  it('单田芳 is found by its surname reading, not the common one', () => {
    const shan = buildSearchKeys({ name: '单田芳' });
    expect(matchesQuery(shan, 'shantianfang')).toBe(true);
    expect(matchesQuery(shan, 'stf')).toBe(true);
    expect(matchesQuery(shan, 'dantianfang')).toBe(false);
  });

  it('a rare character is found by typing it', () => {
    expect(matchesQuery(buildSearchKeys({ name: '王𬱖' }), '𬱖')).toBe(true);
    expect(matchesQuery(buildSearchKeys({ name: '王𬱖' }), 'wang')).toBe(true);
  });
});

describe('normaliseQuery', () => {
  it('lower-cases, folds full-width and strips all spaces', () => {
    expect(normaliseQuery('  Ｚｈａｎｇ　San ')).toBe('zhangsan');
    expect(normaliseQuery('１３８ ００１３')).toBe('1380013');
  });
});

// The syllables come from pinyin-pro's cheap array form; they must be what its full object form
// gives (the reference below), over a realistic book and names that mix scripts.
describe('name syllables from the array form of pinyin-pro', () => {
  function reference(name: string): string[] {
    const out: string[] = [];
    let word = '';
    const flush = () => {
      if (word !== '') out.push(word);
      word = '';
    };
    for (const item of pinyin(name, { toneType: 'none', mode: 'surname', surname: 'head', type: 'all', v: true })) {
      if (item.isZh && /^[a-z]+$/i.test(item.pinyin)) {
        flush();
        out.push(item.pinyin.toLowerCase());
      } else if (/^[a-z0-9]$/i.test(toHalfWidth(item.origin))) word += toHalfWidth(item.origin).toLowerCase();
      else flush();
    }
    flush();
    return out;
  }
  const names = [
    ...generateDemoBook({ clients: 3000, seed: 7, today: '2026-11-22', managerId: 'RM00123' }).map((c) => c.input.name),
    'ABC公司', 'Zhang San', '王a1', '李·明', '单雄信', '尉迟恭', '长孙无忌', 'Ｗａｎｇ　小明', '上海浦东发展银行（集团）有限公司', '😀王', "O'Brien 李", '𠮷野家', '吕绿',
  ];
  it('agrees on 3,000 demo names and names that mix scripts', () => {
    for (const name of names) expect(buildSearchKeys({ name }).syllables, name).toEqual(reference(name));
  });
});
