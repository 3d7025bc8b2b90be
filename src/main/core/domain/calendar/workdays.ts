import chineseDays from 'chinese-days';
import { lunarLabel } from './lunar-label';

// chinese-days is CommonJS: Node's ESM loader (the externalised main bundle, the CLI under
// tsx) exposes only its default export, so named imports would work in vitest and break
// in production. Hence the default import.
const { getDayDetail } = chineseDays;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_RANGE_DAYS = 400;
// No published arrangement has more than 10 consecutive days off (2020's extended Spring
// Festival); a longer walk means the data is broken, not that the answer is far away.
const MAX_SHIFT_DAYS = 60;
// Caches are keyed by date string; the agenda touches a few years of dates at most.
// Clearing past this size keeps a long-running worker from growing without bound.
const MAX_CACHE_ENTRIES = 20_000;

interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Milliseconds of UTC midnight: dates are calendar days, never instants. */
  ms: number;
}

function parse(date: string): DateParts {
  const m = ISO_DATE.exec(date);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March; a round trip rejects it. It also maps
    // years 0–99 to 1900–1999, which the same check catches.
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) {
      return { year, month, day, ms };
    }
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function format(ms: number): string {
  const iso = new Date(ms).toISOString();
  // Past year 9999 toISOString switches to '+010000-…', which is no longer YYYY-MM-DD.
  if (iso.length !== 24) throw new RangeError(`Date out of range: ${iso}`);
  return iso.slice(0, 10);
}

function isWeekend(p: DateParts): boolean {
  const dow = new Date(p.ms).getUTCDay();
  return dow === 0 || dow === 6;
}

type TableRow = 'holiday' | 'makeUpWorkday' | null;

/**
 * Which of chinese-days' tables lists this date. Only the table lookup is taken from the
 * library, never its weekday logic: it parses 'YYYY-MM-DD' as UTC midnight but reads it
 * back with local getters, so west of UTC its weekdays (and the dates it returns) are a
 * day early. Its tables are keyed the same way at load time, so a lookup by the same
 * string lands on the right row in every time zone; the weekday is computed here in UTC.
 */
function tableRow(date: string): { row: TableRow; name: string } {
  const detail = getDayDetail(date);
  // Rows carry 'National Day,国庆节,3'; the weekday fallback carries 'Monday' etc.
  if (!detail.name.includes(',')) return { row: null, name: '' };
  return { row: detail.work ? 'makeUpWorkday' : 'holiday', name: detail.name };
}

/** YYYY-MM-DD arithmetic in calendar days (no time zones: parse as UTC date parts internally). */
export function addDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return format(parse(date).ms + n * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  // Both are UTC midnights, so the difference is an exact multiple of a day.
  return (parse(to).ms - parse(from).ms) / DAY_MS;
}

const coverage = new Map<number, boolean>();

/** Statutory holiday data is known for this year (chinese-days ships it). Outside, only weekends count as days off. */
export function holidayDataCovers(year: number): boolean {
  if (!Number.isInteger(year)) return false;
  let covered = coverage.get(year);
  if (covered === undefined) {
    // Every State Council notice gives 元旦 (1 Jan) and 国庆节 (1 Oct) off. Requiring both
    // means a year counts as covered only once its whole notice is in the data — not
    // because a neighbouring notice spilled a day into it (the 2023 notice starts on
    // 2022-12-31). Asking the data, rather than hard-coding 2004–2026, lets a library
    // upgrade extend coverage with no code change.
    covered =
      year >= 1000 &&
      year <= 9999 &&
      tableRow(`${year}-01-01`).row === 'holiday' &&
      tableRow(`${year}-10-01`).row === 'holiday';
    coverage.set(year, covered);
  }
  return covered;
}

interface WorkFacts {
  holiday: string | null;
  makeUpWorkday: boolean;
  workday: boolean;
}

// The data says '清明', '端午', '中秋'; the State Council notices and every calendar the
// user sees say 清明节, 端午节, 中秋节. 元旦, 春节, 劳动节 and 国庆节 are already official.
const OFFICIAL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function holidayName(raw: string): string | null {
  // 'National Day,国庆节,3' → '国庆节'.
  const zh = raw.split(',')[1]?.trim();
  if (!zh) return null;
  return OFFICIAL_NAMES[zh] ?? zh;
}

