import { describe, expect, it } from 'vitest';
import { autoMap, validateRow, type ClientDraft } from '../../../src/main/core/import/mapping';

const TODAY = '2024-06-01';

/** Validate one row given as { header: value }. */
function check(row: Record<string, string>, flags: { column: number; flag: 'formula' | 'imprecise_number' }[] = []) {
  const headers = Object.keys(row);
  return validateRow(Object.values(row), autoMap(headers).mapping, TODAY, flags);
}
function draft(row: Record<string, string>): ClientDraft {
  const r = check(row);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
function errors(row: Record<string, string>) {
  const r = check(row);
  return r.ok ? [] : r.errors.map((e) => [e.field, e.code]);
}

describe('validateRow: a complete person', () => {
  it('builds the draft with fen, ISO dates and normalised codes', () => {
    expect(
      draft({
        客户编号: 'C0001', 姓名: '张薇', 客户类型: '个人', 性别: '女', 出生日期: '1949/12/31', 生日历法: '农历',
        农历生日: '闰04-15', 证件类型: '居民身份证', 证件号码: '110105 19491231 002x', 证件有效期: '长期',
        手机: '+86 139-1234-5678', 电子邮箱: 'Zhang.Wei@Example.com', 地址: '北京市朝阳区建国路88号', 职业: '退休教师',
        金融资产: '1,234,567.89', 存款: '￥300,000', 贷款余额: '0', 信用卡年消费: '52,000.5', 年贡献: '8800',
        持有产品: '理财；基金;理财', 风险等级: '中高风险', 建立关系日期: '2012年5月20日', 标签: '代发，老客户、VIP',
        备注: '周末不打电话', 潜力评分: '5',
      }),
    ).toEqual({
      clientNo: 'C0001', name: '张薇', kind: 'person', sex: 'F', birthDate: '1949-12-31', birthdayCalendar: 'lunar',
      lunarBirthday: { month: 4, day: 15, leap: true }, idType: 'resident_id', idNumber: '11010519491231002X',
      idExpiry: { kind: 'long_term' }, mobile: '13912345678', email: 'Zhang.Wei@example.com', address: '北京市朝阳区建国路88号',
      occupation: '退休教师', aumFen: 123456789, depositsFen: 30000000, loanBalanceFen: 0, cardSpend12mFen: 5200050,
      revenue12mFen: 880000, products: ['理财', '基金'], riskGrade: 'medium_high', relationshipStart: '2012-05-20',
      tags: ['代发', '老客户', 'VIP'], notes: '周末不打电话', potential: 5,
    } satisfies ClientDraft);
  });
});

describe('validateRow: derived and defaulted values', () => {
  it('fills birth date and sex from a resident ID', () => {
    expect(draft({ 姓名: '李', 证件号码: '440524188001010014' })).toMatchObject({
      kind: 'person', idType: 'resident_id', birthDate: '1880-01-01', sex: 'M', birthdayCalendar: 'solar',
    });
  });

  it('infers a company from a USCC and the lunar calendar from a lunar birthday', () => {
    expect(draft({ 姓名: '北京百度网讯科技有限公司', 证件号码: '91110000802100433B' })).toMatchObject({ kind: 'company', idType: 'uscc', sex: null });
    expect(draft({ 姓名: '华为技术有限公司', 证件号码: '914403001922038216' })).toMatchObject({ kind: 'company', idType: 'uscc' }); // all digits
    expect(draft({ 姓名: '王', 农历生日: '8月15日' })).toMatchObject({ birthdayCalendar: 'lunar', lunarBirthday: { month: 8, day: 15, leap: false } });
  });

  it('accepts English values and id-type aliases', () => {
    expect(draft({ name: 'Li Lei', kind: 'Individual', sex: 'female', id_type: 'Passport', id_number: 'e12345678', risk_grade: 'Low' }))
      .toMatchObject({ kind: 'person', sex: 'F', idType: 'passport', idNumber: 'E12345678', riskGrade: 'low' });
    expect(draft({ name: 'Chan Tai Man', id_type: 'Home Return Permit', id_number: 'H12345678' })).toMatchObject({ idType: 'hk_macao_permit' });
    expect(draft({ 姓名: '赵', 证件类型: '军官证', 证件号码: '南字第12345678号' })).toMatchObject({ idType: 'military_officer' });
    expect(draft({ name: 'Tencent', kind: 'corporate', id_type: 'USCC', id_number: '9144030071526726XG' })).toMatchObject({ kind: 'company' });
  });

  it('treats spreadsheet placeholders as empty', () => {
    expect(draft({ 姓名: '张三', 手机: '-', 金融资产: '—', 备注: 'N/A' })).toMatchObject({ mobile: null, aumFen: null, notes: null });
  });

  it('money in fen, empty means unknown rather than zero', () => {
    expect(draft({ 姓名: '张三', 金融资产: '', 存款: '0.29' })).toMatchObject({ aumFen: null, depositsFen: 29 });
  });
});

describe('validateRow: errors, all reported at once', () => {
  it.each<[string, Record<string, string>, [string, string][]]>([
    ['missing name', { 姓名: '', 手机: '13812345678' }, [['name', 'REQUIRED']]],
    ['ID checksum', { 姓名: '张', 证件类型: '居民身份证', 证件号码: '11010519491231002' + '1' }, [['id_number', 'ID_CHECKSUM']]],
    ['legacy 15-digit ID', { 姓名: '张', 证件类型: '身份证', 证件号码: '110105491231002' }, [['id_number', 'ID_LEGACY_15']]],
    ['ID vs birth date', { 姓名: '张', 出生日期: '1949-12-30', 证件号码: '11010519491231002X' }, [['birth_date', 'ID_BIRTH_MISMATCH']]],
    ['ID vs sex', { 姓名: '张', 性别: '男', 证件号码: '11010519491231002X' }, [['sex', 'ID_SEX_MISMATCH']]],
    ['ID shown in scientific notation', { 姓名: '张', 证件类型: '居民身份证', 证件号码: '1.10105E+17' }, [['id_number', 'ID_PRECISION_LOST']]],
    ['USCC checksum', { 姓名: '某公司', 客户类型: '企业', 证件号码: '91350100M000100Y44' }, [['id_number', 'USCC_CHECKSUM']]],
    ['company with a personal ID', { 姓名: '某公司', 客户类型: '企业', 证件类型: '居民身份证', 证件号码: '11010519491231002X' }, [['id_type', 'COMPANY_NEEDS_USCC']]],
    ['person with a USCC', { 姓名: '张', 客户类型: '个人', 证件类型: '统一社会信用代码', 证件号码: '91350100M000100Y43' }, [['id_type', 'PERSON_NO_USCC']]],
    ['company given a resident ID, no type', { 姓名: '某公司', 客户类型: '企业', 证件号码: '11010519491231002X' }, [['id_type', 'COMPANY_NEEDS_USCC']]],
    ['person given a USCC, no type', { 姓名: '张', 客户类型: '个人', 证件号码: '914403001922038216' }, [['id_type', 'PERSON_NO_USCC']]],
    ['company given a bad USCC, no type', { 姓名: '某公司', 客户类型: '企业', 证件号码: '914403001922038217' }, [['id_number', 'USCC_CHECKSUM']]],
    ['resident-shaped, bad check, no type', { 姓名: '张', 证件号码: '110105194912310021' }, [['id_number', 'ID_CHECKSUM']]],
    ['unknown ID type', { 姓名: '张', 证件类型: '驾驶证', 证件号码: '110105194912310021' }, [['id_type', 'ID_TYPE_INVALID']]],
    ['type without number', { 姓名: '张', 证件类型: '护照' }, [['id_number', 'REQUIRED']]],
    ['number of unknown type', { 姓名: '张', 证件号码: 'E12345678' }, [['id_type', 'ID_TYPE_REQUIRED']]],
    ['passport shape', { 姓名: '张', 证件类型: '护照', 证件号码: 'E1234' + '中' }, [['id_number', 'ID_NUMBER_FORMAT']]],
    ['permit shape', { 姓名: '张', 证件类型: '港澳居民来往内地通行证', 证件号码: 'C12345678' }, [['id_number', 'ID_NUMBER_FORMAT']]],
    ['bad kind and sex', { 姓名: '张', 客户类型: '其他', 性别: '未知' }, [['kind', 'KIND_INVALID'], ['sex', 'SEX_INVALID']]],
    ['dates', { 姓名: '张', 出生日期: '2023-02-30', 建立关系日期: '2024-06-02', 证件有效期: '2023-13-01' }, [['birth_date', 'DATE_INVALID'], ['id_expiry', 'DATE_INVALID'], ['relationship_start', 'DATE_IN_FUTURE']]],
    ['lunar', { 姓名: '张', 生日历法: '农历' }, [['lunar_birthday', 'LUNAR_BIRTHDAY_REQUIRED']]],
    ['lunar day 31', { 姓名: '张', 农历生日: '01-31' }, [['lunar_birthday', 'LUNAR_BIRTHDAY_INVALID']]],
    ['lunar format', { 姓名: '张', 农历生日: '正月初一' }, [['lunar_birthday', 'LUNAR_BIRTHDAY_FORMAT']]],
    ['calendar', { 姓名: '张', 生日历法: '藏历' }, [['birthday_calendar', 'CALENDAR_INVALID']]],
    ['contact', { 姓名: '张', 手机: '010-62345678', 电子邮箱: 'zhang@' }, [['mobile', 'MOBILE_FORMAT'], ['email', 'EMAIL_FORMAT']]],
    ['money', { 姓名: '张', 金融资产: '-100', 存款: '1.005', 贷款余额: 'abc' }, [['aum', 'MONEY_NEGATIVE'], ['deposits', 'MONEY_PRECISION'], ['loan_balance', 'MONEY_FORMAT']]],
    ['money with a malformed negative contribution', { 姓名: '张', 年贡献: '-1.234' }, [['revenue_12m', 'MONEY_PRECISION']]],
    ['potential', { 姓名: '张', 潜力评分: '6' }, [['potential', 'POTENTIAL_RANGE']]],
    ['potential 0', { 姓名: '张', 潜力评分: '0' }, [['potential', 'POTENTIAL_RANGE']]],
    ['potential 3.5', { 姓名: '张', 潜力评分: '3.5' }, [['potential', 'POTENTIAL_RANGE']]],
    ['risk grade', { 姓名: '张', 风险等级: '极高' }, [['risk_grade', 'RISK_GRADE_INVALID']]],
    ['too long', { 姓名: '张'.repeat(101) }, [['name', 'TEXT_TOO_LONG']]],
  ])('%s', (_label, row, expected) => {
    expect(errors(row)).toEqual(expected);
  });

  it('errors carry a reason but never the cell value', () => {
    const r = check({ 姓名: '张', 证件号码: '11010519491231002Y', 手机: '13812345' });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/110105|13812345/);
  });
});

