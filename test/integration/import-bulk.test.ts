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
import { regenerateFor } from '../../src/main/core/services/followup-generator';
import { bookContents, segmentContents } from '../helpers/book-contents';
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

const book = (h: Harness) => bookContents(db(h));
const segmentRows = (h: Harness) => segmentContents(db(h));

function counts(h: Harness) {
  const n = (table: string) => db(h).prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { clients: n('clients'), followups: n('followups'), segments: n('client_segments'), journal: n('sync_journal'), terms: n('client_search_terms'), deferred: n('client_search_deferred'), audit: n('audit_log') };
}

describe('bulk import', () => {
  it('writes the same clients, follow-ups, search terms and journal as creating each row on its own', async () => {
    const { csv } = importBook(ROWS);
    // 80/20 on assets here, so both books split into all three tiers on the same figures.
    for (const h of [a, b]) await h.call('segments.settings', { metric: 'aum' });
    const r = await commit(a, csv);
    expect(r).toMatchObject({ ok: true, data: { imported: ROWS, merged: 0, invalid: 0 } });

    const check = await checkImportFile(csv, '2026-11-22');
    if (!check.ok) throw new Error('check failed');
    for (const row of check.check.rows) await b.call('clients.create', { client: draftToInput(row.draft!) });

    const imported = book(a);
    // The follow-ups the rules call for, row by row, as the generator's domain states them, at the
    // cadence of the tier the import stored for each client.
    const s = a.core.workspace.requireSession();
    const today = localDate(s.now());
    const expected = (
      db(a)
        .prepare(
          `SELECT c.id, c.client_no, c.status, c.do_not_contact, c.id_expiry, c.id_long_term, c.relationship_start, c.risk_rated_at, c.created_at, g.tier
           FROM clients c LEFT JOIN client_segments g ON g.client_id = c.id ORDER BY c.client_no`,
        )
        .all() as {
        id: string;
        client_no: string;
        status: 'active';
        do_not_contact: number;
        id_expiry: string | null;
        id_long_term: number;
        relationship_start: string | null;
        risk_rated_at: string | null;
        created_at: string;
        tier: string | null;
      }[]
    ).flatMap((c) =>
      desiredItems(
        { id: c.id, status: c.status, doNotContact: c.do_not_contact === 1, idExpiry: c.id_expiry, idLongTerm: c.id_long_term === 1, relationshipStart: c.relationship_start, riskRatedAt: c.risk_rated_at, createdOn: localDate(new Date(c.created_at)), tier: c.tier, lastReachedOn: null, lastReachedId: null },
        today,
        contactSettings(s).cadence,
      )
        .map((d) => ({ client_no: c.client_no, type: d.type, title: d.title, title_params: JSON.stringify(d.titleParams), due: d.due, date: shownDate(d.type, d.due), status: 'open', generated: 1, source: d.sourceKey.replace(c.id, c.client_no), pinned: 0, attendees: '[]', rev: 1 }))
        .sort((x, y) => (x.source < y.source ? -1 : 1)),
    );
    expect(imported.followups).toEqual(expected);
    expect(expected.some((f) => f.date !== f.due)).toBe(true);
    // Every client is segmented by the import, in all three tiers.
    const tiers = db(a).prepare('SELECT tier, count(*) AS n FROM client_segments GROUP BY tier ORDER BY tier').all() as { tier: string; n: number }[];
    expect(tiers.map((r) => r.tier)).toEqual(['A', 'B', 'C']);
    expect(tiers.reduce((n, r) => n + r.n, 0)).toBe(ROWS);

    // The book created row by row, then segmented, holds the same (its follow-ups moved once to
    // their tier's cadence, so their revision differs).
    expect((await b.call('segments.summary', {})).clients).toBe(ROWS);
    const oneByOne = book(b);
    const withoutRev = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), rev: undefined }));
    expect(imported.clients).toHaveLength(ROWS);
    expect(imported.followups.length).toBeGreaterThan(ROWS);
    expect(imported.clients).toEqual(oneByOne.clients);
    expect(withoutRev(imported.followups)).toEqual(withoutRev(oneByOne.followups));
    expect(oneByOne.followups.some((f) => (f as { rev: number }).rev > 1)).toBe(true);
    expect(segmentRows(a)).toEqual(segmentRows(b));
    expect(imported.terms).toEqual(oneByOne.terms);
    // One journal entry per row written; the row-by-row book also journalled each move.
    expect(imported.journal).toEqual([
      { entity: 'client', n: ROWS },
      { entity: 'followup', n: imported.followups.length },
    ]);
    expect((oneByOne.journal[1] as { n: number }).n).toBeGreaterThan(imported.followups.length);

    // The next segmentation of the imported book finds every follow-up already at its cadence.
    const journalBefore = counts(a).journal;
    await a.call('segments.summary', {});
    expect(book(a).followups).toEqual(imported.followups);
    expect(counts(a).journal).toBe(journalBefore);
  });

  it('moves the follow-ups of the book\'s clients whose tier the imported ones pushed down, in the same commit', async () => {
    await a.call('segments.settings', { metric: 'aum' });
    const { csv } = importBook(ROWS);
    await commit(a, csv);
    const tierOf = (id: string) => db(a).prepare('SELECT tier FROM client_segments WHERE client_id = ?').pluck().get(id) as string;
    const cadenceDays = (id: string) => db(a).prepare(`SELECT title_params FROM followups WHERE client_id = ? AND type = 'cadence' AND status = 'open'`).pluck().get(id) as string;
    const top = db(a).prepare('SELECT id FROM clients ORDER BY aum_fen DESC LIMIT 1').pluck().get() as string;
    expect(tierOf(top)).toBe('A');
    const before = cadenceDays(top);

    // Three clients with more assets than the whole book: the old top client falls out of A.
    const header = '姓名,金融资产,手机号码';
    const rows = ['甲新客户', '乙新客户', '丙新客户'].map((name, i) => `${name},900000000.00,1390000000${i}`);
    const r = await commit(a, iconv.encode(`${[header, ...rows].join('\r\n')}\r\n`, 'gbk'));
    expect(r, JSON.stringify(r)).toMatchObject({ ok: true, data: { imported: 3 } });
    expect(tierOf(top)).not.toBe('A');
    expect(cadenceDays(top)).not.toBe(before);

    // Nothing is left for the next pass: every generated follow-up already matches its tier.
    const s = a.core.workspace.requireSession();
    expect(s.db.transaction(() => regenerateFor(s, null))()).toEqual({ created: 0, moved: 0, superseded: 0 });
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

  it('writes the rows as they are read, and takes all of them back when the file breaks near its end or a strict import meets a bad last row', async () => {
    const { csv } = importBook(ROWS);
    const text = iconv.decode(csv, 'gbk');
    const before = counts(a);
    // Counts the client rows written, outside the transaction (a JS function survives the rollback).
    let written = 0;
    db(a).function('written', () => ++written);
    db(a).exec('CREATE TEMP TRIGGER count_writes AFTER INSERT ON main.clients BEGIN SELECT written(); END');

    const broken = `${text}C999,"没有闭合的引号,个人\r\n`;
    const r = await commit(a, iconv.encode(broken, 'gbk'));
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE', reason: 'CSV_QUOTES' } });
    // The full batches were in before the broken row was read.
    expect(written).toBe(Math.floor(ROWS / BATCH_ROWS) * BATCH_ROWS);
    expect(counts(a)).toEqual(before);

    written = 0;
    const badLast = `${text}C998,最后一行,个人,,,居民身份证,110101199003074250\r\n`;
    const strict = await a.router.handle('import.commit', { fileName: 'hq.csv', contentBase64: iconv.encode(badLast, 'gbk').toString('base64'), onDuplicate: 'merge', strict: true });
    expect(strict).toMatchObject({ ok: false, error: { code: 'IMPORT_ROWS_INVALID', field: 'id_number', params: { row: ROWS + 2, count: 1 } } });
    expect(written).toBe(ROWS);
    expect(counts(a)).toEqual(before);
    db(a).exec('DROP TRIGGER temp.count_writes');
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
