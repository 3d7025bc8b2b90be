import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientInputSchema, type ClientInput } from '../../src/shared/clients';
import { generateDemoBook, summariseBook, type DemoClient } from '../../src/main/core/domain/demo-book';
import { CITIES } from '../../src/main/core/domain/demo-book-data';
import { checkClient } from '../../src/main/core/domain/kyc/client-check';
import { checkEmail, normaliseMobile } from '../../src/main/core/domain/kyc/contact';
import { parseResidentId } from '../../src/main/core/domain/kyc/resident-id';
import { parseUscc } from '../../src/main/core/domain/kyc/uscc';

const TODAY = '2026-11-22';
const IN_60_DAYS = '2027-01-21';
const NINETY_DAYS_AGO = '2026-08-24';
const FIFTEEN_YEARS_AGO = '2011-11-22';
const opts = { clients: 2000, seed: 42, today: TODAY, managerId: 'RM0001' };
const book = generateDemoBook(opts);
const inputs = book.map((b) => b.input);
const persons = inputs.filter((c) => c.kind === 'person');
const companies = inputs.filter((c) => c.kind === 'company');
const share = (xs: readonly ClientInput[], f: (c: ClientInput) => unknown) => xs.filter(f).length / xs.length;
const yuan = (fen: number | undefined) => (fen ?? 0) / 100;
const ageOf = (c: ClientInput) => {
  const b = c.birthDate!;
  return Number(TODAY.slice(0, 4)) - Number(b.slice(0, 4)) - (TODAY.slice(5) < b.slice(5) ? 1 : 0);
};
const expectWithin = (x: number, lo: number, hi: number) => {
  expect(x).toBeGreaterThanOrEqual(lo);
  expect(x).toBeLessThanOrEqual(hi);
};
const ADDRESS_PREFIX = new Map(CITIES.flatMap((c) => c.districts.map((d) => [d.code, `${c.province}${c.city}${d.name}`] as const)));
const PRODUCTS = new Set(['活期存款', '定期存款', '理财产品', '基金', '保险', '贵金属', '信用卡', '个人住房贷款', '个人经营贷', '国债', '代发工资', '手机银行', '单位结算账户', '结构性存款', '流动资金贷款', '企业网银']);

describe('generateDemoBook: reproducible and pure', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the same book for the same options, another for another seed', () => {
    expect(generateDemoBook(opts)).toEqual(book);
    const other = generateDemoBook({ ...opts, seed: 43 });
    expect(other).toHaveLength(2000);
    expect(other.map((b) => b.input.name)).not.toEqual(book.map((b) => b.input.name));
  });

  it('uses neither Math.random nor the clock', () => {
    const random = vi.spyOn(Math, 'random');
    const now = vi.spyOn(Date, 'now');
    generateDemoBook({ ...opts, clients: 200 });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it.each([['2026-1-5'], ['22/11/2026'], ['']])('rejects today = %j', (today) => {
    expect(() => generateDemoBook({ ...opts, today })).toThrow(RangeError);
  });
});

