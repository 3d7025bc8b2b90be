import lunar from 'lunar-javascript';
import { addDays, daysBetween } from '../calendar/workdays';

// The greeting days of domain.md §3 as pure functions: the holidays of a year, each client's
// birthday (solar or lunar) and company anniversaries, and which of them to remind of on a
// given day. Dates are YYYY-MM-DD calendar days; `today` always comes from the caller, and
// nothing here reads the clock or the time zone.

export type OccasionKind =
  | 'birthday'
  | 'new_year'
  | 'spring_festival'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'national_day'
  | 'lantern'
  | 'double_ninth'
  | 'company_anniversary';

/** Tie-break order for occasions on the same day: the client's own first, then the calendar. */
const KIND_ORDER: readonly OccasionKind[] = ['birthday', 'company_anniversary', 'new_year', 'spring_festival', 'lantern', 'qingming', 'labour_day', 'dragon_boat', 'mid_autumn', 'national_day', 'double_ninth'];
const KIND_RANK = new Map(KIND_ORDER.map((k, i) => [k, i]));

export interface OccasionSettings {
  /** Where a 29 February birthday (or founding date) falls in a common year. */
  feb29: 'feb28' | 'mar1';
  /** Days before the occasion to remind: `birthday` covers the client's own days (birthdays, company anniversaries). */
  leadDays: { birthday: number; holiday: number };
  lantern: boolean;
  doubleNinth: boolean;
  companyAnniversaries: boolean;
}

export const DEFAULT_OCCASION_SETTINGS: OccasionSettings = {
  feb29: 'feb28',
  leadDays: { birthday: 3, holiday: 2 },
  lantern: false,
  doubleNinth: true,
  companyAnniversaries: true,
};

/** 整寿: the round birthdays of the elderly that call for more than a message. */
export const MILESTONE_AGES: readonly number[] = [60, 70, 80, 90, 100];
/** 重阳 (敬老节) is greeted only from this age. */
export const DOUBLE_NINTH_MIN_AGE = 60;

// Per lunar year: its months (first Julian day, length) read once, and the solar date of
// every lunar (month, day, leap) asked for, in a flat array. A book of clients shares a few
// hundred distinct lunar dates; a numeric index is much cheaper than a string key per client,
// and lunar-javascript keeps only one LunarYear cached, so alternating years would rebuild it.
interface LunarYearTable {
  leapMonth: number;
  /** Keyed by lunar-javascript's month number (negative for the leap month). */
  months: Map<number, { firstJulianDay: number; days: number }>;
  dates: (string | undefined)[];
}
const MAX_CACHED_YEARS = 400;
const lunarCache = new Map<number, LunarYearTable>();
const holidayCache = new Map<number, { kind: OccasionKind; date: string }[]>();

function lunarYearTable(year: number): LunarYearTable {
  let table = lunarCache.get(year);
  if (!table) {
    const ly = lunar.LunarYear.fromYear(year);
    const months = new Map<number, { firstJulianDay: number; days: number }>();
    for (const m of ly.getMonthsInYear()) months.set(m.getMonth(), { firstJulianDay: m.getFirstJulianDay(), days: m.getDayCount() });
    table = { leapMonth: ly.getLeapMonth(), months, dates: new Array<string | undefined>(12 * 30 * 2) };
    if (lunarCache.size >= MAX_CACHED_YEARS) lunarCache.clear();
    lunarCache.set(year, table);
  }
  return table;
}

/**
 * The solar date of lunar `month`/`day` in lunar year `year`. A leap-month date stays in the
 * leap month only when that year has it (else the regular month); day 30 of a 29-day month
 * becomes day 29.
 */
export function lunarDateToSolar(year: number, month: number, day: number, leap: boolean): string {
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(day) || day < 1 || day > 30) {
    throw new RangeError(`Not a lunar month/day: ${month}/${day}`);
  }
  const table = lunarYearTable(year);
  const index = ((month - 1) * 30 + day - 1) * 2 + (leap ? 1 : 0);
  let solar = table.dates[index];
  if (solar === undefined) {
    const m = table.months.get(leap && table.leapMonth === month ? -month : month)!;
    // Day arithmetic from the month's first day, as Lunar.fromYmd does internally.
    solar = lunar.Solar.fromJulianDay(m.firstJulianDay + Math.min(day, m.days) - 1).toYmd();
    table.dates[index] = solar;
  }
  return solar;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A solar month-day (from `date`, any year) in `year`; 29 February per the setting in common years. */
export function solarInYear(date: string, year: number, feb29: OccasionSettings['feb29'] = 'feb28'): string {
  const md = date.slice(5);
  const y = String(year).padStart(4, '0');
  if (md === '02-29' && !isLeapYear(year)) return `${y}-${feb29 === 'mar1' ? '03-01' : '02-28'}`;
  return `${y}-${md}`;
}

