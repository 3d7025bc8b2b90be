import type { ClientInput } from '../../../shared/clients';
import { uuidv7 } from './ids';
import { makeResidentId } from './kyc/resident-id';
import { makeUscc, USCC_CHARSET } from './kyc/uscc';

// A realistic, reproducible demo book: Chinese names with plausible surname
// frequencies, valid ID numbers and phones, heavy-tailed value (so 80/20 shows),
// lunar birthdays, companies, expired IDs, dormant and lost clients. Pure: same
// seed and `today` → same book, so it can feed tests and benchmarks.

export interface DemoClient {
  id: string;
  input: ClientInput;
}

export function generateDemoBook(opts: { clients: number; seed: number; today: string; managerId: string }): DemoClient[] {
  const rnd = mulberry32(opts.seed);
  const out: DemoClient[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < opts.clients; i++) {
    const company = rnd() < 0.08;
    const input = company ? makeCompany(rnd, opts.today, usedIds) : makePerson(rnd, opts.today, usedIds);
    addValue(rnd, input, company);
    addRelationship(rnd, input, opts);
    if (out.length > 10 && rnd() < 0.15) input.referredBy = out[Math.floor(rnd() * out.length)]!.id;
    const startMs = Date.parse(`${input.relationshipStart}T09:00:00+08:00`);
    const id = uuidv7(startMs, Buffer.from(Array.from({ length: 10 }, () => Math.floor(rnd() * 256))));
    out.push({ id, input });
  }
  return out;
}

export function summariseBook(rows: DemoClient[]): { clients: number; persons: number; companies: number; byStatus: Record<string, number>; aumFen: number; revenue12mFen: number } {
  const byStatus: Record<string, number> = {};
  let aumFen = 0;
  let revenue12mFen = 0;
  for (const { input } of rows) {
    byStatus[input.status ?? 'active'] = (byStatus[input.status ?? 'active'] ?? 0) + 1;
    aumFen += input.aumFen ?? 0;
    revenue12mFen += input.revenue12mFen ?? 0;
  }
  const companies = rows.filter((r) => r.input.kind === 'company').length;
  return { clients: rows.length, persons: rows.length - companies, companies, byStatus, aumFen, revenue12mFen };
}

type Rnd = () => number;

/** mulberry32: a tiny, well-distributed 32-bit PRNG; enough for demo data. */
function mulberry32(seed: number): Rnd {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** Weighted pick: weights follow the list order (heavy head). */
function pickWeighted<T>(rnd: Rnd, xs: readonly (readonly [T, number])[]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let r = rnd() * total;
  for (const [x, w] of xs) if ((r -= w) < 0) return x;
  return xs[xs.length - 1]![0];
}

// Approximate shares (per mille) of the most common surnames in mainland China.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 71], ['张', 68], ['刘', 53], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 20], ['吴', 20], ['周', 19],
  ['徐', 13], ['孙', 12], ['马', 12], ['朱', 11], ['胡', 11], ['郭', 10], ['何', 9], ['林', 9], ['高', 9], ['罗', 8],
  ['郑', 8], ['梁', 7], ['谢', 6], ['宋', 6], ['唐', 6], ['许', 5], ['韩', 5], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 4], ['曾', 4], ['肖', 4], ['田', 4], ['董', 4], ['潘', 3], ['袁', 3], ['蔡', 3], ['蒋', 3], ['余', 3],
  ['于', 3], ['杜', 3], ['叶', 3], ['程', 3], ['魏', 3], ['苏', 3], ['吕', 3], ['丁', 3], ['任', 2], ['卢', 2],
  ['姚', 2], ['沈', 2], ['钟', 2], ['姜', 2], ['崔', 2], ['谭', 2], ['陆', 2], ['范', 2], ['汪', 2], ['廖', 2],
  ['单', 0.6], ['解', 0.4], ['仇', 0.3], ['欧阳', 0.5], ['司马', 0.2], ['上官', 0.2], ['诸葛', 0.2],
];
const GIVEN_M = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩', '建国', '建华', '志强', '文博', '子轩', '俊杰', '国栋', '海涛', '晓东', '德华'];
const GIVEN_F = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '慧', '琳', '颖', '秀英', '桂英', '玉兰', '淑珍', '雨涵', '欣怡', '梓涵', '晓燕', '丽华', '美玲', '思琪'];
const RARE = ['𬱖', '堃', '䶮', '喆', '昇'];

