// A realistic, reproducible demo book: Chinese names with census-like surname
// frequencies, valid ID numbers and mobiles, heavy-tailed value (so 80/20 shows),
// lunar birthdays, companies, lapsing IDs, dormant and lost clients, referrals.
// Pure: the same options give the same book, so it can feed tests and benchmarks.
import type { ClientInput } from '../../../shared/clients';
import { uuidv7 } from './ids';
import { drawCompany } from './demo-book-company';
import { BANKS, CALL_TIMES, CITIES, COMPANY_NOTES, LOSS_NOTES, LOST_REASONS, PERSON_NOTES, WIN_BACK_PLANS } from './demo-book-data';
import { drawPerson, type BookContext } from './demo-book-person';
import { beijingMs, DemoRandom, fromDay, toDay, Weighted } from './demo-book-random';
import { drawTags, drawValue, type ClientStatus, type ValueProfile } from './demo-book-value';

export interface DemoBookOptions {
  clients: number;
  seed: number;
  /** YYYY-MM-DD: every date in the book is relative to it. */
  today: string;
  managerId: string;
}

export interface DemoClient {
  id: string;
  input: ClientInput;
}

export interface DemoBookSummary {
  clients: number;
  byKind: Record<'person' | 'company', number>;
  byStatus: Record<ClientStatus, number>;
  totalAumFen: number;
  totalRevenue12mFen: number;
  negativeRevenueClients: number;
  /** Share of positive revenue brought by the top 20% of the clients with positive revenue (0–1). */
  top20RevenueShare: number;
}

/**
 * Generates `clients` records ordered by when each joined the book (oldest first), so a
 * client's referrer always comes before it and ids (UUIDv7 of the join day) sort the same way.
 */
export function generateDemoBook(opts: DemoBookOptions): DemoClient[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new RangeError('generateDemoBook: today must be YYYY-MM-DD');
  const r = new DemoRandom(opts.seed);
  const ctx: BookContext = {
    r,
    today: opts.today,
    todayDay: toDay(opts.today),
    home: r.pick(CITIES),
    issued: { idNumbers: new Set(), mobiles: new Set(), companyNames: new Set(), clientNos: new Set() },
  };
  const drafts: { joinedDay: number; order: number; status: ClientStatus; input: ClientInput }[] = [];
  for (let order = 0; order < opts.clients; order++) {
    const status = STATUSES.draw(r);
    const draft = drawClient(ctx, status, opts.managerId);
    drafts.push({ ...draft, order, status });
  }
  drafts.sort((a, b) => a.joinedDay - b.joinedDay || a.order - b.order);

  const rows: DemoClient[] = [];
  const referrers: string[] = []; // prospects are not clients yet, so they refer nobody
  for (const d of drafts) {
    d.input.referredBy = referrers.length > 0 && r.chance(0.155) ? r.pick(referrers) : null;
    const id = uuidv7(beijingMs(d.joinedDay, r.int(9 * 3600, 17 * 3600 + 1800)), r.bytes(10));
    if (d.status !== 'prospect') referrers.push(id);
    rows.push({ id, input: d.input });
  }
  return rows;
}

/** Counts and totals for `rmw demo` to print after loading a book. */
export function summariseBook(rows: readonly { input: ClientInput }[]): DemoBookSummary {
  const s: DemoBookSummary = {
    clients: rows.length,
    byKind: { person: 0, company: 0 },
    byStatus: { prospect: 0, active: 0, dormant: 0, lost: 0 },
    totalAumFen: 0,
    totalRevenue12mFen: 0,
    negativeRevenueClients: 0,
    top20RevenueShare: 0,
  };
  const positive: number[] = [];
  for (const { input } of rows) {
    s.byKind[input.kind]++;
    s.byStatus[input.status ?? 'active']++;
    s.totalAumFen += input.aumFen ?? 0;
    const revenue = input.revenue12mFen ?? 0;
    s.totalRevenue12mFen += revenue;
    if (revenue < 0) s.negativeRevenueClients++;
    else if (revenue > 0) positive.push(revenue);
  }
  positive.sort((a, b) => b - a);
  const total = positive.reduce((a, b) => a + b, 0);
  const top = positive.slice(0, Math.ceil(positive.length * 0.2)).reduce((a, b) => a + b, 0);
  s.top20RevenueShare = total > 0 ? top / total : 0;
  return s;
}

const STATUSES = new Weighted<ClientStatus>([['active', 88], ['dormant', 5], ['lost', 3], ['prospect', 4]]);
// AML risk grades: most retail clients are low risk; companies skew higher (industry, cash).
const PERSON_RISK = new Weighted([['low', 55], ['medium_low', 25], ['medium', 13], ['medium_high', 5], ['high', 2]] as const);
const COMPANY_RISK = new Weighted([['low', 35], ['medium_low', 30], ['medium', 22], ['medium_high', 9], ['high', 4]] as const);
const POTENTIAL = new Weighted([[1, 15], [2, 25], [3, 30], [4, 20], [5, 10]] as const);
type Channel = NonNullable<ClientInput['preferredChannel']>;
const CHANNELS = {
  young: new Weighted<Channel>([['wechat', 45], ['phone', 25], ['sms', 15], ['email', 10], ['visit', 5]]),
  middle: new Weighted<Channel>([['phone', 40], ['wechat', 35], ['sms', 10], ['visit', 10], ['branch', 5]]),
  old: new Weighted<Channel>([['phone', 45], ['visit', 25], ['branch', 25], ['sms', 5]]),
  company: new Weighted<Channel>([['phone', 40], ['wechat', 30], ['visit', 25], ['email', 5]]),
};

