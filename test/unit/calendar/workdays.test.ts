import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayInfo,
  dayInfos,
  daysBetween,
  holidayDataCovers,
  isWorkday,
  shiftToWorkday,
} from '../../../src/main/core/domain/calendar/workdays';

// Expectations are written out from the State Council (国务院办公厅) notices on holiday
// arrangements — 国办发明电〔2024〕12号 for 2025 and 国办发明电〔2025〕7号 for 2026 — not
// read from chinese-days, so a wrong row in the library's data fails here.
interface Arrangement {
  name: string;
  off: [string, string];
  makeUp: string[];
}

const PUBLISHED: Arrangement[] = [
  { name: '春节', off: ['2025-01-28', '2025-02-04'], makeUp: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', off: ['2025-04-04', '2025-04-06'], makeUp: [] },
  { name: '劳动节', off: ['2025-05-01', '2025-05-05'], makeUp: ['2025-04-27'] },
  { name: '端午节', off: ['2025-05-31', '2025-06-02'], makeUp: [] },
  // 2025's notice joins 国庆节、中秋节 into one break; the name checks below treat it apart.
  { name: '国庆节', off: ['2025-10-01', '2025-10-08'], makeUp: ['2025-09-28', '2025-10-11'] },
  { name: '元旦', off: ['2026-01-01', '2026-01-03'], makeUp: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], makeUp: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', off: ['2026-04-04', '2026-04-06'], makeUp: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], makeUp: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'], makeUp: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'], makeUp: [] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], makeUp: ['2026-09-20', '2026-10-10'] },
];

function span([from, to]: [string, string]): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

describe('addDays / daysBetween', () => {
  it.each([
    ['2026-10-01', 7, '2026-10-08'],
    ['2026-10-08', -7, '2026-10-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2024-02-28', 1, '2024-02-29'], // leap year
    ['2025-02-28', 1, '2025-03-01'],
    ['2100-02-28', 1, '2100-03-01'], // century, not a leap year
    ['2026-03-29', 1, '2026-03-30'], // European DST change: no effect on calendar days
    ['2026-05-09', 0, '2026-05-09'],
  ])('addDays(%s, %i) = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(n);
  });

  it.each([
    ['2026-01-01', '2027-01-01', 365],
    ['2024-01-01', '2025-01-01', 366],
    ['2026-10-08', '2026-10-01', -7],
  ])('daysBetween(%s, %s) = %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-2-3', '20261001', '', '2026-10-01T00:00:00Z'])(
    'rejects %j',
    (bad) => {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => isWorkday(bad)).toThrow(RangeError);
    },
  );

  it('rejects a fractional day count', () => {
    expect(() => addDays('2026-10-01', 0.5)).toThrow(RangeError);
  });
});

