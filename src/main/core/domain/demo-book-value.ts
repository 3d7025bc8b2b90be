// What a demo client is worth to the bank. Balances are log-normal (σ≈1.7), which is
// what makes ~20% of clients hold ~80% of AUM and revenue; revenue is built from
// the balances with plausible margins, so value and products agree.
import type { CLIENT_STATUSES } from '../../../shared/clients';
import type { DemoRandom } from './demo-book-random';

export type ClientStatus = (typeof CLIENT_STATUSES)[number];

export interface ValueProfile {
  kind: 'person' | 'company';
  age: number | null;
  occupation: string | null;
  status: ClientStatus;
}

export interface Value {
  aumFen: number;
  depositsFen: number;
  loanBalanceFen: number;
  cardSpend12mFen: number;
  revenue12mFen: number;
  products: string[];
  mortgage: boolean;
  /** Costs the bank more than it brings (promotional rates, waived fees, provisions). */
  lossMaking: boolean;
}

export function drawValue(r: DemoRandom, p: ValueProfile): Value {
  if (p.status === 'prospect') return { aumFen: 0, depositsFen: 0, loanBalanceFen: 0, cardSpend12mFen: 0, revenue12mFen: 0, products: [], mortgage: false, lossMaking: false };
  const company = p.kind === 'company';
  const age = p.age ?? 45;
  const active = p.status === 'active';

  let aum: number;
  if (p.status === 'lost') aum = r.chance(0.4) ? 0 : r.lognormal(2_000, 1); // what is left after the move
  else if (p.status === 'dormant') aum = r.lognormal(6_000, 1.3); // an idle balance
  else {
    const median = company ? 400_000 : 60_000 * ageWealth(age) * (OCCUPATION_WEALTH[p.occupation ?? ''] ?? 1);
    aum = Math.max(r.lognormal(median, company ? 1.6 : 1.7), r.int(2_000, 5_000));
  }
  aum = Math.min(aum, 90_000_000);
  const depositShare = aum < 50_000 ? 0.9 + 0.1 * r.float() : company || age >= 60 ? 0.6 + 0.4 * r.float() : 0.3 + 0.6 * r.float();
  const aumFen = Math.round(aum * 100);
  const depositsFen = Math.round(aumFen * depositShare);
  const wealth = (aumFen - depositsFen) / 100;

  const mortgage = active && !company && age >= 28 && age <= 58 && r.chance(0.3);
  const businessLoan = active && (company ? r.chance(0.35) : r.chance(p.occupation === '企业主' ? 0.45 : p.occupation === '个体工商户' ? 0.35 : 0));
  let loans = mortgage ? clamp(r.lognormal(700_000, 0.6), 80_000, 6_000_000) : 0;
  if (businessLoan) loans += company ? clamp(r.lognormal(2_000_000, 0.9), 100_000, 30_000_000) : clamp(r.lognormal(500_000, 0.8), 50_000, 5_000_000);
  const cardUser = active && !company && r.chance(age < 35 ? 0.72 : age < 60 ? 0.58 : 0.28);
  const card = cardUser ? clamp(r.lognormal(36_000, 0.9), 500, 2_000_000) : 0;
  const payroll = active && (company ? r.chance(0.5) : EMPLOYED.has(p.occupation ?? '') && r.chance(0.45));

  // Net interest on deposits and loans, fees on wealth products, interchange on card spend, minus servicing.
  let revenue = (depositsFen / 100) * 0.012 + wealth * 0.007 + loans * 0.015 + card * 0.006;
  revenue = revenue * r.lognormal(1, 0.3) + (company && payroll ? r.int(500, 5_000) : 0) - 20;
  const lossMaking = (active || p.status === 'dormant') && r.chance(0.02);
  if (lossMaking) revenue = -clamp(r.lognormal(800, 1), 50, 200_000);
  else if (p.status === 'lost') revenue = r.chance(0.3) ? 0 : r.lognormal(200, 1);

  const products = company
    ? companyProducts(r, depositsFen, wealth, businessLoan, payroll)
    : personProducts(r, { age, depositsFen, wealth, mortgage, businessLoan, card, payroll, status: p.status });
  return {
    aumFen,
    depositsFen,
    loanBalanceFen: Math.round(loans * 100),
    cardSpend12mFen: Math.round(card * 100),
    revenue12mFen: Math.round(revenue * 100),
    products,
    mortgage,
    lossMaking,
  };
}

