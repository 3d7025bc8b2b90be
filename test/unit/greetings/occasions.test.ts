import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import lunarJs from 'lunar-javascript';
import { describe, expect, it } from 'vitest';
import { birthdayIn, upcomingOccasions } from '../../../src/main/core/domain/calendar/upcoming';
import {
  ageOn,
  birthdayInYear,
  birthdaysInRange,
  DEFAULT_OCCASION_SETTINGS,
  greetsDoubleNinth,
  holidayDates,
  occasionsInRange,
  remindersFor,
  type OccasionClientInput,
  type OccasionSettings,
} from '../../../src/main/core/domain/greetings/occasions';

// Expected dates are written out from published sources, never read from lunar-javascript:
// the State Council holiday notices (国办发明电〔2023〕7号 for 2024, 〔2024〕12号 for 2025,
// 〔2025〕7号 for 2026, whose Spring Festival line reads "2月15日（农历腊月二十八）至23日"),
// and the almanac (万年历) for days that are not public holidays (元宵, 重阳, 闰六月).

const MAR1: OccasionSettings = { ...DEFAULT_OCCASION_SETTINGS, feb29: 'mar1' };

function person(id: string, birthDate: string | null, lunar?: { month: number; day: number; leap?: boolean }): OccasionClientInput {
  return {
    id,
    kind: 'person',
    name: id,
    birthDate,
    birthdayCalendar: lunar ? 'lunar' : 'solar',
    lunarMonth: lunar?.month ?? null,
    lunarDay: lunar?.day ?? null,
    lunarLeap: lunar?.leap ?? false,
    companyAnniversaries: [],
  };
}

function company(id: string, anniversaries: { label: string; date: string }[]): OccasionClientInput {
  return { ...person(id, null), kind: 'company', companyAnniversaries: anniversaries };
}

const dateOf = (year: number, kind: string, settings?: OccasionSettings) => holidayDates(year, settings).find((h) => h.kind === kind)?.date;

describe('holiday dates (published)', () => {
  const all: OccasionSettings = { ...DEFAULT_OCCASION_SETTINGS, lantern: true, doubleNinth: true };
  it.each([
    [2024, 'spring_festival', '2024-02-10'],
    [2025, 'spring_festival', '2025-01-29'],
    [2026, 'spring_festival', '2026-02-17'],
    [2027, 'spring_festival', '2027-02-06'],
    [2025, 'lantern', '2025-02-12'],
    [2026, 'lantern', '2026-03-03'],
    [2024, 'qingming', '2024-04-04'],
    [2025, 'qingming', '2025-04-04'],
    [2026, 'qingming', '2026-04-05'],
    [2024, 'dragon_boat', '2024-06-10'],
    [2025, 'dragon_boat', '2025-05-31'],
    [2026, 'dragon_boat', '2026-06-19'],
    [2024, 'mid_autumn', '2024-09-17'],
    [2025, 'mid_autumn', '2025-10-06'],
    [2026, 'mid_autumn', '2026-09-25'],
    [2025, 'double_ninth', '2025-10-29'],
    [2026, 'double_ninth', '2026-10-18'],
    [2026, 'new_year', '2026-01-01'],
    [2026, 'labour_day', '2026-05-01'],
    [2026, 'national_day', '2026-10-01'],
    [2031, 'national_day', '2031-10-01'],
  ] as const)('%i %s → %s', (year, kind, date) => {
    expect(dateOf(year, kind, all)).toBe(date);
  });

  it('lists a year in date order; 元宵 only when enabled, 重阳 unless disabled', () => {
    expect(holidayDates(2026)).toEqual([
      { kind: 'new_year', date: '2026-01-01' },
      { kind: 'spring_festival', date: '2026-02-17' },
      { kind: 'qingming', date: '2026-04-05' },
      { kind: 'labour_day', date: '2026-05-01' },
      { kind: 'dragon_boat', date: '2026-06-19' },
      { kind: 'mid_autumn', date: '2026-09-25' },
      { kind: 'national_day', date: '2026-10-01' },
      { kind: 'double_ninth', date: '2026-10-18' },
    ]);
    expect(dateOf(2026, 'lantern', { ...DEFAULT_OCCASION_SETTINGS, lantern: true })).toBe('2026-03-03');
    expect(dateOf(2026, 'double_ninth', { ...DEFAULT_OCCASION_SETTINGS, doubleNinth: false })).toBeUndefined();
  });
});

