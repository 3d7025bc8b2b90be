import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open, seal } from '../../src/main/core/sync/envelope';
import { decodeExport, encodeJsonLines, type ExportPayload, type RosterRecord } from '../../src/main/core/sync/formats';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/main/core/sync/keys';
import { createRouter, type Router } from '../../src/main/core/router';
import type { ClientDetail } from '../../src/shared/clients';
import type { SyncStatus } from '../../src/shared/sync';
import { tempDir } from '../helpers/core';
import { type App, buttonName, callRouter, cjkRenders, launchApp, screen } from './harness';

// 同步 through the real renderer over the real core and real OpenPGP: HQ's key installed by
// pasting it in Settings, an export downloaded and opened with HQ's secret key, a roster made
// here (signed by HQ, encrypted to the device) applied through the file picker and the confirm
// modal, the new balance on the Clients page, a plain-text "roster" refused in words with
// nothing changed, and an edit of an HQ-owned field sent as a change request.

const MANAGER = 'RM00777';
const PASS = 'Harbour-Lantern-2026';
const WANG = { kind: 'person', clientNo: 'C0001', name: '王秀英', idType: 'resident_id', idNumber: '11010519491231002X', mobile: '13812345678', relationshipStart: '2025-01-10', riskGrade: 'medium', riskRatedAt: '2025-01-15', aumFen: 500_000_00 };
const LI = { kind: 'person', clientNo: 'C0002', name: '李建国', idType: 'resident_id', idNumber: '440524188001010014', mobile: '13900001111', relationshipStart: '2024-03-01', riskGrade: 'low', riskRatedAt: '2024-03-05', aumFen: 120_000_00 };

let tmp: ReturnType<typeof tempDir>;
let app: App;
let page: Page;
let router: Router;
let hq: GeneratedKeyPair;
let exported: ExportPayload;

const call = <T,>(channel: string, input: unknown = {}): Promise<T> => callRouter<T>(router, channel, input);
const modal = (title: string | RegExp): Locator => page.locator('.ant-modal').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });
const drawer = (title: string | RegExp): Locator => page.getByRole('dialog').filter({ has: page.locator('.ant-drawer-title', { hasText: title }) });
const card = (title: string): Locator => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });
const historyRows = (title = '同步记录'): Locator => card(title).locator('.ant-table-tbody .ant-table-row');
const devicePublic = async () => (await call<{ content: string }>('sync.enrolment')).content;
/** Groups of four, as the app prints a fingerprint. */
const grouped = (fp: string) => fp.match(/.{4}/g)!.slice(0, 5).join(' ');

async function rosterFile(name: string, rosterSeq: number, records: RosterRecord[]): Promise<string> {
  const m = exported.manifest;
  const manifest = { format: 'rmw-roster' as const, version: 1 as const, managerId: MANAGER, rosterSeq, issuedAt: app.clock.now().toISOString(), ackedThroughSeq: m.toSeq, auditAckHash: m.auditHeadHash };
  const bytes = await seal({ payload: encodeJsonLines(manifest, records), signingKey: hq.privateArmored, recipientKey: await devicePublic(), fileName: 'roster.pgp', now: app.clock.now() });
  const path = join(tmp.dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Toasts gone (they cover the page header in a screenshot). */
async function quiet(): Promise<void> {
  await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 8000 }).toBe(0);
}

async function pickRoster(path: string): Promise<void> {
  await card('待同步变更').locator('input[type=file]').setInputFiles(path);
}

beforeAll(async () => {
  tmp = tempDir('rmw-e2e-sync-');
  app = await launchApp(join(tmp.dir, 'ws'));
  page = app.page;
  router = createRouter(app.core, () => undefined);
  // Through the router, as the app does: creating the workspace makes the device key pair.
  await call('workspace.create', { managerId: MANAGER, displayName: '周敏', passphrase: PASS });
  hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: app.clock.now() });
  await call('clients.create', { client: WANG });
  await call('clients.create', { client: LI });
  await page.reload();
  await page.getByRole('heading', { name: '周敏，您好' }).waitFor();
});
afterAll(async () => {
  await app?.close();
  tmp?.cleanup();
});

