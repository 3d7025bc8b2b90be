import type { ParsedInputOf } from '../../../shared/contract';
import { generateDemoBook } from '../domain/demo-book';
import { localDate } from '../domain/local-date';
import { insertClient, validateClient } from './clients';
import type { Session } from './session';

/** Fills the book with a reproducible demo book (first-run "try with a demo book", benchmarks). */
export function loadDemoBook(s: Session, input: ParsedInputOf<'demo.load'>): { created: number } {
  const book = generateDemoBook({ clients: input.clients, seed: input.seed, today: localDate(s.now()), managerId: s.managerId });
  return s.inTransaction({ action: 'demo.load', details: { clients: input.clients, seed: input.seed } }, () => {
    for (const { id, input: client } of book) insertClient(s, validateClient(s, client, id), id);
    return { created: book.length };
  });
}
