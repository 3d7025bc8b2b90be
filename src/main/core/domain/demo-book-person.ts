// Who a demo person is: name, identity document, birthday, occupation and contacts,
// all mutually consistent (sex and birth date agree with the ID, the registered
// address with its region code, the card's validity with the holder's age at issue).
import type { ClientInput } from '../../../shared/clients';
import { makeResidentId } from './kyc/resident-id';
import { CN_NUMBERS, BUREAUS, CITIES, EMAIL_DOMAINS, FOREIGNERS, GIVEN, INTERESTS, LATIN_GIVEN, LATIN_SURNAMES, MOBILE_PREFIXES, RARE_CHARS, SHOPS, SURNAME_PINYIN, SURNAMES, BRANDS, type City, type District } from './demo-book-data';
import { addYears, ageOn, fromDay, toDay, Weighted, type DemoRandom } from './demo-book-random';

export type Sex = 'M' | 'F';

/** Per-book state: the generator, the calendar and what has been issued (numbers must not repeat). */
export interface BookContext {
  r: DemoRandom;
  today: string;
  todayDay: number;
  /** The branch's city: most clients live here, wherever their ID was issued. */
  home: City;
  issued: { idNumbers: Set<string>; mobiles: Set<string>; companyNames: Set<string>; clientNos: Set<string> };
}

/** The identity and contact part of a record, every key present in one order (one object shape for all rows). */
export type Identity = Required<
  Pick<
    ClientInput,
    | 'kind' | 'name' | 'salutation' | 'sex' | 'birthDate' | 'birthdayCalendar' | 'lunarMonth' | 'lunarDay' | 'lunarLeap'
    | 'nationality' | 'occupation' | 'employer' | 'addressRegistered' | 'addressResidence' | 'mobile' | 'phoneOther' | 'email'
    | 'wechat' | 'idType' | 'idNumber' | 'idExpiry' | 'idLongTerm' | 'beneficialOwner' | 'agent' | 'legalRepresentative'
    | 'interests' | 'family' | 'companyAnniversaries'
  >
>;

export interface PersonDraft {
  identity: Identity;
  age: number;
  occupation: string;
  /** Earliest day the relationship can have started (18th birthday). */
  earliestStart: string;
}

export function drawPerson(ctx: BookContext, prospect: boolean): PersonDraft {
  const { r, today } = ctx;
  const age = AGES.draw(r);
  const sex: Sex = r.chance(age >= 70 ? 0.56 : 0.5) ? 'F' : 'M';
  const birthDate = fromDay(r.int(toDay(addYears(today, -age - 1)) + 1, toDay(addYears(today, -age))));
  const occupation = drawOccupation(r, age, sex);
  const doc = r.float();
  // A prospect often has not shown an ID yet; everyone else has passed account-opening KYC.
  const documented = !prospect || r.chance(0.6);
  const foreign = documented && doc < 0.008;
  const name = foreign ? `${r.pick(LATIN_SURNAMES)} ${r.pick(LATIN_GIVEN[sex])}` : personName(r, sex, Number(birthDate.slice(0, 4)));
  const here = r.pick(ctx.home.districts);
  const id = !documented ? null : foreign || doc < 0.02 ? travelDocument(ctx, foreign) : residentDocument(ctx, birthDate, sex, here);
  const lunar = documented && !foreign && r.chance(age < 40 ? 0.08 : age < 60 ? 0.22 : 0.5) ? approxLunar(r, birthDate) : null;
  // Some of the very old keep only a landline; the rest are reachable on a mobile.
  const landlineOnly = age >= 80 && r.chance(0.2);
  const identity: Identity = {
    kind: 'person',
    name,
    salutation: salutation(r, name, sex, age, occupation),
    sex,
    birthDate: documented ? birthDate : null,
    birthdayCalendar: lunar ? 'lunar' : 'solar',
    lunarMonth: lunar?.month ?? null,
    lunarDay: lunar?.day ?? null,
    lunarLeap: lunar !== null && r.chance(0.004), // a leap-month birthday: rare, and a known edge case
    nationality: id?.nationality ?? '中国',
    occupation,
    employer: employer(r, ctx.home, here, occupation),
    addressRegistered: id?.addressRegistered ?? null,
    addressResidence: id ? id.addressResidence : r.chance(0.5) ? address(r, ctx.home, here) : null,
    mobile: landlineOnly ? null : mobile(ctx),
    phoneOther: landlineOnly || r.chance(0.1) ? landline(r, ctx.home) : null,
    email: r.chance(age < 40 ? 0.6 : age < 60 ? 0.4 : 0.15) ? personalEmail(r, name, birthDate) : null,
    wechat: r.chance(age < 60 ? 0.45 : 0.15) ? wechatId(r, name) : null,
    idType: id?.idType ?? null,
    idNumber: id?.idNumber ?? null,
    idExpiry: id?.idExpiry ?? null,
    idLongTerm: id?.idLongTerm ?? false,
    beneficialOwner: null,
    // Very old clients often bank through a son or daughter holding a power of attorney.
    agent: age >= 78 && r.chance(0.3) ? { name: `${name.slice(0, surnameLength(name))}${r.pick(GIVEN[r.chance(0.5) ? 'M' : 'F'].middle)}`, relation: '子女' } : null,
    legalRepresentative: null,
    interests: r.chance(0.2) ? [...new Set([r.pick(INTERESTS), r.pick(INTERESTS)])].join('、') : null,
    family: r.chance(0.2) ? r.pick(age < 28 ? FAMILY[0] : age < 46 ? FAMILY[1] : age < 65 ? FAMILY[2] : FAMILY[3]) : null,
    companyAnniversaries: [],
  };
  return { identity, age, occupation, earliestStart: addYears(birthDate, 18) };
}

