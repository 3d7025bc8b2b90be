import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchKeys, matchesQuery, normaliseQuery } from '../../src/main/core/domain/kyc/search-keys';
import { searchTerms } from '../../src/main/core/services/client-search';
import { SYNC_ENTITIES } from '../../src/shared/sync';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// The term index (client_search_terms, kept by triggers from clients.search_keys) against the
// reference predicate over a generated book: every query finds exactly the clients
// `matchesQuery` finds (plus tags by prefix), counts them, and pages them in sort order whichever
// way the page is found (walking the sort index among many matches, fetching among few).

interface Stored {
  id: string;
  name: string;
  mobile: string | null;
  idNumber: string | null;
  tags: string[];
  status: string;
  kind: string;
}

const ODD = [
  { kind: 'person', name: '王𬱖', mobile: '18900005555', tags: ['a#b', 'x~1', 'p|q', 'VIP'] },
  { kind: 'person', name: 'Zhang Wei', mobile: '13900001234', tags: ['Ｖｉｐ客户'] },
  { kind: 'person', name: '欧阳娜娜', mobile: '18800004444', tags: ['退休'] },
  { kind: 'person', name: '李丽丽', mobile: '13700005678', tags: [] },
];

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
beforeAll(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
  await h.call('demo.load', { clients: 1500, seed: 11, contacts: 0 });
  for (const client of ODD) await h.call('clients.create', { client });
}, 120_000);
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

const session = () => h.core.workspace.requireSession();

function book(): Stored[] {
  const rows = session().db.prepare('SELECT id, name, mobile, id_number AS idNumber, tags, status, kind FROM clients').all() as (Omit<Stored, 'tags'> & { tags: string })[];
  return rows.map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
}

/** The reference: matchesQuery, and a tag that starts with the query. */
function matcher(clients: Stored[]): (query: string) => Set<string> {
  const keys = new Map(clients.map((c) => [c.id, buildSearchKeys(c)]));
  return (query) => {
    const q = normaliseQuery(query);
    return new Set(clients.filter((c) => matchesQuery(keys.get(c.id)!, query) || (q !== '' && c.tags.some((t) => normaliseQuery(t).startsWith(q)))).map((c) => c.id));
  };
}

/** What the term index holds, against the terms each stored client should have. */
function termsConsistent(): void {
  const s = session();
  const held = (s.db.prepare('SELECT c.id AS id, t.term AS term FROM client_search_terms t LEFT JOIN clients c ON c.rowid = t.client_rowid').all() as { id: string | null; term: string }[]).map((r) => `${r.id} ${r.term}`);
  const want = book().flatMap((c) => searchTerms(c).map((t) => `${c.id} ${t}`));
  expect(held.sort()).toEqual(want.sort());
}

function queriesFor(clients: Stored[]): string[] {
  const queries = new Set(['张', '王', '王芳', 'z', 'zh', 'zha', 'zhang', 'w', 'wa', 'wang', 'wangf', 'wangfang', 'zs', 'wf', 'li', 'l', 'a', 'an', 'x', 'v', 'vip', '退', '退休', '5', '56', '5678', '1234', '002x', '有限', '公司', 'a#', 'a#b', 'p|q', 'x~', '𬱖', 'zhangwei', 'wei', 'ｚｓ', 'Z S', '=', '|', '#', '~', '!z', '%', '_']);
  for (const c of clients.filter((_c, i) => i % 40 === 0)) {
    const k = buildSearchKeys(c);
    queries.add([...k.name].slice(1, 3).join(''));
    queries.add(k.pinyin.slice(0, 4));
    queries.add(k.initials);
    for (const t of k.tails) queries.add(t);
    for (const t of c.tags) queries.add([...t].slice(0, 2).join(''));
  }
  return [...queries].filter((q) => q !== '');
}

