import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src/main/core/router';
import type { ClientDetail, ClientInput } from '../../src/shared/clients';
import type { AuditPage } from '../../src/shared/contract';
import type { CalendarRange, FollowupInput, FollowupRecord } from '../../src/shared/followups';
import { tempDir } from '../helpers/core';
import { type App, buttonName, callRouter, cjkRenders, launchApp, screen } from './harness';

// The 日程 page through the real renderer: the month view with lunar dates and 休 / 班,
// dragging a follow-up to another day (kept after a reload, audited), the visit brief
// printed to a one-page PDF with nothing it must not show, and the .ics export masked.

const PASS = 'Harbour-Lantern-2026';
const LI_ID = '11010519491231002X';
const LI_MOBILE = '13800138000';
const NOTE = '客户私下提到家庭财务纠纷';

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;
let today: string;
let month: string;
const ids: Record<string, string> = {};
const items: Record<string, FollowupRecord> = {};

const call = <T,>(channel: string, input: unknown): Promise<T> => callRouter<T>(router, channel, input);

/** A resident ID number with a valid GB 11643 check digit (an even sequence digit is female). */
function residentId(region: string, birth: string, seq: string): string {
  const body = `${region}${birth.replace(/-/g, '')}${seq}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11]!;
}

const pad = (n: number) => String(n).padStart(2, '0');
const local = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** A day of the current month: today's day plus `offset`, kept inside the month. */
function inMonth(offset: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(y, m, 0).getDate();
  return `${month}-${pad(Math.min(last, Math.max(1, d + offset)))}`;
}
const label = buttonName;
const cell = (date: string): Locator => page.locator(`.fc-daygrid-day[data-date="${date}"]`);
const event = (date: string, name: string): Locator => cell(date).locator('.fc-event', { hasText: name });

async function client(key: string, input: ClientInput): Promise<ClientDetail> {
  const detail = await call<ClientDetail>('clients.create', { client: input });
  ids[key] = detail.id;
  return detail;
}
async function followup(key: string, input: Omit<FollowupInput, 'clientId'> & { client: string }): Promise<void> {
  const { client: who, ...rest } = input;
  items[key] = await call<FollowupRecord>('followups.create', { clientId: ids[who], ...rest });
}

async function openCalendar(): Promise<void> {
  await page.getByRole('menuitem', { name: '日程' }).click();
  await page.locator('.fc-daygrid-day').first().waitFor();
  await page.getByText(/^本视图 \d+ 项$/).waitFor();
}

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-calendar-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  today = local(app.clock.now());
  month = today.slice(0, 7);
  await app.core.workspace.create({ managerId: 'RM00999', displayName: '孙经理', passphrase: PASS });
  const base = { kind: 'person' as const, idType: 'resident_id' as const, idLongTerm: true, riskRatedAt: '2025-06-01' };
  const li = await client('li', {
    ...base, name: '李秀英', salutation: '李老师', sex: 'F', birthDate: '1949-12-31', idNumber: LI_ID, mobile: LI_MOBILE,
    addressResidence: '北京市朝阳区建国路88号院3号楼1201', occupation: '退休教师', employer: '朝阳区实验小学', relationshipStart: '2012-05-20',
    riskGrade: 'medium_high', aumFen: 123_456_789, depositsFen: 30_000_000, loanBalanceFen: 0, products: ['理财', '国债', '大额存单'],
    interests: '书法、太极拳', family: '老伴健在，女儿在上海工作', preferredChannel: 'visit', bestTimeToCall: '上午 9–11 点',
    notes: 'AML 内部备注：资金来源已核实',
  });
  await client('zhang', { ...base, name: '张伟', sex: 'M', birthDate: '1975-03-08', idNumber: '110105197503080116', mobile: '13900139001', riskGrade: 'medium', relationshipStart: '2019-03-01', aumFen: 56_000_000 });
  await client('wang', { ...base, name: '王芳', sex: 'F', birthDate: '1982-06-15', idNumber: residentId('310104', '1982-06-15', '024'), mobile: '13700137002', relationshipStart: '2020-08-01' });
  await client('liu', { ...base, name: '刘洋', sex: 'M', birthDate: '1990-09-09', idNumber: residentId('440305', '1990-09-09', '013'), mobile: '13600136003', relationshipStart: '2018-01-10' });
  await client('chen', { ...base, name: '陈静', sex: 'F', birthDate: '1968-02-20', idNumber: residentId('330106', '1968-02-20', '046'), mobile: '13500135004', relationshipStart: '2016-11-11' });

  await followup('call', { client: 'zhang', type: 'call', due: inMonth(-3), title: '到期理财续作沟通', purpose: 'product_maturity' });
  await followup('visit', {
    client: 'li', type: 'visit', due: inMonth(1), title: '上门拜访：年末资产配置回顾', purpose: 'care', attendees: ['李秀英', '女儿（陪同）'],
    talkingPoints: '1. 大额存单 12 月到期，了解续存意向\n2. 介绍养老储蓄新产品\n3. 提醒更新手机号（如有变更）',
  });
  await followup('maturity', { client: 'wang', type: 'maturity', due: inMonth(2), title: '结构性存款到期' });
  await followup('postLoan', { client: 'liu', type: 'post_loan', due: inMonth(-8), title: '经营贷贷后检查' });
  await followup('complaint', { client: 'chen', type: 'complaint', due: inMonth(4), receivedOn: inMonth(-2), title: '手续费争议答复' });
  await followup('meeting', { client: 'chen', type: 'meeting', due: inMonth(-12), title: '网点面谈：子女教育金规划' });
  await followup('wangCall1', { client: 'wang', type: 'call', due: today, title: '节前问候' });
  await followup('wangCall2', { client: 'wang', type: 'call', due: today, title: '确认到期资金去向' });
  // The brief's history: contacts (their notes stay in the workbench), an edit, a product maturing.
  for (const [days, channel, outcome, purpose] of [[40, 'phone', 'reached', 'care'], [21, 'wechat', 'reached', 'greeting'], [9, 'phone', 'no_answer', 'product_maturity']] as const) {
    const at = new Date(app.clock.now().getTime() - days * 86_400_000).toISOString();
    await call('contacts.log', { clientId: ids['li'], at, channel, outcome, purpose, notes: `${NOTE}（${days}）` });
  }
  await call('clients.update', { id: li.id, rev: li.rev, patch: { employer: '朝阳区实验小学（已退休）' } });
  await followup('liMaturity', { client: 'li', type: 'maturity', due: addDays(today, 20), title: '大额存单 50 万元到期' });
  await page.reload();
  await openCalendar();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('calendar page in Chromium', () => {
  it('shows the month with follow-ups coloured by type, and moves one by dragging it to another day', async () => {
    const from = items['call']!.date;
    await event(from, '张伟').waitFor();
    await event(items['visit']!.date, '李秀英').waitFor();
    // Overdue items carry the 逾期 flag.
    if (items['postLoan']!.overdue) await event(items['postLoan']!.date, '刘洋').getByText('逾期').waitFor();
    // The lunar date is on every cell of the month.
    const range = await call<CalendarRange>('agenda.range', { from: `${month}-01`, to: `${month}-28` });
    for (const d of range.days.slice(0, 7)) expect(await cell(d.date).locator('.rm-lunar').textContent()).toBe(d.lunar);
    await cjkRenders(page, '核实联系方式');
    await screen(page, '40-calendar-month');

    // Drag with real mouse moves (FullCalendar's interaction plugin needs them) a week on.
    const to = Number(from.slice(8)) <= 14 ? addDays(from, 7) : addDays(from, -7);
    const a = (await event(from, '张伟').boundingBox())!;
    const b = (await cell(to).boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 8, a.y + a.height / 2 + 8, { steps: 4 });
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
    await page.mouse.up();
    await page.getByText(`已改到 ${to}`).waitFor();
    expect((await call<FollowupRecord>('followups.get', { id: items['call']!.id })).date).toBe(to);

    // Kept after a reload, and audited with both days.
    await page.reload();
    await openCalendar();
    await event(to, '张伟').waitFor();
    expect(await event(from, '张伟').count()).toBe(0);
    const audit = await call<AuditPage>('audit.list', { action: 'followup.reschedule' });
    expect(audit.entries.map((e) => e.details)).toEqual([{ id: items['call']!.id, from, to }]);
  });

  it('October shows 国庆节 with 休 on the 1st, 班 on Saturday 10 October, and the lunar dates', async () => {
    for (let i = 0; i < 24 && (await page.locator('.fc-toolbar-title').textContent()) !== '2026年10月'; i++) {
      const title = (await page.locator('.fc-toolbar-title').textContent()) ?? '';
      await page.getByRole('button', { name: title > '2026年10月' ? '上一页' : '下一页' }).click();
    }
    await expect.poll(() => page.locator('.fc-toolbar-title').textContent()).toBe('2026年10月');
    await expect.poll(() => cell('2026-10-01').locator('.rm-day-holiday-name').textContent()).toBe('国庆节');
    await cell('2026-10-01').locator('.rm-cal-badge-off', { hasText: '休' }).waitFor();
    expect(await cell('2026-10-01').getAttribute('class')).toContain('rm-day-holiday');
    expect(new Date(2026, 9, 10).getDay()).toBe(6);
    await cell('2026-10-10').locator('.rm-cal-badge-work', { hasText: '班' }).waitFor();
    expect(await cell('2026-10-12').locator('.rm-cal-badge').count()).toBe(0);
    const october = await call<CalendarRange>('agenda.range', { from: '2026-10-01', to: '2026-10-31' });
    for (const d of october.days) expect(await cell(d.date).locator('.rm-lunar').textContent(), d.date).toBe(d.lunar);
    // A lunar month's first day shows the month's name, as a wall calendar does.
    expect(october.days.some((d) => d.lunar.endsWith('月'))).toBe(true);
    await cjkRenders(page, '国庆节');
    await screen(page, '41-calendar-october-holidays');
  });

  it('the week view carries the same notes in its column headers', async () => {
    await page.getByRole('button', { name: '今天' }).click();
    await page.getByRole('button', { name: '周', exact: true }).click();
    await page.locator('.fc-dayGridWeek-view').waitFor();
    await expect.poll(() => page.locator('.fc-col-header-cell .rm-lunar').count()).toBe(7);
    await screen(page, '42-calendar-week');
    await page.getByRole('button', { name: '月', exact: true }).click();
    await page.locator('.fc-dayGridMonth-view').waitFor();
  });

  it('a new call over the contact limit is warned about, and can be scheduled anyway', async () => {
    await page.getByRole('button', { name: '新建跟进' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '新建跟进' });
    await modal.getByRole('combobox', { name: '客户' }).fill('王芳');
    await page.locator('.ant-select-item-option', { hasText: '王芳' }).click();
    await modal.getByLabel('事项').fill('再次确认到期资金去向');
    await modal.getByRole('button', { name: label('保存') }).click();
    await modal.getByRole('alert').filter({ hasText: '超出联系频次上限' }).waitFor();
    await modal.getByText('该日前 7 天内本客户已有 0 次主动联系、2 次已安排的电话或拜访（上限 2 次），请确认后再继续').waitFor();
    await modal.getByRole('button', { name: '仍然安排' }).click();
    await page.getByText(/^已新建跟进：/).waitFor();
    await expect.poll(() => modal.isVisible()).toBe(false);
  });

  it('a follow-up marked done leaves the calendar, and comes back struck through with 显示已完成', async () => {
    const date = items['meeting']!.date;
    await event(date, '陈静').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('网点面谈：子女教育金规划').waitFor();
    await drawer.getByRole('button', { name: label('完成') }).click();
    await page.getByText('已标记完成').waitFor();
    await expect.poll(() => event(date, '陈静').count()).toBe(0);
    await page.getByRole('switch', { name: '显示已完成' }).click();
    await event(date, '陈静').and(page.locator('.rm-ev-done')).waitFor();
    await page.getByRole('switch', { name: '显示已完成' }).click();
    await expect.poll(() => event(date, '陈静').count()).toBe(0);
  });

  it('clicking a visit opens it, and its brief prints to one A4 page without the risk grade', async () => {
    await event(items['visit']!.date, '李秀英').click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('上门拜访：年末资产配置回顾').waitFor();
    await drawer.getByText('女儿（陪同）', { exact: false }).waitFor();
    await screen(page, '43-calendar-event');
    await drawer.getByRole('button', { name: '拜访准备' }).click();
    const brief = page.locator('.rm-brief-root .ant-modal');
    await brief.getByText('1101**********002X').waitFor();
    await brief.getByText('138****8000').waitFor();
    await brief.getByText('1,234,567.89 元').waitFor();
    await brief.getByText('大额存单 50 万元到期').waitFor();
    await brief.getByText('工作单位').waitFor();
    await brief.getByText('微信 · 已联系上 · 节日/生日祝福').waitFor();
    const shown = (await brief.textContent()) ?? '';
    for (const bad of [LI_ID, LI_MOBILE, '中高', '风险等级', 'AML', NOTE]) expect(shown).not.toContain(bad);
    await cjkRenders(page, '客户拜访准备');
    await screen(page, '44-visit-brief');

    await brief.getByRole('button', { name: '打印 / 保存为 PDF' }).click();
    await page.getByText('PDF 已保存').waitFor();
    const pdf = await app.lastPdf!;
    expect(pdf).toMatch(new RegExp(`visit-brief-${items['visit']!.date}\\.pdf$`));
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', [pdf, '-']).toString('utf8');
    expect(text).toContain('1101**********002X');
    expect(text).toContain('李秀英');
    expect(text).toContain('客户拜访准备');
    for (const bad of [LI_ID, LI_MOBILE, '中高', '风险等级', 'AML', NOTE, '工作台']) expect(text).not.toContain(bad);
    expect(execFileSync('pdfinfo', [pdf]).toString('utf8')).toMatch(/^Pages:\s+1$/m);

    // 记录拜访结果 closes the brief (the quick log takes over).
    await brief.getByRole('button', { name: '记录拜访结果' }).click();
    await expect.poll(() => page.locator('.rm-brief-root .ant-modal').isVisible()).toBe(false);
    await page.keyboard.press('Escape');
  });

  it('exports the shown items to an .ics file with masked names only', async () => {
    await page.getByRole('button', { name: '导出到 Outlook (.ics)' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '导出到 Outlook' });
    await modal.getByText('不含证件号、电话、地址、事项和备注', { exact: false }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), modal.getByRole('button', { name: /^导出 \d+ 项$/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('李**');
    for (const bad of [LI_ID, LI_MOBILE, '李秀英', '张伟', '1101', '年末资产配置']) expect(ics).not.toContain(bad);
    await page.getByText(/^已导出 \d+ 项日程$/).waitFor();
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });
});

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return local(new Date(y, m - 1, d + days));
}
