import type { ParsedInputOf } from '../../../shared/contract';
import { generateDemoBook } from '../domain/demo-book';
import { generateDemoContacts } from '../domain/demo-contacts';
import { isProactive } from '../domain/followups/rules';
import { uuidv7 } from '../domain/ids';
import { localDate } from '../domain/local-date';
import { withDeferredSearchTerms } from './client-search';
import { insertClient, validateClient } from './clients';
import { rebuildContactState } from './contact-state';
import { regenerateFor } from './followup-generator';
import type { Session } from './session';

/** Fills the book with a reproducible demo book and a year of contacts (first-run "try with a demo book", benchmarks). */
export function loadDemoBook(s: Session, input: ParsedInputOf<'demo.load'>): { created: number; contacts: number } {
  const today = localDate(s.now());
  const book = generateDemoBook({ clients: input.clients, seed: input.seed, today, managerId: s.managerId });
  const history = generateDemoContacts(book, input.contacts ?? input.clients * 3, input.seed, today);
  return s.inTransaction({ action: 'demo.load', details: { clients: input.clients, seed: input.seed, contacts: history.length } }, () => {
    withDeferredSearchTerms(s, () => {
      for (const { id, input: client } of book) insertClient(s, validateClient(s, client, id), id);
    });
    const insert = s.db.prepare(
      `INSERT INTO contacts (id, client_id, at, channel, direction, outcome, purpose, proactive, duration_minutes, notes, satisfaction, attendees, followup_id, created_at, updated_at, rev)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, '[]', NULL, ?, ?, 1)`,
    );
    const now = s.now().toISOString();
    for (const c of history) {
      insert.run(uuidv7(Date.parse(c.at)), c.clientId, c.at, c.channel, c.direction, c.outcome, c.purpose, isProactive(c.direction, c.purpose) ? 1 : 0, c.durationMinutes, c.satisfaction, now, now);
    }
    rebuildContactState(s);
    regenerateFor(s, null);
    return { created: book.length, contacts: history.length };
  });
}