// Real 6-digit division codes with the address prefix they stand for.
const REGIONS: readonly [string, string][] = [
  ['110105', '北京市朝阳区'], ['110108', '北京市海淀区'], ['310115', '上海市浦东新区'], ['310104', '上海市徐汇区'],
  ['440305', '广东省深圳市南山区'], ['440106', '广东省广州市天河区'], ['330106', '浙江省杭州市西湖区'], ['320106', '江苏省南京市鼓楼区'],
  ['510107', '四川省成都市武侯区'], ['420106', '湖北省武汉市武昌区'], ['500103', '重庆市渝中区'], ['120101', '天津市和平区'],
  ['370202', '山东省青岛市市南区'], ['350203', '福建省厦门市思明区'], ['610113', '陕西省西安市雁塔区'], ['430104', '湖南省长沙市岳麓区'],
  ['210203', '辽宁省大连市西岗区'], ['320505', '江苏省苏州市虎丘区'], ['330203', '浙江省宁波市海曙区'], ['410105', '河南省郑州市金水区'],
];
const STREETS = ['建国路', '人民路', '中山路', '解放路', '长江路', '和平街', '文化路', '新华路', '滨江大道', '科技园路'];
const OCCUPATIONS = ['教师', '医生', '工程师', '公务员', '个体经营者', '企业主', '会计', '退休', '律师', '销售经理', '程序员', '护士'];
const TAGS = ['退休', '企业主', '公务员', '教师', '医生', '高净值', '代发工资', '有房贷', '子女留学', '喜欢理财讲座', '关注养老', '新市民'];
const PRODUCTS = ['活期存款', '定期存款', '理财产品', '基金', '保险', '贵金属', '信用卡', '个人住房贷款', '个人经营贷', '国债', '代发工资', '手机银行'];
const INDUSTRIES = ['贸易', '科技', '餐饮', '建材', '物流', '电子', '服装', '医疗器械'];
const BRANDS = ['明远', '恒信', '华晟', '嘉禾', '鼎盛', '瑞丰', '博雅', '金桥', '宏达', '润泽'];
const BANKS = ['招商银行', '工商银行', '建设银行', '平安银行', '农业银行'];
const MOBILE_PREFIX = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '176', '177', '180', '186', '187', '188', '189', '198', '199'];

