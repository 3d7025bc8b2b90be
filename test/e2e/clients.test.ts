import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { RmBridge } from '../../src/shared/bridge';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { createRouter, type Router } from '../../src/main/core/router';
import type { ClientList } from '../../src/shared/clients';
import { type App, buttonName, callRouter, cjkRenders, launchApp, screen } from './harness';

// The client book through the real renderer: import an Excel-made GBK CSV, search by
// initials, open and reveal (audited), see the audit entry, and a bad ID refused at
// the field. Driven by the labels a manager reads.

const PASS = 'Harbour-Lantern-2026';
const FIXTURES = resolve('test/fixtures/import');
const ZHANG_WEI_ID = '110105197503080116';
const TEMPLATE_HEADER =
  '客户编号,姓名,客户类型,性别,出生日期,生日历法,农历生日,证件类型,证件号码,证件有效期,手机,电子邮箱,地址,职业,金融资产,存款,贷款余额,信用卡年消费,年贡献,持有产品,风险等级,建立关系日期,标签,备注,潜力评分';

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;



const label = buttonName;
const dataRows = () => page.locator('.ant-table-tbody-virtual .ant-table-row');
const placeholders = () => page.locator('.ant-table-tbody-virtual .rm-client-row-placeholder');
/** Every row of the Clients table is this tall. */
const ROW_PX = 40;
const drawer = (title: string | RegExp) => page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-clients-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  await app.core.workspace.create({ managerId: 'RM00888', displayName: '王经理', passphrase: PASS });
  await page.reload();
  await page.getByRole('heading', { name: '王经理，您好' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('client book in Chromium', () => {
  it('an empty book says what to do', async () => {
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByText('客户名册还是空的').waitFor();
    for (const name of ['导入客户', '新建客户', '载入演示客户']) await page.getByRole('button', { name }).first().waitFor();
    await cjkRenders(page, '客户名册还是空的');
    await screen(page, '10-clients-empty');
  });

  it('downloads the import template as UTF-8 with BOM, with the Chinese headers and one example row', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载导入模板' }).click()]);
    expect(download.suggestedFilename()).toBe('客户导入模板.csv');
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(TEMPLATE_HEADER);
    expect(lines).toHaveLength(2);
  });

  it('imports a GBK CSV saved by Excel through the wizard', async () => {
    await page.getByRole('button', { name: '导入客户' }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '导入客户' });
    await modal.getByText('点击或拖入 CSV / Excel 文件').waitFor();
    await modal.locator('input[type=file]').setInputFiles(join(FIXTURES, 'gbk-excel.csv'));
    await modal.getByText('数据预览（已脱敏）').waitFor();
    await modal.getByText('GBK / GB18030').waitFor();
    // Sample rows are masked; the full ID number never reaches the preview.
    await modal.getByRole('cell', { name: '1101**********0116' }).waitFor();
    expect(await modal.textContent()).not.toContain(ZHANG_WEI_ID);
    // Auto-mapped columns are preselected, e.g. 证件号码 → 证件号码.
    await expect.poll(() => modal.getByRole('combobox', { name: '证件号码 · 对应字段' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()).toContain('证件号码');
    await cjkRenders(page, '数据预览（已脱敏）');
    await screen(page, '12-import-preview');
    await modal.getByRole('button', { name: '导入 3 行' }).click();
    await modal.getByText('导入完成').waitFor();
    await modal.getByText('新增 3 位，合并 0 位，跳过 0 行，有错误未导入 0 行。').waitFor();
    await modal.getByRole('button', { name: label('完成') }).click();
    await page.getByText('共 3 位客户').waitFor();
    await expect.poll(() => dataRows().count()).toBe(3);
    // Sorted by contribution, money as yuan with separators, mobile masked.
    await page.getByText('¥1,234,567.89').waitFor();
    await page.getByText('139****5678').waitFor();
  });

  it('a file that is not a spreadsheet is refused clearly, without breaking the window', async () => {
    await page.getByRole('button', { name: label('导入') }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '导入客户' });
    await modal.locator('input[type=file]').setInputFiles(join(FIXTURES, 'binary.csv'));
    await modal.getByRole('alert').filter({ hasText: '无法导入「binary.csv」：这不是表格文件' }).waitFor();
    await modal.getByRole('button', { name: label('取消') }).click();
    await expect.poll(() => modal.isVisible()).toBe(false);
  });

  it('lists row errors as 第 N 行 · 字段 · 原因, and duplicates with a choice of skip or merge', async () => {
    await page.getByRole('button', { name: label('导入') }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '导入客户' });
    await modal.locator('input[type=file]').setInputFiles(join(FIXTURES, 'bad-id.csv'));
    await modal.getByText('第 3 行 · 证件号码 · 身份证号校验位不符，请核对是否输错').waitFor();
    await modal.getByRole('button', { name: '导入 2 行' }).waitFor();
    await modal.getByRole('button', { name: label('上一步') }).click();
    await modal.locator('input[type=file]').setInputFiles(join(FIXTURES, 'duplicates.csv'));
    await modal.getByText('第 2 行的客户已在名册中（证件号码相同）').waitFor();
    await modal.getByText('第 4 行与第 2 行是同一客户（证件号码相同）').waitFor();
    await modal.getByRole('radio', { name: /合并/ }).check();
    await modal.getByRole('button', { name: label('上一步') }).click();
    await modal.getByRole('button', { name: label('取消') }).click();
    await expect.poll(() => modal.isVisible()).toBe(false);
    await page.getByText('共 3 位客户').waitFor();
  });

  it('searches by initials, opens the detail and reveals the ID number once', async () => {
    await page.getByRole('textbox', { name: '搜索客户' }).fill('zw');
    await expect.poll(() => dataRows().count()).toBe(1);
    await dataRows().first().getByText('张伟').waitFor();
    // Enter on the focused row opens the detail, as a click does.
    await dataRows().first().focus();
    await page.keyboard.press('Enter');
    const detail = drawer('张伟');
    await detail.getByText('客户身份识别').waitFor();
    await detail.getByText('1101**********0116').waitFor();
    await detail.getByText('还没有联系记录').first().waitFor();
    await detail.getByText('首次风险评级应在建立关系后 60 天内完成').count().then((n) => expect(n).toBe(0));
    await cjkRenders(page, '客户身份识别');
    await screen(page, '11-client-detail');
    await detail.getByRole('button', { name: '显示证件号码' }).click();
    await detail.getByText(ZHANG_WEI_ID).waitFor();
    await page.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.getByText(ZHANG_WEI_ID).count()).toBe(0);
    // Reopened, it is masked again: the reveal lapsed with the drawer.
    await dataRows().first().click();
    await drawer('张伟').getByText('1101**********0116').waitFor();
    expect(await page.getByText(ZHANG_WEI_ID).count()).toBe(0);
    // Edit: the form opens with the stored values (masked fields left empty) and saves only the change.
    await drawer('张伟').getByRole('button', { name: label('编辑') }).click();
    const edit = drawer('编辑客户 · 张伟');
    await expect.poll(() => edit.getByLabel('姓名').inputValue()).toBe('张伟');
    expect(await edit.getByLabel('证件号码').inputValue()).toBe('');
    await edit.getByLabel('职业').fill('大学教师');
    await edit.getByRole('button', { name: label('保存') }).click();
    await page.getByText('已保存').waitFor();
    await drawer('张伟').getByRole('cell', { name: '大学教师' }).waitFor();
    await drawer('张伟').getByText('1101**********0116').waitFor();
    // Escape goes to the top-most layer; while the form still slides out, that is the form.
    await edit.waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
  });

  it('the audit page lists the view, the reveal, the search, the import and the edit', async () => {
    await page.getByRole('menuitem', { name: '审计' }).click();
    for (const action of ['显示脱敏信息', '查看客户', '搜索客户', '导入客户', '修改客户']) await page.getByRole('cell', { name: action }).first().waitFor();
    const reveals = await page.evaluate(() => (window as unknown as { rm: RmBridge }).rm.invoke('audit.list', { action: 'client.reveal' }));
    expect(reveals.ok && reveals.data.entries.map((e) => e.details)).toEqual([{ field: 'idNumber' }]);
  });

  it('a bad ID number in the form is refused next to 证件号码', async () => {
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByRole('button', { name: '新建客户' }).click();
    const form = drawer('新建客户');
    await form.getByLabel('姓名').fill('测试客户');
    // One digit off from a valid number: the check digit no longer matches.
    await form.getByLabel('证件号码').fill('110105197503080117');
    await form.getByRole('button', { name: label('保存') }).click();
    const idItem = form.locator('.ant-form-item').filter({ has: page.getByLabel('证件号码') });
    await idItem.getByText('身份证号校验位不符，请核对是否输错').waitFor();
    await form.getByRole('alert').filter({ hasText: '有 1 处需要修改' }).waitFor();
    await cjkRenders(page, '身份证号校验位不符');
    await screen(page, '13-client-form-error');
    // Fixed, it saves and opens the new client.
    await form.getByLabel('证件号码').fill('11010519491231002X');
    await form.getByRole('button', { name: label('保存') }).click();
    const created = drawer('测试客户');
    await created.getByText('1101**********002X').waitFor();
    // Delete asks first, then removes the client.
    await created.getByRole('button', { name: label('删除') }).click();
    await page.getByText('删除客户「测试客户」？').waitFor();
    await page.locator('.ant-popconfirm').getByRole('button', { name: label('删除') }).click();
    await page.getByText('客户已删除').waitFor();
    await expect.poll(() => page.locator('.ant-drawer-open').count()).toBe(0);
    await page.getByRole('textbox', { name: '搜索客户' }).fill('');
    await page.getByText('共 3 位客户').waitFor();
  });

  it('a large book scrolls as one list: the whole height from the start, pages fetched where the manager jumps, far pages let go', async () => {
    // 3 + 7,500 clients: eight pages of 1,000, more than the table keeps.
    await importViaContract(bookCsv(7_500));
    const TOTAL = 7_503;
    const lists = await recordLists();
    await page.getByRole('menuitem', { name: '审计' }).click();
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.getByText('共 7503 位客户').waitFor();
    // The first request after the page opens asks for the first screenful and a margin only.
    expect((await lists.taken())[0]).toMatchObject({ offset: 0, limit: 200 });
    const body = page.locator('.ant-table-tbody-virtual-holder');
    // The scrollbar is the whole book from the start: every client's row has its place.
    expect(await body.evaluate((el) => el.scrollHeight)).toBe(TOTAL * ROW_PX);
    await expectRowsAt(0, 'revenue');

    // Dragged to the middle: grey placeholder rows (no client rows) while the page is on its way, then the core's clients at their places.
    await lists.hold();
    await scrollToRow(3750);
    await expect.poll(() => placeholders().count()).toBeGreaterThan(5);
    expect(await page.locator('.rm-client-row:not(.rm-client-row-placeholder)').count()).toBe(0);
    await page.getByText('共 7503 位客户 · 正在加载…').waitFor();
    await screen(page, '10-clients-page-loading');
    await lists.release();
    await expectRowsAt(3750, 'revenue');
    expect(await placeholders().count()).toBe(0);
    await page.getByText('共 7503 位客户', { exact: true }).waitFor();
    // The page was fetched by its aligned offset, a page of 1,000.
    expect(await lists.taken()).toContainEqual(expect.objectContaining({ offset: 3000, limit: 1000 }));

    // The end of the book: its last client is the last row.
    await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(async () => indexOf(await coreId(TOTAL - 1, 'revenue'))).toBe(TOTAL - 1);
    await expectRowsAt(TOTAL - 12, 'revenue');

    // Through every page from the top: the page just left is kept (no request going back to it), the far ones are let go.
    for (let p = 0; p < 8; p++) {
      await scrollToRow(p * 1000 + 500);
      await expectRowsAt(p * 1000 + 500, 'revenue');
    }
    await lists.taken();
    await scrollToRow(6500);
    await expectRowsAt(6500, 'revenue');
    expect(await lists.taken()).toEqual([]);
    await scrollToRow(0);
    await expectRowsAt(0, 'revenue');
    expect((await lists.taken()).map((c) => c.offset)).toContain(0);

    // A page on its way when the sort changes is dropped: the middle of the book then shows the new order.
    await lists.hold();
    await scrollToRow(1500);
    await expect.poll(() => placeholders().count()).toBeGreaterThan(5);
    await page.locator('.ant-table-thead th', { hasText: '姓名' }).click();
    await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
    await expectRowsAt(0, 'name');
    await lists.release();
    await scrollToRow(1500);
    await expectRowsAt(1500, 'name');
    // Back to the default order (contribution, highest first), at the top.
    await page.locator('.ant-table-thead th', { hasText: '姓名' }).click();
    await page.locator('.ant-table-thead th', { hasText: '姓名' }).click();
    await expectRowsAt(0, 'revenue');
    await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
    await cjkRenders(page, '金融资产');
    await screen(page, '10-clients-list');
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });

  it('an empty book offers the demo book, and only an empty one', async () => {
    const demo = await launchApp(join(tmp.dir, 'ws-demo'));
    try {
      await demo.core.workspace.create({ managerId: 'RM00889', displayName: '李经理', passphrase: PASS });
      await demo.page.reload();
      await demo.page.getByRole('menuitem', { name: '客户' }).click();
      await demo.page.getByRole('button', { name: '载入演示客户' }).click();
      await demo.page.getByText('已载入 300 位演示客户').waitFor();
      await demo.page.getByText('共 300 位客户').waitFor();
      expect(await demo.page.getByRole('button', { name: '载入演示客户' }).count()).toBe(0);
    } finally {
      await demo.close();
    }
  });
});