describe('generateDemoBook: every record is valid', () => {
  it('passes the contract schema and the full KYC check of the core', () => {
    for (const input of inputs) {
      expect(() => clientInputSchema.parse(input)).not.toThrow();
      expect(checkClient(input, TODAY).issues, input.name).toEqual([]);
    }
  });

  it('persons: resident ID decodes to the record’s sex and birth date; address agrees with its region', () => {
    for (const c of persons.filter((p) => p.idType === 'resident_id')) {
      const id = parseResidentId(c.idNumber!, TODAY);
      expect(id.ok, c.idNumber!).toBe(true);
      if (!id.ok) continue;
      expect([id.value.sex, id.value.birthDate]).toEqual([c.sex, c.birthDate]);
      expect(c.addressRegistered!.startsWith(ADDRESS_PREFIX.get(id.value.region)!), c.addressRegistered!).toBe(true);
      expect(c.addressRegistered).toMatch(/号\d+(幢|栋|号楼)\d单元\d+室$/);
      // A card issued at 46 or later is long-term, and by 67 every holder has reached one.
      if (ageOf(c) >= 67) expect(c.idLongTerm).toBe(true);
      expect(c.idLongTerm ? c.idExpiry === null : c.idExpiry !== null).toBe(true);
    }
  });

  it('persons: ages 22–85, mobiles in mainland blocks, e-mails well formed', () => {
    for (const c of persons.filter((p) => p.birthDate)) expectWithin(ageOf(c), 22, 85);
    for (const c of inputs.filter((p) => p.mobile)) {
      expect(normaliseMobile(c.mobile!)).toEqual({ ok: true, value: c.mobile });
      expect(c.mobile).toMatch(/^1(3\d|5[0-35-9]|7[013-8]|8\d|9[89])\d{8}$/);
    }
    for (const c of inputs.filter((p) => p.email)) expect(checkEmail(c.email!).ok, c.email!).toBe(true);
  });

  it('companies: valid USCC, full legal name, legal representative, founding date first', () => {
    for (const c of companies) {
      expect(parseUscc(c.idNumber!).ok, c.idNumber!).toBe(true);
      expect(c.idType).toBe('uscc');
      expect(c.name).toMatch(/^\p{Script=Han}{6,}有限公司$/u);
      expect(c.legalRepresentative).toBeTruthy();
      expect(c.companyAnniversaries!.length).toBeGreaterThanOrEqual(1);
      expect(c.companyAnniversaries!.length).toBeLessThanOrEqual(2);
      expect(c.companyAnniversaries![0]!.label).toBe('成立纪念日');
      if (c.relationshipStart) expect(c.relationshipStart > c.companyAnniversaries![0]!.date).toBe(true);
    }
    expect(new Set(companies.map((c) => c.name)).size).toBe(companies.length);
  });

  it('lunar birthdays have a month 1–12 and a day 1–30; solar ones none', () => {
    for (const c of persons) {
      if (c.birthdayCalendar === 'lunar') {
        expectWithin(c.lunarMonth!, 1, 12);
        expectWithin(c.lunarDay!, 1, 30);
      } else expect([c.lunarMonth, c.lunarDay, c.lunarLeap]).toEqual([null, null, false]);
    }
  });
});

describe('generateDemoBook: ids and referrals', () => {
  it('ids are unique UUIDv7 stamped with the join day; ID numbers and mobiles are unique', () => {
    expect(new Set(book.map((b) => b.id)).size).toBe(book.length);
    for (const { id, input } of book) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const beijingDay = new Date(parseInt(id.replace(/-/g, '').slice(0, 12), 16) + 8 * 3_600_000).toISOString().slice(0, 10);
      if (input.relationshipStart) expect(beijingDay).toBe(input.relationshipStart);
    }
    const idNumbers = inputs.flatMap((c) => (c.idNumber ? [c.idNumber] : []));
    expect(new Set(idNumbers).size).toBe(idNumbers.length);
    const mobiles = inputs.flatMap((c) => (c.mobile ? [c.mobile] : []));
    expect(new Set(mobiles).size).toBe(mobiles.length);
  });

  it('about 15% were referred, always by a client that comes earlier in the book', () => {
    const seen = new Map<string, ClientInput>();
    for (const { id, input } of book) {
      if (input.referredBy) {
        expect(seen.has(input.referredBy)).toBe(true);
        expect(seen.get(input.referredBy)!.status).not.toBe('prospect');
      }
      seen.set(id, input);
    }
    expectWithin(share(inputs, (c) => c.referredBy), 0.1, 0.2);
  });
});