describe('birthdays', () => {
  it('lunar 八月十五 → 中秋 2026-09-25', () => {
    expect(birthdayInYear(person('a', '1975-09-20', { month: 8, day: 15 }), 2026)).toBe('2026-09-25');
  });

  it.each([
    [2026, DEFAULT_OCCASION_SETTINGS, '2026-02-28'],
    [2026, MAR1, '2026-03-01'],
    [2028, DEFAULT_OCCASION_SETTINGS, '2028-02-29'],
    [2028, MAR1, '2028-02-29'],
    [2100, DEFAULT_OCCASION_SETTINGS, '2100-02-28'], // 2100 is not a leap year
  ])('29 February in %i → %s', (year, settings, date) => {
    expect(birthdayInYear(person('a', '1988-02-29'), year, settings)).toBe(date);
  });

  // 闰四月初十 (lunar year 2020 had 闰四月, starting 2020-05-23). Lunar 2026 has no leap month,
  // so the birthday is 四月初十. Cross-check without the library: 2026's published 端午
  // (五月初五) is 2026-06-19, so 五月初一 is 06-15; the new moons of 2026-05-16 20:01 UTC
  // (05-17 Beijing) and 2026-06-15 02:54 UTC (06-15 Beijing) make 四月 29 days from 05-17,
  // so 四月初十 is 05-26. Equally: 正月初一 02-17 + 正月 30 + 二月 29 + 三月 30 days = 05-17.
  it('a leap-month birthday is kept in the regular month when the year has no such leap month', () => {
    const c = person('a', '2020-06-01', { month: 4, day: 10, leap: true });
    expect(birthdayInYear(c, 2026)).toBe('2026-05-26');
    expect(birthdayInYear(c, 2020)).toBe('2020-06-01'); // the leap month itself, in a year that has it
    expect(birthdayInYear({ ...c, lunarLeap: false }, 2020)).toBe('2020-05-02');
  });

  it('a regular-month birthday stays in the regular month in a year with that leap month (2025 闰六月)', () => {
    expect(birthdayInYear(person('a', null, { month: 6, day: 1 }), 2025)).toBe('2025-06-25');
    expect(birthdayInYear(person('a', null, { month: 6, day: 1, leap: true }), 2025)).toBe('2025-07-25');
  });

  // Lunar 2024 and 2025 both end on 腊月廿九 (除夕 2025-01-28 and 2026-02-16: "no 年三十");
  // lunar 2023's 腊月 had 30 days (除夕 2024-02-09).
  it.each([
    [2023, '2024-02-09'],
    [2024, '2025-01-28'],
    [2025, '2026-02-16'],
  ])('腊月三十 in lunar year %i → %s', (year, date) => {
    expect(birthdayInYear(person('a', null, { month: 12, day: 30 }), year)).toBe(date);
  });

  it('finds lunar birthdays by solar range: lunar year Y’s 腊月 is in solar Y+1', () => {
    const c = person('a', null, { month: 12, day: 30 });
    expect(birthdaysInRange(c, '2026-01-01', '2026-12-31')).toEqual([{ date: '2026-02-16', year: 2025 }]);
    // 腊月初十: lunar 2024's is 2025-01-09 (腊月初一 = 2025-01-29 − 29); lunar 2025's is in 2026.
    expect(birthdaysInRange(person('b', null, { month: 12, day: 10 }), '2025-01-01', '2025-12-31')).toEqual([{ date: '2025-01-09', year: 2024 }]);
  });

  // Not a calendar check (the published dates above are): it guards the engine's shortcut
  // (month start + day offset) against the library's own Lunar.fromYmd, for every date.
  it('converts lunar dates of 2019–2031 as lunar-javascript’s Lunar.fromYmd does', () => {
    for (let year = 2019; year <= 2031; year++) {
      const leapMonth = lunarJs.LunarYear.fromYear(year).getLeapMonth();
      for (let month = 1; month <= 12; month++) {
        for (const leap of leapMonth === month ? [false, true] : [false]) {
          const m = leap ? -month : month;
          const days = lunarJs.LunarMonth.fromYm(year, m).getDayCount();
          for (const day of [1, 2, 15, 28, 29, 30]) {
            const expected = lunarJs.Lunar.fromYmd(year, m, Math.min(day, days)).getSolar().toYmd();
            expect(birthdayInYear(person('a', null, { month, day, leap }), year), `${year}/${leap ? '闰' : ''}${month}/${day}`).toBe(expected);
          }
        }
      }
    }
  }, 30_000);

  it('no birthday for companies, for persons without a date, or on or before the birth', () => {
    expect(birthdayInYear(company('c', []), 2026)).toBeNull();
    expect(birthdayInYear(person('a', null), 2026)).toBeNull();
    expect(birthdaysInRange(person('a', '2026-03-10'), '2026-01-01', '2027-12-31').map((b) => b.date)).toEqual(['2027-03-10']);
    // A lunar client without the lunar date on file falls back to the solar birth date.
    expect(birthdayInYear({ ...person('a', '1980-07-07'), birthdayCalendar: 'lunar' }, 2026)).toBe('2026-07-07');
  });
});

