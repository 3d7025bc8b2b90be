import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src/shared/contract';
import { createWorkspace, makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';

// Contact log, cadence, cap, KYC deadlines and the agenda over a real encrypted store.
// The clock stands at Sunday 2026-11-22 09:00 in Shanghai.

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let events: { event: string; payload: EventMap['reminders.due'] }[];

const WANG = { kind: 'person' as const, name: '王秀英', idType: 'resident_id' as const, idNumber: '11010519491231002X', mobile: '13812345678', relationshipStart: '2025-01-10', riskGrade: 'medium' as const, riskRatedAt: '2025-01-15' };

beforeEach(async () => {
  tmp = tempDir();
  events = [];
  h = makeCore(tmp.dir, testClock(new Date('2026-11-22T09:00:00+08:00')), { emit: (event, payload) => events.push({ event, payload: payload as EventMap['reminders.due'] }) });
  await createWorkspace(h);
});

/** Tier C (no revenue, as these test clients have) keeps in touch every 30 days here; the default is 90. */
async function cadence30(): Promise<void> {
  await h.call('contacts.settings', { cadence: { A: 14, B: 30, C: 30, default: 30 } });
}
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function client(extra: Record<string, unknown> = {}): Promise<string> {
  return (await h.call('clients.create', { client: { ...WANG, ...extra } })).id;
}
async function errorOf(channel: Parameters<Harness['router']['handle']>[0], input: unknown) {
  const r = await h.router.handle(channel, input);
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}
async function agenda(from = '2026-11-22', to = '2026-12-31') {
  return (await h.call('agenda.range', { from, to, includeOverdue: true })).items;
}
const at = (local: string) => new Date(`${local}+08:00`).toISOString();

describe('cadence: next due = last reached contact + interval', () => {
  it('a reached contact moves next-due; a no-answer does not', async () => {
    await cadence30();
    const id = await client();
    // Never contacted: relationship start 2025-01-10 + 30 days.
    const before = (await agenda()).filter((i) => i.type === 'cadence');
    expect(before).toMatchObject([{ clientId: id, date: '2025-02-10', overdue: true }]); // 2025-02-09 is a Sunday
    const miss = await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'no_answer', at: at('2026-11-22T08:30:00') });
    expect(miss.nextDue).toBeNull();
    expect((await agenda()).filter((i) => i.type === 'cadence')).toMatchObject([{ date: '2025-02-10', overdue: true }]);

    const hit = await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', purpose: 'care', at: at('2026-11-22T08:45:00') });
    expect(hit.nextDue).toBe('2026-12-22');
    const after = (await agenda()).filter((i) => i.type === 'cadence');
    expect(after).toMatchObject([{ clientId: id, date: '2026-12-22', overdue: false }]);
    // The old item was carried out by the contact, not silently dropped.
    const timeline = await h.call('clients.timeline', { id });
    expect(timeline.filter((e) => e.kind === 'contact')).toHaveLength(2);
  });

  it('uses the tier interval when the client has a segment (A: 14 days)', async () => {
    const id = await client({ revenue12mFen: 5_000_000 });
    await client({ name: '李四', idNumber: null, idType: null, mobile: '13900001111', revenue12mFen: 10 });
    await h.call('segments.summary', {});
    await h.call('contacts.log', { clientId: id, channel: 'visit', outcome: 'meeting_held', at: at('2026-11-20T15:00:00') });
    expect((await agenda()).find((i) => i.clientId === id && i.type === 'cadence')).toMatchObject({ date: '2026-12-04', tier: 'A' });
  });

  it('losing touch lists clients past twice their interval', async () => {
    await cadence30();
    const id = await client();
    await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', at: at('2026-09-01T10:00:00') });
    const today = await h.call('agenda.today', {});
    expect(today.losingTouch).toMatchObject([{ clientId: id, intervalDays: 30 }]);
    expect(today.losingTouch[0]!.daysSince).toBe(82);
    expect(today.overdue.map((i) => i.clientId)).toContain(id);
  });
});

