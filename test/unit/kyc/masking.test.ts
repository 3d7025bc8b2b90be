import { describe, expect, it } from 'vitest';
import { maskAccount, maskAddress, maskEmail, maskField, maskIdNumber, maskMobile, maskName } from '../../../src/main/core/domain/kyc/masking';

describe('maskIdNumber', () => {
  it.each([
    ['11010519491231002X', '1101**********002X'], // the example in security.md
    ['440524188001010014', '4405**********0014'],
    ['1101 0519 4912 3100 2X', '1101**********002X'],
    ['91110000802100433B', '9111**********433B'], // a company code (USCC)
    ['E12345678', 'E******78'], // passport: short numbers show less
    ['H1234567890', 'H********90'], // HK/Macao permit
    ['12345', '*****'],
    ['', ''],
  ])('%s → %s', (input, masked) => expect(maskIdNumber(input)).toBe(masked));
});

describe('maskMobile', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['010-62345678', '****5678'], // a landline keeps only its last 4
    ['', ''],
  ])('%s → %s', (input, masked) => expect(maskMobile(input)).toBe(masked));
});

describe('maskAccount', () => {
  it.each([
    ['6222 0202 0000 1234 567', '****4567'],
    ['6217-0000-1234-5678', '****5678'],
    ['123', '****'],
    ['', ''],
  ])('%s → %s', (input, masked) => expect(maskAccount(input)).toBe(masked));
});

describe('maskAddress', () => {
  it.each([
    ['北京市朝阳区建国路88号SOHO现代城5号楼1201', '北京市朝阳区****'],
    ['上海市浦东新区世纪大道100号', '上海市浦东新区****'],
    ['重庆市石柱土家族自治县南宾街道', '重庆市石柱土家族自治县****'],
    ['广东省深圳市南山区科技中一路腾讯大厦', '广东省深圳市南山区****'],
    ['广东省广州市天河区天河路385号', '广东省广州市天河区****'],
    ['浙江省杭州市余杭区文一西路969号', '浙江省杭州市余杭区****'],
    ['江苏省苏州市昆山市玉山镇前进西路1号', '江苏省苏州市昆山市****'], // county-level city
    ['河北省石家庄市正定县常山西路', '河北省石家庄市正定县****'],
    ['山东省济南市市中区经十路', '山东省济南市市中区****'], // 市中区 is a district's real name
    ['吉林省吉林市船营区北京路', '吉林省吉林市船营区****'],
    ['吉林市船营区北京路', '吉林市船营区****'], // 吉林 here is the city, not the province
    ['新疆维吾尔自治区乌鲁木齐市天山区解放北路', '新疆维吾尔自治区乌鲁木齐市天山区****'],
    ['内蒙古自治区锡林郭勒盟锡林浩特市额尔敦路', '内蒙古自治区锡林郭勒盟锡林浩特市****'],
    ['云南省西双版纳傣族自治州景洪市勐泐大道', '云南省西双版纳傣族自治州景洪市****'],
    ['广西南宁市青秀区民族大道', '广西南宁市青秀区****'],
    ['深圳市南山区粤海街道', '深圳市南山区****'],
    ['广东省东莞市南城街道宏远工业区12号', '广东省东莞市****'], // no district: a street 区 is not one
    ['湖北省仙桃市沙嘴街道', '湖北省仙桃市****'],
    ['朝阳区建国路88号', '朝阳区****'],
    ['北京市朝阳区', '北京市朝阳区'],
    ['建国路88号', '****'], // nothing recognisable: fail closed
    ['Room 1201, 88 Jianguo Road', '****'],
    ['', ''],
  ])('%s → %s', (input, masked) => expect(maskAddress(input)).toBe(masked));
});

describe('maskField', () => {
  it('dispatches by kind', () => {
    expect(maskField('id_number', '11010519491231002X')).toBe('1101**********002X');
    expect(maskField('company_code', '91350100M000100Y43')).toBe('9135**********0Y43');
    expect(maskField('mobile', '13812345678')).toBe('138****5678');
    expect(maskField('account', '6222020200001234567')).toBe('****4567');
    expect(maskField('address', '北京市朝阳区建国路88号')).toBe('北京市朝阳区****');
  });
});

describe('maskEmail', () => {
  it.each([
    ['zhangsan@example.com', 'z***@example.com'],
    ['a@b.cn', 'a***@b.cn'],
    ['noat', '****'],
    ['', ''],
  ])('%s → %s', (v, m) => expect(maskEmail(v)).toBe(m));
});

describe('maskName (calendar exports)', () => {
  it.each([
    ['张三', 'person', '张*'],
    ['欧阳娜娜', 'person', '欧***'],
    ['王', 'person', '王*'],
    ['Li Na', 'person', 'L. N.'],
    ['深圳市某某科技有限公司', 'company', '深圳***公司'],
    ['某厂', 'company', '某***'],
    ['𠮷野家', 'person', '𠮷**'],
  ] as const)('%s (%s) → %s', (name, kind, expected) => {
    expect(maskName(name, kind)).toBe(expected);
  });
});
