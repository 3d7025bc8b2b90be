import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { startCoreWorker } from '../../bench/core-worker';
import { decodeResult } from '../../src/shared/wire';
import type { ImportResult } from '../../src/shared/import';
import { bookContents, segmentContents } from '../helpers/book-contents';
import { createWorkspace, makeCore, MANAGER, PASS, tempDir, testClock } from '../helpers/core';
import { messyExtract, READ_AHEAD_ROWS } from '../helpers/import-files';

// A large import as the app runs it: the built core worker reads the file ahead in its reader thread
// while it writes. The book it writes must be the one an import read in the core's own thread writes
// (clients, search terms, follow-ups, segments, sync journal), and a refused file must leave the
// book as it was and the worker serving.

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('an import through the built core worker', () => {
  it('writes the book that reading the file in the core thread writes, and survives a refused file', async () => {
    const file = messyExtract();
    const request = (bytes: Buffer) => ({ fileName: 'hq-extract.csv', contentBase64: bytes.toString('base64'), onDuplicate: 'merge' });
    const { worker, invoke } = startCoreWorker(join(tmp.dir, 'worker'));
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const r = decodeResult(await invoke(channel, input)) as { ok: true; data: T } | { ok: false; error: unknown };
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
      return r.data;
    };
    await call('workspace.create', { managerId: MANAGER, displayName: '王经理', passphrase: PASS });
    const viaWorker = await call<ImportResult>('import.commit', request(file));

    // A file of the same size without a name column: refused once its header is read.
    const lines = iconv.decode(file, 'gbk').split('\r\n');
    const noName = iconv.encode(lines.map((l) => l.split(',').filter((_c, i) => i !== 1).join(',')).join('\r\n'), 'gbk');
    const refused = decodeResult(await invoke('import.commit', request(noName))) as { ok: boolean; error?: { code: string; field?: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_FILE', field: 'name' } });
    expect((await call<{ total: number }>('clients.list', { limit: 1 })).total).toBe(viaWorker.imported);
    await call('workspace.lock', {});
    await worker.terminate();

    const here = makeCore(join(tmp.dir, 'here'), testClock(new Date()));
    await createWorkspace(here);
    const viaCore = await here.call('import.commit', request(file));
    const written = makeCore(join(tmp.dir, 'worker'), testClock(new Date()));
    await written.call('workspace.unlock', { passphrase: PASS });
    try {
      expect(viaWorker).toEqual(viaCore);
      expect(viaWorker).toMatchObject({ imported: READ_AHEAD_ROWS, merged: 1, invalid: 1 });
      const db = (h: typeof here) => h.core.workspace.requireSession().db;
      expect(bookContents(db(written))).toEqual(bookContents(db(here)));
      // Clients of equal value are ranked by id, which differs between two books: the ranks held by each value must agree.
      const segments = (h: typeof here) => segmentContents(db(h)) as { rank: number; value_fen: number }[];
      const withoutRank = (h: typeof here) => segments(h).map(({ rank: _r, ...rest }) => rest);
      const ranksByValue = (h: typeof here) => segments(h).map((r) => `${r.value_fen}:${r.rank}`).sort();
      expect(withoutRank(written)).toEqual(withoutRank(here));
      expect(ranksByValue(written)).toEqual(ranksByValue(here));
    } finally {
      here.core.dispose();
      written.core.dispose();
    }
  }, 180_000);
});