describe('generateDemoBook: the mix of a real book', () => {
  it.each<[string, readonly ClientInput[], (c: ClientInput) => unknown, number, number]>([
    ['companies', inputs, (c) => c.kind === 'company', 0.05, 0.11],
    ['active', inputs, (c) => c.status === 'active', 0.84, 0.92],
    ['dormant', inputs, (c) => c.status === 'dormant' && c.dormantFlag, 0.03, 0.07],
    ['lost', inputs, (c) => c.status === 'lost' && c.lostReason && c.lostToBank && c.winBackPlan, 0.015, 0.05],
    ['prospects', inputs, (c) => c.status === 'prospect', 0.025, 0.06],
    ['lunar birthdays (persons)', persons, (c) => c.birthdayCalendar === 'lunar', 0.18, 0.32],
    ['passport / HK-Macao permit (persons)', persons, (c) => c.idType === 'passport' || c.idType === 'hk_macao_permit', 0.008, 0.035],
    ['ID already expired', inputs, (c) => c.idExpiry && c.idExpiry < TODAY, 0.015, 0.05],
    ['ID expiring within 60 days', inputs, (c) => c.idExpiry && c.idExpiry >= TODAY && c.idExpiry <= IN_60_DAYS, 0.015, 0.05],
    ['new clients (last 90 days)', inputs, (c) => c.relationshipStart && c.relationshipStart >= NINETY_DAYS_AGO, 0.025, 0.08],
    ['negative revenue', inputs, (c) => (c.revenue12mFen ?? 0) < 0, 0.015, 0.05],
    ['card spend (persons)', persons, (c) => (c.cardSpend12mFen ?? 0) > 0, 0.4, 0.6],
    ['e-mail', inputs, (c) => c.email, 0.3, 0.5],
    ['marketing opt-out', inputs, (c) => c.optOutMarketing, 0.05, 0.11],
    ['do not contact', inputs, (c) => c.doNotContact, 0.002, 0.025],
    ['potential set', inputs, (c) => c.potential, 0.85, 0.97],
  ])('%s', (_label, xs, f, lo, hi) => {
    expectWithin(share(xs, f), lo, hi);
  });

  it('older clients keep a lunar birthday more often than younger ones', () => {
    const dated = persons.filter((c) => c.birthDate);
    const lunar = (xs: ClientInput[]) => share(xs, (c) => c.birthdayCalendar === 'lunar');
    expect(lunar(dated.filter((c) => ageOf(c) >= 60))).toBeGreaterThan(2 * lunar(dated.filter((c) => ageOf(c) < 40)));
  });

  it('surnames have a heavy head: 王 李 张 刘 陈 are about a third of Chinese names', () => {
    const han = persons.filter((c) => /^\p{Script=Han}/u.test(c.name));
    expectWithin(share(han, (c) => '王李张刘陈'.includes(c.name[0]!)), 0.28, 0.42);
  });

  it('relationships start in the last 15 years; risk is rated after the start, new clients may be unrated', () => {
    for (const c of inputs) {
      expect(c.originalRm).toBe('RM0001');
      if (c.status === 'prospect') {
        expect([c.relationshipStart, c.riskGrade, c.clientNo, c.aumFen, c.revenue12mFen]).toEqual([null, null, null, 0, 0]);
        continue;
      }
      expect(c.relationshipStart! >= FIFTEEN_YEARS_AGO && c.relationshipStart! <= TODAY).toBe(true);
      if (c.riskRatedAt) expect(c.riskRatedAt >= c.relationshipStart! && c.riskRatedAt <= TODAY).toBe(true);
      if (c.status === 'dormant' || c.status === 'lost') expect(c.relationshipStart! < NINETY_DAYS_AGO).toBe(true);
    }
    expect(share(inputs, (c) => c.riskGrade)).toBeGreaterThan(0.85);
    expect(inputs.some((c) => c.relationshipStart && c.relationshipStart >= NINETY_DAYS_AGO && !c.riskGrade)).toBe(true);
  });
});

