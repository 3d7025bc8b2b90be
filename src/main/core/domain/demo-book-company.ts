// Who a demo company is: a small business registered in (mostly) the branch's city,
// with its full legal name, a valid unified social credit code and its people.
import { makeUscc, USCC_CHARSET } from './kyc/uscc';
import { BRANDS, CITIES, INDUSTRIES, type City, type District } from './demo-book-data';
import { address, landline, mobile, personName, surnameLength, type BookContext, type Identity } from './demo-book-person';
import { addYears, fromDay, toDay, type DemoRandom } from './demo-book-random';

export interface CompanyDraft {
  identity: Identity;
  /** Earliest day the relationship can have started (a month after founding). */
  earliestStart: string;
}

export function drawCompany(ctx: BookContext): CompanyDraft {
  const { r, todayDay } = ctx;
  const city = r.chance(0.85) ? ctx.home : r.pick(CITIES);
  const district = r.pick(city.districts);
  const [brand, brandPinyin] = r.pick(BRANDS);
  const [industry, section] = r.pick(INDUSTRIES);
  const name = companyName(ctx, city, district, brand, industry);
  const founded = fromDay(todayDay - r.int(2 * 365, 25 * 365));
  const legalRep = personName(r, r.chance(0.75) ? 'M' : 'F', r.int(1960, 1992));
  const fixedTerm = r.chance(0.35); // 营业期限: most small companies register "长期"
  const anniversaries = [{ label: '成立纪念日', date: founded }];
  if (r.chance(0.35)) anniversaries.push({ label: r.pick(['乔迁纪念日', '新厂区投产日', '品牌创立日']), date: fromDay(r.int(toDay(founded) + 365, todayDay - 30)) });

  const identity: Identity = {
    kind: 'company',
    name,
    salutation: `${legalRep.slice(0, surnameLength(legalRep))}总`,
    sex: null,
    birthDate: null,
    birthdayCalendar: 'solar',
    lunarMonth: null,
    lunarDay: null,
    lunarLeap: false,
    nationality: '中国',
    occupation: section, // the industry: a factor of the AML risk rating
    employer: null,
    addressRegistered: officeAddress(r, city, district),
    addressResidence: r.chance(0.3) ? officeAddress(r, ctx.home, r.pick(ctx.home.districts)) : null,
    mobile: mobile(ctx),
    phoneOther: r.chance(0.8) ? landline(r, city) : null,
    email: r.chance(0.6) ? companyEmail(r, brandPinyin, city) : null,
    wechat: null,
    idType: 'uscc',
    idNumber: uscc(ctx, district.code),
    idExpiry: fixedTerm ? addYears(founded, r.pick([20, 30])) : null,
    idLongTerm: !fixedTerm,
    // The controller is usually the legal representative; otherwise a majority shareholder.
    beneficialOwner: r.chance(0.8) ? { name: legalRep, relation: '实际控制人' } : { name: personName(r, 'M', r.int(1955, 1985)), relation: '控股股东' },
    agent: r.chance(0.3) ? { name: personName(r, r.chance(0.7) ? 'F' : 'M', r.int(1975, 1998)), relation: '财务负责人' } : null,
    legalRepresentative: legalRep,
    interests: null,
    family: null,
    companyAnniversaries: anniversaries,
  };
  return { identity, earliestStart: fromDay(toDay(founded) + 30) };
}

/** Full legal name, unique in the book: 杭州明远贸易有限公司; on a clash the district joins the name. */
function companyName(ctx: BookContext, city: City, district: District, brand: string, industry: string): string {
  const { r } = ctx;
  const candidates = [`${city.short}${brand}${industry}有限公司`, `${city.short}${district.name.replace(/区$/, '')}${brand}${industry}有限公司`];
  for (let i = 0; ; i++) {
    const name = candidates[i] ?? `${city.short}${brand}${r.pick(BRANDS)[0]}${r.pick(INDUSTRIES)[0]}有限公司`;
    if (!ctx.issued.companyNames.has(name)) {
      ctx.issued.companyNames.add(name);
      return name;
    }
  }
}

/**
 * GB 32100 code: '91' (company, market regulator), the district, then the subject identifier:
 * an old 9-digit organisation code for older firms, or the 'MA…' form issued since 2015.
 */
function uscc(ctx: BookContext, region: string): string {
  for (;;) {
    const subject = ctx.r.chance(0.6) ? `MA${ctx.r.letters(7, USCC_CHARSET)}` : ctx.r.digits(9);
    const code = makeUscc(region, subject);
    if (!ctx.issued.idNumbers.has(code)) {
      ctx.issued.idNumbers.add(code);
      return code;
    }
  }
}

function officeAddress(r: DemoRandom, city: City, district: District): string {
  const floor = r.int(1, 28);
  return address(r, city, district).replace(/\d+(幢|栋|号楼)\d单元\d+室$/, `${floor}层${floor}${String(r.int(1, 20)).padStart(2, '0')}室`);
}

function companyEmail(r: DemoRandom, brandPinyin: string, city: City): string {
  return r.chance(0.5) ? `${r.pick(['info', 'finance', 'hr', 'service', 'office'])}@${brandPinyin}${city.pinyin}.com.cn` : `${brandPinyin}${r.digits(r.int(2, 4))}@163.com`;
}
