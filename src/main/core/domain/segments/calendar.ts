// Calendar-day arithmetic on YYYY-MM-DD strings (no clock, no time zone) for the segment rules.
import { ageOn, toDay } from '../demo-book-random';
import { daysInMonth, formatYmd } from '../kyc/common';

export { ageOn };

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** Same day `months` later (or earlier); a day past the month's end clamps to its last day (31 Aug − 6 months = 29 Feb). */
export function addMonths(ymd: string, months: number): string {
  const index = Number(ymd.slice(0, 4)) * 12 + Number(ymd.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatYmd(year, month, Math.min(Number(ymd.slice(8, 10)), daysInMonth(year, month)));
}