/** The client at `offset` of the book in the given order, as the core lists it. */
async function coreId(offset: number, sort: 'revenue' | 'name'): Promise<string> {
  const r = await callRouter<ClientList>(router, 'clients.list', { sort, order: sort === 'name' ? 'asc' : 'desc', limit: 1, offset });
  return r.rows[0]!.id;
}

/** Which row of the table (0-based) the client's row is drawn as, or null when it is not drawn. */
function indexOf(id: string): Promise<number | null> {
  return page.locator('.ant-table-tbody-virtual-holder').evaluate((el, key) => {
    const r = el.querySelector(`[data-row-key="${key}"]`);
    if (!r) return null;
    return Math.round((r.getBoundingClientRect().top - el.firstElementChild!.getBoundingClientRect().top) / r.getBoundingClientRect().height);
  }, id);
}

/** Scrolls the table so that row `index` is at the top of the window. */
async function scrollToRow(index: number): Promise<void> {
  await page.locator('.ant-table-tbody-virtual-holder').evaluate((el, top) => el.scrollTo({ top }), index * ROW_PX);
}

/** The rows from `index` on are the core's clients at those offsets, each drawn at its place. */
async function expectRowsAt(index: number, sort: 'revenue' | 'name'): Promise<void> {
  const want = await callRouter<ClientList>(router, 'clients.list', { sort, order: sort === 'name' ? 'asc' : 'desc', limit: 6, offset: index });
  for (const [i, row] of want.rows.entries()) await expect.poll(() => indexOf(row.id)).toBe(index + i);
}

