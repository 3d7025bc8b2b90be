// The import template: its fields, the header names HQ and RMs use for them, and the
// value vocabularies (Chinese and English) of the coded columns.
import { toHalfWidth } from '../domain/kyc/common';
import type { IdExpiry } from '../domain/kyc/dates';

import { IMPORT_FIELDS, type ImportField } from '../../../shared/import';

export { IMPORT_FIELDS, type ImportField };

/** Column index (0-based) per field; a field without a column is simply absent. */
export type FieldMapping = Partial<Record<ImportField, number>>;

export type ClientKind = 'person' | 'company';
export type IdType = 'resident_id' | 'passport' | 'hk_macao_permit' | 'military_officer' | 'uscc';
export type RiskGrade = 'high' | 'medium_high' | 'medium' | 'medium_low' | 'low';

/** One validated import row, ready for the clients service. */
export interface ClientDraft {
  clientNo: string | null;
  name: string;
  kind: ClientKind;
  sex: 'M' | 'F' | null;
  /** YYYY-MM-DD. For a resident ID it is filled from the ID when the column is empty. */
  birthDate: string | null;
  birthdayCalendar: 'solar' | 'lunar';
  lunarBirthday: { month: number; day: number; leap: boolean } | null;
  idType: IdType | null;
  /** Normalised (upper-case, no spaces). */
  idNumber: string | null;
  idExpiry: IdExpiry | null;
  /** 11 digits, no country prefix. */
  mobile: string | null;
  email: string | null;
  address: string | null;
  occupation: string | null;
  /** Money is integer fen (分); null when the cell is empty. */
  aumFen: number | null;
  depositsFen: number | null;
  loanBalanceFen: number | null;
  cardSpend12mFen: number | null;
  revenue12mFen: number | null;
  products: string[];
  riskGrade: RiskGrade | null;
  relationshipStart: string | null;
  tags: string[];
  notes: string | null;
  potential: 1 | 2 | 3 | 4 | 5 | null;
}

/** Header aliases: the template's Chinese and English names first, then common synonyms. */
export const FIELD_ALIASES: Record<ImportField, readonly string[]> = {
  client_no: ['客户编号', 'client_no', '客户号', '客户代码', 'CIF', 'CIF号', 'client no', 'client id', 'customer no', 'customer id'],
  name: ['姓名', 'name', '客户姓名', '客户名称', '名称', 'client name', 'full name'],
  kind: ['客户类型', 'kind', '客户类别', 'client type', 'customer type'],
  sex: ['性别', 'sex', 'gender'],
  birth_date: ['出生日期', 'birth_date', '出生年月日', '生日', 'date of birth', 'dob', 'birthday'],
  birthday_calendar: ['生日历法', 'birthday_calendar', '历法', 'calendar'],
  lunar_birthday: ['农历生日', 'lunar_birthday', '阴历生日', 'lunar birthday'],
  id_type: ['证件类型', 'id_type', '证件种类', 'document type'],
  id_number: ['证件号码', 'id_number', '证件号', '身份证号', '身份证号码', 'id no', 'document number'],
  id_expiry: ['证件有效期', 'id_expiry', '证件到期日', '证件有效期至', '有效期', 'id expiry date'],
  mobile: ['手机', 'mobile', '手机号', '手机号码', '移动电话', 'mobile phone', 'cell phone'],
  email: ['电子邮箱', 'email', '邮箱', '电子邮件', 'e-mail'],
  address: ['地址', 'address', '联系地址', '住址', '家庭住址', '通讯地址'],
  occupation: ['职业', 'occupation', 'job'],
  aum: ['金融资产', 'aum', '金融资产余额', 'financial assets'],
  deposits: ['存款', 'deposits', '存款余额', 'deposit balance'],
  loan_balance: ['贷款余额', 'loan_balance', '贷款', 'loans'],
  card_spend_12m: ['信用卡年消费', 'card_spend_12m', '信用卡消费', '近12个月信用卡消费', '近一年信用卡消费', 'card spend'],
  revenue_12m: ['年贡献', 'revenue_12m', '综合贡献', '贡献度', '近12个月综合贡献', '近一年综合贡献', '年度综合贡献', 'revenue', 'contribution'],
  products: ['持有产品', 'products', '产品', 'holdings'],
  risk_grade: ['风险等级', 'risk_grade', '风险评级', '洗钱风险等级', 'risk rating'],
  relationship_start: ['建立关系日期', 'relationship_start', '建立关系时间', '开户日期', 'client since'],
  tags: ['标签', 'tags', 'labels'],
  notes: ['备注', 'notes', '说明', 'remarks', 'memo'],
  potential: ['潜力评分', 'potential', '潜力', '潜力评级', 'potential score'],
};

export const KIND_VALUES: Record<string, ClientKind> = {
  个人: 'person', 对私: 'person', 自然人: 'person', person: 'person', individual: 'person', personal: 'person',
  企业: 'company', 对公: 'company', 公司: 'company', 单位: 'company', company: 'company', corporate: 'company',
  enterprise: 'company', business: 'company',
};

export const SEX_VALUES: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', m: 'M', f: 'F', male: 'M', female: 'F' };

export const CALENDAR_VALUES: Record<string, 'solar' | 'lunar'> = {
  公历: 'solar', 阳历: 'solar', 新历: 'solar', solar: 'solar', gregorian: 'solar',
  农历: 'lunar', 阴历: 'lunar', 旧历: 'lunar', lunar: 'lunar',
};

export const ID_TYPE_VALUES: Record<string, IdType> = {
  居民身份证: 'resident_id', 身份证: 'resident_id', 二代身份证: 'resident_id', residentid: 'resident_id',
  residentidcard: 'resident_id', idcard: 'resident_id',
  护照: 'passport', passport: 'passport',
  港澳居民来往内地通行证: 'hk_macao_permit', 回乡证: 'hk_macao_permit', homereturnpermit: 'hk_macao_permit',
  hkmacaopermit: 'hk_macao_permit', 'hk/macaopermit': 'hk_macao_permit',
  军官证: 'military_officer', militaryofficer: 'military_officer', militaryofficerid: 'military_officer',
  统一社会信用代码: 'uscc', uscc: 'uscc', unifiedsocialcreditcode: 'uscc', 营业执照: 'uscc',
};

export const RISK_VALUES: Record<string, RiskGrade> = {
  高: 'high', 较高: 'medium_high', 中高: 'medium_high', 中: 'medium', 中等: 'medium', 中低: 'medium_low', 较低: 'medium_low',
  低: 'low', high: 'high', mediumhigh: 'medium_high', medium: 'medium', mediumlow: 'medium_low', low: 'low',
};

/** Key for the coded-value tables: half-width, lower case, no spaces/_/-, no 风险 suffix. */
export function valueKey(value: string): string {
  return toHalfWidth(value).toLowerCase().replace(/[\s_-]+/g, '').replace(/风险$/, '');
}
