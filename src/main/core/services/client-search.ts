import type { Statement } from 'better-sqlite3';
import { sql, type SQL } from 'drizzle-orm';
import { buildSearchKeys, normaliseQuery, searchTails, type SearchKeys } from '../domain/kyc/search-keys';
import { clients } from '../store/schema';
import type { Session } from './session';
import { detached } from './heap';

// Search as you type in SQL, with the semantics of `matchesQuery` (domain/kyc/search-keys.ts):
// name substring; Latin letters as a prefix of the pinyin from any syllable or of the
// initials; exactly four characters as a phone/ID tail; tags by prefix. Each client's search
// terms are built here once per write and stored as a JSON array in `search_keys`; triggers
// (migration 0007) copy them into the `client_search_terms` index, so a query is a few B-tree
// lookups (a substring is a prefix of a suffix), not a pass over the book.

/** What a term stands for: its first character, so one family's range never holds another's. */
export const TERM = { nameSuffix: '=', nameChar: '@', pinyin: '|', pinyinStart: '!', tag: '#', tail: '~' } as const;

/**
 * Latin queries up to this long (z, zh, zs: the first keystrokes, matching a quarter of a book)
 * look up one exact term listing each client once, instead of a range of pinyin terms that
 * lists many clients several times (zhangsan, zs) and must be deduplicated.
 */
export const SHORT_PINYIN = 2;

/**
 * A client's terms: every suffix of the normalised name two characters long or longer, and each
 * of its characters once; the pinyin from each syllable on and the initials, and their first one
 * and two letters; each normalised tag; the phone/ID tails. Normalised text holds no whitespace,
 * so a term never needs escaping.
 *
 * A query of one character (a surname: 张 or 王 each match thousands of a branch's clients) looks
 * up that character's term, which lists each client once. As a prefix of the name's suffixes it
 * would list a client once per occurrence (张小张), so counting the matches and probing them for
 * a page would first collect and deduplicate thousands of rowids. A one-character suffix is then
 * never looked up, so it is not stored.
 */
export function searchTerms(c: { name: string; mobile?: string | null; idNumber?: string | null; tags?: string[] | null }): string[] {
  const k = bulkNames ? { ...nameKeys(bulkNames, c.name), tails: searchTails(c) } : buildSearchKeys(c);
  const terms = new Set<string>();
  const chars = [...k.name];
  for (let i = 0; i + 1 < chars.length; i++) terms.add(TERM.nameSuffix + chars.slice(i).join(''));
  for (const c of chars) terms.add(TERM.nameChar + c);
  const pinyins = suffixes(k.syllables).filter(Boolean);
  if (k.initials !== '') pinyins.push(k.initials);
  for (const p of pinyins) terms.add(TERM.pinyin + p);
  for (let n = 1; n <= SHORT_PINYIN; n++) for (const p of pinyins) if (p.length >= n) terms.add(TERM.pinyinStart + p.slice(0, n));
  for (const tag of c.tags ?? []) {
    const t = normaliseQuery(tag);
    if (t !== '') terms.add(TERM.tag + t);
  }
  for (const tail of k.tails) terms.add(TERM.tail + tail);
  return [...terms];
}

// During a bulk insert, a name's keys are read once: reading pinyin is most of the cost of a
// client's terms, and a branch's book repeats names (100,000 demo clients hold 42,000 names).
let bulkNames: Map<string, Pick<SearchKeys, 'name' | 'syllables' | 'initials'>> | null = null;

function nameKeys(cache: NonNullable<typeof bulkNames>, name: string): Pick<SearchKeys, 'name' | 'syllables' | 'initials'> {
  let k = cache.get(name);
  if (!k) {
    const { name: normalised, syllables, initials } = buildSearchKeys({ name });
    // Detached: a name read from an import file would otherwise keep the whole file alive.
    cache.set(detached(name), (k = { name: detached(normalised), syllables, initials }));
  }
  return k;
}

/** Runs `fn` with a client's name keys read once per distinct name (a bulk insert, or an import's rows read ahead). */
export function withBulkNames<T>(fn: () => T): T {
  const outer = bulkNames;
  bulkNames ??= new Map();
  try {
    return fn();
  } finally {
    bulkNames = outer;
  }
}

/** The derived columns written with every insert and update of a client. */
export function searchColumns(c: Parameters<typeof searchTerms>[0]): { searchName: string; searchKeys: string } {
  return { searchName: normaliseQuery(c.name), searchKeys: JSON.stringify(searchTerms(c)) };
}

/** What a typed query looks up: exact terms (each lists a client at most once) and [from, to) ranges of terms. */
export interface QueryTerms {
  exact: string[];
  ranges: { from: string; to: string }[];
}