describe('failed attempts', () => {
  it('a no-answer leaves the planned call open; reaching the client carries it out', async () => {
    const id = await client();
    const f = await h.call('followups.create', { clientId: id, type: 'call', due: '2026-11-20', title: '回访', overrideCap: true });
    await h.call('contacts.log', { clientId: id, followupId: f.id, channel: 'phone', outcome: 'no_answer' });
    expect((await h.call('followups.get', { id: f.id })).status).toBe('open');
    await h.call('contacts.log', { clientId: id, followupId: f.id, channel: 'phone', outcome: 'reached', overrideCap: true });
    expect((await h.call('followups.get', { id: f.id })).status).toBe('done');
  });

  it('the third consecutive failure marks details suspect and creates one verify task; reaching the client settles it', async () => {
    const id = await client();
    const outcomes = ['no_answer', 'busy', 'wrong_number'] as const;
    const results = [];
    for (const [i, outcome] of outcomes.entries()) results.push(await h.call('contacts.log', { clientId: id, channel: 'phone', outcome, at: at(`2026-11-${19 + i}T10:00:00`), overrideCap: true }));
    expect(results.map((r) => r.suspect)).toEqual([false, false, true]);
    expect((await h.call('clients.get', { id })).contact).toMatchObject({ suspect: true, consecutiveFailures: 3, lastReachedAt: null });
    const verify = (await agenda()).filter((i) => i.type === 'verify_contact');
    expect(verify).toHaveLength(1);
    expect(verify[0]!.date).toBe('2026-11-23'); // created on Sunday, shown on Monday
    // A fourth failure does not pile up a second task.
    await h.call('contacts.log', { clientId: id, channel: 'sms', outcome: 'no_answer', direction: 'inbound' });
    expect((await agenda()).filter((i) => i.type === 'verify_contact')).toHaveLength(1);
    await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', direction: 'inbound' });
    expect((await agenda()).filter((i) => i.type === 'verify_contact')).toHaveLength(0);
    expect((await h.call('clients.get', { id })).contact).toMatchObject({ suspect: false, consecutiveFailures: 0 });
  });
});

describe('KYC deadlines', () => {
  it('an ID expiring in 59 days is in the agenda; a renewed ID replaces the reminder', async () => {
    const id = await client({ idExpiry: '2027-01-20' });
    const kyc = (await agenda()).filter((i) => i.type === 'id_expiry');
    // Notice 60 days before = Saturday 2026-11-21 → shown Monday 2026-11-23.
    expect(kyc).toMatchObject([{ clientId: id, date: '2026-11-23' }]);
    expect((await h.call('agenda.today', {})).kyc.map((i) => i.type)).toContain('id_expiry');
    const d = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: d.rev, patch: { idExpiry: '2046-01-20' } });
    const later = (await h.call('agenda.range', { from: '2045-11-01', to: '2045-12-31' })).items.filter((i) => i.type === 'id_expiry');
    expect(later).toHaveLength(1);
    expect((await agenda()).filter((i) => i.type === 'id_expiry')).toHaveLength(0);
  });

  it('an expired ID says so, due on the expiry day', async () => {
    await client({ idExpiry: '2026-11-02' });
    const items = (await agenda()).filter((i) => i.type === 'id_expiry');
    expect(items).toMatchObject([{ date: '2026-11-02', overdue: true }]);
    expect(items[0]!.title).toContain('已于 2026-11-02 过期');
  });

  it('first risk rating is due 60 days after the relationship start, and a rating settles it', async () => {
    const id = await client({ relationshipStart: '2026-10-01', riskGrade: null, riskRatedAt: null });
    expect((await agenda()).filter((i) => i.type === 'risk_rating')).toMatchObject([{ clientId: id, date: '2026-11-30' }]);
    const d = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: d.rev, patch: { riskGrade: 'low', riskRatedAt: '2026-11-22' } });
    expect((await agenda()).filter((i) => i.type === 'risk_rating')).toHaveLength(0);
  });

  it('a changed ID number triggers re-identification and a re-rating item', async () => {
    const id = await client();
    const d = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: d.rev, patch: { name: '王秀芳' } });
    const items = (await agenda()).filter((i) => i.type === 'risk_rating');
    expect(items).toHaveLength(1);
    expect(items[0]!.title).toContain('重新评级');
  });
});