/** A Chinese name whose given part follows the fashion of the birth year; now and then a 生僻字. */
export function personName(r: DemoRandom, sex: Sex, birthYear: number): string {
  const pool = GIVEN[sex];
  const era = birthYear < 1965 ? pool.old : birthYear < 1985 ? pool.middle : pool.young;
  let given: string;
  if (r.chance(birthYear < 1965 ? 0.3 : birthYear < 1985 ? 0.22 : 0.12)) given = r.pick(pool.single);
  else if (r.chance(0.6)) given = r.pick(era);
  else given = r.pick(pool.single) + r.pick(pool.single);
  if (r.chance(0.007)) given = [...given][0]! + r.pick(RARE_CHARS);
  return SURNAMES.draw(r).surname + given;
}

/** A mainland mobile never issued twice in the book (two clients sharing one is a data-quality flag). */
export function mobile(ctx: BookContext): string {
  for (;;) {
    const m = MOBILE_PREFIXES.draw(ctx.r) + ctx.r.digits(8);
    if (!ctx.issued.mobiles.has(m)) {
      ctx.issued.mobiles.add(m);
      return m;
    }
  }
}

export function landline(r: DemoRandom, city: City): string {
  return `${city.areaCode}-${r.int(2, 8)}${r.digits(7)}`;
}

/** Street address with building, unit and room: 浙江省杭州市西湖区文三路138号3幢2单元502室. */
export function address(r: DemoRandom, city: City, district: District): string {
  const room = r.int(1, 28) * 100 + r.int(1, 4);
  return `${city.province}${city.city}${district.name}${r.pick(district.streets)}${r.int(1, 600)}号${r.int(1, 30)}${r.pick(BUILDING)}${r.int(1, 4)}单元${room}室`;
}

export function surnameLength(name: string): number {
  return COMPOUND.has(name.slice(0, 2)) ? 2 : 1;
}

// Age bands of a retail book: few under 30, most money and people between 40 and 70.
const AGES = new Weighted<number>(
  [[22, 29, 10], [30, 39, 20], [40, 49, 22], [50, 59, 22], [60, 69, 17], [70, 79, 7], [80, 85, 2]].flatMap(([lo, hi, w]) =>
    Array.from({ length: hi! - lo! + 1 }, (_, i) => [lo! + i, w! / (hi! - lo! + 1)] as const),
  ),
);
const OCCUPATIONS = new Weighted<string>([
  ['企业职员', 22], ['企业主', 7], ['个体工商户', 8], ['公务员', 6], ['教师', 7], ['医生', 4], ['护士', 3], ['工程师', 8],
  ['程序员', 5], ['会计', 5], ['销售经理', 5], ['律师', 2], ['自由职业', 5], ['家庭主妇', 3], ['研究生', 2], ['快递员', 2], ['司机', 3],
]);
const BUILDING = ['幢', '栋', '号楼'];
const COMPOUND = new Set(['欧阳', '司马', '上官', '诸葛']);
const FAMILY = [
  ['未婚', '未婚，与父母同住', '已婚，暂无子女'],
  ['已婚，育有一子', '已婚，育有一女', '已婚，一儿一女', '已婚，二胎家庭', '未婚', '离异，独自抚养女儿'],
  ['已婚，子女已工作', '已婚，子女在国外留学', '已婚，女儿在读大学', '离异', '已婚，儿子刚成家'],
  ['老伴健在，孙子上小学', '丧偶，子女在外地', '与子女同住，帮忙带孙辈', '老两口同住，子女在本市'],
] as const;