const LUNAR_HOLIDAYS: readonly [OccasionKind, number, number][] = [
  ['spring_festival', 1, 1],
  ['lantern', 1, 15],
  ['dragon_boat', 5, 5],
  ['mid_autumn', 8, 15],
  ['double_ninth', 9, 9],
];
const LUNAR_KINDS = new Set<OccasionKind>(LUNAR_HOLIDAYS.map(([k]) => k));

/** The solar date of each greeting holiday in a (solar) year, in date order. */
export function holidayDates(year: number, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): { kind: OccasionKind; date: string }[] {
  let all = holidayCache.get(year);
  if (!all) {
    const y = String(year).padStart(4, '0');
    // The lunar holidays all fall between late January and November, so lunar year Y's
    // are the ones in solar year Y.
    all = [
      { kind: 'new_year', date: `${y}-01-01` },
      ...LUNAR_HOLIDAYS.map(([kind, m, d]) => ({ kind, date: lunarDateToSolar(year, m, d, false) })),
      // Lunar year Y's solar-term table runs from the 冬至 before it; its 清明 is in April of Y.
      { kind: 'qingming', date: lunar.Lunar.fromYmd(year, 1, 1).getJieQiTable()['清明']!.toYmd() },
      { kind: 'labour_day', date: `${y}-05-01` },
      { kind: 'national_day', date: `${y}-10-01` },
    ];
    all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    if (holidayCache.size >= 1000) holidayCache.clear();
    holidayCache.set(year, all);
  }
  // Copies: the cached rows must not be changed by a caller.
  return all.filter((h) => (h.kind !== 'lantern' || settings.lantern) && (h.kind !== 'double_ninth' || settings.doubleNinth)).map((h) => ({ ...h }));
}

export interface OccasionClientInput {
  id: string;
  kind: 'person' | 'company';
  name: string;
  birthDate: string | null;
  birthdayCalendar: 'solar' | 'lunar';
  lunarMonth: number | null;
  lunarDay: number | null;
  lunarLeap: boolean;
  companyAnniversaries: { label: string; date: string }[];
}

type BirthdayFields = Pick<OccasionClientInput, 'kind' | 'birthDate' | 'birthdayCalendar' | 'lunarMonth' | 'lunarDay' | 'lunarLeap'>;

function isLunar(c: BirthdayFields): boolean {
  return c.birthdayCalendar === 'lunar' && !!c.lunarMonth && !!c.lunarDay;
}

/**
 * The client's birthday in `year` — a solar year for a solar birthday, a LUNAR year for a
 * lunar one (lunar year Y's 腊月 falls in January/February of solar Y+1). A lunar client
 * without the lunar month/day on file falls back to the solar birth date. Null for companies
 * and for persons with neither.
 */
export function birthdayInYear(c: BirthdayFields, year: number, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): string | null {
  if (c.kind !== 'person') return null;
  if (isLunar(c)) return lunarDateToSolar(year, c.lunarMonth!, c.lunarDay!, c.lunarLeap);
  return c.birthDate ? solarInYear(c.birthDate, year, settings.feb29) : null;
}

/** Calls `fn` for each birthday with a solar date in [from, to] (years fromYear..toYear of `from`/`to`), after the birth itself. */
function eachBirthday(c: BirthdayFields, from: string, to: string, fromYear: number, toYear: number, settings: OccasionSettings, fn: (date: string, year: number) => void): void {
  if (c.kind !== 'person') return;
  const lunarBirthday = isLunar(c);
  if (!lunarBirthday && !c.birthDate) return;
  // Lunar year Y's birthday falls in solar Y or Y+1: start one year early.
  for (let year = fromYear - (lunarBirthday ? 1 : 0); year <= toYear; year++) {
    const date = lunarBirthday ? lunarDateToSolar(year, c.lunarMonth!, c.lunarDay!, c.lunarLeap) : solarInYear(c.birthDate!, year, settings.feb29);
    if (date >= from && date <= to && !(c.birthDate && date <= c.birthDate)) fn(date, year);
  }
}

/**
 * The client's birthdays whose solar date is in [from, to], in date order, after the birth
 * itself. `year` is the (lunar or solar) year passed to birthdayInYear.
 */
export function birthdaysInRange(c: BirthdayFields, from: string, to: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): { date: string; year: number }[] {
  const out: { date: string; year: number }[] = [];
  if (from <= to) eachBirthday(c, from, to, Number(from.slice(0, 4)), Number(to.slice(0, 4)), settings, (date, year) => out.push({ date, year }));
  return out;
}

/** The age reached on a birthday falling on `date`: solar year of the date − birth year (also for lunar birthdays). */
function ageAt(c: BirthdayFields, date: string): number | null {
  return c.birthDate ? Number(date.slice(0, 4)) - Number(c.birthDate.slice(0, 4)) : null;
}

/** The client's age on `date`: the age reached on the last birthday (solar or lunar) on or before it; null without a birth date. */
export function ageOn(c: BirthdayFields, date: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): number | null {
  if (c.kind !== 'person' || !c.birthDate || date < c.birthDate) return null;
  const year = Number(date.slice(0, 4));
  // A lunar year's birthday can fall in the next solar year; three years back always holds the last one.
  for (let y = year; y >= year - 2; y--) {
    const b = birthdayInYear(c, y, settings);
    if (b && b <= date && b > c.birthDate) return ageAt(c, b);
  }
  return 0;
}

