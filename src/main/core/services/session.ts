import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Sqlite } from '../store/db';
import * as schema from '../store/schema';
import { appendAudit, type AuditInput } from './audit';

/** The audit entry of a transaction; `details` may be computed from the action's result (counts). */
export type TxAudit<T> = Omit<AuditInput, 'actor' | 'details'> & {
  actor?: string;
  details?: AuditInput['details'] | ((result: T) => AuditInput['details']);
};

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
  inTransaction<T>(audit: TxAudit<T>, fn: () => T): T {
    return this.db.transaction(() => {
      const result = fn();
      const details = typeof audit.details === 'function' ? audit.details(result) : audit.details;
      appendAudit(this, { ...audit, actor: audit.actor ?? this.actor, details });
      return result;
    })();
  }

  /** Lends the data key to `fn` (the escrow wrap); the key stays owned by the session. */
  withDataKey<T>(fn: (dataKey: Buffer) => T): T {
    return fn(this.dataKey);
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