describe('contact cap and refusals', () => {
  it('warns over 2 proactive contacts in 7 days, listing them; the manager may go ahead', async () => {
    const id = await client();
    await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'no_answer', at: at('2026-11-16T10:00:00') });
    await h.call('contacts.log', { clientId: id, channel: 'wechat', outcome: 'reached', at: at('2026-11-20T10:00:00') });
    // Inbound contacts do not count.
    await h.call('contacts.log', { clientId: id, channel: 'phone', direction: 'inbound', outcome: 'reached', at: at('2026-11-21T10:00:00') });
    const check = await h.call('contacts.checkCap', { clientId: id });
    expect(check).toMatchObject({ blocked: null, overCap: true, cap: 2, proactive: true });
    expect(check.recent.map((c) => c.channel)).toEqual(['wechat', 'phone']);
    expect(await errorOf('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached' })).toMatchObject({ code: 'CONTACT_CAP', params: { count: 2, cap: 2 } });
    await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', overrideCap: true });
    // Planning a call in the same window warns too.
    expect(await errorOf('followups.create', { clientId: id, type: 'call', due: '2026-11-24', title: '回访' })).toMatchObject({ code: 'CONTACT_CAP', reason: 'planned', params: { logged: 2, planned: 0, cap: 2 } });
    // A week later the window is clear.
    await h.call('followups.create', { clientId: id, type: 'call', due: '2026-12-02', title: '回访' });
  });

  it('refuses marketing to an opted-out client and any proactive contact under do-not-contact', async () => {
    const opted = await client({ optOutMarketing: true });
    expect(await errorOf('contacts.log', { clientId: opted, channel: 'phone', outcome: 'reached', purpose: 'marketing', overrideCap: true })).toMatchObject({ code: 'CONTACT_BLOCKED', reason: 'opted_out_marketing' });
    await h.call('contacts.log', { clientId: opted, channel: 'phone', outcome: 'reached', purpose: 'care' });
    const dnc = await client({ name: '赵六', idNumber: null, idType: null, doNotContact: true });
    expect(await errorOf('contacts.log', { clientId: dnc, channel: 'phone', outcome: 'reached', purpose: 'care' })).toMatchObject({ code: 'CONTACT_BLOCKED', reason: 'do_not_contact' });
    // The client calling in is always recorded.
    await h.call('contacts.log', { clientId: dnc, channel: 'phone', direction: 'inbound', outcome: 'reached', purpose: 'service' });
    // No cadence item nags about a do-not-contact client.
    expect((await agenda()).filter((i) => i.clientId === dnc && i.type === 'cadence')).toHaveLength(0);
    expect((await h.call('audit.list', { action: 'contact.log' })).total).toBe(2);
  });
});