describe('published State Council arrangements', () => {
  it.each(PUBLISHED.map((a) => [a.name, a.off[0], a.off[1], a] as const))('%s %s … %s is off', (_n, _f, _t, a) => {
    for (const d of span(a.off)) {
      expect(isWorkday(d), d).toBe(false);
      expect(dayInfo(d).workday, d).toBe(false);
      expect(dayInfo(d).makeUpWorkday, d).toBe(false);
    }
  });

  it.each(PUBLISHED.flatMap((a) => a.makeUp.map((d) => [d, a.name] as const)))('%s is a make-up workday (%s)', (d) => {
    expect(isWorkday(d)).toBe(true);
    expect(dayInfo(d)).toMatchObject({ workday: true, makeUpWorkday: true, holiday: null });
  });

  it.each(PUBLISHED.filter((a) => a.off[0] !== '2025-10-01').map((a) => [a.off[0], a.name] as const))(
    'every day of the break starting %s is named %s',
    (start, name) => {
      const a = PUBLISHED.find((x) => x.off[0] === start)!;
      for (const d of span(a.off)) expect(dayInfo(d).holiday, d).toBe(name);
    },
  );

  it('2025 国庆节、中秋节: 10-06 (八月十五) is 中秋节, the rest 国庆节', () => {
    const names = span(['2025-10-01', '2025-10-08']).map((d) => dayInfo(d).holiday);
    expect(names).toEqual(['国庆节', '国庆节', '国庆节', '国庆节', '国庆节', '中秋节', '国庆节', '国庆节']);
  });

  it.each([
    ['2026-09-30', true], // Wednesday before the break
    ['2026-10-08', true], // Thursday after it
    ['2026-10-11', false], // Sunday after the Saturday make-up day
    ['2026-11-27', true], // ordinary Friday
    ['2026-11-28', false], // ordinary Saturday
    ['2025-12-31', true], // 2025's 元旦 is 1 Jan only; 31 Dec is an ordinary Wednesday
    ['2025-01-01', false],
  ])('isWorkday(%s) = %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });

  it('an ordinary day has no holiday and is no make-up day', () => {
    expect(dayInfo('2026-11-27')).toEqual({ date: '2026-11-27', holiday: null, makeUpWorkday: false, workday: true, lunar: '十九' });
    expect(dayInfo('2026-11-28')).toMatchObject({ holiday: null, makeUpWorkday: false, workday: false });
  });
});

describe('shiftToWorkday', () => {
  it.each([
    ['2026-10-01', 'forward', '2026-10-08'],
    ['2026-10-03', 'back', '2026-09-30'],
    ['2026-02-17', 'forward', '2026-02-24'],
    ['2026-02-17', 'back', '2026-02-14'], // lands on the Saturday make-up day
    ['2026-01-01', 'forward', '2026-01-04'], // Sunday make-up day
    ['2026-01-01', 'back', '2025-12-31'], // across the year boundary
    ['2026-05-01', 'forward', '2026-05-06'],
    ['2026-05-02', 'back', '2026-04-30'],
    ['2026-09-26', 'forward', '2026-09-28'], // 中秋节 Saturday → Monday
    ['2025-10-01', 'forward', '2025-10-09'],
    ['2025-10-05', 'back', '2025-09-30'],
    ['2025-05-01', 'forward', '2025-05-06'],
    ['2025-05-03', 'back', '2025-04-30'],
    ['2026-11-28', 'forward', '2026-11-30'], // ordinary Saturday → Monday
    ['2026-11-28', 'back', '2026-11-27'],
    ['2026-10-10', 'forward', '2026-10-10'], // a make-up Saturday is already a working day
    ['2026-11-27', 'back', '2026-11-27'],
    ['2030-10-01', 'forward', '2030-10-01'], // no data for 2030: an ordinary Tuesday
    ['2030-10-05', 'forward', '2030-10-07'],
    ['2030-10-06', 'back', '2030-10-04'],
  ] as const)('shiftToWorkday(%s, %s) = %s', (date, direction, expected) => {
    expect(shiftToWorkday(date, direction)).toBe(expected);
  });

  it('moves forward by default', () => {
    expect(shiftToWorkday('2026-10-01')).toBe('2026-10-08');
    expect(shiftToWorkday('2026-02-17')).toBe('2026-02-24');
  });
});

describe('years without holiday data', () => {
  it.each([
    [2025, true],
    [2026, true],
    [2030, false],
    [2026.5, false],
  ])('holidayDataCovers(%s) = %s', (year, expected) => {
    expect(holidayDataCovers(year)).toBe(expected);
  });

  it.each([
    ['2030-01-01', true], // Tuesday: 元旦 is unknown without the notice
    ['2030-10-01', true], // Tuesday
    ['2030-10-05', false], // Saturday
    ['2030-10-06', false], // Sunday
  ])('isWorkday(%s) = %s (weekends only)', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
    expect(dayInfo(date)).toMatchObject({ holiday: null, makeUpWorkday: false, workday: expected });
  });
});

