import { sql, type SQL } from 'drizzle-orm';
import { buildSearchKeys, normaliseQuery } from '../domain/kyc/search-keys';
import { clients } from '../store/schema';

// Search as you type in SQL, with the semantics of `matchesQuery` (domain/kyc/search-keys.ts):
// name substring; Latin letters as a prefix of the pinyin from any syllable or of the
// initials; exactly four characters as a phone/ID tail; tags by prefix. Keys are stored
// per client so a search is one scan of two short columns, not a pinyin pass per row.

export function searchColumns(c: { name: string; mobile?: string | null; idNumber?: string | null; tags?: string[] | null }): {
  searchName: string;
  searchKeys: string;
} {
  const k = buildSearchKeys(c);
  const suffixes = k.syllables.map((_s, i) => k.syllables.slice(i).join('')).filter(Boolean);
  const pinyin = [...suffixes, k.initials].filter(Boolean).map((s) => `|${s}`).join('');
  const tags = (c.tags ?? []).map((t) => `#${normaliseQuery(t)}`).join('');
  const tails = k.tails.map((t) => `~${t}~`).join('');
  return { searchName: k.name, searchKeys: `${pinyin}${tags}${tails}` };
}

/** The WHERE condition for a typed query, or undefined for an empty one. */
export function searchCondition(query: string): SQL | undefined {
  const q = normaliseQuery(query);
  if (q === '') return undefined;
  const parts: SQL[] = [sql`instr(${clients.searchName}, ${q}) > 0`, sql`instr(${clients.searchKeys}, ${`#${q}`}) > 0`];
  if (/^[a-z]+$/.test(q)) parts.push(sql`instr(${clients.searchKeys}, ${`|${q}`}) > 0`);
  if ([...q].length === 4) parts.push(sql`instr(${clients.searchKeys}, ${`~${q}~`}) > 0`);
  // Scan the covering index of the two key columns, not the wide client rows.
  return sql`${clients}.rowid IN (SELECT rowid FROM ${clients} INDEXED BY clients_search WHERE ${sql.join(parts, sql` OR `)})`;
}