describe('sync with head office in Chromium', () => {
  it('Settings: refuses a private key in words, installs the pasted HQ public key and shows its fingerprint', async () => {
    await page.getByRole('menuitem', { name: '设置' }).click();
    const sync = card('总行同步');
    const st = await call<SyncStatus>('sync.status');
    await sync.getByText(grouped(st.device.fingerprint), { exact: false }).waitFor();
    await sync.getByText('尚未安装总行公钥').waitFor();
    // The enrolment file for HQ: the device public key.
    const [enrolment] = await Promise.all([page.waitForEvent('download'), sync.getByRole('button', { name: '下载注册文件' }).click()]);
    expect(enrolment.suggestedFilename()).toMatch(new RegExp(`^rmw-device-${MANAGER}-[0-9a-f]{8}\\.asc$`));
    expect(readFileSync((await enrolment.path())!, 'utf8')).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');

    const key = sync.getByLabel('总行公钥');
    await key.fill(hq.privateArmored);
    await sync.getByRole('button', { name: '安装总行公钥' }).click();
    await sync.getByText('这是私钥，请只提供总行公钥', { exact: false }).waitFor();
    expect((await call<SyncStatus>('sync.status')).hq).toBeNull();

    await key.fill(hq.publicArmored);
    await sync.getByRole('button', { name: '安装总行公钥' }).click();
    await page.getByText('已安装总行公钥，指纹', { exact: false }).first().waitFor();
    await sync.getByText(grouped(hq.fingerprint), { exact: false }).waitFor();
    expect((await call<SyncStatus>('sync.status')).hq?.fingerprint).toBe(hq.fingerprint);
    await sync.getByRole('button', { name: '更换总行公钥…' }).waitFor();
    await cjkRenders(page, '总行公钥指纹');
    await sync.scrollIntoViewIfNeeded();
    await quiet();
    await screen(page, '60-settings-hq-sync');
  });

  it('Today reminds to sync; the Sync page exports a file only HQ opens, signed by this device', async () => {
    await page.getByRole('menuitem', { name: '工作台' }).click();
    const banner = page.getByRole('status').filter({ hasText: '请向总行同步' });
    await banner.getByText('尚未向总行导出过', { exact: false }).waitFor();
    await screen(page, '64-today-sync-due');
    await banner.getByRole('button', { name: '去同步' }).click();

    const pending = card('待同步变更');
    await pending.getByText(/共 \d+ 项待发送给总行/).waitFor();
    expect(await pending.getByRole('listitem').filter({ hasText: '客户' }).first().textContent()).toBe('客户2');
    const [download] = await Promise.all([page.waitForEvent('download'), pending.getByRole('button', { name: '导出到文件…' }).click()]);
    const name = download.suggestedFilename();
    const m = /^rmw-RM00777-[0-9a-f]{8}-0-(\d+)\.pgp$/.exec(name);
    expect(m, name).not.toBeNull();
    await page.getByText(new RegExp(`^已导出 \\d+ 条记录：${name.replace(/\./g, '\\.')}$`)).waitFor();

    const bytes = readFileSync((await download.path())!);
    const plain = await open({ message: new Uint8Array(bytes), decryptionKey: hq.privateArmored, expectedSigner: await devicePublic(), now: app.clock.now() });
    exported = decodeExport(plain);
    expect(exported.manifest).toMatchObject({ format: 'rmw-export', managerId: MANAGER, fromSeq: 0, toSeq: Number(m![1]) });
    const clientNos = exported.records.filter((r) => r.entity === 'client').map((r) => r.data?.['clientNo']);
    expect(clientNos.sort()).toEqual(['C0001', 'C0002']);
    // The history and the last export say what went out.
    await historyRows().filter({ hasText: name }).getByText('已导出').waitFor();
    await pending.getByText(`变更 #0–#${exported.manifest.toSeq}`).first().waitFor();
  });

  it('applies a roster through the file picker and the confirm modal; the new balance shows on the Clients page', async () => {
    app.clock.advanceMinutes(30);
    const path = await rosterFile('roster-1.pgp', 1, [{ type: 'update', clientNo: 'C0001', fields: { aumFen: 888_888_00 } }]);
    await pickRoster(path);
    const confirm = modal('应用第 1 号名单？');
    await confirm.getByText('总行字段有更新').waitFor();
    await confirm.getByText(`总行已收到本机变更至 #${exported.manifest.toSeq}`, { exact: false }).waitFor();
    expect(await confirm.getByText('位客户将移出').count()).toBe(0);
    await screen(page, '62-sync-roster-confirm');
    await confirm.getByRole('button', { name: '应用名单' }).click();
    await page.getByText('已应用第 1 号名单：新增 0 位，更新 1 位，移出 0 位').waitFor();
    await historyRows().filter({ hasText: 'roster-1.pgp' }).getByText('已应用').waitFor();
    await card('待同步变更').getByText(`总行已确认至变更 #${exported.manifest.toSeq}`, { exact: false }).waitFor();

    await page.getByRole('menuitem', { name: '客户' }).click();
    const wang = page.locator('.ant-table-row').filter({ hasText: '王秀英' });
    await wang.getByText('¥888,888.00').waitFor();
  });

  it('a removal is shown first, with the unsent changes counted; cancelling changes nothing', async () => {
    await page.getByRole('menuitem', { name: '同步' }).click();
    const path = await rosterFile('roster-2.pgp', 2, [{ type: 'unassign', clientNo: 'C0002' }]);
    await pickRoster(path);
    const confirm = modal('应用第 2 号名单？');
    const removal = confirm.getByRole('alert').filter({ hasText: '1 位客户将移出您的客户名单' });
    await removal.waitFor();
    // The alert comes before the counts.
    const [alertY, countsY] = await Promise.all([removal.boundingBox(), confirm.getByText('新分配客户').boundingBox()]);
    expect(alertY!.y).toBeLessThan(countsY!.y);
    await confirm.getByRole('button', { name: '应用并移出 1 位客户' }).waitFor();
    await screen(page, '67-sync-roster-removal');
    await confirm.getByRole('button', { name: buttonName('取消') }).click();
    await expect.poll(() => page.locator('.ant-modal-wrap:visible').count()).toBe(0);
    expect((await call<SyncStatus>('sync.status')).lastRosterSeq).toBe(1);
  });

  it('a plain-text file picked as roster is refused with the reason in words; nothing changes', async () => {
    const before = await call<SyncStatus>('sync.status');
    const path = join(tmp.dir, '名单.pgp');
    writeFileSync(path, '客户号,客户名称,金融资产\nC0001,王秀英,1\n');
    await pickRoster(path);
    const refusal = page.getByRole('alert').filter({ hasText: '名单文件未被应用' });
    await refusal.getByText('同步文件被拒绝：不是加密同步文件（无法识别为 OpenPGP 格式）').waitFor();
    await refusal.getByText('工作台中的数据没有任何改动。').waitFor();
    const row = historyRows().filter({ hasText: '名单.pgp' });
    await row.getByText('已拒绝').waitFor();
    await row.getByText('不是加密同步文件（无法识别为 OpenPGP 格式）').waitFor();
    expect(await page.locator('.ant-modal:visible').count()).toBe(0);
    const after = await call<SyncStatus>('sync.status');
    expect(after.lastRosterSeq).toBe(before.lastRosterSeq);
    expect(after.ackedThroughSeq).toBe(before.ackedThroughSeq);
    const wang = await call<{ rows: { aumFen: number; name: string }[] }>('clients.list', { query: '王秀英' });
    expect(wang.rows[0]?.aumFen).toBe(888_888_00);
    await cjkRenders(page, '不是加密同步文件');
    await card('待同步变更').getByText('在用名单：第 1 号').waitFor();
    await quiet();
    await screen(page, '61-sync');
    await card('同步设置').scrollIntoViewIfNeeded();
    await card('同步设置').getByText('行内尚未配置同步文件夹', { exact: false }).waitFor();
    expect(await card('同步设置').getByRole('switch').isDisabled()).toBe(true);
    await screen(page, '65-sync-history');
    expect(app.consoleErrors.filter((e) => !/Warning:/.test(e))).toEqual([]);
  });

  it('an HQ-owned field edited on the client becomes a change request with its reason, the HQ value kept', async () => {
    await page.getByRole('menuitem', { name: '客户' }).click();
    await page.locator('.ant-table-row').filter({ hasText: '王秀英' }).click();
    const detail = drawer('王秀英');
    await detail.getByRole('button', { name: buttonName('编辑') }).click();
    const edit = drawer('编辑客户 · 王秀英');
    await edit.getByText('总行维护字段已标注', { exact: false }).waitFor();
    await edit.getByLabel(/^手机/).fill('13811112222');
    await edit.getByText('以下总行维护字段的修改将作为变更申请提交总行：手机').waitFor();
    await edit.getByRole('button', { name: buttonName('保存') }).click();
    await edit.getByText('请填写变更说明，总行据此核实').waitFor();
    await screen(page, '66-client-form-hq');
    await edit.getByLabel('变更说明').fill('拜访时客户提供新手机号');
    await edit.getByRole('button', { name: buttonName('保存') }).click();
    await page.getByText('已保存。手机已作为变更申请提交总行，总行确认前仍显示原值').waitFor();
    const proposals = detail.locator('.ant-card').filter({ hasText: '变更申请' });
    await proposals.getByText('待总行确认').waitFor();
    await proposals.getByText('138****2222').waitFor();
    await proposals.getByText('拜访时客户提供新手机号').waitFor();
    const wang = await call<ClientDetail>('clients.get', { id: (await call<{ rows: { id: string }[] }>('clients.list', { query: '王秀英' })).rows[0]!.id });
    expect(wang.masked.mobile).toBe('138****5678');
    await quiet();
    await screen(page, '63-client-proposal');
  });

  it('reads whole in English', async () => {
    await call('settings.update', { locale: 'en' });
    await page.reload();
    await page.getByRole('menuitem', { name: 'Sync' }).click();
    await card('Changes to sync').getByRole('button', { name: 'Export to file…' }).waitFor();
    await historyRows('Sync history').filter({ hasText: '名单.pgp' }).getByText('not an encrypted sync file (not OpenPGP)').waitFor();
    await screen(page, '68-sync-en');
    await call('settings.update', { locale: 'zh-CN' });
  });
});
