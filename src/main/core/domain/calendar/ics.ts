import ical, { ICalEventTransparency } from 'ical-generator';

export interface IcsEvent {
  uid: string;
  /** YYYY-MM-DD, all-day. */
  date: string;
  summary: string;
  category: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UID_DOMAIN = 'rm-workbench';
// ical-generator writes `PRODID:-` + this, giving the FPI '-//RM Workbench//ZH'.
const PROD_ID = '//RM Workbench//ZH';

/** UTC midnight of a calendar date. ical-generator writes an all-day DATE from a Date's UTC parts when no calendar time zone is set, so this is exact in every local time zone. */
function utcDay(date: string): Date {
  const m = ISO_DATE.exec(date);
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.toISOString().slice(0, 10) === date) return d;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

/**
 * An all-day VEVENT per item; no description, no attendees, no location. `prodId` like '-//RM Workbench//ZH'.
 *
 * The file leaves the encrypted store for Outlook, so it carries only what a calendar needs
 * to show a reminder: a title the RM chose and a category. Client details stay behind.
 * Events are TRANSPARENT so reminders never block free/busy time for colleagues.
 * ical-generator emits CRLF and folds at 75 octets counting UTF-8 bytes without splitting
 * a character (foldLines in ical-generator 10); the tests hold it to that.
 */
export function buildIcs(events: IcsEvent[], opts: { calendarName: string; now: Date }): string {
  if (Number.isNaN(opts.now.getTime())) throw new RangeError('buildIcs needs a valid `now`');
  const calendar = ical({ name: opts.calendarName, prodId: PROD_ID });
  for (const e of events) {
    const start = utcDay(e.date);
    calendar.createEvent({
      id: `${e.uid}@${UID_DOMAIN}`,
      start,
      // DTEND is exclusive (RFC 5545 §3.6.1): a one-day event ends the next day.
      end: new Date(start.getTime() + 86_400_000),
      allDay: true,
      summary: e.summary,
      categories: [{ name: e.category }],
      stamp: opts.now,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // RFC 5545 §3.1 ends every content line, the last included, with CRLF; ical-generator
  // stops after END:VCALENDAR, which strict parsers reject.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