function mobile(rnd: Rnd): string {
  return pick(rnd, MOBILE_PREFIX) + String(Math.floor(rnd() * 1e8)).padStart(8, '0');
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function makePerson(rnd: Rnd, today: string, used: Set<string>): ClientInput {
  const [region, place] = pick(rnd, REGIONS);
  const age = 22 + Math.floor(Math.pow(rnd(), 1.3) * 63);
  const birthDate = shiftDays(`${Number(today.slice(0, 4)) - age}-01-01`, Math.floor(rnd() * 365));
  const male = rnd() < 0.5;
  let idNumber: string;
  do {
    const seq = Math.floor(rnd() * 500) * 2 + (male ? 1 : 0);
    idNumber = makeResidentId(region, birthDate, String(seq).padStart(3, '0'));
  } while (used.has(idNumber));
  used.add(idNumber);
  const given = rnd() < 0.004 ? pick(rnd, RARE) + pick(rnd, male ? GIVEN_M : GIVEN_F).slice(0, 1) : pick(rnd, male ? GIVEN_M : GIVEN_F);
  const name = pickWeighted(rnd, SURNAMES) + given;
  const foreignDoc = rnd() < 0.02;
  const lunar = rnd() < (age > 55 ? 0.45 : 0.15);
  const issuedAt = shiftDays(today, -Math.floor(rnd() * 3650));
  const issueAge = age - (Number(today.slice(0, 4)) - Number(issuedAt.slice(0, 4)));
  const expiryRoll = rnd();
  const idExpiry = expiryRoll < 0.03 ? shiftDays(today, -1 - Math.floor(rnd() * 200)) : expiryRoll < 0.06 ? shiftDays(today, 1 + Math.floor(rnd() * 59)) : shiftDays(issuedAt, issueAge < 26 ? 3652 : 7305);
  return {
    kind: 'person',
    name,
    sex: male ? 'M' : 'F',
    birthDate,
    salutation: null,
    birthdayCalendar: lunar ? 'lunar' : 'solar',
    lunarMonth: lunar ? 1 + Math.floor(rnd() * 12) : null,
    lunarDay: lunar ? 1 + Math.floor(rnd() * 29) : null,
    lunarLeap: false,
    nationality: foreignDoc ? '中国香港' : '中国',
    occupation: age >= 60 ? '退休' : pick(rnd, OCCUPATIONS),
    idType: foreignDoc ? 'hk_macao_permit' : 'resident_id',
    idNumber: foreignDoc ? `H${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` : idNumber,
    idExpiry: !foreignDoc && issueAge >= 46 ? null : idExpiry,
    idLongTerm: !foreignDoc && issueAge >= 46,
    mobile: mobile(rnd),
    email: rnd() < 0.4 ? `${['zhang', 'li', 'wang', 'chen', 'liu'][Math.floor(rnd() * 5)]}${Math.floor(rnd() * 9999)}@example.com` : null,
    addressResidence: `${place}${pick(rnd, STREETS)}${1 + Math.floor(rnd() * 300)}号${1 + Math.floor(rnd() * 30)}栋${100 + Math.floor(rnd() * 2000)}室`,
    tags: [...new Set(Array.from({ length: Math.floor(rnd() * 3) }, () => pick(rnd, TAGS)).concat(age >= 60 ? ['退休'] : []))],
  };
}

function makeCompany(rnd: Rnd, today: string, used: Set<string>): ClientInput {
  const [region, place] = pick(rnd, REGIONS);
  let code: string;
  do {
    code = makeUscc(region, Array.from({ length: 9 }, () => pick(rnd, USCC_CHARSET.split(''))).join(''));
  } while (used.has(code));
  used.add(code);
  const city = place.replace(/^.*?省/, '').replace(/市.*$/, '');
  const founded = shiftDays(today, -365 - Math.floor(rnd() * 365 * 20));
  return {
    kind: 'company',
    name: `${city}市${pick(rnd, BRANDS)}${pick(rnd, INDUSTRIES)}有限公司`,
    idType: 'uscc',
    idNumber: code,
    legalRepresentative: pickWeighted(rnd, SURNAMES) + pick(rnd, GIVEN_M),
    mobile: mobile(rnd),
    addressRegistered: `${place}${pick(rnd, STREETS)}${1 + Math.floor(rnd() * 300)}号`,
    companyAnniversaries: [{ label: '成立日', date: founded }],
    tags: rnd() < 0.5 ? ['代发工资'] : [],
  };
}

/** Lognormal-ish value with a Pareto tail: a fifth of the book brings most of the revenue. */
function addValue(rnd: Rnd, c: ClientInput, company: boolean): void {
  const tail = Math.pow(1 - rnd(), -1 / 1.1); // Pareto(α=1.1), ≥ 1
  const aumYuan = Math.min(5e8, (company ? 50_000 : 3_000) * tail * (0.5 + rnd()));
  const aumFen = Math.round(aumYuan * 100);
  c.aumFen = aumFen;
  c.depositsFen = Math.round(aumFen * (0.2 + rnd() * 0.8));
  c.loanBalanceFen = rnd() < 0.2 ? Math.round((50_000 + rnd() * 2_000_000) * 100) : 0;
  c.cardSpend12mFen = rnd() < 0.5 ? Math.round(rnd() * 150_000 * 100) : 0;
  const margin = 0.004 + rnd() * 0.012;
  c.revenue12mFen = rnd() < 0.03 ? -Math.round((200 + rnd() * 3000) * 100) : Math.round(aumFen * margin + c.loanBalanceFen * 0.02);
  const n = 1 + Math.floor(rnd() * 4);
  c.products = [...new Set(Array.from({ length: n }, () => pick(rnd, PRODUCTS)))];
  c.potential = 1 + Math.floor(rnd() * 5);
}

function addRelationship(rnd: Rnd, c: ClientInput, opts: { today: string; managerId: string }): void {
  const newClient = rnd() < 0.06;
  c.relationshipStart = shiftDays(opts.today, -(newClient ? Math.floor(rnd() * 89) : 90 + Math.floor(rnd() * 365 * 15)));
  const rated = !newClient || rnd() < 0.5;
  c.riskGrade = rated ? pickWeighted(rnd, [['low', 50], ['medium_low', 25], ['medium', 15], ['medium_high', 7], ['high', 3]] as const) : null;
  c.riskRatedAt = rated ? shiftDays(opts.today, -Math.floor(rnd() * 700)) : null;
  if (c.riskRatedAt && c.riskRatedAt < c.relationshipStart) c.riskRatedAt = c.relationshipStart;
  const roll = rnd();
  c.status = roll < 0.05 ? 'dormant' : roll < 0.08 ? 'lost' : roll < 0.12 ? 'prospect' : 'active';
  c.dormantFlag = c.status === 'dormant';
  if (c.status === 'lost') {
    c.lostToBank = pick(rnd, BANKS);
    c.lostReason = pick(rnd, ['理财收益率更高', '搬家离网点远', '对服务不满意', '企业主办行变更']);
    c.winBackPlan = '季度回访，邀请参加理财讲座';
  }
  c.optOutMarketing = rnd() < 0.08;
  c.doNotContact = rnd() < 0.01;
  c.preferredChannel = pick(rnd, ['phone', 'wechat', 'sms', 'visit'] as const);
  c.originalRm = opts.managerId;
  if (rnd() < 0.1) c.notes = pick(rnd, ['周末不打电话', '喜欢上午联系', '关注孙辈教育金', '对风险较敏感']);
}