describe('follow-ups on the calendar', () => {
  it('moves a due date off the National Day break; a make-up Saturday is a working day', async () => {
    const id = await client();
    const f = await h.call('followups.create', { clientId: id, type: 'visit', due: '2026-10-01', title: '节后拜访' });
    expect(f).toMatchObject({ due: '2026-10-01', date: '2026-10-08' });
    const g = await h.call('followups.create', { clientId: id, type: 'maturity', due: '2026-10-10', title: '理财到期' });
    expect(g.date).toBe('2026-10-10');
    // A complaint reply is a deadline: 15 days from receipt, moved back before a holiday, never past it.
    const c = await h.call('followups.create', { clientId: id, type: 'complaint', due: '2026-12-31', title: '答复投诉', receivedOn: '2026-09-18' });
    expect(c).toMatchObject({ due: '2026-10-03', date: '2026-09-30' });
  });

  it('rescheduling is audited and survives regeneration; done is kept', async () => {
    await cadence30();
    const id = await client();
    const cadence = (await agenda()).find((i) => i.type === 'cadence')!;
    await h.call('followups.reschedule', { id: cadence.id, date: '2026-11-28' });
    await h.call('contacts.settings', { cadence: { A: 7, B: 21, C: 60, default: 45 } });
    const d = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: d.rev, patch: { occupation: '教师' } });
    const moved = (await agenda()).filter((i) => i.type === 'cadence');
    expect(moved).toMatchObject([{ id: cadence.id, date: '2026-11-28' }]);
    const audit = await h.call('audit.list', { action: 'followup.reschedule' });
    expect(audit.entries[0]!.details).toMatchObject({ from: '2025-02-10', to: '2026-11-28' });
    const f = await h.call('followups.create', { clientId: id, type: 'call', due: '2026-11-25', title: '确认材料' });
    await h.call('followups.complete', { id: f.id });
    expect((await h.call('agenda.range', { from: '2026-11-25', to: '2026-11-25', status: 'done' })).items.map((i) => i.id)).toEqual([f.id]);
    expect(await errorOf('followups.snooze', { id: f.id, until: '2026-12-01' })).toMatchObject({ code: 'FOLLOWUP_CLOSED' });
  });

  it('the calendar range carries holidays, make-up days and lunar dates', async () => {
    const { days } = await h.call('agenda.range', { from: '2026-09-20', to: '2026-10-10' });
    expect(days.find((d) => d.date === '2026-10-01')).toMatchObject({ holiday: '国庆节', workday: false });
    expect(days.find((d) => d.date === '2026-09-20')).toMatchObject({ makeUpWorkday: true, workday: true });
    expect(days.find((d) => d.date === '2026-09-25')!.lunar).toBe('十五');
  });

  it('exports .ics that an independent parser reads, with masked names and no ID, phone or notes', async () => {
    const id = await client({ notes: '私人备注：不要外传' });
    const f = await h.call('followups.create', { clientId: id, type: 'visit', due: '2026-12-03', title: '王秀英 13812345678 上门', notes: '带上保单', attendees: ['李行长'] });
    const ics = await h.call('agenda.exportIcs', { ids: [f.id] });
    for (const secret of ['11010519491231002X', '13812345678', '带上保单', '李行长', '王秀英', '私人备注']) expect(ics.content).not.toContain(secret);
    const vevents = new ICAL.Component(ICAL.parse(ics.content)).getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const ev = new ICAL.Event(vevents[0]);
    expect(ev.summary).toBe('上门拜访 · 王**');
    expect(ev.startDate.toString()).toBe('2026-12-03');
    expect((await h.call('audit.list', { action: 'calendar.export' })).total).toBe(1);
  });
});

describe('editing and history', () => {
  it('editing a contact keeps the original in the audit trail and the timeline is in time order', async () => {
    const id = await client();
    const r = await h.call('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', notes: '客户说下周出差', at: at('2026-11-21T10:00:00') });
    const edited = await h.call('contacts.update', { id: r.contact.id, rev: 1, patch: { notes: '客户说下月出差', satisfaction: 4 } });
    expect(edited).toMatchObject({ notes: '客户说下月出差', satisfaction: 4, rev: 2 });
    const entry = (await h.call('audit.list', { action: 'contact.update' })).entries[0]!;
    expect(entry.details).toMatchObject({ fields: ['notes', 'satisfaction'], before: { notes: '客户说下周出差', satisfaction: null } });
    expect(await errorOf('contacts.update', { id: r.contact.id, rev: 1, patch: { notes: 'x' } })).toMatchObject({ code: 'STALE_REVISION' });
    expect(await errorOf('contacts.log', { clientId: id, channel: 'phone', outcome: 'reached', at: at('2026-11-23T10:00:00') })).toMatchObject({ code: 'INVALID_INPUT', field: 'at', reason: 'future' });
    const timeline = await h.call('clients.timeline', { id });
    const times = timeline.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['contact', 'edit']));
  });

  it('a visit brief is masked and carries no risk grade; recording the outcome closes the visit', async () => {
    const id = await client({ idExpiry: '2027-01-05', riskGrade: 'high' });
    const f = await h.call('followups.create', { clientId: id, type: 'visit', due: '2026-11-25', title: '季度拜访', attendees: ['王秀英', '李经理'], talkingPoints: '介绍养老规划' });
    const brief = await h.call('visits.brief', { followupId: f.id });
    const text = JSON.stringify(brief);
    expect(brief.client.idMasked).toBe('1101**********002X');
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('riskGrade');
    expect(text).not.toContain('"high"');
    expect(brief.kycDeadlines.map((k) => k.type)).toContain('id_expiry');
    const done = await h.call('contacts.log', { clientId: id, followupId: f.id, channel: 'visit', outcome: 'meeting_held', attendees: ['王秀英', '李经理'], nextStep: { type: 'call', due: '2026-12-10', title: '寄送方案后电话确认' } });
    expect((await h.call('followups.get', { id: f.id })).status).toBe('done');
    expect((await h.call('followups.get', { id: done.createdFollowupId! })).date).toBe('2026-12-10');
  });
});