/** 重阳 is greeted only for clients aged 60 or more on that day (敬老). */
export function greetsDoubleNinth(c: BirthdayFields, date: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): boolean {
  return (ageOn(c, date, settings) ?? 0) >= DOUBLE_NINTH_MIN_AGE;
}

export interface Occasion {
  /** The day of the occasion. */
  date: string;
  /** date − lead days. */
  remindOn: string;
  kind: OccasionKind;
  /** null for holidays. */
  clientId: string | null;
  lunar: boolean;
  /** Birthdays: the age reached that day (lunar birthdays: solar year of the date − birth year). */
  age?: number;
  /** 整寿: 60, 70, 80, 90, 100. */
  milestone?: boolean;
  /** Company anniversaries: years since the date on file. */
  years?: number;
  label?: string;
}

interface RangeContext {
  from: string;
  to: string;
  fromYear: number;
  toYear: number;
  settings: OccasionSettings;
  /** date → date − birthday lead: a range has few distinct dates and many clients. */
  remindOn: Map<string, string>;
}

function rangeContext(from: string, to: string, settings: OccasionSettings): RangeContext {
  return { from, to, fromYear: Number(from.slice(0, 4)), toYear: Number(to.slice(0, 4)), settings, remindOn: new Map() };
}

function clientRemindOn(ctx: RangeContext, date: string): string {
  let r = ctx.remindOn.get(date);
  if (r === undefined) {
    r = addDays(date, -ctx.settings.leadDays.birthday);
    ctx.remindOn.set(date, r);
  }
  return r;
}

function pushClientOccasions(c: OccasionClientInput, ctx: RangeContext, out: Occasion[]): void {
  const { from, to, fromYear, toYear, settings } = ctx;
  eachBirthday(c, from, to, fromYear, toYear, settings, (date) => {
    const o: Occasion = { date, remindOn: clientRemindOn(ctx, date), kind: 'birthday', clientId: c.id, lunar: isLunar(c) };
    const age = ageAt(c, date);
    if (age !== null && age > 0) {
      o.age = age;
      o.milestone = MILESTONE_AGES.includes(age);
    }
    out.push(o);
  });
  if (c.kind !== 'company' || !settings.companyAnniversaries) return;
  for (const a of c.companyAnniversaries) {
    const founded = Number(a.date.slice(0, 4));
    for (let year = Math.max(fromYear, founded + 1); year <= toYear; year++) {
      const date = solarInYear(a.date, year, settings.feb29);
      if (date >= from && date <= to) {
        out.push({ date, remindOn: clientRemindOn(ctx, date), kind: 'company_anniversary', clientId: c.id, lunar: false, years: year - founded, label: a.label });
      }
    }
  }
}

/** The client's own occasions (birthday, company anniversaries) with a date in [from, to], unsorted. */
export function clientOccasionsInRange(c: OccasionClientInput, from: string, to: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): Occasion[] {
  const out: Occasion[] = [];
  if (from <= to) pushClientOccasions(c, rangeContext(from, to, settings), out);
  return out;
}

function compareOccasions(a: Occasion, b: Occasion): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.kind !== b.kind) return KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!;
  if (a.clientId === b.clientId) return 0;
  if (a.clientId === null) return -1;
  if (b.clientId === null) return 1;
  return a.clientId < b.clientId ? -1 : 1;
}

/**
 * Occasions whose date is in [from, to] (inclusive), in date order, then kind, then client:
 * every holiday once (clientId null) and each client's birthday and company anniversaries.
 * 重阳 is listed as a holiday; whom to greet on it is greetsDoubleNinth's call.
 */
export function occasionsInRange(clients: Iterable<OccasionClientInput>, from: string, to: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): Occasion[] {
  // Validates both dates (throws on anything that is not a calendar date).
  if (daysBetween(from, to) < 0) return [];
  const out: Occasion[] = [];
  const ctx = rangeContext(from, to, settings);
  for (let year = ctx.fromYear; year <= ctx.toYear; year++) {
    for (const h of holidayDates(year, settings)) {
      if (h.date >= from && h.date <= to) {
        out.push({ date: h.date, remindOn: addDays(h.date, -settings.leadDays.holiday), kind: h.kind, clientId: null, lunar: LUNAR_KINDS.has(h.kind) });
      }
    }
  }
  for (const c of clients) pushClientOccasions(c, ctx, out);
  return out.sort(compareOccasions);
}

/** Occasions to remind of on `today`: remindOn ≤ today ≤ date. */
export function remindersFor(clients: Iterable<OccasionClientInput>, today: string, settings: OccasionSettings = DEFAULT_OCCASION_SETTINGS): Occasion[] {
  const lead = Math.max(0, settings.leadDays.birthday, settings.leadDays.holiday);
  return occasionsInRange(clients, today, addDays(today, lead), settings).filter((o) => o.remindOn <= today);
}
