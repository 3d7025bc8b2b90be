import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GreetingRow } from '../../src/shared/greetings';
import { createWorkspace, makeCore, PASS, tempDir, testClock, type Harness } from '../helpers/core';

// Greetings over a real encrypted store; the clock stands at Sunday 2026-11-22 09:00 Shanghai.

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const ids: Record<string, string> = {};

const CLIENTS = {
  // Born 1980-11-22 (resident ID with a valid check digit; male).
  wang: { kind: 'person', name: '王建国', idType: 'resident_id', idNumber: '110105198011220033', mobile: '13800000001', relationshipStart: '2020-01-01' },
  li: { kind: 'person', name: '李秀英', sex: 'F', birthDate: '1966-03-10', mobile: '13800000002', relationshipStart: '2020-01-01' },
  // Keeps a lunar birthday: 八月十五 → 2026-09-25.
  zhao: { kind: 'person', name: '赵敏', sex: 'F', birthDate: '1975-09-20', birthdayCalendar: 'lunar', lunarMonth: 8, lunarDay: 15, mobile: '13800000003', optOutMarketing: true },
  corp: { kind: 'company', name: '深圳市华强电子有限公司', legalRepresentative: '张伟', mobile: '13800000004', companyAnniversaries: [{ label: '公司成立', date: '2006-11-24' }] },
  quiet: { kind: 'person', name: '孙静', sex: 'F', birthDate: '1970-11-23', doNotContact: true },
} as const;

beforeAll(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'), testClock(new Date('2026-11-22T09:00:00+08:00')));
  await createWorkspace(h, '李明');
  await h.call('greetings.settings', { branch: '城东支行' });
  for (const [key, client] of Object.entries(CLIENTS)) ids[key] = (await h.call('clients.create', { client })).id;
});
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function list(from: string, to: string): Promise<GreetingRow[]> {
  return (await h.call('greetings.list', { from, to, limit: 5000 })).rows;
}
async function errorOf(channel: Parameters<Harness['router']['handle']>[0], input: unknown) {
  const r = await h.router.handle(channel, input);
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}

describe('greetings list', () => {
  it('a lunar 八月十五 birthday falls on Mid-Autumn 2026-09-25, with a Mid-Autumn greeting for every client', async () => {
    const rows = await list('2026-09-20', '2026-09-30');
    expect(rows.find((r) => r.clientId === ids['zhao'] && r.occasion === 'birthday')).toMatchObject({ date: '2026-09-25', lunar: true, age: 51 });
    const midAutumn = rows.filter((r) => r.occasion === 'mid_autumn');
    expect(new Set(midAutumn.map((r) => r.date))).toEqual(new Set(['2026-09-25']));
    expect(midAutumn).toHaveLength(Object.keys(CLIENTS).length);
  });

  it('renders 先生 / 女士 / 总 salutations, signs with the manager and branch, counts SMS length', async () => {
    const rows = await list('2026-11-22', '2026-11-24');
    const wang = rows.find((r) => r.clientId === ids['wang'] && r.occasion === 'birthday')!;
    expect(wang).toMatchObject({ date: '2026-11-22', age: 46, channel: 'sms', status: 'pending' });
    expect(wang.text.startsWith('王先生')).toBe(true);
    expect(wang.text).toContain('李明');
    expect(wang.text).toContain('城东支行');
    expect(wang.sms!.segments).toBe(1);
    const corp = rows.find((r) => r.clientId === ids['corp'])!;
    expect(corp).toMatchObject({ occasion: 'company_anniversary', years: 20 });
    expect(corp.text.startsWith('张总')).toBe(true);
    const li = (await list('2026-03-08', '2026-03-12')).find((r) => r.clientId === ids['li'] && r.occasion === 'birthday')!;
    expect(li).toMatchObject({ age: 60, milestone: true });
    expect(li.text.startsWith('李女士')).toBe(true);
  });

  it('lists a do-not-contact client as excluded, with the reason, and refuses to mark it sent', async () => {
    const rows = await list('2026-11-22', '2026-11-24');
    const quiet = rows.find((r) => r.clientId === ids['quiet'])!;
    expect(quiet).toMatchObject({ status: 'excluded', reason: 'do_not_contact' });
    expect(await errorOf('greetings.mark', { items: [{ clientId: ids['quiet'], occasion: 'birthday', date: '2026-11-23' }], status: 'sent' })).toMatchObject({ code: 'CONTACT_BLOCKED' });
  });

  it('never offers a marketing template to a client who opted out of direct marketing', async () => {
    const templates = await h.call('greetings.templates', {});
    const marketing = templates.find((t) => t.marketing)!;
    // Put the marketing template first, so it is the choice wherever it is allowed.
    await h.call('greetings.templates', { templates: [marketing, ...templates.filter((t) => t !== marketing)] });
    const rows = (await list('2027-02-06', '2027-02-06')).filter((r) => r.occasion === 'spring_festival');
    expect(rows.find((r) => r.clientId === ids['wang'])!.templateId).toBe(marketing.id);
    expect(rows.find((r) => r.clientId === ids['zhao'])!.templateId).not.toBe(marketing.id);
    await h.call('greetings.templates', { templates: null });
  });

  it('refuses a template with an unknown field, naming it', async () => {
    const templates = await h.call('greetings.templates', {});
    const bad = [{ ...templates[0]!, text: '{{salutation}}您好，您的风险等级是{{riskGrade}}' }, ...templates.slice(1)];
    expect(await errorOf('greetings.templates', { templates: bad })).toMatchObject({ code: 'TEMPLATE_INVALID', params: { fields: 'riskGrade' } });
  });
});