function drawClient(ctx: BookContext, status: ClientStatus, managerId: string): { joinedDay: number; input: ClientInput } {
  const { r, todayDay } = ctx;
  const person = r.chance(0.08) ? null : drawPerson(ctx, status === 'prospect');
  const { identity, earliestStart } = person ?? drawCompany(ctx);
  const age = person?.age ?? null;
  const profile: ValueProfile = { kind: identity.kind, age, occupation: person?.occupation ?? null, status };

  // Join day: prospects were added in the last half year; clients over the last 15 years,
  // skewed to recent ones (books grow), never before 18 or before the company existed.
  let joinedDay: number;
  const isNew = status === 'active' && r.chance(0.055);
  if (status === 'prospect') joinedDay = todayDay - r.int(0, 180);
  else if (isNew) joinedDay = todayDay - r.int(0, 89);
  else {
    const lower = Math.max(todayDay - 15 * 365, toDay(earliestStart));
    const upper = todayDay - (status === 'active' ? 90 : 365); // dormant and lost need history
    joinedDay = lower + Math.floor(Math.pow(r.float(), 0.85) * (upper - lower + 1));
  }
  const risk = drawRisk(ctx, identity.kind, status === 'prospect' ? null : joinedDay);
  const value = drawValue(r, profile);
  const extraTags = [isNew ? '新客户' : null, identity.idType === 'passport' ? '外籍客户' : null, identity.idType === 'hk_macao_permit' ? '港澳客户' : null];
  const band = identity.kind === 'company' ? 'company' : (age ?? 45) < 40 ? 'young' : (age ?? 45) < 60 ? 'middle' : 'old';
  const lost = status === 'lost';
  const input: ClientInput = {
    clientNo: status === 'prospect' ? null : clientNo(ctx),
    ...identity,
    relationshipStart: status === 'prospect' ? null : fromDay(joinedDay),
    riskGrade: risk.riskGrade,
    riskRatedAt: risk.riskRatedAt,
    aumFen: value.aumFen,
    depositsFen: value.depositsFen,
    loanBalanceFen: value.loanBalanceFen,
    cardSpend12mFen: value.cardSpend12mFen,
    revenue12mFen: value.revenue12mFen,
    products: value.products,
    tags: drawTags(r, profile, value, extraTags.filter((t): t is string => t !== null)),
    potential: r.chance(0.92) ? Math.max(1, Math.min(5, POTENTIAL.draw(r) + potentialShift(r, age, profile.occupation))) : null,
    preferredChannel: r.chance(0.92) ? CHANNELS[band].draw(r) : null,
    bestTimeToCall: r.chance(0.35) ? r.pick(CALL_TIMES) : null,
    optOutMarketing: r.chance(0.08),
    optOutThirdParty: r.chance(0.04),
    optOutAutomated: r.chance(0.02),
    optOutSensitive: r.chance(0.02),
    doNotContact: r.chance(0.01),
    status,
    dormantFlag: status === 'dormant',
    lostReason: lost ? r.pick(LOST_REASONS) : null,
    lostToBank: lost ? r.pick(BANKS) : null,
    winBackPlan: lost ? r.pick(WIN_BACK_PLANS) : null,
    notes: value.lossMaking && r.chance(0.5) ? r.pick(LOSS_NOTES) : r.chance(0.12) ? r.pick(identity.kind === 'company' ? COMPANY_NOTES : PERSON_NOTES) : null,
    referredBy: null, // set once the book is in join order
    originalRm: managerId,
  };
  return { joinedDay, input };
}

/**
 * AML risk rating: due within 60 days of the relationship start, so about half of the
 * clients who joined in the last 60 days are still unrated, plus a few overdue ones.
 */
function drawRisk(ctx: BookContext, kind: 'person' | 'company', startDay: number | null): Pick<ClientInput, 'riskGrade' | 'riskRatedAt'> {
  const { r, todayDay } = ctx;
  if (startDay === null) return { riskGrade: null, riskRatedAt: null };
  const sinceStart = todayDay - startDay;
  if (r.chance(sinceStart < 60 ? 0.45 : 0.015)) return { riskGrade: null, riskRatedAt: null };
  // Recent clients still carry their first rating; older ones were re-rated at a periodic review.
  const ratedDay = sinceStart <= 3 * 365 ? startDay + r.int(0, Math.min(60, sinceStart)) : todayDay - r.int(0, 3 * 365);
  return { riskGrade: (kind === 'company' ? COMPANY_RISK : PERSON_RISK).draw(r), riskRatedAt: fromDay(ratedDay) };
}

/** Potential is independent of current value (the value × potential quadrants need all four). */
function potentialShift(r: DemoRandom, age: number | null, occupation: string | null): number {
  if (occupation === '企业主' || occupation === '医生' || occupation === '律师' || (age !== null && age < 40)) return r.chance(0.5) ? 1 : 0;
  return age !== null && age >= 70 ? -1 : 0;
}

/** Core-banking customer number (客户号): 10 digits, unique in the book. */
function clientNo(ctx: BookContext): string {
  for (;;) {
    const no = `${ctx.r.int(1, 9)}${ctx.r.digits(9)}`;
    if (!ctx.issued.clientNos.has(no)) {
      ctx.issued.clientNos.add(no);
      return no;
    }
  }
}