describe('generateDemoBook: value follows 80/20', () => {
  it('the top 20% of clients with positive revenue bring at least 70% of it; AUM is as concentrated', () => {
    expect(summariseBook(book).top20RevenueShare).toBeGreaterThanOrEqual(0.7);
    const aum = inputs.map((c) => c.aumFen ?? 0).sort((a, b) => b - a);
    const top = aum.slice(0, aum.length / 5).reduce((a, b) => a + b, 0);
    expect(top / aum.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(0.7);
  });

  it('AUM spans a few thousand yuan to millions; deposits never exceed it; products are real ones', () => {
    const active = inputs.filter((c) => c.status === 'active');
    expect(Math.min(...active.map((c) => yuan(c.aumFen)))).toBeGreaterThanOrEqual(2_000);
    expect(Math.max(...active.map((c) => yuan(c.aumFen)))).toBeGreaterThanOrEqual(5_000_000);
    for (const c of inputs) {
      expect(c.depositsFen!).toBeLessThanOrEqual(c.aumFen!);
      for (const p of c.products!) expect(PRODUCTS.has(p), p).toBe(true);
      if ((c.cardSpend12mFen ?? 0) > 0) expect(c.products).toContain('信用卡');
      if (c.tags!.includes('有房贷')) expect(c.products).toContain('个人住房贷款');
    }
    expect(inputs.some((c) => (c.loanBalanceFen ?? 0) > 0)).toBe(true);
  });
});

describe('generateDemoBook: a branch-sized book of 100,000', () => {
  it('has no duplicate ID numbers, mobiles or ids, and exercises rare names', { timeout: 180_000 }, () => {
    const big = generateDemoBook({ clients: 100_000, seed: 7, today: TODAY, managerId: 'RM0001' });
    expect(big).toHaveLength(100_000);
    const idNumbers = big.flatMap((b) => (b.input.idNumber ? [b.input.idNumber] : []));
    expect(new Set(idNumbers).size).toBe(idNumbers.length);
    const mobiles = big.flatMap((b) => (b.input.mobile ? [b.input.mobile] : []));
    expect(new Set(mobiles).size).toBe(mobiles.length);
    expect(new Set(big.map((b) => b.id)).size).toBe(big.length);
    const names = big.map((b) => b.input.name);
    expect(names.some((n) => /^(欧阳|司马|上官|诸葛)/.test(n))).toBe(true);
    expect(names.some((n) => /^[单解仇曾]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u{20000}-\u{3FFFF}]/u.test(n))).toBe(true); // outside the BMP: surrogate pairs
    expect(big.some((b) => b.input.lunarLeap)).toBe(true);
  });
});

describe('summariseBook', () => {
  const row = (input: Partial<ClientInput>): Pick<DemoClient, 'input'> => ({ input: { kind: 'person', name: '测试', ...input } });

  it.each([
    ['an empty book', [], { clients: 0, byKind: { person: 0, company: 0 }, totalAumFen: 0, totalRevenue12mFen: 0, negativeRevenueClients: 0, top20RevenueShare: 0 }],
    [
      'five clients, one of them loss-making',
      [
        row({ aumFen: 1_000_000_00, revenue12mFen: 80_000_00, status: 'active' }),
        row({ aumFen: 50_000_00, revenue12mFen: 10_000_00, status: 'dormant' }),
        row({ kind: 'company', aumFen: 10_000_00, revenue12mFen: 6_000_00, status: 'lost' }),
        row({ aumFen: 5_000_00, revenue12mFen: 4_000_00 }), // status absent: stored as active
        row({ aumFen: 0, revenue12mFen: -500_00, status: 'prospect' }),
      ],
      {
        clients: 5,
        byKind: { person: 4, company: 1 },
        byStatus: { prospect: 1, active: 2, dormant: 1, lost: 1 },
        totalAumFen: 1_065_000_00,
        totalRevenue12mFen: 99_500_00,
        negativeRevenueClients: 1,
        top20RevenueShare: 0.8, // top 20% of the 4 positive = 1 client: 80,000 of 100,000
      },
    ],
  ])('%s', (_label, rows, expected) => {
    expect(summariseBook(rows)).toMatchObject(expected);
  });
});
