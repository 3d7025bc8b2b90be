import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { GreetingRef, GreetingRow, OccasionKindName } from '../../../../shared/greetings';
import type { Tone } from '../../components/ToneTag';
import { PLACEHOLDER, type MergeField } from '../../../../shared/greeting-text';

// Titles, keys, dates and SMS lengths of greetings, shared by the Greetings page, its
// template editor and the calendar.

export { MERGE_FIELDS, smsSegments, type MergeField } from '../../../../shared/greeting-text';

/** More than one message: the manager pays for each part. */
export const SMS_LONG_COLOR = '#ad4e00';

/** A preview of a template being edited: unknown fields stay visible as typed (the core refuses them at save). */
export function fillTemplate(text: string, values: Record<MergeField, string>): string {
  return text.replace(PLACEHOLDER, (m, f: string) => values[f as MergeField] ?? m);
}

export const refKey = (r: GreetingRef): string => `${r.clientId}|${r.occasion}|${r.date}`;
export const toRef = (r: GreetingRef): GreetingRef => ({ clientId: r.clientId, occasion: r.occasion, date: r.date });

export const isHoliday = (kind: OccasionKindName): boolean => kind !== 'birthday' && kind !== 'company_anniversary';

/** 生日 / 46 岁生日 / 60 岁整寿 / 公司成立 20 周年 / 中秋节 (the lunar mark is a tag of its own). */
export function occasionTitle(t: TFunction, r: Pick<GreetingRow, 'occasion' | 'age' | 'milestone' | 'years' | 'label'>): string {
  if (r.occasion === 'birthday') {
    const key = r.milestone ? 'occasionTitles.milestone' : r.age ? 'occasionTitles.birthdayAge' : 'occasionTitles.birthday';
    return t(key, { age: r.age ?? '', lunar: '' });
  }
  if (r.occasion === 'company_anniversary') return t('occasionTitles.anniversary', { label: r.label ?? t('occasionNames.company_anniversary'), years: r.years ?? '' });
  return t(`occasionNames.${r.occasion}`);
}

export const STATUS_TONES: Record<GreetingRow['status'], Tone> = { pending: 'info', sent: 'success', skipped: 'neutral', excluded: 'neutral' };

/** `11月27日 周五`, with the year when it is not this year's; English `Fri 27 Nov`. */
export function dayHeading(date: string, lang: string): string {
  const d = dayjs(date);
  const sameYear = d.year() === dayjs().year();
  if (lang === 'en') return d.format(sameYear ? 'ddd D MMM' : 'ddd D MMM YYYY');
  return d.format(sameYear ? 'M月D日 ddd' : 'YYYY年M月D日 ddd');
}

export function localDay(offset = 0): string {
  return dayjs().add(offset, 'day').format('YYYY-MM-DD');
}