/** Tags an RM would set: facts from the record first, then a few soft ones. */
export function drawTags(r: DemoRandom, p: ValueProfile, v: Value, extra: readonly string[]): string[] {
  const tags: string[] = [];
  const age = p.age ?? 45;
  if (p.kind === 'company') tags.push('小微企业');
  if (p.occupation && OCCUPATION_TAGS[p.occupation]) tags.push(OCCUPATION_TAGS[p.occupation]!);
  if (v.aumFen >= 6_000_000_00) tags.push('高净值'); // 600万 is the usual private-banking entry line
  if (v.products.includes('代发工资')) tags.push('代发工资');
  if (v.mortgage) tags.push('有房贷');
  if (p.kind === 'company' && v.loanBalanceFen > 0) tags.push('有贷款');
  if (p.kind === 'person') {
    if (age >= 40 && age <= 60 && v.aumFen >= 300_000_00 && r.chance(0.12)) tags.push('子女留学');
    if (r.chance(age >= 50 ? 0.18 : 0.08)) tags.push('喜欢理财讲座');
    if (age >= 45 && age <= 65 && r.chance(0.15)) tags.push('关注养老');
  }
  return [...tags, ...extra];
}

const EMPLOYED = new Set(['企业职员', '公务员', '教师', '医生', '护士', '工程师', '程序员', '会计', '销售经理', '律师']);
const OCCUPATION_WEALTH: Record<string, number> = { 企业主: 3, 个体工商户: 1.5, 医生: 1.6, 律师: 1.8, 公务员: 1.2, 研究生: 0.3, 快递员: 0.4, 司机: 0.5 };
const OCCUPATION_TAGS: Record<string, string> = { 退休: '退休', 企业主: '企业主', 个体工商户: '个体户', 公务员: '公务员', 教师: '教师', 医生: '医生' };
// Canonical order, so product lists read the same on every record.
const PERSON_PRODUCTS = ['活期存款', '定期存款', '理财产品', '基金', '保险', '贵金属', '国债', '信用卡', '个人住房贷款', '个人经营贷', '代发工资', '手机银行'];

function ageWealth(age: number): number {
  return age < 30 ? 0.35 : age < 40 ? 0.8 : age < 50 ? 1.2 : age < 60 ? 1.6 : 1.8;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function personProducts(
  r: DemoRandom,
  c: { age: number; depositsFen: number; wealth: number; mortgage: boolean; businessLoan: boolean; card: number; payroll: boolean; status: ClientStatus },
): string[] {
  const has = new Set<string>(['活期存款']);
  if (c.depositsFen > 5_000_000 && r.chance(c.age >= 55 ? 0.8 : 0.5)) has.add('定期存款');
  if (c.wealth > 0) {
    if (r.chance(c.wealth > 50_000 ? 0.8 : 0.3)) has.add('理财产品');
    if (r.chance(c.age < 60 ? 0.45 : 0.15)) has.add('基金');
    if (r.chance(c.wealth > 200_000 ? 0.45 : 0.2)) has.add('保险');
    if (r.chance(c.wealth > 500_000 ? 0.15 : 0.05)) has.add('贵金属');
    if (r.chance(c.age >= 50 ? 0.3 : 0.05)) has.add('国债');
    // Money outside deposits sits in some product: never a wealth balance with nothing holding it.
    if (!['理财产品', '基金', '保险', '贵金属', '国债'].some((x) => has.has(x))) has.add('理财产品');
  }
  if (c.card > 0 || (c.status === 'dormant' && r.chance(0.2))) has.add('信用卡');
  if (c.mortgage) has.add('个人住房贷款');
  if (c.businessLoan) has.add('个人经营贷');
  if (c.payroll) has.add('代发工资');
  if (r.chance(c.age < 50 ? 0.92 : c.age < 65 ? 0.7 : 0.35)) has.add('手机银行');
  return PERSON_PRODUCTS.filter((x) => has.has(x));
}

function companyProducts(r: DemoRandom, depositsFen: number, wealth: number, loan: boolean, payroll: boolean): string[] {
  const out = ['单位结算账户'];
  if (depositsFen > 50_000_000 && r.chance(0.4)) out.push('定期存款');
  if (wealth > 0) out.push(r.chance(0.7) ? '理财产品' : '结构性存款');
  if (loan) out.push('流动资金贷款');
  if (payroll) out.push('代发工资');
  if (r.chance(0.9)) out.push('企业网银');
  return out;
}
