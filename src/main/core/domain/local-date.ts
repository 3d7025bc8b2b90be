/** The local calendar date of an instant, YYYY-MM-DD ("today" is never UTC midnight). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// Every time zone's offset is a whole number of quarter hours, so all instants of one UTC
// quarter hour fall on the same local date: a book's worth of timestamps needs one Date each.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const byQuarterHour = new Map<number, string>();

/** `localDate` of an ISO timestamp, for scans over many rows (same result, far fewer Date objects). */
export function localDateOfIso(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return localDate(new Date(iso));
  const bucket = Math.floor(t / QUARTER_HOUR_MS);
  let day = byQuarterHour.get(bucket);
  if (day === undefined) {
    if (byQuarterHour.size > 200_000) byQuarterHour.clear();
    day = localDate(new Date(bucket * QUARTER_HOUR_MS));
    byQuarterHour.set(bucket, day);
  }
  return day;
}