describe('ages and milestones', () => {
  it('born 1966-03-10: 60 in 2026 is 整寿', () => {
    const [o] = occasionsInRange([person('a', '1966-03-10')], '2026-03-10', '2026-03-10').filter((x) => x.clientId);
    expect(o).toMatchObject({ date: '2026-03-10', kind: 'birthday', age: 60, milestone: true, lunar: false, remindOn: '2026-03-07' });
    const [p] = occasionsInRange([person('a', '1966-03-10')], '2025-03-10', '2025-03-10').filter((x) => x.clientId);
    expect(p).toMatchObject({ age: 59, milestone: false });
  });

  it('lunar birthdays: age = solar year of the date − birth year', () => {
    // Born 1966-01-01 = lunar 1965 腊月初十. Lunar 2025's 腊月初十 is 2026-01-28: 2026 − 1966 = 60.
    const c = person('a', '1966-01-01', { month: 12, day: 10 });
    const occ = occasionsInRange([c], '2025-01-01', '2026-12-31').filter((x) => x.kind === 'birthday');
    expect(occ.map((o) => [o.date, o.age, o.milestone, o.lunar])).toEqual([
      ['2025-01-09', 59, false, true],
      ['2026-01-28', 60, true, true],
    ]);
  });

  it('no age without a birth year', () => {
    const [o] = occasionsInRange([person('a', null, { month: 8, day: 15 })], '2026-09-25', '2026-09-25').filter((x) => x.clientId);
    expect(o).toEqual({ date: '2026-09-25', remindOn: '2026-09-22', kind: 'birthday', clientId: 'a', lunar: true });
  });

  it('ageOn counts the last birthday reached', () => {
    expect(ageOn(person('a', '1966-10-20'), '2026-10-19')).toBe(59);
    expect(ageOn(person('a', '1966-10-20'), '2026-10-20')).toBe(60);
    expect(ageOn(person('a', '1966-01-01', { month: 12, day: 10 }), '2026-01-27')).toBe(59);
    expect(ageOn(person('a', '1966-01-01', { month: 12, day: 10 }), '2026-01-28')).toBe(60);
    expect(ageOn(person('a', null), '2026-01-28')).toBeNull();
  });

  it('重阳 (2026-10-18) is greeted only for clients aged 60+ that day', () => {
    expect(greetsDoubleNinth(person('a', '1966-10-18'), '2026-10-18')).toBe(true);
    expect(greetsDoubleNinth(person('a', '1966-10-19'), '2026-10-18')).toBe(false);
    expect(greetsDoubleNinth(person('a', '1940-05-01'), '2026-10-18')).toBe(true);
    expect(greetsDoubleNinth(person('a', '1990-05-01'), '2026-10-18')).toBe(false);
    expect(greetsDoubleNinth(person('a', null, { month: 1, day: 1 }), '2026-10-18')).toBe(false);
    expect(greetsDoubleNinth(company('c', []), '2026-10-18')).toBe(false);
  });
});

