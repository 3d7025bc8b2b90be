import { generateDemoBook } from '../../src/main/core/domain/demo-book';
import { insertClient, validateClient } from '../../src/main/core/services/clients';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/main/core/core';
import { loadMigrations } from '../../src/main/core/store/db';
import { buildSearchKeys, matchesQuery, normaliseQuery } from '../../src/main/core/domain/kyc/search-keys';
import { searchTerms } from '../../src/main/core/services/client-search';
import { createWorkspace, makeCore, PASS, tempDir, type Harness } from '../helpers/core';

// A workspace written before migration 0007 (search keys as one string, searched by instr) is
// upgraded on unlock: the backfill must give every client the terms a new write would.

/** `search_keys` as builds before 0007 wrote it. */
function oldSearchKeys(c: { name: string; mobile: string | null; idNumber: string | null; tags: string[] }): string {
  const k = buildSearchKeys(c);
  const suffixes = k.syllables.map((_s, i) => k.syllables.slice(i).join('')).filter(Boolean);
  const pinyin = [...suffixes, k.initials].filter(Boolean).map((s) => `|${s}`).join('');
  const tags = c.tags.map((t) => `#${normaliseQuery(t)}`).join('');
  return `${pinyin}${tags}${k.tails.map((t) => `~${t}~`).join('')}`;
}

interface Stored {
  id: string;
  name: string;
  mobile: string | null;
  idNumber: string | null;
  tags: string[];
}

const ODD = [
  { kind: 'person', name: '王𬱖', mobile: '18900005555', tags: ['a#b', 'x~1', 'p|q', 'VIP'] },
  { kind: 'person', name: 'Zhang Wei', idType: 'passport', idNumber: 'E12345678', tags: ['Ｖｉｐ客户'] },
  { kind: 'person', name: '欧阳娜娜', tags: [] },
  { kind: 'company', name: '北京某某科技有限公司', idType: 'uscc', idNumber: '91110000600037341L', tags: ['代发工资'] },
];

/** A copy of the migrations as they stood before `tag`. */
function migrationsBefore(dir: string, tag: string): string {
  const old = join(dir, `migrations-before-${tag}`);
  cpSync(DEFAULT_MIGRATIONS_DIR, old, { recursive: true });
  const journalPath = join(old, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < tag);
  writeFileSync(journalPath, JSON.stringify(journal));
  return old;
}

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let before: { journal: number; clients: Stored[] };

beforeAll(async () => {
  tmp = tempDir();
  const old = migrationsBefore(tmp.dir, '0007');
  const ws = join(tmp.dir, 'ws');
  const v7 = makeCore(ws, undefined, { migrationsDir: old });
  await createWorkspace(v7);
  const s = v7.core.workspace.requireSession();
  // Clients written row by row (the bulk path of today's demo load needs a table 0007 adds).
  s.db.transaction(() => {
    for (const c of generateDemoBook({ clients: 300, seed: 5, today: '2026-11-22', managerId: 'RM00123' })) insertClient(s, validateClient(s, c.input, c.id), c.id);
  })();
  for (const client of ODD) await v7.call('clients.create', { client });
  expect(s.db.pragma('user_version', { simple: true })).toBe(7);
  const rows = (s.db.prepare('SELECT id, name, mobile, id_number AS idNumber, tags FROM clients').all() as (Omit<Stored, 'tags'> & { tags: string })[]).map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
  const write = s.db.prepare('UPDATE clients SET search_keys = ? WHERE id = ?');
  for (const c of rows) write.run(oldSearchKeys(c), c.id);
  before = { journal: s.db.prepare("SELECT count(*) FROM sync_journal WHERE entity = 'client'").pluck().get() as number, clients: rows };
  v7.core.dispose();

  h = makeCore(ws);
  await h.call('workspace.unlock', { passphrase: PASS });
}, 120_000);
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

