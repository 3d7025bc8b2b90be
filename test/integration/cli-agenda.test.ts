import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { runCli } from '../helpers/cli';

// rmw contact add / followup add / agenda / calendar export, spawned as processes, in three time zones.

const PASS = 'Harbour-Lantern-2026';
function rmw(args: string[], env: Record<string, string> = {}) {
  return runCli('rmw', args, { RMW_LANG: 'en', RMW_PASSPHRASE: PASS, ...env });
}

let tmp: ReturnType<typeof tempDir>;
let ws: string;
let clientId: string;
const nextDues: string[] = [];

beforeAll(() => {
  tmp = tempDir('rmw-cli-agenda-');
  ws = join(tmp.dir, 'ws');
  expect(rmw(['init', '--workspace', ws, '--manager', 'RM00123', '--today', '2026-11-22']).code).toBe(0);
  expect(rmw(['demo', '--workspace', ws, '--clients', '40', '--seed', '3', '--today', '2026-11-22']).code).toBe(0);
  const clients = JSON.parse(rmw(['clients', '--workspace', ws, '--json', '--today', '2026-11-22']).out) as { id: string; status: string }[];
  clientId = clients.find((c) => c.status === 'active')!.id;
}, 120_000);
afterAll(() => tmp.cleanup());

describe('rmw agenda commands', () => {
  it('agenda --json lists items in date order with the documented fields', () => {
    const r = rmw(['agenda', '--workspace', ws, '--from', '2026-11-22', '--days', '30', '--json', '--today', '2026-11-22']);
    expect(r.err).toBe('');
    const items = JSON.parse(r.out) as { date: string; type: string; clientId: string; title: string; overdue: boolean }[];
    expect(items.length).toBeGreaterThan(0);
    expect(Object.keys(items[0]!).sort()).toEqual(['clientId', 'date', 'overdue', 'title', 'type']);
    const dates = items.map((i) => i.date);
    expect([...dates].sort()).toEqual(dates);
    for (const i of items) {
      expect(i.overdue).toBe(i.date < '2026-11-22');
      expect(i.date < '2026-12-22').toBe(true);
      expect(['cadence', 'call', 'visit', 'meeting', 'maturity', 'post_loan', 'complaint', 'id_expiry', 'risk_rating', 'verify_contact', 'birthday', 'holiday']).toContain(i.type);
    }
  });

  it('followup add shifts a National Day due date to the first working day after the break', () => {
    const r = rmw(['followup', 'add', '--workspace', ws, '--client', clientId, '--due', '2026-10-01', '--type', 'visit', '--title', 'After the holiday', '--json', '--today', '2026-09-10']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ due: '2026-10-01', date: '2026-10-08', type: 'visit' });
    const items = JSON.parse(rmw(['agenda', '--workspace', ws, '--from', '2026-10-01', '--days', '10', '--json', '--today', '2026-09-10']).out) as { date: string; title: string }[];
    expect(items.find((i) => i.title === 'After the holiday')?.date).toBe('2026-10-08');
  });

  it.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles'])('contact add counts the cadence from the local day in %s', (TZ) => {
    const r = rmw(['contact', 'add', '--workspace', ws, '--client', clientId, '--channel', 'phone', '--outcome', 'reached', '--purpose', 'care', '--at', '2026-11-23T10:00', '--force', '--json', '--today', '2026-11-23'], { TZ });
    expect(r.err).toBe('');
    const logged = JSON.parse(r.out) as { nextDue: string; contact: { at: string } };
    // Local 10:00 on the 23rd, whatever the zone: the cadence counts from the 23rd (A 14, B 30 or C 90 days).
    expect(['2026-12-07', '2026-12-23', '2027-02-21']).toContain(logged.nextDue);
    nextDues.push(logged.nextDue);
  });

  it('the three zones agree, and the agenda shows exactly one keep-in-touch item for the client', () => {
    expect(new Set(nextDues).size).toBe(1);
    const after = JSON.parse(rmw(['agenda', '--workspace', ws, '--from', '2026-11-23', '--days', '200', '--json', '--today', '2026-11-23']).out) as { type: string; clientId: string; date: string }[];
    const cadence = after.filter((i) => i.clientId === clientId && i.type === 'cadence');
    expect(cadence).toHaveLength(1);
    expect(cadence[0]!.date >= nextDues[0]!).toBe(true);
  });

  it('calendar export writes an .ics with masked names only', () => {
    const out = join(tmp.dir, 'agenda.ics');
    const r = rmw(['calendar', 'export', '--workspace', ws, '--from', '2026-11-22', '--days', '60', '--out', out, '--today', '2026-11-22']);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(String(e.getFirstPropertyValue('summary'))).toMatch(/ · .\*+|\*\*\*/);
    expect(text).not.toMatch(/1[3-9]\d{9}/); // no mobile numbers
    expect(text).not.toMatch(/\d{17}[\dX]/); // no resident ID numbers
  });

  it('bad values name the option and the allowed values', () => {
    const r = rmw(['contact', 'add', '--workspace', ws, '--client', clientId, '--channel', 'fax', '--outcome', 'reached']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--channel must be one of: phone, sms, wechat/);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
