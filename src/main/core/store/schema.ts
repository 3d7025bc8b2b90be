import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Drizzle schema. Migrations in ./migrations are generated from this file by
// `npm run db:generate` and committed; custom SQL (triggers) sits in its own migration.

export const auditLog = sqliteTable(
  'audit_log',
  {
    seq: integer('seq').primaryKey(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    details: text('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_action').on(t.action), index('audit_log_at').on(t.at)],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