function drawOccupation(r: DemoRandom, age: number, sex: Sex): string {
  // Statutory retirement: 60 for men, 50/55 for women (raised gradually from 2025).
  if (age >= (sex === 'M' ? 60 : 55) && r.chance(age >= 63 ? 0.95 : 0.7)) return '退休';
  const o = OCCUPATIONS.draw(r);
  if (o === '研究生' && age >= 27) return '企业职员';
  if (o === '家庭主妇' && sex === 'M') return '自由职业';
  return o;
}

function employer(r: DemoRandom, city: City, district: District, occupation: string): string | null {
  switch (occupation) {
    case '公务员': return `${city.city}${r.pick(BUREAUS)}`;
    case '教师': return r.chance(0.6) ? `${city.city}第${r.pick(CN_NUMBERS)}中学` : `${city.short}${district.name}实验小学`;
    case '医生': case '护士': return r.chance(0.7) ? `${city.city}第${r.pick(CN_NUMBERS)}人民医院` : `${city.city}中医院`;
    case '律师': return `${city.short}${r.pick(['明远', '正泰', '中正', '信达', '德润'])}律师事务所`;
    case '个体工商户': return `${r.pick(['老王', '阿华', '鑫源', '百佳', '永兴', '好邻居'])}${r.pick(SHOPS)}`;
    case '研究生': return `${city.short}大学`;
    case '企业职员': case '企业主': case '工程师': case '程序员': case '会计': case '销售经理':
      return `${city.short}${r.pick(BRANDS)[0]}${r.pick(['科技', '贸易', '电子', '物流', '机械', '建设'])}有限公司`;
    default: return null;
  }
}

function salutation(r: DemoRandom, name: string, sex: Sex, age: number, occupation: string): string {
  const surname = /^[A-Z]/.test(name) ? name.split(' ')[0]! : name.slice(0, surnameLength(name));
  if (occupation === '教师' && r.chance(0.5)) return `${surname}老师`;
  if (occupation === '医生' && r.chance(0.5)) return `${surname}医生`;
  if (occupation === '企业主' && r.chance(0.5)) return `${surname}总`;
  if (age >= 65 && r.chance(0.3)) return `${surname}${sex === 'M' ? '叔叔' : '阿姨'}`;
  return `${surname}${sex === 'M' ? '先生' : '女士'}`;
}

/** A resident ID that no other client in the book holds: collisions step the sequence by 2 (keeps the sex digit). */
function residentId(ctx: BookContext, region: string, birthDate: string, sex: Sex): string {
  let seq = ctx.r.int(0, 499) * 2 + (sex === 'M' ? 1 : 0);
  for (let i = 0; i < 500; i++, seq = (seq + 2) % 1000) {
    const id = makeResidentId(region, birthDate, seq);
    if (!ctx.issued.idNumbers.has(id)) {
      ctx.issued.idNumbers.add(id);
      return id;
    }
  }
  throw new RangeError('residentId: sequence space exhausted'); // 500 people of one sex born the same day in one district
}

type Document = Pick<Identity, 'nationality' | 'idType' | 'idNumber' | 'idExpiry' | 'idLongTerm' | 'addressRegistered' | 'addressResidence'>;

/** Mainland resident: ID from the district of household registration, 60% of them local. */
function residentDocument(ctx: BookContext, birthDate: string, sex: Sex, here: District): Document {
  const { r } = ctx;
  const bornHere = r.chance(0.6);
  const city = bornHere ? ctx.home : r.pick(CITIES);
  const district = bornHere ? here : r.pick(city.districts);
  const registered = address(r, city, district);
  const { idExpiry, idLongTerm } = residentIdExpiry(ctx, birthDate);
  return {
    nationality: '中国',
    idType: 'resident_id',
    idNumber: residentId(ctx, district.code, birthDate, sex),
    idExpiry,
    idLongTerm,
    addressRegistered: registered,
    addressResidence: city === ctx.home && r.chance(0.6) ? registered : address(r, ctx.home, r.pick(ctx.home.districts)),
  };
}

