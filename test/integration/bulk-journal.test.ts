import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withRollbackJournal } from '../../src/main/core/store/db';
import { DB_FILE } from '../../src/main/core/store/workspace-file';
import { messyExtract } from '../helpers/import-files';
import { workspaceForFile } from '../helpers/core';

// A bulk load into an empty book runs with a rollback journal (its pages written once, not into the
// WAL and again by the checkpoint): the workspace must be back in WAL mode after it, whether the load
// commits or fails, and the journal must hold the book's pages encrypted like the database does.
const workspace = workspaceForFile();
const db = () => workspace().core.workspace.requireSession().db;
const mode = () => db().pragma('journal_mode', { simple: true });
const journalFile = () => join(workspace().dir, `${DB_FILE}-journal`);

describe('a bulk load with a rollback journal', () => {
  it('runs with the rollback journal and returns to WAL, also when the load fails', () => {
    expect(mode()).toBe('wal');
    expect(withRollbackJournal(db(), mode)).toBe('delete');
    expect(mode()).toBe('wal');
    expect(() =>
      withRollbackJournal(db(), () => {
        throw new Error('broken file');
      }),
    ).toThrow('broken file');
    expect(mode()).toBe('wal');
  });

  it('is refused inside a transaction, where the journal mode cannot change', () => {
    expect(() => db().transaction(() => withRollbackJournal(db(), () => undefined))()).toThrow(/inside a transaction/);
    expect(mode()).toBe('wal');
  });

  it('keeps the pages it journals encrypted: no client data in clear in the journal', async () => {
    const name = '欧阳秘密客户';
    const mobile = '13912345678';
    await workspace().call('clients.create', { client: { name, kind: 'person', mobile, notes: 'CLEARTEXT-MARKER-NOTE', tags: [] } });
    let journal: Buffer | null = null;
    expect(() =>
      withRollbackJournal(db(), () =>
        db().transaction(() => {
          // Changing the client's page journals its original, which holds the name, mobile and note.
          db().prepare("UPDATE clients SET notes = 'changed'").run();
          journal = readFileSync(journalFile());
          throw new Error('rolled back on purpose');
        })(),
      ),
    ).toThrow('rolled back on purpose');
    expect(journal).not.toBeNull();
    const bytes = journal as unknown as Buffer;
    expect(bytes.length).toBeGreaterThan(4096);
    for (const clear of [name, mobile, 'CLEARTEXT-MARKER-NOTE']) expect(bytes.includes(Buffer.from(clear, 'utf8')), clear).toBe(false);
  });
});

describe('an import of a branch extract into an empty book', () => {
  it('refused whole (strict) leaves the book empty, in WAL mode, with no journal left', async () => {
    const h = workspace();
    await h.call('clients.list', {});
    for (const id of (db().prepare('SELECT id FROM clients').pluck().all() as string[])) await h.call('clients.delete', { id });
    const r = await h.router.handle('import.commit', { fileName: 'hq.csv', contentBase64: messyExtract().toString('base64'), onDuplicate: 'merge', strict: true });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_ROWS_INVALID' } });
    expect(db().prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
    expect(mode()).toBe('wal');
    expect(existsSync(journalFile())).toBe(false);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('committed leaves the book in WAL mode with every row', async () => {
    const r = await workspace().call('import.commit', { fileName: 'hq.csv', contentBase64: messyExtract().toString('base64'), onDuplicate: 'merge' });
    expect(r.imported).toBeGreaterThan(5_000);
    expect(db().prepare('SELECT count(*) FROM clients').pluck().get()).toBe(r.imported);
    expect(mode()).toBe('wal');
    expect(existsSync(journalFile())).toBe(false);
    expect(db().pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