export function queryTerms(query: string): QueryTerms | undefined {
  const q = normaliseQuery(query);
  if (q === '') return undefined;
  const prefix = (p: string) => ({ from: p, to: prefixEnd(p) });
  const terms: QueryTerms = [...q].length === 1 ? { exact: [TERM.nameChar + q], ranges: [prefix(TERM.tag + q)] } : { exact: [], ranges: [prefix(TERM.nameSuffix + q), prefix(TERM.tag + q)] };
  if (/^[a-z]+$/.test(q)) {
    if (q.length <= SHORT_PINYIN) terms.exact.push(TERM.pinyinStart + q);
    else terms.ranges.push(prefix(TERM.pinyin + q));
  }
  if (q.length === 4) terms.exact.push(TERM.tail + q);
  return terms;
}

/** A typed query over the term index. */
export interface ClientSearch {
  /** The rowids of the clients it matches, each once. */
  rowids: SQL;
  /** How many clients it matches. */
  count(): number;
  /** The condition that finds a page of `wanted` rows among `total` matches (those it counts, or fewer under other filters). */
  condition(total: number, wanted: number): SQL;
}

/**
 * How a query is answered. A range holding only a few distinct terms (a tag typed in full or
 * in part: `#退` holds `#退休`, `#退役`) is looked up term by term. The term listing the most
 * clients then anchors the search: its clients are counted straight from the index (each
 * listed once) and probed by seek, so only the other terms' clients are collected and
 * deduplicated. A page among many matches walks the sort index, probing each client, until it
 * has `wanted` rows (about wanted × book / total steps; the `+` keeps SQLite from driving the
 * query by the match set); among few, each match is fetched by rowid and sorted.
 */
