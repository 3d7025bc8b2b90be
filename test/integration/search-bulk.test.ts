import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// Bulk inserts (import, demo book) fill the search terms of their new clients in one sorted pass
// instead of per-row triggers: the index must end up exactly as the triggers would have left it.

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

const db = () => h.core.workspace.requireSession().db;
/** The terms every client's search_keys call for, and the terms the index holds. */
function expectedAndHeld(): [string[], string[]] {
  const expected = db().prepare("SELECT j.value || '@' || c.rowid FROM clients c, json_each(c.search_keys) j WHERE j.type = 'text' ORDER BY 1").pluck().all() as string[];
  const held = db().prepare("SELECT term || '@' || client_rowid FROM client_search_terms ORDER BY 1").pluck().all() as string[];
  return [[...new Set(expected)], held];
}

const csv = (rows: string[]) => iconv.encode(`姓名,手机号码,标签,证件类型,证件号码\r\n${rows.join('\r\n')}\r\n`, 'gbk').toString('base64');

describe('search terms of bulk inserts', () => {
  it('an import next to clients typed in by hand leaves the index as the triggers would', async () => {
    await h.call('clients.create', { client: { kind: 'person', name: '张伟', mobile: '13812345678', tags: ['退休'] } });
    const r = await h.call('import.commit', {
      fileName: 'hq.csv',
      contentBase64: csv(['王芳,13900001111,VIP;退休,居民身份证,11010519491231002X', '欧阳娜娜,13700002222,,,', 'Zhang Wei,13600003333,代发工资,,', '张伟,13812345678,新客户,,']),
      onDuplicate: 'merge',
    });
    expect(r).toMatchObject({ imported: 3, merged: 1 });
    const [expected, held] = expectedAndHeld();
    expect(held).toEqual(expected);
    expect(held.length).toBeGreaterThan(30);
    expect(db().prepare('SELECT count(*) FROM client_search_deferred').pluck().get()).toBe(0);
    // Found as the manager types: name, pinyin, initials, phone tail, tag.
    for (const [query, name] of [['娜娜', '欧阳娜娜'], ['ouyang', '欧阳娜娜'], ['wf', '王芳'], ['1111', '王芳'], ['代发', 'Zhang Wei']]) {
      expect((await h.call('clients.list', { query })).rows.map((x) => x.name), query).toEqual([name]);
    }
    expect((await h.call('clients.list', { query: '退休' })).rows.map((x) => x.name).sort()).toEqual(['张伟', '王芳']);
  });

  it('a demo book loads with the same index, and a failed bulk insert leaves no registration behind', async () => {
    await h.call('demo.load', { clients: 400, seed: 11, contacts: 0 });
    const [expected, held] = expectedAndHeld();
    expect(held).toEqual(expected);
    const count = db().prepare('SELECT count(*) FROM client_search_terms').pluck().get();
    // A second demo load is refused part-way (the ids exist): nothing of it stays, the trigger is live again.
    const again = await h.router.handle('demo.load', { clients: 400, seed: 11, contacts: 0 });
    expect(again.ok).toBe(false);
    expect(db().prepare('SELECT count(*) FROM client_search_deferred').pluck().get()).toBe(0);
    expect(db().prepare('SELECT count(*) FROM client_search_terms').pluck().get()).toBe(count);
    await h.call('clients.create', { client: { kind: 'person', name: '司马光', mobile: '13500004444' } });
    expect((await h.call('clients.list', { query: 'sm' })).rows.map((x) => x.name)).toContain('司马光');
  });
});
