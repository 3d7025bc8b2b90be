import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { cjkRenders, launchApp, screen, type App } from './harness';

const MANAGER = 'RM00888';
const PASS = 'Harbour-Lantern-2026';

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;



beforeAll(async () => {
  tmp = tempDir('rmw-e2e-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('foundation flow in Chromium, keyboard only', () => {
  it('first run: create the workspace with the keyboard', async () => {
    await page.getByRole('heading', { name: '创建加密工作区' }).waitFor();
    await cjkRenders(page, '创建加密工作区');
    await screen(page, '01-first-run');
    // The manager ID field has focus; fill every field with Tab and submit with Enter.
    await page.keyboard.type(MANAGER);
    await page.keyboard.press('Tab');
    await page.keyboard.type('王经理');
    await page.keyboard.press('Tab');
    await page.keyboard.type('short');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByText('至少 12 个字符').count()).toBeGreaterThan(0);
    await screen(page, '02-first-run-weak-passphrase');
    await page.getByLabel('口令', { exact: true }).fill(PASS);
    await page.getByLabel('再次输入口令').focus();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '王经理，您好' }).waitFor();
    await screen(page, '03-today');
  });

  it('every page of the side navigation opens', async () => {
    for (const name of ['客户', '分层', '日程', '祝福', '同步', '审计', '设置', '工作台']) {
      await page.getByRole('menuitem', { name }).click();
      await expect.poll(() => page.locator('.ant-menu-item-selected').textContent()).toContain(name);
      expect(await page.getByRole('alert').filter({ hasText: '内部错误' }).count()).toBe(0);
    }
  });

  it('Ctrl+L locks; a wrong passphrase fails clearly; the right one unlocks', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: '解锁工作区' }).waitFor();
    expect(app.core.workspace.current).toBeNull();
    await screen(page, '05-unlock');
    await page.keyboard.type('Wrong-passphrase-1');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: '口令错误' }).waitFor();
    await screen(page, '06-unlock-wrong');
    // Not enrolled with HQ: no escrow, so the help says a forgotten passphrase cannot be reset.
    await page.getByText('忘记口令？').click();
    await page.getByRole('alert').filter({ hasText: '数据密钥没有托管' }).waitFor();
    await screen(page, '06-unlock-forgot');
    await page.getByLabel('口令', { exact: true }).focus();
    await page.keyboard.type(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '王经理，您好' }).waitFor();
  });

  it('the audit page lists the actions and verifies the chain', async () => {
    await page.getByRole('menuitem', { name: '审计' }).click();
    await page.getByRole('cell', { name: '解锁失败（口令错误）' }).waitFor();
    await page.getByRole('button', { name: /校验审计链/ }).click();
    await page.getByText(/审计链完整：\d+ 条记录/).waitFor();
    const text = await page.getByText(/审计链完整：\d+ 条记录/).textContent();
    // create, the device key made with it, lock, the failed unlock (recorded at unlock), unlock.
    expect(Number(/(\d+)/.exec(text ?? '')?.[1])).toBe(5);
    await screen(page, '07-audit');
  });

  it('idle auto-lock through the core clock returns the window to the unlock screen', async () => {
    app.clock.advanceMinutes(11);
    app.core.tick();
    await page.getByRole('heading', { name: '解锁工作区' }).waitFor();
    await page.getByLabel('口令', { exact: true }).fill(PASS);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '王经理，您好' }).waitFor();
  });

  it('the side navigation works from the keyboard', async () => {
    // The menu item with keyboard focus (hover also marks items active, so ask the DOM focus).
    const activeItem = () => page.evaluate(() => (document.activeElement?.matches('nav li[role=menuitem]') ? (document.activeElement.textContent ?? '') : ''));
    await page.getByRole('menuitem', { name: '工作台' }).click();
    await page.mouse.move(0, 0);
    await page.getByRole('menuitem', { name: '工作台' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(activeItem).toContain('客户');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: '搜索客户' }).waitFor();
    // From the top of the page, Tab reaches the menu, arrows move, Enter opens.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let inMenu = false;
    for (let i = 0; i < 20 && !inMenu; i++) {
      await page.keyboard.press('Tab');
      inMenu = await page.evaluate(() => !!document.activeElement?.closest('nav'));
    }
    expect(inMenu).toBe(true);
    for (let i = 0; i < 8 && !(await activeItem()).includes('审计'); i++) {
      const before = await activeItem();
      await page.keyboard.press('ArrowDown');
      await expect.poll(activeItem).not.toBe(before);
    }
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /校验审计链/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/审计链完整：\d+ 条记录/).waitFor();
  });

  it('settings switch the interface to English', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    await screen(page, '08-settings');
    // The backup card: never backed up yet, so it asks for one (to a second medium).
    const backup = page.getByText('加密备份', { exact: true });
    await backup.scrollIntoViewIfNeeded();
    await page.getByRole('status').filter({ hasText: '备份' }).first().waitFor();
    await screen(page, '08-settings-backup');
    await page.getByLabel('界面语言').click();
    await page.getByTitle('English').click();
    await page.getByRole('button', { name: /保\s*存/ }).first().click();
    await page.getByRole('menuitem', { name: 'Audit' }).waitFor();
    await screen(page, '09-settings-en');
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });
});