describe('sending', () => {
  it('marking sent records a contact attempt (purpose greeting) on the timeline, once; the cadence clock does not move', async () => {
    const ref = { clientId: ids['wang']!, occasion: 'birthday' as const, date: '2026-11-22' };
    const before = (await h.call('agenda.range', { from: '2026-11-22', to: '2027-06-30', includeOverdue: true })).items.find((i) => i.clientId === ids['wang'] && i.type === 'cadence');
    expect(await h.call('greetings.mark', { items: [ref], status: 'sent' })).toEqual({ sent: 1, skipped: 0, unchanged: 0 });
    expect(await h.call('greetings.mark', { items: [ref], status: 'sent' })).toEqual({ sent: 0, skipped: 0, unchanged: 1 });
    const timeline = await h.call('clients.timeline', { id: ids['wang']! });
    const contact = timeline.find((e) => e.kind === 'contact');
    expect(contact).toMatchObject({ kind: 'contact', contact: { purpose: 'greeting', channel: 'sms', outcome: 'sent', direction: 'outbound' } });
    const after = (await h.call('agenda.range', { from: '2026-11-22', to: '2027-06-30', includeOverdue: true })).items.find((i) => i.clientId === ids['wang'] && i.type === 'cadence');
    expect(after?.date).toBe(before?.date);
    expect((await list('2026-11-22', '2026-11-22')).find((r) => r.clientId === ids['wang'] && r.occasion === 'birthday')).toMatchObject({ status: 'sent' });
  });

  it('skipping keeps the reason', async () => {
    await h.call('greetings.mark', { items: [{ clientId: ids['corp']!, occasion: 'company_anniversary', date: '2026-11-24' }], status: 'skipped', reason: '已当面祝贺' });
    expect((await list('2026-11-24', '2026-11-24')).find((r) => r.clientId === ids['corp'])).toMatchObject({ status: 'skipped', reason: '已当面祝贺' });
  });

  it('exports a batch CSV for the SMS platform: BOM, mobile revealed and audited, formula cells defused', async () => {
    const templates = await h.call('greetings.templates', {});
    await h.call('greetings.templates', { templates: [{ id: 'evil', occasion: 'new_year', channel: 'sms', text: '=HYPERLINK("http://x","{{name}}")', marketing: false }, ...templates] });
    const rows = (await list('2027-01-01', '2027-01-01')).filter((r) => r.status === 'pending');
    const csv = await h.call('greetings.exportCsv', { items: rows.map(({ clientId, occasion, date }) => ({ clientId, occasion, date })) });
    expect(csv.content.startsWith('\ufeff"手机号"')).toBe(true);
    expect(csv.content).toContain('"13800000001"');
    expect(csv.content).toContain(`"'=HYPERLINK(""http://x"",""王建国"")"`);
    expect(csv.content).not.toMatch(/(^|,)"=/m);
    expect((await h.call('audit.list', { action: 'greetings.export' })).entries[0]!.details).toMatchObject({ count: csv.count, revealed: 'mobile' });
    await h.call('greetings.templates', { templates: null });
  });

  it('the Today page lists the occasions whose reminder runs today', async () => {
    const today = await h.call('agenda.today', {});
    const kinds = today.occasions.map((o) => `${o.kind}:${o.clientName ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['birthday:王建国', 'company_anniversary:深圳市华强电子有限公司', 'birthday:孙静']));
  });
});

describe('rmw greetings', () => {
  it.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles'])('a client born 22 November is greeted on 2026-11-22 in %s', (TZ) => {
    h.core.lock('manual');
    const r = spawnSync(resolve('node_modules/.bin/tsx'), ['src/cli/rmw.ts', 'greetings', '--workspace', join(tmp.dir, 'ws'), '--from', '2026-11-22', '--days', '1', '--json', '--today', '2026-11-22'], {
      encoding: 'utf8',
      env: { ...process.env, TZ, RMW_PASSPHRASE: PASS, RMW_LANG: 'en' },
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { date: string; occasion: string; clientId: string; lunar: boolean; age?: number; text: string }[];
    expect(out.find((o) => o.clientId === ids['wang'])).toMatchObject({ date: '2026-11-22', occasion: 'birthday', lunar: false, age: 46 });
    expect(out.every((o) => o.clientId !== ids['quiet'])).toBe(true);
  });
});