describe('ranges and reminders', () => {
  it('lists holidays once and each client’s occasions, in date, kind, client order', () => {
    const clients = [person('b', '1980-09-25'), person('a', null, { month: 8, day: 15 }), company('c', [{ label: '成立', date: '2016-09-30' }])];
    const occ = occasionsInRange(clients, '2026-09-25', '2026-10-01');
    expect(occ.map((o) => [o.date, o.kind, o.clientId])).toEqual([
      ['2026-09-25', 'birthday', 'a'],
      ['2026-09-25', 'birthday', 'b'],
      ['2026-09-25', 'mid_autumn', null],
      ['2026-09-30', 'company_anniversary', 'c'],
      ['2026-10-01', 'national_day', null],
    ]);
    expect(occ[3]).toMatchObject({ years: 10, label: '成立', remindOn: '2026-09-27' });
    expect(occasionsInRange(clients, '2026-10-02', '2026-10-01')).toEqual([]);
  });

  it('company anniversaries: years ≥ 1, companies only, and only when enabled', () => {
    const c = company('c', [{ label: '成立', date: '2026-03-01' }, { label: '合作', date: '2024-02-29' }]);
    expect(occasionsInRange([c], '2026-02-01', '2026-03-31').filter((o) => o.clientId).map((o) => [o.date, o.years])).toEqual([['2026-02-28', 2]]);
    expect(occasionsInRange([c], '2027-03-01', '2027-03-01', MAR1).filter((o) => o.clientId).map((o) => [o.label, o.years])).toEqual([['成立', 1], ['合作', 3]]);
    expect(occasionsInRange([c], '2027-01-01', '2027-12-31', { ...DEFAULT_OCCASION_SETTINGS, companyAnniversaries: false }).filter((o) => o.clientId)).toEqual([]);
    expect(occasionsInRange([{ ...person('p', null), companyAnniversaries: [{ label: 'x', date: '2000-05-05' }] }], '2026-05-05', '2026-05-05')).toEqual([]);
  });

  it('lead times: a birthday on 2026-11-25 from 2026-11-22; 中秋 2026-09-25 from 2026-09-23', () => {
    const c = [person('a', '1980-11-25')];
    const has = (today: string, kind: string) => remindersFor(c, today).some((o) => o.kind === kind);
    expect([has('2026-11-21', 'birthday'), has('2026-11-22', 'birthday'), has('2026-11-25', 'birthday'), has('2026-11-26', 'birthday')]).toEqual([false, true, true, false]);
    expect([has('2026-09-22', 'mid_autumn'), has('2026-09-23', 'mid_autumn'), has('2026-09-25', 'mid_autumn'), has('2026-09-26', 'mid_autumn')]).toEqual([false, true, true, false]);
    const longer: OccasionSettings = { ...DEFAULT_OCCASION_SETTINGS, leadDays: { birthday: 7, holiday: 0 } };
    expect(remindersFor(c, '2026-11-18', longer).map((o) => o.kind)).toEqual(['birthday']);
    expect(remindersFor(c, '2026-09-24', longer)).toEqual([]);
  });

  it('a client born 22 November appears on 2026-11-22', () => {
    const c = [person('n', '1975-11-22')];
    expect(remindersFor(c, '2026-11-22')).toEqual([{ date: '2026-11-22', remindOn: '2026-11-19', kind: 'birthday', clientId: 'n', lunar: false, age: 51, milestone: false }]);
    expect(occasionsInRange(c, '2026-11-22', '2026-11-22').map((o) => o.clientId)).toEqual(['n']);
  });

  it('rejects dates that are not calendar dates', () => {
    expect(() => occasionsInRange([], '2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  it('100,000 clients over 30 days in well under a second', () => {
    const clients = Array.from({ length: 100_000 }, (_, i) => {
      const md = `${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      return i % 3 === 0 ? person(`c${i}`, `19${50 + (i % 50)}-${md}`, { month: (i % 12) + 1, day: (i % 30) + 1, leap: i % 7 === 0 }) : person(`c${i}`, `19${50 + (i % 50)}-${md}`);
    });
    occasionsInRange(clients.slice(0, 1000), '2026-01-01', '2026-12-31'); // load the library
    const start = performance.now();
    const occ = occasionsInRange(clients, '2026-11-10', '2026-12-09');
    const ms = performance.now() - start;
    expect(occ.length).toBeGreaterThan(7000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('the same dates in every time zone', () => {
  const modulePath = fileURLToPath(new URL('../../../src/main/core/domain/greetings/occasions.ts', import.meta.url));
  const expected = {
    reminders: [{ date: '2026-11-22', remindOn: '2026-11-19', kind: 'birthday', clientId: 'n', lunar: false, age: 51, milestone: false }],
    range: ['2026-09-25 birthday l', '2026-09-25 mid_autumn', '2026-10-01 national_day', '2026-10-18 double_ninth', '2026-11-22 birthday n'],
    spring: '2026-02-17',
    qingming: '2026-04-05',
  };
  it.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles'])('%s', (tz) => {
    const script = [
      `const o = await import(${JSON.stringify(modulePath)});`,
      `const base = { name: 'x', birthDate: null, birthdayCalendar: 'solar', lunarMonth: null, lunarDay: null, lunarLeap: false, companyAnniversaries: [] };`,
      `const clients = [{ ...base, id: 'n', kind: 'person', birthDate: '1975-11-22' }, { ...base, id: 'l', kind: 'person', birthdayCalendar: 'lunar', lunarMonth: 8, lunarDay: 15 }];`,
      `const range = o.occasionsInRange(clients, '2026-09-20', '2026-11-30').map((x) => x.date + ' ' + x.kind + (x.clientId ? ' ' + x.clientId : ''));`,
      `const h = o.holidayDates(2026);`,
      `console.log(JSON.stringify({ reminders: o.remindersFor(clients, '2026-11-22'), range, spring: h[1].date, qingming: h[2].date }));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(expected);
  }, 40_000);
});

describe('visit brief occasions (calendar/upcoming.ts delegates here)', () => {
  const base = { birthDate: null, birthdayCalendar: 'solar' as const, lunarMonth: null, lunarDay: null, lunarLeap: false, companyAnniversaries: [] };
  it('titles birthdays and anniversaries', () => {
    expect(upcomingOccasions({ ...base, kind: 'person', birthdayCalendar: 'lunar', lunarMonth: 8, lunarDay: 15 }, '2026-09-01', '2026-10-31', 'zh-CN')).toEqual([
      { date: '2026-09-25', kind: 'birthday', title: '生日（农历）' },
    ]);
    expect(upcomingOccasions({ ...base, kind: 'person', birthDate: '1980-09-26' }, '2026-09-01', '2026-10-31', 'en')).toEqual([{ date: '2026-09-26', kind: 'birthday', title: 'Birthday' }]);
    expect(upcomingOccasions({ ...base, kind: 'person', birthdayCalendar: 'lunar', lunarMonth: 12, lunarDay: 30 }, '2026-01-01', '2026-03-01', 'en')).toEqual([
      { date: '2026-02-16', kind: 'birthday', title: 'Birthday (lunar)' },
    ]);
    const co = { ...base, kind: 'company' as const, companyAnniversaries: [{ label: '成立', date: '2016-10-10' }] };
    expect(upcomingOccasions(co, '2026-09-01', '2026-10-31', 'zh-CN')).toEqual([{ date: '2026-10-10', kind: 'company_anniversary', title: '成立（10 周年）' }]);
    expect(upcomingOccasions(co, '2026-09-01', '2026-10-31', 'en')[0]?.title).toBe('成立 (10 years)');
  });

  it('birthdayIn keeps 29 February on the 28th in common years', () => {
    expect(birthdayIn({ ...base, kind: 'person', birthDate: '1988-02-29' }, 2026)).toBe('2026-02-28');
    expect(birthdayIn({ ...base, kind: 'company', birthDate: '1988-02-29' }, 2026)).toBeNull();
  });
});
