import { describe, expect, it } from 'vitest';
import { autoMap, headerSetKey, IMPORT_FIELDS } from '../../../src/main/core/import/mapping';

const TEMPLATE_ZH = [
  '客户编号', '姓名', '客户类型', '性别', '出生日期', '生日历法', '农历生日', '证件类型', '证件号码', '证件有效期',
  '手机', '电子邮箱', '地址', '职业', '金融资产', '存款', '贷款余额', '信用卡年消费', '年贡献', '持有产品',
  '风险等级', '建立关系日期', '标签', '备注', '潜力评分',
];

describe('autoMap', () => {
  it('maps the Chinese template headers to every field in order', () => {
    const { mapping, unknown, duplicates } = autoMap(TEMPLATE_ZH);
    expect(mapping).toEqual(Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])));
    expect(unknown).toEqual([]);
    expect(duplicates).toEqual([]);
  });

  it('maps the English template names in any order', () => {
    const english = [...IMPORT_FIELDS].reverse();
    const { mapping, unknown } = autoMap(english);
    for (const [i, f] of english.entries()) expect(mapping[f]).toBe(i);
    expect(unknown).toEqual([]);
  });

  it.each([
    [' 姓名 ', 'name'],
    ['NAME', 'name'],
    ['Client No', 'client_no'],
    ['client-no', 'client_no'],
    ['ID_Number', 'id_number'],
    ['Id Number', 'id_number'],
    ['*姓名', 'name'], // required-field marker
    ['手机：', 'mobile'],
    ['金融资产（元）', 'aum'], // full-width brackets
    ['金融资产(元)', 'aum'],
    ['AUM (CNY)', 'aum'],
    ['出生日期【YYYY-MM-DD】', 'birth_date'],
    ['E-mail', 'email'],
    ['身份证号码', 'id_number'],
    ['客户名称', 'name'],
    ['基本信息/姓名', 'name'], // combined XLSX group header
    ['ｍｏｂｉｌｅ', 'mobile'],
  ])('%j → %s', (header, field) => {
    expect(autoMap(['x', header]).mapping).toEqual({ [field]: 1 });
  });

  it('never loosely maps a header whose unit is a scale (万元): amounts would be off 10,000×', () => {
    expect(autoMap(['金融资产（万元）', '存款(千元)', 'AUM (thousand)'])).toEqual({
      mapping: {},
      unknown: ['金融资产（万元）', '存款(千元)', 'AUM (thousand)'],
      duplicates: [],
    });
  });

  it('lists unknown headers and ignores empty ones', () => {
    expect(autoMap(['姓名', '', '客户经理', '手机'])).toEqual({
      mapping: { name: 0, mobile: 3 },
      unknown: ['客户经理'],
      duplicates: [],
    });
  });

  it('first column wins when two headers name the same field; exact beats loose', () => {
    expect(autoMap(['姓名', 'Name', '手机'])).toEqual({ mapping: { name: 0, mobile: 2 }, unknown: [], duplicates: ['Name'] });
    expect(autoMap(['联系人/姓名', '姓名'])).toEqual({ mapping: { name: 1 }, unknown: [], duplicates: ['联系人/姓名'] });
  });
});

describe('headerSetKey', () => {
  it('is stable across spelling noise', () => {
    expect(headerSetKey(['姓名', 'Mobile', '金融资产（元）'])).toBe(headerSetKey([' 姓名', 'MOBILE ', '金融资产(元)']));
    expect(headerSetKey(['姓名', '手机'])).toMatch(/^hs1-[0-9a-f]{32}$/);
  });

  it('changes with order and with content', () => {
    expect(headerSetKey(['姓名', '手机'])).not.toBe(headerSetKey(['手机', '姓名']));
    expect(headerSetKey(['姓名', '手机'])).not.toBe(headerSetKey(['姓名', '手机', '备注']));
    // Not a plain join: ['ab', 'c'] and ['a', 'bc'] differ.
    expect(headerSetKey(['ab', 'c'])).not.toBe(headerSetKey(['a', 'bc']));
  });
});