describe('validateRow: formulas are never evaluated', () => {
  it('keeps formula-like free text and warns', () => {
    const r = check({ 姓名: '张三', 备注: '=1+1', 职业: '@SUM(A1)' });
    expect(r).toMatchObject({ ok: true, value: { notes: '=1+1', occupation: '@SUM(A1)' } });
    expect(r.warnings.map((w) => [w.field, w.code])).toEqual([['occupation', 'CELL_FORMULA'], ['notes', 'CELL_FORMULA']]);
  });

  it('rejects formula-like cells in typed columns, but a plain negative is just negative', () => {
    expect(errors({ 姓名: '张', 电子邮箱: '=HYPERLINK("http://example.com","x")', 金融资产: '+100', 存款: '-5', 出生日期: '=TODAY()' }))
      .toEqual([['birth_date', 'CELL_FORMULA'], ['email', 'CELL_FORMULA'], ['aum', 'CELL_FORMULA'], ['deposits', 'MONEY_NEGATIVE']]);
  });

  it('a +86 mobile is a phone number, not a formula', () => {
    const r = check({ 姓名: '张', 手机: '+8613812345678' });
    expect(r).toMatchObject({ ok: true, value: { mobile: '13812345678' }, warnings: [] });
  });

  it('warns about cached formula results from a workbook', () => {
    const r = check({ 姓名: '张', 金融资产: '200' }, [{ column: 1, flag: 'formula' }]);
    expect(r).toMatchObject({ ok: true, value: { aumFen: 20000 }, warnings: [{ field: 'aum', code: 'CELL_FORMULA_RESULT' }] });
  });

  it('rejects an ID Excel stored as a number', () => {
    const r = check({ 姓名: '张', 证件号码: '440524188001010000' }, [{ column: 1, flag: 'imprecise_number' }]);
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'id_number', code: 'ID_PRECISION_LOST' }] });
  });
});

describe('negative contribution', () => {
  it('keeps a negative 年贡献: the client costs the bank, and segmentation must show it', () => {
    expect(draft({ 姓名: '张', 年贡献: '-1,234.50' }).revenue12mFen).toBe(-123450);
  });
});
