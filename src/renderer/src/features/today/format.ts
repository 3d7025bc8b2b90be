import dayjs from 'dayjs';
import type { FollowupType } from '../../../../shared/followups';
import type { Tone } from '../../components/ToneTag';

// Dates, tones and quick-log targets of agenda items, shared by the Today page and the timeline.

/** Calm colours by follow-up type: red only where a deadline or a complaint is at stake. */
export const FOLLOWUP_TONES: Record<FollowupType, Tone> = {
  cadence: 'info',
  call: 'accent',
  visit: 'success',
  meeting: 'success',
  maturity: 'warning',
  post_loan: 'warning',
  complaint: 'error',
  id_expiry: 'error',
  risk_rating: 'warning',
  verify_contact: 'neutral',
};

export { quickLogTarget } from '../contacts/quick-log-target';

export const hasVisitBrief = (type: FollowupType) => type === 'visit' || type === 'meeting';

/** `11月20日 周五` (this year) or `2025-02-10`; English `Fri 20 Nov`. */
export function dayLabel(date: string, today: string, lang: string): string {
  const d = dayjs(date);
  if (d.year() !== dayjs(today).year()) return date;
  return d.format(lang === 'en' ? 'ddd D MMM' : 'M月D日 ddd');
}

/** `2026年11月22日 星期日` / `Sunday, 22 November 2026`. */
export function longDate(date: string, lang: string): string {
  return dayjs(date).format(lang === 'en' ? 'dddd, D MMMM YYYY' : 'YYYY年M月D日 dddd');
}

/** Whole days from `a` to `b` (YYYY-MM-DD). */
export function daysFrom(a: string, b: string): number {
  return dayjs(b).diff(dayjs(a), 'day');
}

/** A local timestamp for the timeline: `11-22 09:30`, with the year when it is not this year's. */
export function instantLabel(iso: string): string {
  const d = dayjs(iso);
  return d.format(d.year() === dayjs().year() ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}
