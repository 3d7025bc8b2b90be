import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { open } from '../../src/main/core/sync/envelope';
import { decodeExport } from '../../src/main/core/sync/formats';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/main/core/sync/keys';
import { rowData } from '../../src/main/core/services/sync-journal';
import { SYNC_ENTITIES, type SyncEntity } from '../../src/shared/sync';
import { createWorkspace, makeCore, tempDir, testClock, type Harness } from '../helpers/core';

// An export large enough to be built in several chunks (SQLite joins ~1,500 record lines at a time,
// each chunk gzipped on the thread pool): every changed row exactly once, at its newest change,
// whichever chunk its older changes fell in, gone rows as deletes, counts that match.

let hq: GeneratedKeyPair;
let tmp: ReturnType<typeof tempDir>;
let h: Harness;

beforeAll(async () => {
  hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: new Date('2026-01-01T00:00:00Z') });
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'), testClock(new Date('2026-11-22T09:00:00+08:00')));
  await createWorkspace(h);
  await h.call('sync.installHqKey', { armored: hq.publicArmored });
  await h.call('demo.load', { clients: 700, seed: 8, contacts: 2800 });
}, 120_000);

afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

const db = () => h.core.workspace.requireSession().db;

describe('export built in chunks', () => {
  it('carries each changed row once at its newest seq across chunks, deletes for gone rows, and counts that match', async () => {
    // Rows first written early in the journal change again at its end, and some are deleted.
    const early = db().prepare("SELECT id, rev FROM clients ORDER BY rowid LIMIT 30").all() as { id: string; rev: number }[];
    for (const c of early.slice(0, 20)) await h.call('clients.update', { id: c.id, rev: c.rev, patch: { notes: `复访 ${c.id.slice(-4)}` } });
    const doomed = db().prepare("SELECT id FROM followups WHERE status = 'open' ORDER BY rowid LIMIT 5").pluck().all() as string[];
    db().prepare(`DELETE FROM followups WHERE id IN (${doomed.map(() => '?').join(',')})`).run(...doomed);

    const r = await h.call('sync.export');
    const bytes = Buffer.from(r.contentBase64, 'base64');
    const devicePublic = db().prepare('SELECT device_public_key FROM sync_state').pluck().get() as string;
    const plain = await open({ message: bytes, decryptionKey: hq.privateArmored, expectedSigner: devicePublic, now: h.clock.now() });
    // Many gzip members: one per chunk, plus the manifest and the audit tail.
    expect(Buffer.from(plain).toString('latin1').split('\x1f\x8b\x08').length - 1).toBeGreaterThanOrEqual(4);
    const payload = decodeExport(plain);
    const { records, manifest } = payload;

    const newest = db().prepare('SELECT entity, row_id, max(seq) AS seq FROM sync_journal WHERE seq > ? AND seq <= ? GROUP BY entity, row_id').all(manifest.fromSeq, manifest.toSeq) as { entity: SyncEntity; row_id: string; seq: number }[];
    expect(newest.length).toBeGreaterThan(3 * 1500);
    expect(records).toHaveLength(newest.length);
    expect(r.records).toBe(newest.length);
    const byKey = new Map(records.map((x) => [`${x.entity}:${x.id}`, x]));
    expect(byKey.size).toBe(records.length);
    for (const n of newest) expect(byKey.get(`${n.entity}:${n.row_id}`)?.rev).toBe(n.seq);

    for (const c of early.slice(0, 20)) expect(byKey.get(`client:${c.id}`)?.data).toMatchObject({ notes: `复访 ${c.id.slice(-4)}` });
    for (const id of doomed) expect(byKey.get(`followup:${id}`)).toMatchObject({ op: 'delete', data: null, updatedAt: h.clock.now().toISOString() });
    expect(records.filter((x) => x.op === 'delete')).toHaveLength(doomed.length);

    // Each upsert carries what the row holds now, as the removal-from-book path builds it too.
    for (const entity of SYNC_ENTITIES) {
      const ups = records.filter((x) => x.entity === entity && x.op === 'upsert');
      const current = rowData(h.core.workspace.requireSession(), entity, ups.map((x) => x.id));
      for (const x of ups) expect(x.data).toEqual(JSON.parse(current.get(x.id)!.json));
      expect(manifest.counts[entity] ?? 0).toBe(records.filter((x) => x.entity === entity).length);
    }
    expect(r.counts).toEqual(manifest.counts);
    // Lines come in journal order.
    const revs = records.map((x) => x.rev);
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    expect(gunzipSync(plain).toString('utf8').split('\n')[0]).toContain('"format":"rmw-export"');
  });

  it('reads past a stretch of the journal with no entries (seqs with a gap)', async () => {
    const s = h.core.workspace.requireSession();
    const [lo, hi] = [db().prepare('SELECT min(seq) FROM sync_journal').pluck().get() as number, db().prepare('SELECT max(seq) FROM sync_journal').pluck().get() as number];
    // Entries of a long middle stretch gone (as after an acknowledgement that cleared them): many empty chunks in a row.
    db().prepare('DELETE FROM sync_journal WHERE seq > ? AND seq < ?').run(lo + 100, hi - 100);
    const { buildPayload } = await import('../../src/main/core/services/sync-files');
    const built = await buildPayload(s);
    const expected = db().prepare('SELECT count(*) FROM (SELECT DISTINCT entity, row_id FROM sync_journal)').pluck().get() as number;
    expect(built.records).toBe(expected);
    const revs = decodeExport(gunzipSync(built.payload)).records.map((r) => r.rev);
    expect(revs.filter((r) => r > hi - 100).length).toBeGreaterThan(0);
    expect(revs.every((r) => r <= lo + 100 || r >= hi - 100)).toBe(true);
  });

  it('reports progress in records, ending at the exact count', async () => {
    const events: { done: number; total: number }[] = [];
    const { buildPayload } = await import('../../src/main/core/services/sync-files');
    const built = await buildPayload(h.core.workspace.requireSession(), (p) => events.push({ done: p.done, total: p.total }));
    expect(events[0]!.done).toBe(0);
    expect(events[0]!.total).toBeGreaterThanOrEqual(built.records);
    expect(events.at(-1)).toEqual({ done: built.records, total: built.records });
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.done).toBeGreaterThanOrEqual(events[i - 1]!.done);
      expect(events[i]!.total).toBeLessThanOrEqual(events[i - 1]!.total);
    }
  });
});