describe('dayInfo: holiday names and lunar labels', () => {
  it.each([
    ['2026-10-01', '国庆节'],
    ['2026-02-17', '春节'],
    ['2026-09-25', '中秋节'],
    ['2026-06-19', '端午节'],
    ['2026-04-05', '清明节'],
    ['2026-05-01', '劳动节'],
    ['2026-01-01', '元旦'],
    ['2025-01-29', '春节'],
  ])('%s is %s', (date, name) => {
    expect(dayInfo(date).holiday).toBe(name);
  });

  // Almanac facts: the month name replaces 初一 on the first day of a lunar month.
  it.each([
    ['2026-02-17', '正月'], // 正月初一, Spring Festival 2026
    ['2025-01-29', '正月'], // 正月初一, Spring Festival 2025
    ['2026-02-16', '廿九'], // 除夕 2026 falls on 腊月廿九 (a 29-day 腊月)
    ['2025-10-06', '十五'], // 八月十五, 中秋节 2025
    ['2026-09-25', '十五'], // 八月十五, 中秋节 2026
    ['2025-07-25', '闰六月'], // 闰六月初一
    ['2025-08-23', '七月'], // 七月初一, after the leap month
    ['2025-12-20', '冬月'], // 冬月初一
    ['2026-01-19', '腊月'], // 腊月初一
    ['2026-10-01', '廿一'], // 八月廿一
    ['2026-11-27', '十九'], // 十月十九
  ])('%s → %s', (date, label) => {
    expect(dayInfo(date).lunar).toBe(label);
  });

  it('returns a copy: mutating a result does not change the next one', () => {
    const first = dayInfo('2026-10-01');
    first.holiday = 'mutated';
    expect(dayInfo('2026-10-01').holiday).toBe('国庆节');
  });
});

describe('dayInfos', () => {
  it('lists every day, with the 2026 国庆节 break and its Saturday make-up day', () => {
    const days = dayInfos('2026-09-30', '2026-10-11');
    expect(days.map((d) => d.date)).toEqual(span(['2026-09-30', '2026-10-11']));
    expect(days.map((d) => d.workday)).toEqual([true, false, false, false, false, false, false, false, true, true, true, false]);
    expect(days.filter((d) => d.makeUpWorkday).map((d) => d.date)).toEqual(['2026-10-10']);
  });

  it('accepts a single day and up to 400 days', () => {
    expect(dayInfos('2026-10-01', '2026-10-01')).toHaveLength(1);
    expect(dayInfos('2026-01-01', addDays('2026-01-01', 399))).toHaveLength(400);
  });

  it('rejects more than 400 days and a reversed range', () => {
    expect(() => dayInfos('2026-01-01', addDays('2026-01-01', 400))).toThrow(RangeError);
    expect(() => dayInfos('2026-10-02', '2026-10-01')).toThrow(RangeError);
  });
});

describe('time zone independence', () => {
  // chinese-days reads dates with local getters; west of UTC its own weekday logic is a
  // day early. The module must give the published answers wherever the machine is.
  // A fresh process is needed: the library builds its tables once, at load.
  const modulePath = fileURLToPath(new URL('../../../src/main/core/domain/calendar/workdays.ts', import.meta.url));
  const probe: [string, boolean][] = [
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
    ['2026-09-20', true],
    ['2026-11-27', true],
    ['2026-11-28', false],
    ['2030-10-01', true],
    ['2030-10-05', false],
  ];

  it.each(['America/New_York', 'Pacific/Honolulu', 'Asia/Shanghai', 'Pacific/Kiritimati'])('%s', (tz) => {
    const script = [
      `const w = await import(${JSON.stringify(modulePath)});`,
      `const dates = ${JSON.stringify(probe.map(([d]) => d))};`,
      `console.log(JSON.stringify({ work: dates.map((d) => w.isWorkday(d)), shift: w.shiftToWorkday('2026-10-01'),`,
      `  name: w.dayInfo('2026-10-01').holiday, covers: w.holidayDataCovers(2026) }));`,
    ].join('\n');
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ work: probe.map(([, w]) => w), shift: '2026-10-08', name: '国庆节', covers: true });
  }, 40_000);
});