describe('reminders that fire', () => {
  it('at unlock with client names; while locked with a count only', async () => {
    const id = await client();
    await h.call('followups.create', { clientId: id, type: 'call', due: '2026-11-22', title: '生日前确认' });
    await h.call('workspace.lock', {});
    events = [];
    await h.call('workspace.unlock', { passphrase: PASS });
    const unlocked = events.filter((e) => e.event === 'reminders.due');
    expect(unlocked).toHaveLength(1);
    expect(unlocked[0]!.payload.body).toContain('王秀英');
    // Announced once per day: the next check stays quiet.
    h.clock.advanceMinutes(31);
    h.core.tick();
    expect(events.filter((e) => e.event === 'reminders.due')).toHaveLength(1);
    await h.call('workspace.lock', {});
    h.clock.advanceMinutes(31);
    h.core.tick();
    const locked = events.filter((e) => e.event === 'reminders.due');
    expect(locked).toHaveLength(2);
    expect(locked[1]!.payload.body).not.toContain('王');
    expect(locked[1]!.payload.count).toBeGreaterThan(0);
  });

  it('announces today\'s items before the overdue ones with a total, then only what was written since', async () => {
    // Unlocked all day: the checks half an hour apart must not find the workspace idle-locked.
    await h.call('settings.update', { autoLockMinutes: 240 });
    const other = await client({ name: '李建国', mobile: '13912345678', idNumber: undefined });
    const items = [['2026-11-19', '逾期一'], ['2026-11-20', '逾期二'], ['2026-11-23', '周一一'], ['2026-11-23', '周一二'], ['2026-11-25', '周三']] as const;
    for (const [i, [due, title]] of items.entries()) {
      const id = await client({ name: `客户${'甲乙丙丁戊'[i]}`, mobile: `1370000000${i}`, idNumber: undefined });
      await h.call('followups.create', { clientId: id, type: 'call', due, title });
    }
    // Monday morning (the clock starts on a Sunday, when nothing is shown).
    h.clock.advanceMinutes(24 * 60);
    const monday = '2026-11-23';
    // What the agenda holds, in its order (date, type, id): today's go first, then the overdue.
    const agenda = (await h.call('agenda.range', { from: monday, to: monday, includeOverdue: true })).items as { date: string; clientName: string; title: string }[];
    const ordered = [...agenda.filter((i) => i.date === monday), ...agenda.filter((i) => i.date !== monday)];
    expect(agenda.filter((i) => i.date === monday).map((i) => i.title).sort()).toEqual(['周一一', '周一二']);
    expect(agenda.filter((i) => i.title.startsWith('逾期'))).toHaveLength(2);
    expect(agenda.some((i) => i.title === '周三')).toBe(false);
    events = [];
    h.core.tick();
    const first = events.filter((e) => e.event === 'reminders.due').map((e) => e.payload);
    expect(first).toHaveLength(1);
    expect(first[0]!.count).toBe(agenda.length);
    expect(first[0]!.body).toBe(`${ordered.slice(0, 3).map((i) => `${i.clientName} · ${i.title}`).join('；')} 等共 ${agenda.length} 项`);
    expect(first[0]!.body.split('；').map((n) => n.split(' · ')[1]!.slice(0, 2))).toEqual(['周一', '周一', '首次']);

    // Later that day: only the item added since is announced.
    await h.call('followups.create', { clientId: other, type: 'call', due: '2026-11-20', title: '新加的一条' });
    h.clock.advanceMinutes(31);
    h.core.tick();
    const second = events.filter((e) => e.event === 'reminders.due').map((e) => e.payload);
    expect(second).toHaveLength(2);
    expect(second[1]).toMatchObject({ count: 1, body: '李建国 · 新加的一条' });
    h.clock.advanceMinutes(31);
    h.core.tick();
    expect(events.filter((e) => e.event === 'reminders.due')).toHaveLength(2);
  });
});