const workFactsCache = new Map<string, WorkFacts>();

function workFacts(date: string): WorkFacts {
  const cached = workFactsCache.get(date);
  if (cached) return cached;
  const p = parse(date);
  const weekend = isWeekend(p);
  let facts: WorkFacts;
  if (!holidayDataCovers(p.year)) {
    // Explicit rather than trusting chinese-days to do the same for a year it lacks:
    // without the notice, nothing but the weekend is a day off.
    facts = { holiday: null, makeUpWorkday: false, workday: !weekend };
  } else {
    const { row, name } = tableRow(date);
    facts = {
      holiday: row === 'holiday' ? holidayName(name) : null,
      // Every make-up day in the data is a Saturday or Sunday; a weekday listed there is
      // simply a workday, and is not flagged as 调休上班.
      makeUpWorkday: row === 'makeUpWorkday' && weekend,
      workday: row === 'makeUpWorkday' || (row === null && !weekend),
    };
  }
  if (workFactsCache.size >= MAX_CACHE_ENTRIES) workFactsCache.clear();
  workFactsCache.set(date, facts);
  return facts;
}

/** True for Mon–Fri that are not statutory holidays, and for weekend make-up workdays (调休上班). */
export function isWorkday(date: string): boolean {
  return workFacts(date).workday;
}

const shiftCache = new Map<string, string>();

/** Moves a date that is not a working day to the next working day ('forward', default) or the previous one ('back'); a working day is returned unchanged. */
export function shiftToWorkday(date: string, direction: 'forward' | 'back' = 'forward'): string {
  if (direction !== 'forward' && direction !== 'back') throw new RangeError(`Unknown direction: ${String(direction)}`);
  // The agenda shifts the same due dates on every render; the walk itself is cheap but
  // parsing and formatting on each step is not, so the answer is cached too.
  const key = `${direction}:${date}`;
  const cached = shiftCache.get(key);
  if (cached) return cached;
  const step = direction === 'forward' ? 1 : -1;
  let current = date;
  for (let i = 0; i <= MAX_SHIFT_DAYS; i++) {
    if (isWorkday(current)) {
      if (shiftCache.size >= MAX_CACHE_ENTRIES) shiftCache.clear();
      shiftCache.set(key, current);
      return current;
    }
    current = addDays(current, step);
  }
  throw new Error(`No working day within ${MAX_SHIFT_DAYS} days of ${date}`);
}

export interface CalendarDayInfo {
  date: string;
  holiday: string | null;
  makeUpWorkday: boolean;
  workday: boolean;
  lunar: string;
}

const dayInfoCache = new Map<string, CalendarDayInfo>();

/** `holiday`: the Chinese name (e.g. 国庆节, 春节, 中秋节) for statutory days off; `lunar`: e.g. '初八', and on the 1st of a lunar month the month name ('冬月', '腊月', '正月', '闰六月'). */
export function dayInfo(date: string): CalendarDayInfo {
  const cached = dayInfoCache.get(date);
  if (cached) return { ...cached };
  const p = parse(date);
  const info: CalendarDayInfo = { date, ...workFacts(date), lunar: lunarLabel(p.year, p.month, p.day) };
  if (dayInfoCache.size >= MAX_CACHE_ENTRIES) dayInfoCache.clear();
  dayInfoCache.set(date, info);
  // A copy, so a caller mutating its result cannot corrupt the cache.
  return { ...info };
}

export function dayInfos(from: string, toInclusive: string): CalendarDayInfo[] {
  const span = daysBetween(from, toInclusive) + 1;
  if (span < 1) throw new RangeError(`Range ends (${toInclusive}) before it starts (${from})`);
  if (span > MAX_RANGE_DAYS) throw new RangeError(`Range of ${span} days exceeds ${MAX_RANGE_DAYS}`);
  const out: CalendarDayInfo[] = [];
  for (let i = 0; i < span; i++) out.push(dayInfo(addDays(from, i)));
  return out;
}
