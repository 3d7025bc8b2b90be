import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, makeCore, PASS, tempDir, type Harness } from '../helpers/core';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const ws = () => join(tmp.dir, 'ws');

const ZHANG = { kind: 'person' as const, name: '张三', idType: 'resident_id' as const, idNumber: '11010519491231002X', mobile: '138 1234 5678', tags: ['退休', '高净值'], aumFen: 250_000_000, revenue12mFen: 1_200_000 };

beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(ws());
  await createWorkspace(h);
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function errorOf(channel: Parameters<Harness['router']['handle']>[0], input: unknown) {
  const r = await h.router.handle(channel, input);
  expect(r.ok).toBe(false);
  return r.ok ? null : r.error;
}

describe('client book', () => {
  it('creates a client, fills birth date and sex from the resident ID, masks on view', async () => {
    const c = await h.call('clients.create', { client: ZHANG });
    expect(c).toMatchObject({ name: '张三', birthDate: '1949-12-31', sex: 'F', rev: 1 });
    expect(c.masked.idNumber).toBe('1101**********002X');
    expect(c.masked.mobile).toBe('138****5678');
    expect(JSON.stringify(c)).not.toContain('11010519491231002X');
    expect(JSON.stringify(c)).not.toContain('13812345678');
  });

  it.each([
    ['a single-digit ID corruption', { ...ZHANG, idNumber: '11010519491231003X' }, 'idNumber', 'ID_CHECKSUM'],
    ['a birth date that contradicts the ID', { ...ZHANG, birthDate: '1950-01-01' }, 'birthDate', 'ID_BIRTH_MISMATCH'],
    ['a date that does not exist', { ...ZHANG, relationshipStart: '2023-02-30' }, 'relationshipStart', 'DATE_INVALID'],
    ['a bad mobile', { ...ZHANG, mobile: '1234567' }, 'mobile', 'MOBILE_FORMAT'],
    ['a bad USCC', { kind: 'company', name: '某某有限公司', idType: 'uscc', idNumber: '91350100M000100Y44' }, 'idNumber', 'USCC_CHECKSUM'],
  ])('refuses %s, naming the field and reason', async (_n, client, field, code) => {
    const e = await errorOf('clients.create', { client });
    expect(e).toMatchObject({ code: 'CLIENT_INVALID', field, reason: code });
    expect((await h.call('clients.list', {})).total).toBe(0);
  });

  it('refuses negative money at the contract, naming the field', async () => {
    expect(await errorOf('clients.create', { client: { ...ZHANG, aumFen: -1 } })).toMatchObject({ code: 'INVALID_INPUT', field: 'client.aumFen' });
  });

  it('searches by name, pinyin, initials, phone tail and tag; each search audited', async () => {
    await h.call('clients.create', { client: ZHANG });
    await h.call('clients.create', { client: { kind: 'person', name: '单田芳', mobile: '13900001111' } });
    await h.call('clients.create', { client: { kind: 'person', name: '李四', mobile: '13700002222' } });
    const names = async (query: string) => (await h.call('clients.list', { query, sort: 'name', order: 'asc' })).rows.map((r) => r.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('zhang')).toEqual(['张三']);
    expect(await names('张')).toEqual(['张三']);
    expect(await names('shantianfang')).toEqual(['单田芳']);
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('5678')).toEqual(['张三']);
    expect(await names('002x')).toEqual(['张三']);
    expect(await names('退休')).toEqual(['张三']);
    expect(await names('an')).toEqual([]);
    const searches = await h.call('audit.list', { action: 'client.search' });
    expect(searches.total).toBe(9);
    expect(searches.entries[0]?.details).toEqual({ query: 'an', results: 0 });
  });

  it('reveal is per field and audited; view is audited', async () => {
    const c = await h.call('clients.create', { client: ZHANG });
    await h.call('clients.get', { id: c.id });
    expect(await h.call('clients.reveal', { id: c.id, field: 'idNumber' })).toEqual({ value: '11010519491231002X' });
    const reveals = await h.call('audit.list', { action: 'client.reveal' });
    expect(reveals.entries.map((e) => [e.subject, e.details])).toEqual([[c.id, { field: 'idNumber' }]]);
    expect((await h.call('audit.list', { action: 'client.view' })).total).toBe(1);
  });

  it('updates with a revision check and deletes for good', async () => {
    const c = await h.call('clients.create', { client: ZHANG });
    const u = await h.call('clients.update', { id: c.id, rev: 1, patch: { notes: '喜欢上午联系', potential: 4 } });
    expect(u).toMatchObject({ rev: 2, notes: '喜欢上午联系', potential: 4 });
    expect(await errorOf('clients.update', { id: c.id, rev: 1, patch: { notes: 'x' } })).toMatchObject({ code: 'STALE_REVISION' });
    await h.call('clients.delete', { id: c.id });
    expect(await errorOf('clients.get', { id: c.id })).toMatchObject({ code: 'NOT_FOUND' });
    const audit = await h.call('audit.list', {});
    expect(audit.actions).toEqual(expect.arrayContaining(['client.create', 'client.update', 'client.delete']));
    expect(JSON.stringify(audit.entries)).not.toContain('喜欢上午联系');
  });

  it('stores client data only encrypted on disk', async () => {
    await h.call('clients.create', { client: { ...ZHANG, notes: '客户独有的备注文字' } });
    h.core.lock('manual');
    for (const f of ['rm.db', 'rm.db-wal']) {
      const p = join(ws(), f);
      if (!existsSync(p)) continue;
      const bytes = readFileSync(p);
      for (const needle of ['张三', '11010519491231002X', '13812345678', '客户独有的备注文字']) expect(bytes.includes(Buffer.from(needle))).toBe(false);
    }
    await h.call('workspace.unlock', { passphrase: PASS });
    expect((await h.call('clients.list', { query: 'zs' })).total).toBe(1);
  });

  it('locked: no client data through the router', async () => {
    await h.call('clients.create', { client: ZHANG });
    h.core.lock('manual');
    expect(await errorOf('clients.list', {})).toMatchObject({ code: 'LOCKED' });
  });
});