/** Foreign passport, or the permit of a Hong Kong / Macao resident (H or M and 8 digits). */
function travelDocument(ctx: BookContext, foreign: boolean): Document {
  const { r } = ctx;
  const f = r.pick(FOREIGNERS);
  const macao = r.chance(0.2);
  return {
    nationality: foreign ? f.nationality : macao ? '中国澳门' : '中国香港',
    idType: foreign ? 'passport' : 'hk_macao_permit',
    idNumber: foreign ? fromPattern(r, f.pattern) : `${macao ? 'M' : 'H'}${r.digits(8)}`,
    idExpiry: documentExpiry(ctx, 10),
    idLongTerm: false,
    addressRegistered: null,
    addressResidence: address(r, ctx.home, r.pick(ctx.home.districts)),
  };
}

/** Resident Identity Card Law art. 5: validity by age at issue: 16–25 ten years, 26–45 twenty, 46+ long-term. */
function validityYears(ageAtIssue: number): number | null {
  return ageAtIssue < 16 ? 5 : ageAtIssue <= 25 ? 10 : ageAtIssue <= 45 ? 20 : null;
}

/**
 * The current card's expiry. ~5.5% of eligible holders are made to have lapsed and as many to lapse
 * within 60 days (the reminder windows); the rest follow a card history from age 16, renewed on time.
 */
function residentIdExpiry(ctx: BookContext, birthDate: string): { idExpiry: string | null; idLongTerm: boolean } {
  const { r, todayDay } = ctx;
  const lapse = r.float();
  if (lapse < 0.11) {
    const expiry = fromDay(lapse < 0.055 ? todayDay - r.int(1, 365) : todayDay + r.int(0, 60));
    // Only a card actually issued with 10 or 20 years' validity can expire on that day.
    for (const years of [10, 20]) if (validityYears(ageOn(birthDate, addYears(expiry, -years))) === years) return { idExpiry: expiry, idLongTerm: false };
  }
  let issued = toDay(addYears(birthDate, 16 + r.int(0, 4))) + r.int(0, 364);
  for (;;) {
    const years = validityYears(ageOn(birthDate, fromDay(issued)));
    if (years === null) return { idExpiry: null, idLongTerm: true };
    const expiry = toDay(addYears(fromDay(issued), years));
    if (expiry > todayDay + 60) return { idExpiry: fromDay(expiry), idLongTerm: false };
    issued = Math.min(expiry, todayDay) - r.int(1, 30); // renewed a little before it ran out
  }
}

/** Passports and permits: ten-year documents, with the same share lapsed or about to lapse. */
function documentExpiry(ctx: BookContext, years: number): string {
  const { r, todayDay } = ctx;
  const lapse = r.float();
  if (lapse < 0.055) return fromDay(todayDay - r.int(1, 365));
  if (lapse < 0.11) return fromDay(todayDay + r.int(0, 60));
  return fromDay(todayDay + r.int(61, years * 365));
}

/**
 * Plausible lunar month/day for a solar birthday: the lunar date runs 3–7 weeks behind.
 * An approximation (no lunar tables here), good enough for demo data.
 */
function approxLunar(r: DemoRandom, birthDate: string): { month: number; day: number } {
  let d = toDay(birthDate) - toDay(`${birthDate.slice(0, 4)}-01-01`) + 1 - r.int(21, 50);
  if (d <= 0) d += 354;
  const month = Math.min(12, Math.floor((d - 1) / 29.5) + 1);
  return { month, day: Math.min(30, Math.max(1, Math.floor(d - 1 - (month - 1) * 29.5) + 1)) };
}

function fromPattern(r: DemoRandom, pattern: string): string {
  return pattern.replace(/[#@]/g, (c) => (c === '#' ? r.digits(1) : r.letters(1, 'ABCDEFGHJKLMNPRSTUVWXYZ')));
}

function handle(r: DemoRandom, name: string): string {
  if (/^[A-Z]/.test(name)) return name.toLowerCase().replace(/\s+/g, '.');
  const surname = name.slice(0, surnameLength(name));
  const py = SURNAME_PINYIN.get(surname) ?? 'li';
  return `${py}${r.letters(r.int(1, 2))}`;
}

function personalEmail(r: DemoRandom, name: string, birthDate: string): string {
  // QQ mail (the QQ number is the mailbox) is the most common personal address in China.
  if (r.chance(0.4)) return `${r.int(1, 9)}${r.digits(r.int(5, 9))}@qq.com`;
  return `${handle(r, name)}${birthDate.slice(2, 4)}@${r.pick(EMAIL_DOMAINS)}`;
}

function wechatId(r: DemoRandom, name: string): string {
  // Deliberately not the mobile number: the WeChat field is shown unmasked.
  return r.chance(0.3) ? `wxid_${r.letters(10, 'abcdefghijklmnopqrstuvwxyz0123456789')}` : `${handle(r, name)}_${r.digits(r.int(2, 4))}`;
}
