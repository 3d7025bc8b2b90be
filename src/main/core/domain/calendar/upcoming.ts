import type { Locale } from '../../../../shared/contract';
import { birthdayInYear, clientOccasionsInRange, DEFAULT_OCCASION_SETTINGS, type OccasionClientInput } from '../greetings/occasions';

// The client's own occasions in a date range, for the visit brief: the birthday (solar or
// lunar) and company anniversaries. The conversions live in the greetings engine
// (greetings/occasions.ts); this only titles them.

export type OccasionClient = Omit<OccasionClientInput, 'id' | 'name'>;

export interface Occasion {
  date: string;
  kind: string;
  title: string;
}

/** Occasions with a date in [from, to] (inclusive), in date order. */
export function upcomingOccasions(c: OccasionClient, from: string, to: string, locale: Locale): Occasion[] {
  const en = locale === 'en';
  return clientOccasionsInRange({ ...c, id: '', name: '' }, from, to, DEFAULT_OCCASION_SETTINGS)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((o) => {
      if (o.kind === 'birthday') {
        const lunarText = o.lunar ? (en ? ' (lunar)' : '（农历）') : '';
        return { date: o.date, kind: o.kind, title: (en ? 'Birthday' : '生日') + lunarText };
      }
      const title = en ? `${o.label ?? ''} (${o.years ?? 0} years)` : `${o.label ?? ''}（${o.years ?? 0} 周年）`;
      return { date: o.date, kind: o.kind, title };
    });
}

/**
 * The solar date of the client's birthday in `year` (a lunar year for a lunar birthday, whose
 * 腊月 falls in the next solar year), or null when none is on file. 29 February → 28 February.
 */
export function birthdayIn(c: OccasionClient, year: number): string | null {
  return birthdayInYear(c, year, DEFAULT_OCCASION_SETTINGS);
}