describe('the term index finds what matchesQuery finds', () => {
  it('for every query: the same clients, counted', async () => {
    const clients = book();
    const expected = matcher(clients);
    for (const query of queriesFor(clients)) {
      const want = expected(query);
      const list = await h.call('clients.list', { query, limit: 5000 });
      expect(new Set(list.rows.map((r) => r.id)), `query ${JSON.stringify(query)}`).toEqual(want);
      expect(list.total, `total of ${JSON.stringify(query)}`).toBe(want.size);
    }
  }, 120_000);

  it('pages in sort order, among many matches and among few, with other filters too', async () => {
    const clients = book();
    const expected = matcher(clients);
    const byRevenue = session().db.prepare('SELECT id FROM clients ORDER BY revenue_12m_fen DESC, id DESC').pluck().all() as string[];
    const byName = session().db.prepare('SELECT id FROM clients ORDER BY name ASC, id ASC').pluck().all() as string[];
    const status = new Map(clients.map((c) => [c.id, c.status]));
    for (const query of ['z', 'w', '退休', '张', 'zhang', 'zs', 'wangfang', '5678']) {
      const want = expected(query);
      for (const [sort, order, all] of [['revenue', 'desc', byRevenue], ['name', 'asc', byName]] as const) {
        const ids = all.filter((id) => want.has(id));
        for (const offset of [0, 20]) {
          const page = await h.call('clients.list', { query, sort, order, limit: 20, offset });
          expect(page.rows.map((r) => r.id), `${query} by ${sort} from ${offset}`).toEqual(ids.slice(offset, offset + 20));
          expect(page.total).toBe(want.size);
        }
      }
      const active = byRevenue.filter((id) => want.has(id) && status.get(id) === 'active');
      const filtered = await h.call('clients.list', { query, status: 'active', limit: 30 });
      expect(filtered.rows.map((r) => r.id)).toEqual(active.slice(0, 30));
      expect(filtered.total).toBe(active.length);
    }
  }, 120_000);
});

describe('the term index follows every write', () => {
  it('holds exactly the terms of the stored clients after a demo book, creates, edits and deletes', async () => {
    termsConsistent();
    const id = (await h.call('clients.create', { client: { kind: 'person', name: '赵小飞', mobile: '13700001111', tags: ['新客'] } })).id;
    expect((await h.call('clients.list', { query: 'zxf', limit: 5000 })).rows.map((r) => r.id)).toContain(id);
    const c = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: c.rev, patch: { name: '钱多多', tags: ['高净值'], mobile: '13700002222' } });
    for (const gone of ['zxf', '赵小飞', '新客', '1111']) expect((await h.call('clients.list', { query: gone, limit: 5000 })).rows.map((r) => r.id)).not.toContain(id);
    for (const found of ['qdd', 'qianduo', '多多', '高净', '2222']) expect((await h.call('clients.list', { query: found, limit: 5000 })).rows.map((r) => r.id)).toContain(id);
    termsConsistent();
    await h.call('clients.delete', { id });
    expect((await h.call('clients.list', { query: 'qdd', limit: 5000 })).rows.map((r) => r.id)).not.toContain(id);
    termsConsistent();
  });

  it('search_keys that are not a JSON array index nothing, and nothing stays behind', () => {
    const s = session();
    const id = s.db.prepare("SELECT id FROM clients WHERE name = '李丽丽'").pluck().get() as string;
    const keys = s.db.prepare('SELECT search_keys FROM clients WHERE id = ?').pluck().get(id) as string;
    s.db.prepare("UPDATE clients SET search_keys = search_keys || '|x' WHERE id = ?").run(id);
    expect(s.db.prepare('SELECT count(*) FROM client_search_terms t JOIN clients c ON c.rowid = t.client_rowid WHERE c.id = ?').pluck().get(id)).toBe(0);
    s.db.prepare('UPDATE clients SET search_keys = ? WHERE id = ?').run(keys, id);
    termsConsistent();
  });

  it('is derived data: no trigger journals it, no journal entry names it', () => {
    const s = session();
    expect(s.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'client_search_terms'").pluck().get()).toBe(0);
    const entities = s.db.prepare('SELECT DISTINCT entity FROM sync_journal').pluck().all() as string[];
    for (const e of entities) expect(SYNC_ENTITIES).toContain(e);
  });
});
