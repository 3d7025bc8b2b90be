import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { launchApp, type App } from './harness';

let tmp: ReturnType<typeof tempDir>;
let app: App;
beforeAll(async () => {
  tmp = tempDir('rmw-e2e-demo-');
  app = await launchApp(join(tmp.dir, 'ws'));
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

it('first run offers to try the app with a demo book', async () => {
  const { page } = app;
  await page.getByLabel('客户经理编号').fill('RM00321');
  await page.getByLabel('显示姓名').fill('李经理');
  await page.getByLabel('口令', { exact: true }).fill('Harbour-Lantern-2026');
  await page.getByLabel('再次输入口令').fill('Harbour-Lantern-2026');
  await page.getByRole('checkbox', { name: /演示客户/ }).check();
  await page.getByRole('button', { name: /创建工作区/ }).click();
  await page.getByRole('heading', { name: '李经理，您好' }).waitFor();
  const s = app.core.workspace.requireSession();
  expect(s.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(300);
  await page.getByRole('menuitem', { name: '客户' }).click();
  // The first page (200 rows) is shown at once; the count says how many there are in all.
  await page.getByText(/共 300 位/).waitFor();
});
