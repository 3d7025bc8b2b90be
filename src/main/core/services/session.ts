import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Sqlite } from '../store/db';
import * as schema from '../store/schema';
import { appendAudit, type AuditInput } from './audit';

/** An unlocked workspace: the open database, its data key, and who is working. */
export class Session {
  readonly orm: BetterSQLite3Database<typeof schema>;
  constructor(
    readonly db: Sqlite,
    private readonly dataKey: Buffer,
    readonly managerId: string,
    readonly now: () => Date,
  ) {
    this.orm = drizzle(db, { schema });
  }

  get actor(): string {
    return `rm:${this.managerId}`;
  }

  /**
   * The one transaction helper: runs `fn` and appends its audit entry in the
   * same SQLite transaction, so an action and its record land together or not at all.
   */
  inTransaction<T>(audit: Omit<AuditInput, 'actor'> & { actor?: string }, fn: () => T): T {
    return this.db.transaction(() => {
      const result = fn();
      appendAudit(this, { actor: audit.actor ?? this.actor, ...audit });
      return result;
    })();
  }

  /** Closes the database and zeroes the key held in memory. */
  close(): void {
    try {
      this.db.close();
    } finally {
      this.dataKey.fill(0);
    }
  }
}