describe('migration 0007 on a workspace written before it', () => {
  it('gives every client the terms a new write would, in the index and in search_keys', () => {
    const s = h.core.workspace.requireSession();
    expect(s.db.pragma('user_version', { simple: true })).toBe(loadMigrations(DEFAULT_MIGRATIONS_DIR).length);
    const held = s.db.prepare('SELECT c.id AS id, t.term AS term FROM client_search_terms t LEFT JOIN clients c ON c.rowid = t.client_rowid').all() as { id: string | null; term: string }[];
    const want = before.clients.flatMap((c) => searchTerms(c).map((t) => `${c.id} ${t}`));
    expect(held.map((r) => `${r.id} ${r.term}`).sort()).toEqual(want.sort());
    const keys = s.db.prepare('SELECT id, search_keys FROM clients').raw().all() as [string, string][];
    for (const [id, json] of keys) expect((JSON.parse(json) as string[]).sort(), id).toEqual(searchTerms(before.clients.find((c) => c.id === id)!).sort());
  });

  it('journals nothing and drops the old search index', () => {
    const s = h.core.workspace.requireSession();
    // (Unlocking regenerates follow-ups, which are journaled; the clients are not.)
    expect(s.db.prepare("SELECT count(*) FROM sync_journal WHERE entity = 'client'").pluck().get()).toBe(before.journal);
    expect(s.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'clients_search'").pluck().get()).toBe(0);
  });

  it('searches the upgraded book like matchesQuery', async () => {
    for (const query of ['王', 'wang', 'w', 'zw', 'a#', 'p|q', 'vip', 'ｖｉｐ客', '5555', '341l', 'keji', '有限']) {
      const q = normaliseQuery(query);
      const want = before.clients.filter((c) => matchesQuery(buildSearchKeys(c), query) || c.tags.some((t) => normaliseQuery(t).startsWith(q))).map((c) => c.id);
      const got = (await h.call('clients.list', { query, limit: 5000 })).rows.map((r) => r.id);
      expect(got.sort(), query).toEqual(want.sort());
    }
  });

  it('keeps the index in step with writes after the upgrade', async () => {
    const id = before.clients.find((c) => c.name === '王𬱖')!.id;
    const s = h.core.workspace.requireSession();
    const rowid = s.db.prepare('SELECT rowid FROM clients WHERE id = ?').pluck().get(id) as number;
    const c = await h.call('clients.get', { id });
    await h.call('clients.update', { id, rev: c.rev, patch: { tags: ['新标签'] } });
    expect((await h.call('clients.list', { query: 'a#b' })).total).toBe(0);
    expect((await h.call('clients.list', { query: '新标' })).rows.map((r) => r.id)).toEqual([id]);
    await h.call('clients.delete', { id });
    expect(s.db.prepare('SELECT count(*) FROM client_search_terms WHERE client_rowid = ?').pluck().get(rowid)).toBe(0);
  });
});

// Migration 0010: a one-character query looks up `@张` (each character of the name, once) instead
// of the prefix range of the name's suffixes, and the one-character suffixes go.
describe('migration 0010 on a workspace written before it', () => {
  let t: ReturnType<typeof tempDir>;
  let upgraded: Harness;
  let clientsBefore: Stored[];
  let rowsBefore: string;
  let journalBefore: number;

  /** The terms builds before 0010 wrote: every name suffix, no character terms. */
  const termsBefore0010 = (c: Stored) => {
    const name = [...normaliseQuery(c.name)];
    const terms = searchTerms(c).filter((x) => !x.startsWith('@'));
    return name.length > 0 ? [...new Set([...terms, `=${name.at(-1)}`])] : terms;
  };

  beforeAll(async () => {
    t = tempDir();
    const ws = join(t.dir, 'ws');
    const v9 = makeCore(ws, undefined, { migrationsDir: migrationsBefore(t.dir, '0010') });
    await createWorkspace(v9);
    const s = v9.core.workspace.requireSession();
    s.db.transaction(() => {
      for (const c of generateDemoBook({ clients: 200, seed: 9, today: '2026-11-22', managerId: 'RM00123' })) insertClient(s, validateClient(s, c.input, c.id), c.id);
    })();
    for (const client of [...ODD, { kind: 'person', name: '李丽丽', tags: [] }, { kind: 'person', name: '张', tags: [] }]) await v9.call('clients.create', { client });
    expect(s.db.pragma('user_version', { simple: true })).toBe(10);
    clientsBefore = (s.db.prepare('SELECT id, name, mobile, id_number AS idNumber, tags FROM clients').all() as (Omit<Stored, 'tags'> & { tags: string })[]).map((r) => ({ ...r, tags: JSON.parse(r.tags) as string[] }));
    // The stored terms as a build before 0010 wrote them (the update trigger keeps the index in step).
    const write = s.db.prepare('UPDATE clients SET search_keys = ? WHERE id = ?');
    s.db.transaction(() => {
      for (const c of clientsBefore) write.run(JSON.stringify(termsBefore0010(c)), c.id);
    })();
    expect(s.db.prepare("SELECT count(*) FROM client_search_terms WHERE term >= '@' AND term < 'A'").pluck().get()).toBe(0);
    expect(s.db.prepare("SELECT count(*) FROM client_search_terms WHERE term >= '=' AND term < '>' AND length(term) = 2").pluck().get()).toBe(clientsBefore.length);
    rowsBefore = JSON.stringify(s.db.prepare('SELECT id, name, updated_at, rev FROM clients ORDER BY id').raw().all());
    journalBefore = s.db.prepare("SELECT count(*) FROM sync_journal WHERE entity = 'client'").pluck().get() as number;
    v9.core.dispose();

    upgraded = makeCore(ws);
    await upgraded.call('workspace.unlock', { passphrase: PASS });
  }, 120_000);
  afterAll(() => {
    upgraded?.core.dispose();
    t.cleanup();
  });

  it('gives every client the terms a new write would, in the index and in search_keys', () => {
    const s = upgraded.core.workspace.requireSession();
    expect(s.db.pragma('user_version', { simple: true })).toBe(loadMigrations(DEFAULT_MIGRATIONS_DIR).length);
    const held = s.db.prepare('SELECT c.id AS id, t.term AS term FROM client_search_terms t LEFT JOIN clients c ON c.rowid = t.client_rowid').all() as { id: string | null; term: string }[];
    const want = clientsBefore.flatMap((c) => searchTerms(c).map((x) => `${c.id} ${x}`));
    expect(held.map((r) => `${r.id} ${r.term}`).sort()).toEqual(want.sort());
    const keys = s.db.prepare('SELECT id, search_keys FROM clients').raw().all() as [string, string][];
    for (const [id, json] of keys) expect((JSON.parse(json) as string[]).sort(), id).toEqual(searchTerms(clientsBefore.find((c) => c.id === id)!).sort());
  });

  it('changes no client and journals nothing', () => {
    const s = upgraded.core.workspace.requireSession();
    expect(JSON.stringify(s.db.prepare('SELECT id, name, updated_at, rev FROM clients ORDER BY id').raw().all())).toBe(rowsBefore);
    expect(s.db.prepare("SELECT count(*) FROM sync_journal WHERE entity = 'client'").pluck().get()).toBe(journalBefore);
  });

  it('finds one character once per client, and keeps the index in step with writes after', async () => {
    for (const query of ['丽', '张', '王', '𬱖', 'w', '丽丽', '有限']) {
      const q = normaliseQuery(query);
      const want = clientsBefore.filter((c) => matchesQuery(buildSearchKeys(c), query) || c.tags.some((x) => normaliseQuery(x).startsWith(q))).map((c) => c.id);
      const got = await upgraded.call('clients.list', { query, limit: 5000 });
      expect(got.rows.map((r) => r.id).sort(), query).toEqual(want.sort());
      expect(got.total, query).toBe(want.length);
    }
    const lili = clientsBefore.find((c) => c.name === '李丽丽')!;
    const c = await upgraded.call('clients.get', { id: lili.id });
    await upgraded.call('clients.update', { id: lili.id, rev: c.rev, patch: { name: '李娜' } });
    expect((await upgraded.call('clients.list', { query: '丽' })).rows.map((r) => r.id)).not.toContain(lili.id);
    expect((await upgraded.call('clients.list', { query: '娜' })).rows.map((r) => r.id)).toContain(lili.id);
  });
});
