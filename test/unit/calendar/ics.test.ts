import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, type IcsEvent } from '../../../src/main/core/domain/calendar/ics';

// ical.js is an independent RFC 5545 parser: the export is checked by reading it back,
// not by comparing against ical-generator's own idea of the format.
const NOW = new Date('2026-11-27T08:15:30Z');
const LONG_SUMMARY = '回访北京某某科技有限公司法定代表人并核对年度授信续作所需财务报表及抵押物评估报告确认放款时间安排事项'; // 48 CJK chars

const EVENTS: IcsEvent[] = [
  { uid: 'fu-001', date: '2026-10-08', summary: '到期提醒：大额存单', category: '到期' },
  { uid: 'fu-002', date: '2026-12-31', summary: LONG_SUMMARY, category: '回访' }, // DTEND crosses the year
  { uid: 'fu-003', date: '2028-02-29', summary: 'Birthday call 生日问候', category: '生日, 关怀; VIP' }, // leap day; TEXT escaping
];

function parse(ics: string): InstanceType<typeof ICAL.Component> {
  return new ICAL.Component(ICAL.parse(ics));
}

function dateOf(ev: InstanceType<typeof ICAL.Component>, prop: string): { iso: string; isDate: boolean } {
  const t = ev.getFirstPropertyValue(prop) as InstanceType<typeof ICAL.Time>;
  return { iso: t.toString(), isDate: t.isDate };
}

function unfold(ics: string): string {
  return ics.replace(/\r\n[ \t]/g, '');
}

describe('buildIcs', () => {
  const ics = buildIcs(EVENTS, { calendarName: 'RM 工作台 跟进', now: NOW });
  const cal = parse(ics);
  const vevents = cal.getAllSubcomponents('vevent');

  it('is a VCALENDAR 2.0 with the RM Workbench PRODID and calendar name', () => {
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//RM Workbench//ZH');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('RM 工作台 跟进');
  });

  it('has one VEVENT per item', () => {
    expect(vevents).toHaveLength(EVENTS.length);
  });

  it.each([
    ['fu-001@rm-workbench', '2026-10-08', '2026-10-09'],
    ['fu-002@rm-workbench', '2026-12-31', '2027-01-01'],
    ['fu-003@rm-workbench', '2028-02-29', '2028-03-01'],
  ])('%s is all-day from %s to %s (exclusive)', (uid, start, end) => {
    const ev = vevents.find((e) => e.getFirstPropertyValue('uid') === uid);
    expect(ev).toBeDefined();
    expect(dateOf(ev!, 'dtstart')).toEqual({ iso: start, isDate: true });
    expect(dateOf(ev!, 'dtend')).toEqual({ iso: end, isDate: true });
  });

  it('writes DTSTART/DTEND as VALUE=DATE', () => {
    const lines = unfold(ics).split('\r\n');
    expect(lines).toContain('DTSTART;VALUE=DATE:20261008');
    expect(lines).toContain('DTEND;VALUE=DATE:20261009');
  });

  it('keeps summary and category text exact, escaping included', () => {
    expect(vevents.map((e) => e.getFirstPropertyValue('summary'))).toEqual(EVENTS.map((e) => e.summary));
    expect(vevents.map((e) => e.getFirstProperty('categories')?.getValues())).toEqual([['到期'], ['回访'], ['生日, 关怀; VIP']]);
  });

  it('stamps every event with opts.now and marks it TRANSPARENT', () => {
    for (const ev of vevents) {
      const stamp = ev.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>;
      expect(stamp.toJSDate().toISOString()).toBe(NOW.toISOString());
      expect(ev.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });

  it('carries no description, attendee, organizer or location', () => {
    for (const ev of vevents) {
      for (const prop of ['description', 'attendee', 'organizer', 'location']) expect(ev.getFirstProperty(prop), prop).toBeNull();
    }
    expect(unfold(ics)).not.toMatch(/^(DESCRIPTION|ATTENDEE|ORGANIZER|LOCATION)[;:]/m);
  });

  it('uses CRLF for every line break, the last line included', () => {
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('folds every line to at most 75 octets', () => {
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  });

  it('folds the long Chinese summary and unfolds it byte-exact', () => {
    expect(LONG_SUMMARY.length).toBeGreaterThanOrEqual(40);
    const raw = ics.split('\r\n');
    const at = raw.findIndex((l) => l.startsWith('SUMMARY:回访北京'));
    expect(raw[at + 1]?.startsWith(' ')).toBe(true); // actually folded
    const unfolded = unfold(ics).split('\r\n').find((l) => l.startsWith('SUMMARY:回访北京'));
    expect(Buffer.from(unfolded!, 'utf8').equals(Buffer.from(`SUMMARY:${LONG_SUMMARY}`, 'utf8'))).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(buildIcs(EVENTS, { calendarName: 'RM 工作台 跟进', now: NOW })).toBe(ics);
  });
});

describe('folding never splits a character', () => {
  // Shift the fold points through every byte offset of a 3-byte CJK character and a
  // 4-byte one (U+20BB7 𠮷, outside the BMP: a surrogate pair in JavaScript).
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  it.each(['', 'a', 'ab', 'abc'])('prefix %j', (prefix) => {
    const summary = `${prefix}${'客户经理𠮷'.repeat(12)}`;
    const ics = buildIcs([{ uid: 'x', date: '2026-10-08', summary, category: '回访' }], { calendarName: 'c', now: NOW });
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(lone);
      // A whole line decodes from its own bytes: no UTF-8 sequence straddles a fold.
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(line, 'utf8'))).toBe(line);
    }
    const ev = parse(ics).getFirstSubcomponent('vevent');
    expect(ev?.getFirstPropertyValue('summary')).toBe(summary);
  });
});

describe('edge cases', () => {
  it('an empty list gives a valid VCALENDAR with no events', () => {
    const ics = buildIcs([], { calendarName: 'RM 工作台', now: NOW });
    const cal = parse(ics);
    expect(cal.name).toBe('vcalendar');
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//RM Workbench//ZH');
    expect(cal.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it.each(['2026-02-30', '2026/10/08', ''])('rejects the date %j', (date) => {
    expect(() => buildIcs([{ uid: 'x', date, summary: 's', category: 'c' }], { calendarName: 'c', now: NOW })).toThrow(RangeError);
  });

  it('rejects an invalid now', () => {
    expect(() => buildIcs([], { calendarName: 'c', now: new Date('nope') })).toThrow(RangeError);
  });
});
