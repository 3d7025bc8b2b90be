import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export type Sqlite = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for the current runtime (Electron passes its own). */
  nativeBinding?: string;
}

/**
 * Opens rm.db with the SQLCipher data key. Nothing is written here: the caller
 * checks the schema version before `applyPragmas` and `migrate` touch the file.
 */
export function openEncrypted(path: string, dataKey: Buffer, opts: OpenOptions = {}): Sqlite {
  if (!existsSync(path)) closeSync(openSync(path, 'wx', 0o600));
  const db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    applyKey(db, dataKey);
  } catch (e) {
    db.close();
    throw new AppError('DATABASE_UNREADABLE', { field: 'rm.db', reason: e instanceof Error ? e.message : 'open failed' });
  }
  return db;
}

/** Keys a connection (SQLCipher v4 through sqlite3mc); throws when the key does not open the file. */
export function applyKey(db: Sqlite, dataKey: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${dataKey.toString('hex')}'"`);
  // Reading the schema fails with SQLITE_NOTADB when the key does not open the file.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

export function applyPragmas(db: Sqlite): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  // SQLite3 Multiple Ciphers encrypts the database and its journals, not temporary files: sorts,
  // DISTINCT and index builds that outgrow the temp cache would spill client data in clear.
  db.pragma('temp_store = MEMORY');
  // Pages are decrypted on every read from the OS cache; keep the hot ones decrypted in SQLite's
  // own cache (a cap, not an allocation). A 100,000-client book's segmentation and Today page read
  // more than 96 MiB of it: at 64 or 96 MiB each pass decrypted most pages again (segments.summary
  // 1.41x its plaintext time, Today 1.5x), at 128 MiB 1.09x and 1.08x (bench/scratch, mix by part).
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

const CACHE_KIB = 128 * 1024;

/** A load of this many rows or more is a bulk load (an import of a branch's extract). */
export const BULK_LOAD_ROWS = 5_000;

/**
 * Runs a load of `rows` rows; a bulk load reads its rows with a page cache half the usual size. Its
 * dirty pages would otherwise fill all 128 MiB on top of what reading the rows holds: at 64 MiB the
 * core worker stays within its memory budget (400 MB at 100,000 clients), and the load writes each
 * page once either way. `fn` calls `rowsRead` once what reading held is let go: what follows (the
 * search-term pass, the index builds) reads the whole table again and again, and at 100,000 clients
 * rebuilt the clients' and follow-ups' indexes in 5.2–6.3 s at 64 MiB, 3.3–4.0 s back at 128 MiB.
 */
export function withBulkCache<T>(db: Sqlite, rows: number, fn: (rowsRead: () => void) => T): T {
  const full = () => db.pragma(`cache_size = -${CACHE_KIB}`);
  if (rows < BULK_LOAD_ROWS) return fn(() => undefined);
  db.pragma(`cache_size = -${CACHE_KIB / 2}`);
  try {
    return fn(full);
  } finally {
    full();
  }
}

/**
 * Runs a bulk load into an empty book with a rollback journal instead of the WAL. In WAL mode every
 * page is written twice: into the WAL, then by the checkpoint into the database, decrypted and
 * encrypted again on the way (100,000 imported rows: a 356 MB WAL, ~5 s of checkpoint at commit).
 * With a rollback journal the new pages are written once, into the database; the journal keeps only
 * the few pages an empty book had (encrypted like every page), and the commit is atomic and durable
 * the same way. Outside a transaction (the journal mode cannot change inside one); WAL again after,
 * also when the load fails. If the mode cannot change, the load runs in WAL mode.
 */
export function withRollbackJournal<T>(db: Sqlite, fn: () => T): T {
  if (db.inTransaction) throw new Error('withRollbackJournal: inside a transaction');
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  try {
    return fn();
  } finally {
    if (mode === 'delete') db.pragma('journal_mode = WAL');
  }
}

export function schemaVersion(db: Sqlite): number {
  return db.pragma('user_version', { simple: true }) as number;
}

interface Migration {
  version: number;
  tag: string;
  statements: string[];
}

/** Reads drizzle-kit's journal and SQL files; version N = the N-th migration. */
export function loadMigrations(dir: string): Migration[] {
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const files = new Set(readdirSync(dir));
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      if (!files.has(`${e.tag}.sql`)) throw new Error(`migration file missing: ${e.tag}.sql`);
      const sql = readFileSync(join(dir, `${e.tag}.sql`), 'utf8');
      const statements = sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean);
      return { version: e.idx + 1, tag: e.tag, statements };
    });
}

export function latestVersion(migrations: Migration[]): number {
  return migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
}

/** Refuses a database written by a newer build, before anything is written to it. */
export function assertNotFromFuture(db: Sqlite, migrations: Migration[]): void {
  const current = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (current > latest) {
    throw new AppError('SCHEMA_TOO_NEW', { field: 'rm.db', params: { found: current, supported: latest } });
  }
}

/** Applies pending migrations, each in its own transaction with the version bump. */
export function migrate(db: Sqlite, migrations: Migration[]): number {
  const current = schemaVersion(db);
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      for (const s of m.statements) db.exec(s);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
