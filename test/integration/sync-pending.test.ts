import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingRows } from '../../src/main/core/services/sync';
import type { Session } from '../../src/main/core/services/session';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// The count of rows the next export carries is kept between calls and brought forward by the
// journal entries written since: it must always equal the count taken from the whole journal.
let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let s: Session;
const fromScratch = (after: number) => s.db.prepare('SELECT count(*) FROM (SELECT DISTINCT entity, row_id FROM sync_journal WHERE seq > ?)').pluck().get(after) as number;

beforeAll(async () => {
  tmp = tempDir();
  h = makeCore(tmp.dir);
  await createWorkspace(h);
  s = h.core.workspace.requireSession();
});
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

describe('rows pending export', () => {
  it('follows new rows, rows changed again, rolled-back writes and a new acknowledgement', async () => {
    const start = pendingRows(s, 0);
    expect(start).toBe(fromScratch(0));
    const a = await h.call('clients.create', { client: { name: '张伟', kind: 'person', mobile: '13800138000' } });
    const b = await h.call('clients.create', { client: { name: '李娜', kind: 'person', mobile: '13900139000' } });
    // A client brings its own row and what is generated with it (follow-ups…).
    const afterTwo = pendingRows(s, 0);
    expect(afterTwo).toBe(fromScratch(0));
    expect(afterTwo).toBeGreaterThanOrEqual(start + 2);

    // The same client changed again is still one row to send.
    await h.call('clients.update', { id: a.id, rev: a.rev, patch: { occupation: '教师' } });
    expect(s.db.prepare('SELECT count(*) FROM sync_journal WHERE row_id = ?').pluck().get(a.id)).toBe(2);
    expect(pendingRows(s, 0)).toBe(fromScratch(0));
    const before = pendingRows(s, 0);

    // A write rolled back leaves no trace, and the numbers it used are given to the next write.
    expect(() =>
      s.db.transaction(() => {
        s.db.prepare("INSERT INTO sync_journal (entity, row_id) VALUES ('client', 'rolled-back')").run();
        expect(pendingRows(s, 0)).toBe(before + 1);
        throw new Error('abandoned');
      })(),
    ).toThrow('abandoned');
    expect(pendingRows(s, 0)).toBe(before);
    await h.call('clients.create', { client: { name: '王芳', kind: 'person', mobile: '13700137000' } });
    expect(pendingRows(s, 0)).toBeGreaterThan(before);
    expect(pendingRows(s, 0)).toBe(fromScratch(0));

    // HQ acknowledged up to b's creation: only what was written after counts.
    const ackAt = s.db.prepare("SELECT max(seq) FROM sync_journal WHERE row_id = ?").pluck().get(b.id) as number;
    expect(pendingRows(s, ackAt)).toBe(fromScratch(ackAt));
    expect(pendingRows(s, ackAt)).toBeLessThan(fromScratch(0));
    await h.call('clients.update', { id: b.id, rev: b.rev, patch: { occupation: '医生' } });
    expect(pendingRows(s, ackAt)).toBe(fromScratch(ackAt));
  });
});
