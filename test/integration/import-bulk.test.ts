import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importBook } from '../../bench/import';
import { checkImportFile } from '../../src/main/core/import/pipeline';
import { draftToInput } from '../../src/main/core/services/import';
import { BATCH_ROWS } from '../../src/main/core/import/batch-insert';
import { desiredItems } from '../../src/main/core/domain/followups/generate';
import { localDate } from '../../src/main/core/domain/local-date';
import { contactSettings } from '../../src/main/core/services/contact-cap';
import { shownDate } from '../../src/main/core/services/followups';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// An import writes its clients in multi-row batches and their follow-ups chunk by chunk: the
// book must end up as if each row had been created on its own, and a failure part-way through
// must leave nothing behind (clients, follow-ups, sync journal, search terms, audit).

let tmp: ReturnType<typeof tempDir>;
let a: Harness;
let b: Harness;
beforeEach(async () => {
  tmp = tempDir();
  a = makeCore(join(tmp.dir, 'a'));
  b = makeCore(join(tmp.dir, 'b'));
  await createWorkspace(a);
  await createWorkspace(b);
});
afterEach(() => {
  a.core.dispose();
  b.core.dispose();
  tmp.cleanup();
});

const ROWS = 2 * BATCH_ROWS + 13; // two full batches and a remainder
const db = (h: Harness) => h.core.workspace.requireSession().db;
const commit = (h: Harness, csv: Buffer) => h.router.handle('import.commit', { fileName: 'hq.csv', contentBase64: csv.toString('base64'), onDuplicate: 'merge' });

/** The book as rows keyed by client number, without ids and times (which differ between two books). */
function book(h: Harness) {
  const clients = db(h)
    .prepare('SELECT * FROM clients ORDER BY client_no')
    .all()
    .map((r) => {
      const { id: _i, created_at: _c, updated_at: _u, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  const followups = db(h)
    .prepare(
      `SELECT c.client_no, f.type, f.title, f.title_params, f.due, f.date, f.status, f.generated, replace(f.source_key, c.id, c.client_no) AS source, f.pinned, f.attendees, f.rev
       FROM followups f JOIN clients c ON c.id = f.client_id ORDER BY c.client_no, source`,
    )
    .all();
  const terms = db(h).prepare('SELECT t.term, c.client_no FROM client_search_terms t JOIN clients c ON c.rowid = t.client_rowid ORDER BY 1, 2').all();
  const journal = db(h).prepare("SELECT entity, count(*) AS n FROM sync_journal WHERE entity IN ('client', 'followup') GROUP BY entity ORDER BY entity").all();
  return { clients, followups, terms, journal };
}

function counts(h: Harness) {
  const n = (table: string) => db(h).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { clients: n('clients'), followups: n('followups'), journal: n('sync_journal'), terms: n('client_search_terms'), deferred: n('client_search_deferred'), audit: n('audit_log') };
}

describe('bulk import', () => {
  it('writes the same clients, follow-ups, search terms and journal as creating each row on its own', async () => {
    const { csv } = importBook(ROWS);
    const r = await commit(a, csv);
    expect(r).toMatchObject({ ok: true, data: { imported: ROWS, merged: 0, invalid: 0 } });

    const check = await checkImportFile(csv, '2026-11-22');
    if (!check.ok) throw new Error('check failed');
    for (const row of check.check.rows) await b.call('clients.create', { client: draftToInput(row.draft!) });

    const imported = book(a);
    // The follow-ups the rules call for, row by row, as the generator's domain states them.
    const s = a.core.workspace.requireSession();
    const today = localDate(s.now());
    const expected = (
      db(a).prepare('SELECT id, client_no, status, do_not_contact, id_expiry, id_long_term, relationship_start, risk_rated_at, created_at FROM clients ORDER BY client_no').all() as {
        id: string;
        client_no: string;
        status: 'active';
        do_not_contact: number;
        id_expiry: string | null;
        id_long_term: number;
        relationship_start: string | null;
        risk_rated_at: string | null;
        created_at: string;
      }[]
    ).flatMap((c) =>
      desiredItems(
        { id: c.id, status: c.status, doNotContact: c.do_not_contact === 1, idExpiry: c.id_expiry, idLongTerm: c.id_long_term === 1, relationshipStart: c.relationship_start, riskRatedAt: c.risk_rated_at, createdOn: localDate(new Date(c.created_at)), tier: null, lastReachedOn: null, lastReachedId: null },
        today,
        contactSettings(s).cadence,
      )
        .map((d) => ({ client_no: c.client_no, type: d.type, title: d.title, title_params: JSON.stringify(d.titleParams), due: d.due, date: shownDate(d.type, d.due), status: 'open', generated: 1, source: d.sourceKey.replace(c.id, c.client_no), pinned: 0, attendees: '[]', rev: 1 }))
        .sort((x, y) => (x.source < y.source ? -1 : 1)),
    );
    expect(imported.followups).toEqual(expected);
    expect(expected.some((f) => f.date !== f.due)).toBe(true);
    const oneByOne = book(b);
    expect(imported.clients).toHaveLength(ROWS);
    expect(imported.followups.length).toBeGreaterThan(ROWS);
    expect(imported.clients).toEqual(oneByOne.clients);
    expect(imported.followups).toEqual(oneByOne.followups);
    expect(imported.terms).toEqual(oneByOne.terms);
    expect(imported.journal).toEqual(oneByOne.journal);
  });

  it('merges a later row of the file into a client still waiting in an earlier batch', async () => {
    const { csv, clients } = importBook(ROWS);
    const first = clients[1]!;
    // The same ID number again at the end of the file, with another tag.
    const text = iconv.decode(csv, 'gbk');
    const again = text.split('\r\n')[2]!.replace(/,[^,]*,[^,]*$/, ',新增标签,');
    const r = await commit(a, iconv.encode(`${text}${again}\r\n`, 'gbk'));
    expect(r).toMatchObject({ ok: true, data: { imported: ROWS, merged: 1 } });
    const tags = JSON.parse(db(a).prepare('SELECT tags FROM clients WHERE id_number = ?').pluck().get(first.idNumber) as string) as string[];
    expect(tags).toEqual([...new Set([...(first.tags ?? []), '新增标签'])]);
    expect(counts(a).clients).toBe(ROWS);
  });

  it('writes nothing when the commit fails part-way, in the clients or in their follow-ups', async () => {
    const { csv } = importBook(ROWS);
    const before = counts(a);
    for (const table of ['clients', 'followups']) {
      // A write refused by the database after some rows of the file are already in.
      db(a).exec(`CREATE TEMP TRIGGER refuse AFTER INSERT ON main.${table} WHEN (SELECT count(*) FROM main.${table}) > ${BATCH_ROWS + 5} BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
      const r = await commit(a, csv);
      expect(r.ok).toBe(false);
      expect(counts(a)).toEqual(before);
      db(a).exec('DROP TRIGGER temp.refuse');
    }
    // Nothing half-done stands in the way of the next attempt.
    expect(await commit(a, csv)).toMatchObject({ ok: true, data: { imported: ROWS } });
    expect(counts(a)).toMatchObject({ clients: ROWS, deferred: 0 });
  });
});
