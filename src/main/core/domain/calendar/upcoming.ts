import lunar from 'lunar-javascript';
import type { Locale } from '../../../../shared/contract';

// The client's own occasions in a date range, for the visit brief: the next birthday
// (solar or lunar) and company anniversaries. The greetings feature builds the full
// occasions engine (holidays, milestones, lead times) on the same conversions.

export interface OccasionClient {
  kind: 'person' | 'company';
  birthDate: string | null;
  birthdayCalendar: 'solar' | 'lunar';
  lunarMonth: number | null;
  lunarDay: number | null;
  lunarLeap: boolean;
  companyAnniversaries: { label: string; date: string }[];
}

export interface Occasion {
  date: string;
  kind: string;
  title: string;
}

/** Occasions with a date in [from, to] (inclusive), in date order. */
export function upcomingOccasions(c: OccasionClient, from: string, to: string, locale: Locale): Occasion[] {
  const out: Occasion[] = [];
  // A lunar year's last months fall in the next solar year: start one year early.
  for (let year = Number(from.slice(0, 4)) - 1; year <= Number(to.slice(0, 4)); year++) {
    const birthday = birthdayIn(c, year);
    if (birthday && birthday >= from && birthday <= to) {
      const lunarText = c.birthdayCalendar === 'lunar' ? (locale === 'en' ? ' (lunar)' : '（农历）') : '';
      out.push({ date: birthday, kind: 'birthday', title: (locale === 'en' ? 'Birthday' : '生日') + lunarText });
    }
    for (const a of c.companyAnniversaries) {
      const date = solarInYear(a.date, year);
      const years = year - Number(a.date.slice(0, 4));
      if (date >= from && date <= to && years > 0) out.push({ date, kind: 'company_anniversary', title: locale === 'en' ? `${a.label} (${years} years)` : `${a.label}（${years} 周年）` });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** The solar date of the client's birthday in `year`, or null when none is on file. */
export function birthdayIn(c: OccasionClient, year: number): string | null {
  if (c.kind !== 'person') return null;
  if (c.birthdayCalendar === 'lunar' && c.lunarMonth && c.lunarDay) return lunarToSolar(year, c.lunarMonth, c.lunarDay, c.lunarLeap);
  return c.birthDate ? solarInYear(c.birthDate, year) : null;
}

/** 29 February falls on 28 February in common years. */
function solarInYear(date: string, year: number): string {
  const md = date.slice(5);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/**
 * The lunar date in lunar year `year` as a solar date. A leap-month birthday is kept in the
 * leap month only in years that have it; day 30 becomes day 29 in a short month.
 */
function lunarToSolar(year: number, month: number, day: number, leap: boolean): string {
  const useLeap = leap && lunar.LunarYear.fromYear(year).getLeapMonth() === month;
  const m = useLeap ? -month : month;
  const days = lunar.LunarMonth.fromYm(year, m).getDayCount();
  return lunar.Lunar.fromYmd(year, m, Math.min(day, days)).getSolar().toYmd();
}