export function clientSearch(s: Session, query: string): ClientSearch | undefined {
  const terms = queryTerms(query);
  if (!terms) return undefined;
  const exact = [...terms.exact];
  const ranges: SQL[] = [];
  for (const r of terms.ranges) {
    const few = termsWithin(s, r.from, r.to);
    if (few) exact.push(...few);
    else ranges.push(sql`SELECT client_rowid FROM client_search_terms WHERE term >= ${r.from} AND term < ${r.to}`);
  }
  // No term in any range: nothing matches.
  const rowids = union([listing(exact), ...ranges]) ?? sql`SELECT client_rowid FROM client_search_terms WHERE 0`;
  const anchor = largest(s, exact);
  const others = anchor && union([listing(exact.filter((t) => t !== anchor.term)), ...ranges]);
  return {
    rowids,
    count() {
      if (!anchor) return s.orm.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${rowids})`).n;
      if (!others) return anchor.size;
      return anchor.size + s.orm.get<{ n: number }>(sql`SELECT count(*) AS n FROM (${others}) AS x WHERE NOT ${listedUnder(anchor.term, sql`x.client_rowid`)}`).n;
    },
    condition(total, wanted) {
      if (!walkSortIndex(s, total, wanted)) return sql`${clients}.rowid IN (${rowids})`;
      if (!anchor) return sql`+${clients}.rowid IN (${rowids})`;
      const listed = listedUnder(anchor.term, sql`${clients}.rowid`);
      return others ? sql`(${listed} OR +${clients}.rowid IN (${others}))` : listed;
    },
  };
}

/** Whether a page of `wanted` among `total` matches is found sooner by walking the sort index than by fetching and sorting every match. */
export function walkSortIndex(s: Session, total: number, wanted: number): boolean {
  const book = (statement(s, 'book', () => s.db.prepare('SELECT max(rowid) FROM clients').pluck()).get() as number | null) ?? 0;
  return total * total * FETCH_COST >= wanted * book;
}

// Measured at 100k clients: fetching a match by rowid and sorting it costs about 25 walk steps.
const FETCH_COST = 25;

/** How many distinct terms a range may hold and still be looked up term by term. */
const FEW_TERMS = 16;

/** The distinct terms in [from, to) when there are at most FEW_TERMS (one seek each), else null. */
function termsWithin(s: Session, from: string, to: string): string[] | null {
  const found = statement(s, 'within', () =>
    s.db
      .prepare(
        `WITH RECURSIVE t(term, n) AS (
           SELECT (SELECT min(term) FROM client_search_terms WHERE term >= :from AND term < :to), 1
           UNION ALL
           SELECT (SELECT min(term) FROM client_search_terms WHERE term > t.term AND term < :to), n + 1 FROM t WHERE t.term IS NOT NULL AND n <= ${FEW_TERMS})
         SELECT term FROM t WHERE term IS NOT NULL`,
      )
      .pluck(),
  ).all({ from, to }) as string[];
  return found.length > FEW_TERMS ? null : found;
}

// Typing runs these on every keystroke: prepared once per session (and per IN-list length).
const statements = new WeakMap<Session, Map<string, Statement>>();

function statement(s: Session, key: string, prepare: () => Statement): Statement {
  const cache = statements.get(s) ?? statements.set(s, new Map()).get(s)!;
  let st = cache.get(key);
  if (!st) cache.set(key, (st = prepare()));
  return st;
}

/** The clients listed under any of the terms (one seek per term). */
function listing(terms: string[]): SQL | undefined {
  if (terms.length === 0) return undefined;
  return sql`SELECT client_rowid FROM client_search_terms WHERE term IN (${sql.join(
    terms.map((t) => sql`${t}`),
    sql`, `,
  )})`;
}

/** The rowids the scans list, each once (a client may be listed under several terms). */
function union(scans: (SQL | undefined)[]): SQL | undefined {
  const present = scans.filter((x): x is SQL => x !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? sql`SELECT DISTINCT client_rowid FROM (${present[0]})` : sql.join(present, sql` UNION `);
}

function listedUnder(term: string, rowid: SQL): SQL {
  return sql`EXISTS (SELECT 1 FROM client_search_terms AS a WHERE a.term = ${term} AND a.client_rowid = ${rowid})`;
}

/** The term listing the most clients, with how many; null when none lists any. */
function largest(s: Session, terms: string[]): { term: string; size: number } | null {
  if (terms.length === 0) return null;
  const st = statement(s, `largest:${terms.length}`, () =>
    s.db.prepare(`SELECT term, count(*) AS size FROM client_search_terms WHERE term IN (${terms.map(() => '?').join(', ')}) GROUP BY term ORDER BY size DESC LIMIT 1`),
  );
  return (st.get(...terms) as { term: string; size: number } | undefined) ?? null;
}

function suffixes<T>(xs: T[]): string[] {
  return xs.map((_x, i) => xs.slice(i).join(''));
}

/**
 * The least string above every string that starts with `p` (BINARY collation compares
 * UTF-8 bytes, i.e. code points): `p` with its last code point incremented, skipping the
 * surrogate block; a trailing U+10FFFF carries into the one before.
 */
export function prefixEnd(p: string): string {
  const cps = [...p].map((c) => c.codePointAt(0)!);
  while (cps.length > 0) {
    const last = cps.pop()!;
    if (last < 0x10ffff) {
      cps.push(last === 0xd7ff ? 0xe000 : last + 1);
      return String.fromCodePoint(...cps);
    }
  }
  return '\u{10ffff}\u{10ffff}'; // unreachable for a non-empty family prefix
}

// The pass sorts the terms of this many clients at a time: SQLite sorts in memory (temp_store), and
// the ~1.9M terms of a 100,000-client import sorted at once took ~80 MB more; in sorted runs of
// ~475k terms the peak stays where it was, for the same time (bench/scratch, import).
const TERM_PASS_CLIENTS = 25_000;

/**
 * Runs a bulk insert of clients (inside the caller's transaction) with the per-row term trigger
 * off, then fills the new clients' terms in passes sorted by term: an import of 100,000 clients
 * writes ~1.9M terms in four runs of index order instead of one scattered trigger run per row. Edits and
 * deletions during `fn` keep their own triggers; a rollback takes the registration with it.
 */
export function withDeferredSearchTerms<T>(s: Session, fn: () => T): T {
  if (!s.db.inTransaction) throw new Error('withDeferredSearchTerms needs a transaction');
  const lastRowid = () => s.db.prepare('SELECT coalesce(max(rowid), 0) FROM clients').pluck().get() as number;
  const after = lastRowid();
  s.db.prepare('INSERT INTO client_search_deferred (after_rowid) VALUES (?)').run(after);
  const result = withBulkNames(fn);
  const fill = s.db.prepare(
    `INSERT OR IGNORE INTO client_search_terms (term, client_rowid)
     SELECT j.value, c.rowid FROM clients c, json_each(CASE WHEN json_valid(c.search_keys) THEN c.search_keys ELSE '[]' END) j
     WHERE c.rowid > ? AND c.rowid <= ? AND j.type = 'text' ORDER BY 1, 2`,
  );
  const last = lastRowid();
  for (let from = after; from < last; from += TERM_PASS_CLIENTS) fill.run(from, Math.min(from + TERM_PASS_CLIENTS, last));
  s.db.prepare('DELETE FROM client_search_deferred').run();
  return result;
}
