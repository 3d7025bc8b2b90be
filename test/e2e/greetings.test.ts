import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLunarDate } from 'chinese-days';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src/main/core/router';
import type { ClientDetail } from '../../src/shared/clients';
import type { AuditPage } from '../../src/shared/contract';
import type { CalendarRange } from '../../src/shared/followups';
import type { GreetingsPage } from '../../src/shared/greetings';
import { tempDir } from '../helpers/core';
import { type App, buttonName, callRouter, cjkRenders, launchApp, localDay, screen } from './harness';

// The 祝福 page through the real renderer over a real core: today's birthday rendered with
// the right salutation, marked sent (a contact attempt in the client's timeline), a
// do-not-contact client listed but not selectable, the SMS platform CSV (BOM, mobile,
// audited), a skip with its reason, a template with an unknown field refused by the core,
// and birthdays on the calendar.

const PASS = 'Harbour-Lantern-2026';

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;
const ids: Record<string, string> = {};

const call = <T,>(channel: string, input: unknown): Promise<T> => callRouter<T>(router, channel, input);

const day = localDay;
/** Born on the month and day of `date`, `age` years before it. */
const bornAgo = (date: string, age: number) => `${Number(date.slice(0, 4)) - age}${date.slice(4)}`;
const label = buttonName;
const row = (name: string): Locator => page.locator('.rm-grow').filter({ has: page.getByRole('button', { name, exact: true }) });
const drawer = (title: string) => page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });
const modal = (title: string) => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-greetings-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  await app.core.workspace.create({ managerId: 'RM00999', displayName: '李明', passphrase: PASS });
  await call('greetings.settings', { branch: '城东支行' });
  const create = async (key: string, client: Record<string, unknown>) => {
    ids[key] = (await call<ClientDetail>('clients.create', { client })).id;
  };
  const lunar = getLunarDate(day(5));
  await create('wang', { kind: 'person', name: '王建国', sex: 'M', birthDate: bornAgo(day(0), 46), mobile: '13800000001', relationshipStart: '2020-01-01' });
  await create('chen', { kind: 'person', name: '陈志强', sex: 'M', birthDate: bornAgo(day(1), 38), mobile: '13800000005', preferredChannel: 'wechat' });
  await create('li', { kind: 'person', name: '李秀英', sex: 'F', birthDate: bornAgo(day(3), 60), mobile: '13800000002', relationshipStart: '2015-06-01' });
  await create('zhao', {
    kind: 'person', name: '赵敏', sex: 'F', birthDate: bornAgo(day(5), 51), birthdayCalendar: 'lunar',
    lunarMonth: lunar.lunarMon, lunarDay: lunar.lunarDay, lunarLeap: lunar.isLeap, mobile: '13800000003',
  });
  await create('corp', {
    kind: 'company', name: '深圳市华强电子有限公司', legalRepresentative: '张伟', mobile: '13800000004',
    companyAnniversaries: [{ label: '公司成立', date: bornAgo(day(7), 10) }],
  });
  await create('quiet', { kind: 'person', name: '孙静', sex: 'F', birthDate: bornAgo(day(2), 56), mobile: '13800000006', doNotContact: true });
  await create('liu', { kind: 'person', name: '刘芳', sex: 'F', birthDate: bornAgo(day(9), 42), mobile: '13800000007' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.reload();
  await page.getByRole('heading', { name: '李明，您好' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('greetings page in Chromium', () => {
  it('lists the occasions of the next 14 days by day, each text rendered for its client', async () => {
    await page.getByRole('menuitem', { name: '祝福' }).click();
    await row('王建国').waitFor();
    expect(await row('王建国').locator('.rm-grow-text').textContent()).toMatch(/^王先生您好！.*城东支行 李明$/);
    await row('王建国').getByText('46 岁生日').waitFor();
    await row('王建国').getByText(/^\d+ 字 · 1 条$/).waitFor();
    // Today's group says so; the milestone, lunar and anniversary rows carry their titles.
    await page.locator('.rm-gday-head', { hasText: '今天' }).waitFor();
    await row('李秀英').getByText('60 岁整寿').waitFor();
    expect(await row('李秀英').locator('.rm-grow-text').textContent()).toMatch(/^李女士您好！欣逢您60岁寿辰/);
    await row('赵敏').getByText('农历', { exact: true }).waitFor();
    await row('深圳市华强电子有限公司').getByText('公司成立 10 周年').waitFor();
    expect(await row('深圳市华强电子有限公司').locator('.rm-grow-text').textContent()).toMatch(/^张总您好/);
    await row('陈志强').getByText('微信', { exact: true }).waitFor();
    // Do not contact: listed, greyed with the reason, not selectable.
    await row('孙静').getByText('不发送：客户要求勿扰').waitFor();
    expect(await row('孙静').getByRole('checkbox').isDisabled()).toBe(true);
    await page.getByRole('radio', { name: '待发送 6' }).waitFor({ state: 'attached' });
    await cjkRenders(page, '客户要求勿扰');
    await screen(page, '50-greetings');
  });

  it('marks the selected greetings sent; each becomes a contact attempt in the client timeline', async () => {
    await row('王建国').getByRole('checkbox').check();
    await row('陈志强').getByRole('checkbox').check();
    await page.getByText('已选 2 条').waitFor();
    // 复制短信: the selected texts, one per line.
    await page.getByRole('button', { name: '复制短信' }).click();
    await page.getByText('已复制 2 条祝福语，每行一条').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')).toHaveLength(2);
    expect(copied.split('\n')[0]).toMatch(/^王先生您好/);
    await screen(page, '51-greetings-selected');

    await page.getByRole('button', { name: '标记已发送' }).click();
    const dialog = modal('标记为已发送');
    await dialog.getByText(/将 2 条祝福记为已发送/).waitFor();
    await dialog.getByRole('button', { name: '标记已发送' }).click();
    await page.getByText('已标记 2 条为已发送').waitFor();
    await expect.poll(() => row('王建国').locator('.rm-grow-status').textContent()).toBe('已发送');
    expect(await row('王建国').getByRole('checkbox').isDisabled()).toBe(true);
    await page.getByText('勾选客户后可批量复制、导出或标记').waitFor();

    await row('王建国').getByRole('button', { name: '王建国', exact: true }).click();
    const detail = drawer('王建国');
    const timeline = detail.locator('.ant-card').filter({ hasText: '联系记录' });
    await timeline.getByText('节日/生日祝福').waitFor();
    await timeline.getByText('已发送').first().waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('exports the SMS platform CSV after saying it holds mobile numbers, and audits it', async () => {
    await row('李秀英').getByRole('checkbox').check();
    await row('深圳市华强电子有限公司').getByRole('checkbox').check();
    await page.getByRole('button', { name: '导出短信平台 CSV' }).click();
    const dialog = modal('导出短信平台文件');
    await dialog.getByText(/所选 2 位客户的手机号/).waitFor();
    await dialog.getByText(/审计日志/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '确认导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^greetings-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('13800000002');
    expect(csv).toContain('"李女士您好！');
    expect(csv).not.toContain('13800000006');
    await page.getByText('已导出 2 条').waitFor();
    const audit = await call<AuditPage>('audit.list', { action: 'greetings.export' });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]!.details).toMatchObject({ count: 2, revealed: 'mobile' });
    await page.getByRole('button', { name: '清除选择' }).click();
  });

  it('skips a greeting with a reason, shown on its row', async () => {
    await row('刘芳').getByRole('checkbox').check();
    await page.getByRole('button', { name: label('跳过') }).click();
    const dialog = modal('跳过祝福');
    await dialog.getByRole('button', { name: '已当面祝福' }).click();
    await dialog.getByRole('button', { name: '确认跳过' }).click();
    await page.getByText('已跳过 1 条').waitFor();
    await row('刘芳').getByText('跳过原因：已当面祝福').waitFor();
    const list = await call<GreetingsPage>('greetings.list', { from: day(0), to: day(14) });
    expect(list.counts).toMatchObject({ sent: 2, skipped: 1, excluded: 1, pending: 3 });
    // The status filter lists only what is left to send.
    await page.getByText('待发送 3').click();
    await expect.poll(() => page.locator('.rm-grow').count()).toBe(3);
    await page.getByText(/^全部 7$/).click();
  });

  it('refuses a template with a field that does not exist, naming it next to the text', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    const card = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '祝福模板' }) });
    await card.getByRole('button', { name: '编辑模板 birthday-milestone-sms' }).click();
    const dialog = modal('编辑模板');
    const text = dialog.getByRole('textbox', { name: '内容', exact: true });
    await text.fill('');
    await dialog.getByRole('button', { name: /称呼/ }).click();
    await expect.poll(() => text.inputValue()).toBe('{{salutation}}');
    await text.press('End');
    await text.pressSequentially('您好，您的风险等级为{{riskGrade}}');
    await dialog.getByRole('button', { name: label('保存') }).click();
    await dialog.locator('.ant-form-item-explain-error', { hasText: '模板「birthday-milestone-sms」有不存在的字段：riskGrade' }).waitFor();
    await cjkRenders(page, '插入字段');
    await screen(page, '52-greeting-templates');
    await dialog.getByRole('button', { name: label('取消') }).click();
    const saved = await call<{ id: string; text: string }[]>('greetings.templates', {});
    expect(saved.find((t) => t.id === 'birthday-milestone-sms')!.text).not.toContain('riskGrade');
  });

  it('shows birthdays on the calendar (a click opens the client) and the Double Ninth as a label', async () => {
    await page.getByRole('menuitem', { name: '日程' }).click();
    const today = page.locator(`.fc-daygrid-day[data-date="${day(0)}"]`);
    await today.locator('.rm-occ', { hasText: '王建国' }).waitFor();
    await page.locator(`.fc-daygrid-day[data-date="${day(3)}"] .rm-occ`, { hasText: '60 岁整寿' }).waitFor();
    await screen(page, '45-calendar-occasions');
    await today.locator('.rm-occ', { hasText: '王建国' }).click();
    await drawer('王建国').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    const year = Number(day(0).slice(0, 4));
    const range = await call<CalendarRange>('agenda.range', { from: `${year}-09-01`, to: `${year}-11-30` });
    const ninth = range.occasions.find((o) => o.kind === 'double_ninth')!.date;
    const target = year * 12 + Number(ninth.slice(5, 7));
    const shown = async () => {
      const [, y, m] = /(\d+)年(\d+)月/.exec((await page.locator('.fc-toolbar-title').textContent()) ?? '') ?? [];
      return Number(y) * 12 + Number(m);
    };
    for (let i = 0; i < 4 && (await shown()) !== target; i++) await page.getByRole('button', { name: (await shown()) > target ? '上一页' : '下一页' }).click();
    await expect.poll(shown).toBe(target);
    await expect.poll(() => page.locator(`.fc-daygrid-day[data-date="${ninth}"] .rm-day-greeting`).textContent()).toBe('重阳节');
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });
});
