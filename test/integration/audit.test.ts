import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createWorkspace, makeCore, PASS, tempDir, type Harness } from '../helpers/core';
import { sideDoor } from '../helpers/side-door';

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
const ws = () => join(tmp.dir, 'ws');

beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(ws());
  await createWorkspace(h);
  for (const m of [3, 4, 5, 6]) await h.call('settings.update', { autoLockMinutes: m });
  h.core.lock('manual'); // 1 create, 2 device key, 3–6 settings, 7 lock
});
afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

async function verify() {
  await h.call('workspace.unlock', { passphrase: PASS });
  return h.call('audit.verify');
}

describe('audit log', () => {
  it('is written in the same transaction as the action: a failed action leaves no entry', async () => {
    await h.call('workspace.unlock', { passphrase: PASS });
    const s = h.core.workspace.requireSession();
    const before = (await h.call('audit.list', {})).total;
    expect(() => s.inTransaction({ action: 'test.fail' }, () => {
      throw new Error('boom');
    })).toThrow('boom');
    expect((await h.call('audit.list', {})).total).toBe(before);
  });

  it('triggers refuse UPDATE and DELETE even through a side door', async () => {
    const db = await sideDoor(ws(), PASS);
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 1').run('x')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
    expect(await verify()).toMatchObject({ intact: true, entries: 8 });
  });

  it.each([
    ['edit of details', 'UPDATE audit_log SET details = \'{"autoLockMinutes":99}\' WHERE seq = 3', 3, 'HASH'],
    ['edit of the actor', "UPDATE audit_log SET actor = 'rm:someone-else' WHERE seq = 1", 1, 'HASH'],
    ['delete in the middle', 'DELETE FROM audit_log WHERE seq = 4', 4, 'SEQ_GAP'],
    ['delete of the newest entry', 'DELETE FROM audit_log WHERE seq = 7', 7, 'ANCHOR'],
    ['reorder of two entries', 'UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2;', 2, 'PREV_HASH'],
  ])('detects a side-door %s', async (_name, sql, seq, problem) => {
    const db = await sideDoor(ws(), PASS);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(sql);
    db.close();
    expect(await verify()).toMatchObject({ intact: false, firstBadSeq: seq, problem });
  });

  it('lists with filters by action and local date', async () => {
    await h.call('workspace.unlock', { passphrase: PASS });
    expect((await h.call('audit.list', { action: 'settings.update' })).total).toBe(4);
    expect((await h.call('audit.list', { from: '2026-11-22', to: '2026-11-22' })).total).toBe(8);
    expect((await h.call('audit.list', { from: '2026-11-23' })).total).toBe(0);
    const page = await h.call('audit.list', { limit: 2, offset: 0 });
    expect(page.entries.map((e) => e.seq)).toEqual([8, 7]);
    expect(page.actions).toContain('workspace.lock');
  });
});
