import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src/main/core/router';
import type { ClientDetail } from '../../src/shared/clients';
import type { TodaySummary } from '../../src/shared/followups';
import { tempDir } from '../helpers/core';
import { type App, axeSerious, buttonName, callRouter, cjkRenders, launchApp, localDay, screen } from './harness';

// The Today page, the quick log and the client timeline through the real renderer over a
// real core: an overdue keep-in-touch item logged in one click leaves the overdue list;
// Ctrl+J, initials, Enter, Enter logs a call by keyboard alone and it shows in the
// client's timeline; a third proactive contact in 7 days warns and 仍然记录 goes ahead.

const PASS = 'Harbour-Lantern-2026';

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;
const ids: Record<string, string> = {};

const call = <T,>(channel: string, input: unknown): Promise<T> => callRouter<T>(router, channel, input);

const day = localDay;

const label = buttonName;
const section = (key: string): Locator => page.locator(`#today-${key}`);
const row = (key: string, name: string): Locator => section(key).locator('li').filter({ has: page.getByRole('button', { name, exact: true }) });
const quickLog = (): Locator => page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title') });
const drawer = (title: string) => page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });
const dataRows = () => page.locator('.ant-table-tbody-virtual .ant-table-row');

// Clients of long standing who were never contacted: their keep-in-touch item is years overdue.
const LONG_AGO = { kind: 'person', relationshipStart: '2020-03-02', riskGrade: 'medium', riskRatedAt: '2020-03-05' } as const;

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-today-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  await app.core.workspace.create({ managerId: 'RM00999', displayName: '王经理', passphrase: PASS });
  const create = async (client: Record<string, unknown>) => (await call<ClientDetail>('clients.create', { client })).id;
  ids['张三'] = await create({ ...LONG_AGO, name: '张三', mobile: '13800000001', revenue12mFen: 9_000_000, aumFen: 600_000_000 });
  ids['李四'] = await create({ ...LONG_AGO, name: '李四', mobile: '13900000002', revenue12mFen: 2_000_000, aumFen: 80_000_000 });
  ids['王五'] = await create({ ...LONG_AGO, name: '王五', mobile: '13700000003', revenue12mFen: 500_000, aumFen: 30_000_000 });
  // A KYC deadline (ID expires in 20 days) and a visit planned in 3 days.
  ids['钱秀英'] = await create({
    ...LONG_AGO,
    name: '钱秀英',
    sex: 'F',
    birthDate: '1949-12-31',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
    idExpiry: day(20),
    mobile: '13600000004',
    revenue12mFen: 300_000,
  });
  await call('followups.create', { clientId: ids['钱秀英'], type: 'visit', due: day(3), title: '上门拜访：介绍养老规划' });
  // 王五 was called twice this week already (no answer): the cap of 2 is reached.
  for (const minutesAgo of [120, 60]) {
    await call('contacts.log', { clientId: ids['王五'], channel: 'phone', outcome: 'no_answer', at: new Date(Date.now() - minutesAgo * 60_000).toISOString() });
  }
  await page.reload();
  await page.getByRole('heading', { name: '王经理，您好' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('today page, quick log and timeline in Chromium', () => {
  it('lists overdue items by tier with counts, KYC deadlines and the planned visit', async () => {
    const summary = await call<TodaySummary>('agenda.today', {});
    expect(summary.overdue.map((i) => i.clientName)).toEqual(expect.arrayContaining(['张三', '李四', '王五']));
    await row('overdue', '张三').waitFor();
    await row('overdue', '李四').waitFor();
    // Each section says how many items it has, as the core counts them.
    await expect.poll(() => section('overdue').locator('.ant-badge-count').getAttribute('title')).toBe(`逾期：${summary.counts.overdue} 项`);
    await row('kyc', '钱秀英').getByText('证件到期').waitFor();
    await section('next7').getByText('上门拜访：介绍养老规划').waitFor();
    await row('next7', '钱秀英').getByRole('button', { name: '拜访准备' }).waitFor();
    await section('occasions').getByText('今天没有生日和节日').waitFor();
    await cjkRenders(page, '久未联系');
    await screen(page, '30-today');
  });

  it('logs a reached call from an overdue item in one click, and the item leaves the overdue list', async () => {
    await row('overdue', '张三').getByRole('button', { name: '记录联系' }).click();
    const modal = quickLog();
    await modal.getByText('记录联系 · 张三').waitFor();
    await modal.getByText(/联系上客户后，这项跟进将标记为完成：/).waitFor();
    await modal.locator('label', { hasText: '已联系上' }).click();
    expect(await modal.getByRole('radio', { name: '已联系上' }).isChecked()).toBe(true);
    expect(await modal.getByRole('radio', { name: '电话' }).isChecked()).toBe(true);
    await modal.getByLabel('沟通要点').fill('客户近况良好，下月到期的理财需提前沟通');
    await cjkRenders(page, '沟通要点');
    await screen(page, '31-quick-log');
    // 更多: duration, satisfaction and a next step, each labelled for a screen reader.
    await modal.getByRole('button', { name: /更多/ }).click();
    await modal.getByLabel('时长（分钟）').fill('8');
    await modal.getByRole('radio', { name: '4 星' }).click();
    await modal.getByLabel('安排下一步').check();
    await modal.getByLabel('日期').fill(day(10));
    await modal.getByLabel('内容').fill('送养老规划资料');
    await expect.poll(() => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    expect(await axeSerious(page)).toEqual([]);
    app.clock.advanceMinutes(20);
    // Enter in the last field saves.
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`已记录与张三的联系：已联系上；下次定期联系：\\d{4}-\\d{2}-\\d{2}；已添加下一步：${day(10)} 送养老规划资料`)).waitFor();
    await expect.poll(() => modal.isVisible()).toBe(false);
    await expect.poll(() => row('overdue', '张三').count()).toBe(0);
    // The next keep-in-touch date is at least 14 days away: not in the next 7 days either.
    expect(await row('next7', '张三').count()).toBe(0);
    await row('overdue', '李四').waitFor();
    const logged = await call<{ rows: { durationMinutes: number; satisfaction: number; notes: string }[] }>('contacts.list', { clientId: ids['张三'] });
    expect(logged.rows[0]).toMatchObject({ durationMinutes: 8, satisfaction: 4, notes: '客户近况良好，下月到期的理财需提前沟通' });
  });

  it('Ctrl+J on the Clients page, initials, Enter, Enter: logged by keyboard alone, and shown in the timeline', async () => {
    await page.getByRole('menuitem', { name: '客户' }).click();
    await dataRows().first().waitFor();
    await page.keyboard.press('Control+j');
    const modal = quickLog();
    await modal.getByText('快速记录联系').waitFor();
    const picker = modal.getByRole('combobox', { name: '客户' });
    await expect.poll(() => picker.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('ls');
    await page.locator('.ant-select-item-option', { hasText: '李四' }).waitFor();
    await page.keyboard.press('Enter');
    // Picked: the focus moves on to the notes, where Enter saves.
    await expect.poll(() => modal.getByLabel('沟通要点').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('电话问候，客户下周来网点');
    app.clock.advanceMinutes(20);
    await page.keyboard.press('Enter');
    await page.getByText(/已记录与李四的联系：已联系上/).waitFor();
    await expect.poll(() => modal.isVisible()).toBe(false);

    await dataRows().filter({ hasText: '李四' }).click();
    const detail = drawer('李四');
    const timeline = detail.locator('.ant-card').filter({ hasText: '联系记录' });
    await timeline.getByText('电话问候，客户下周来网点').waitFor();
    await timeline.getByText('已联系上').first().waitFor();
    await timeline.getByText('新建客户').waitFor();
    await cjkRenders(page, '电话问候');
    await timeline.scrollIntoViewIfNeeded();
    await screen(page, '33-client-timeline');

    // 更正 corrects a logged contact; the original stays in the audit trail.
    await timeline.getByRole('button', { name: /^更正/ }).first().click();
    const edit = page.getByRole('dialog').filter({ hasText: '更正联系记录' });
    await edit.getByLabel('沟通要点').fill('电话问候，客户下月来网点');
    await screen(page, '34-contact-correct');
    await edit.getByRole('button', { name: '保存更正' }).click();
    await timeline.getByText('电话问候，客户下月来网点').waitFor();
    const audit = await call<{ entries: { details: { before?: { notes?: string } } }[] }>('audit.list', { action: 'contact.update' });
    expect(audit.entries[0]!.details.before?.notes).toBe('电话问候，客户下周来网点');

    // 记录联系 in the drawer logs for that client; the timeline reloads after the save.
    await detail.getByRole('button', { name: '记录联系' }).click();
    await quickLog().getByText('记录联系 · 李四').waitFor();
    await quickLog().locator('label', { hasText: '无人接听' }).click();
    await expect.poll(() => quickLog().getByRole('radio', { name: '无人接听' }).isChecked()).toBe(true);
    app.clock.advanceMinutes(20);
    await page.keyboard.press('Control+Enter');
    await page.getByText(/已记录与李四的联系：无人接听/).waitFor();
    await timeline.getByText('无人接听').waitFor();
    // The modal gives the focus back to the drawer's button: Escape then closes the drawer.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('记录联系');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('warns after 2 proactive contacts in 7 days, lists them, and 仍然记录 saves', async () => {
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await row('overdue', '王五').getByRole('button', { name: '记录联系' }).click();
    const modal = quickLog();
    const warning = modal.getByRole('alert').filter({ hasText: '本客户 7 天内已主动联系 2 次（上限 2 次）' });
    await warning.waitFor();
    await expect.poll(() => warning.getByText(/电话 · 无人接听 · 关怀/).count()).toBe(2);
    expect(await modal.getByRole('button', { name: label('保存') }).isDisabled()).toBe(true);
    await cjkRenders(page, '点到为止');
    await screen(page, '32-quick-log-cap-warning');
    app.clock.advanceMinutes(20);
    await warning.getByRole('button', { name: '仍然记录' }).click();
    await page.getByText(/已记录与王五的联系：已联系上/).waitFor();
    await expect.poll(() => row('overdue', '王五').count()).toBe(0);
    const contacts = await call<{ total: number }>('contacts.list', { clientId: ids['王五'] });
    expect(contacts.total).toBe(3);
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });
});