/**
 * Records the page's clients.list calls (window.rm.invoke is looked up per call, as the renderer's
 * api does), and can hold back the answers to requests beyond the first page until released: to
 * see what the table draws while a page is on its way.
 */
async function recordLists() {
  type Call = { offset?: number; limit?: number };
  type Probe = { calls: Call[]; hold: boolean; held: (() => void)[] };
  await page.evaluate(() => {
    const w = window as unknown as { rm: RmBridge; __lists: Probe };
    const probe: Probe = { calls: [], hold: false, held: [] };
    w.__lists = probe;
    const invoke = w.rm.invoke.bind(w.rm);
    w.rm.invoke = (async (channel: string, input: Call) => {
      if (channel === 'clients.list') {
        probe.calls.push({ offset: input.offset, limit: input.limit });
        if (probe.hold && (input.offset ?? 0) >= 1000) await new Promise<void>((r) => probe.held.push(r));
      }
      return invoke(channel as never, input as never);
    }) as RmBridge['invoke'];
  });
  return {
    /** The calls made since the last look. */
    taken: () => page.evaluate(() => (window as unknown as { __lists: Probe }).__lists.calls.splice(0)),
    hold: () => page.evaluate(() => void ((window as unknown as { __lists: Probe }).__lists.hold = true)),
    release: () =>
      page.evaluate(() => {
        const p = (window as unknown as { __lists: Probe }).__lists;
        p.hold = false;
        p.held.splice(0).forEach((r) => r());
      }),
  };
}

