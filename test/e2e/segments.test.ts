import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type Router } from '../../src/main/core/router';
import type { SegmentSummary } from '../../src/shared/segments';
import { tempDir } from '../helpers/core';
import { type App, callRouter, launchApp, screen } from './harness';

// The Segments page through the real renderer over a 2,000-client demo book: the 80/20
// headline and charts, the numbers agreeing with the core, tier A opening the Clients page
// filtered to tier A, a dot opening a client, and a snapshot feeding the movement matrix.

const PASS = 'Harbour-Lantern-2026';
const BOOK = { clients: 2000, seed: 7 };

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;
let summary: SegmentSummary;


const call = <T,>(channel: string, input: unknown): Promise<T> => callRouter<T>(router, channel, input);

const card = (title: string): Locator => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: new RegExp(`^${title}$`) }) });
const dataRows = () => page.locator('.ant-table-tbody-virtual .ant-table-row');
/** The height of each chart drawn on the page (its first canvas). */
const chartHeights = () => page.locator('.rm-chart').evaluateAll((charts) => charts.filter((c) => c.querySelector('canvas')).map((c) => c.querySelector('canvas')!.getBoundingClientRect().height));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-segments-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  await app.core.workspace.create({ managerId: 'RM00777', displayName: '赵经理', passphrase: PASS });
  expect(await call<{ created: number; contacts: number }>('demo.load', BOOK)).toEqual({ created: BOOK.clients, contacts: BOOK.clients * 3 });
  await page.reload();
  await page.getByRole('heading', { name: '赵经理，您好' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('segments page in Chromium', () => {
  it('shows the 80/20 headline and every chart, with numbers that match the core', async () => {
    await page.getByRole('menuitem', { name: '分层' }).click();
    const headline = page.getByRole('heading', { level: 2, name: /的客户贡献了 80% 的价值$/ });
    await headline.waitFor();
    summary = await call<SegmentSummary>('segments.summary', {});
    const top = Math.round(summary.shareOfClientsFor80Percent * summary.clients);
    expect(await headline.textContent()).toBe(`前 ${pct(summary.shareOfClientsFor80Percent)}（${top} 位）的客户贡献了 80% 的价值`);
    // The demo book is realistic: tier A holds roughly 15–25% of the clients.
    expect(summary.clients).toBe(BOOK.clients);
    expect(summary.tiers.A.clients / summary.clients).toBeGreaterThan(0.1);
    expect(summary.tiers.A.clients / summary.clients).toBeLessThan(0.3);

    // Both charts are drawn on canvases of real size (the scatter draws its dots on layers of its own, a few hundred a frame).
    await expect.poll(() => chartHeights()).toHaveLength(2);
    for (const h of await chartHeights()) expect(h).toBeGreaterThan(200);

    // The tier table agrees with the core exactly.
    for (const tier of ['A', 'B', 'C'] as const) {
      const count = card('ABC 分层').locator('tbody tr', { hasText: `${tier} 类` }).locator('[data-count]');
      expect(await count.textContent()).toBe(summary.tiers[tier].clients.toLocaleString('en-US'));
    }
    await page.getByText('基尼系数').waitFor();
    await page.getByText(summary.gini.toFixed(2), { exact: true }).first().waitFor();
    if (summary.optedOutOfAutomated > 0) await page.getByText(`${summary.optedOutOfAutomated} 位客户拒绝自动化决策：照常统计，但不会对其自动采取任何行动`).waitFor();
    for (const state of ['新客户', '活跃', '流失风险', '休眠', '已流失']) await card('客户状态').getByText(state, { exact: true }).first().waitFor();
    await card('资产分层维护').getByText('≥ 200 万元').waitFor();
    await card('季度维护指标').getByText('流失率（保）').waitFor();
    await screen(page, '20-segments');
  });

  it('every chart has a table view with the same numbers', async () => {
    const pareto = card('二八分布（帕累托曲线）');
    await pareto.getByText('表格', { exact: true }).click();
    await pareto.getByRole('cell', { name: `前 ${pct(summary.shareOfClientsFor80Percent)}` }).waitFor();
    await pareto.getByRole('cell', { name: '80.0%' }).waitFor();
    await pareto.getByText('图表', { exact: true }).click();
    const scatter = card('价值 × 潜力象限');
    await scatter.getByText('表格', { exact: true }).click();
    await scatter.getByRole('button', { name: summary.scatter[0]!.name }).first().waitFor();
    await scatter.getByText('图表', { exact: true }).click();
    await expect.poll(() => chartHeights()).toHaveLength(2);
    await card('资产分层维护').scrollIntoViewIfNeeded();
    await screen(page, '24-segments-bands');
  });

  it('a dot on the scatter opens that client', async () => {
    const scatter = card('价值 × 潜力象限');
    await scatter.scrollIntoViewIfNeeded();
    await screen(page, '21-segments-scatter');
    // Aim at the book's most valuable client: the chart's grid is 52 px from the left, 24 from the right, 56 from the top, 48 from the bottom.
    const box = (await scatter.locator('.rm-chart').boundingBox())!;
    const p = summary.scatter[0]!;
    await page.mouse.click(box.x + 52 + p.valuePercentile * (box.width - 76), box.y + 56 + (1 - p.potential) * (box.height - 104));
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('.ant-drawer-title').waitFor();
    await drawer.getByRole('group', { name: '分层' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('a snapshot taken now appears in the list and feeds the movement matrix', async () => {
    await card('分层快照').getByRole('button', { name: '立即生成快照' }).click();
    await page.getByText(/^已生成 \d{4}-\d{2} 快照（2000 位客户）$/).waitFor();
    await card('分层快照').getByRole('cell', { name: '手动' }).waitFor();
    const matrix = card('层级迁移');
    await matrix.getByText('两次选择的是同一个快照').waitFor();
    // The same snapshot on both sides: everyone stays in their tier.
    const rowA = matrix.locator('tbody tr', { hasText: 'A 类' }).first();
    await rowA.waitFor();
    const cells = await rowA.locator('td').allTextContents();
    expect(cells[1]).toBe(summary.tiers.A.clients.toLocaleString('en-US'));
    await matrix.scrollIntoViewIfNeeded();
    await screen(page, '23-segments-snapshots');
  });

  it('clicking tier A opens the Clients page showing exactly tier A', async () => {
    const a = summary.tiers.A.clients;
    await page.getByRole('button', { name: `查看A 类客户（${a} 位）` }).click();
    await page.getByRole('group', { name: '分层筛选' }).getByText('层级：A 类').waitFor();
    await page.getByText(`共 ${a} 位客户`, { exact: true }).waitFor();
    await expect.poll(() => dataRows().count()).toBeGreaterThan(5);
    const tiers = await dataRows().evaluateAll((rows) => rows.map((r) => r.querySelectorAll('.ant-table-cell')[2]?.textContent?.trim()));
    expect(new Set(tiers)).toEqual(new Set(['A']));
    // The snapshot's toast from the step before has gone.
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await screen(page, '22-clients-tier-a');

    // The detail carries the segment as tags.
    await dataRows().first().click();
    const drawer = page.locator('.ant-drawer-open');
    const group = drawer.getByRole('group', { name: '分层' });
    await group.waitFor();
    expect(await group.textContent()).toMatch(/层级\s*A.*象限.*资产分层.*客户状态/);
    await screen(page, '25-client-detail-segment');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);

    // Closing the filter tag shows the whole book again.
    await page.getByRole('button', { name: '取消筛选：层级：A 类' }).click();
    await page.getByText(`共 ${BOOK.clients} 位客户`, { exact: true }).waitFor();
  });

  it('switching the basis to financial assets re-tiers the book and is kept as the setting', async () => {
    await page.getByRole('menuitem', { name: '分层' }).click();
    await page.getByText('金融资产', { exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: /的客户持有 80% 的金融资产$/ }).waitFor();
    const aum = await call<SegmentSummary>('segments.summary', {});
    expect(aum.metric).toBe('aum');
    const count = card('ABC 分层').locator('tbody tr', { hasText: 'A 类' }).locator('[data-count]');
    await expect.poll(() => count.textContent()).toBe(aum.tiers.A.clients.toLocaleString('en-US'));
    await page.getByText('年贡献', { exact: true }).first().click();
    await page.getByRole('heading', { level: 2, name: /的客户贡献了 80% 的价值$/ }).waitFor();
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });

  it('an empty book points to the Clients page', async () => {
    const empty = await launchApp(join(tmp.dir, 'ws-empty'));
    try {
      await empty.core.workspace.create({ managerId: 'RM00778', displayName: '钱经理', passphrase: PASS });
      await empty.page.reload();
      await empty.page.getByRole('menuitem', { name: '分层' }).click();
      await empty.page.getByText('还没有客户，暂时无法分层').waitFor();
      const previous = page;
      page = empty.page;
      await screen(page, '26-segments-empty');
      page = previous;
      await empty.page.getByRole('button', { name: '前往客户页' }).click();
      await empty.page.getByText('客户名册还是空的').waitFor();
    } finally {
      await empty.close();
    }
  });
});