/** Imports through the same contract the wizard uses (window.rm), to build a big book quickly. */
async function importViaContract(csv: string): Promise<void> {
  const r = await page.evaluate(async (text) => {
    const bytes = new TextEncoder().encode(text);
    let bin = '';
    bytes.forEach((b) => (bin += String.fromCharCode(b)));
    return (window as unknown as { rm: RmBridge }).rm.invoke('import.commit', { fileName: 'book.csv', contentBase64: btoa(bin) });
  }, csv);
  expect(r.ok).toBe(true);
}

/** A fictional book: varied names, unique mobiles, amounts, tags, statuses and ID expiries. */
function bookCsv(n: number): string {
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾';
  const given = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '文', '志强', '晓燕', '海燕'];
  const tags = ['退休', '高净值', '代发', '企业主', '教师', '医生', '潜力', '老客户'];
  let seed = 20261122;
  // mulberry32: small, seeded, and without the short low-bit cycles of a plain LCG.
  const rand = (m: number) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) % m;
  };
  const rows = ['姓名,手机,金融资产,年贡献,标签,证件有效期,客户编号'];
  for (let i = 0; i < n; i++) {
    const name = surnames[rand(surnames.length)]! + given[rand(given.length)]!;
    const aum = `${rand(3_000_000)}.${String(rand(100)).padStart(2, '0')}`;
    const revenue = `${rand(40_000) - 2_000}.${String(rand(100)).padStart(2, '0')}`;
    const tag = [tags[rand(tags.length)], tags[rand(tags.length)]].join(';');
    const expiry = `${2025 + rand(8)}-${String(1 + rand(12)).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
    rows.push([name, `13${String(100000000 + i).slice(-9)}`, aum, revenue, tag, expiry, `B${String(i + 1).padStart(5, '0')}`].join(','));
  }
  return rows.join('\r\n') + '\r\n';
}
