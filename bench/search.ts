// Search as you type on the Clients page: each keystroke as the page sends it, through the real
// router, against the same request answered from a plain B-tree index that already holds each
// query's exact matches — so the ratio is what finding the matches costs, nothing else.
import { desc, eq, sql, type SQL } from 'drizzle-orm';
import { maskMobile } from '../src/main/core/domain/kyc/masking';
import { clientSearch, searchTerms, walkSortIndex } from '../src/main/core/services/client-search';
import type { Session } from '../src/main/core/services/session';
import { clientSegments, clients } from '../src/main/core/store/schema';
import { median, quantile, row, samplePair, type BenchContext, type Row } from './lib';

/** Rows per keystroke, as clients-store.ts asks for them (FIRST_PAGE_SIZE: a new query fetches the first page only) with its default sort. */
const PAGE = 200;
/** Samples per family at least (a p95 of 18 samples would be their maximum). */
const MIN_SAMPLES = 60;

interface Family {
  name: string;
  /** What the box holds after each keystroke (an IME commits Chinese a word at a time). */
  keystrokes: string[];
}

export async function benchSearch(ctx: BenchContext): Promise<Row[]> {
  const s = ctx.session;
  assertCurrentTerms(s);
  const families: Family[] = [
    { name: 'Chinese name', keystrokes: ['张', '王', '王芳'] },
    { name: 'pinyin', keystrokes: [...typing('zhang'), ...typing('wangfang')] },
    { name: 'initials', keystrokes: [...typing('zs'), ...typing('wf')] },
    { name: 'phone tail', keystrokes: typing('5678') },
    { name: 'ID tail', keystrokes: typing(idTail(s)) },
    { name: 'tag', keystrokes: ['退', '退休'] },
  ];
  const oracle = new OracleIndex(s);
  const rows: Row[] = [];
  try {
    for (const f of families) {
      const subject: number[] = [];
      const base: number[] = [];
      const matches: string[] = [];
      const runs = Math.max(ctx.runs, Math.ceil(MIN_SAMPLES / f.keystrokes.length));
      for (const query of f.keystrokes) {
        const expected = oracle.fill(query);
        const got = await list(ctx, query);
        if (got !== expected) throw new Error(`search "${query}": ${got} matches, the index holds ${expected}`);
        matches.push(`${query} ${got}`);
        const [b, a] = await samplePair(() => oracle.list(query), () => list(ctx, query), runs);
        base.push(...b);
        subject.push(...a);
      }
      const [m, bm, p95, bp95] = [median(subject), median(base), quantile(subject, 0.95), quantile(base, 0.95)];
      ctx.log(`search ${f.name}: median ${m.toFixed(1)} ms (baseline ${bm.toFixed(1)}), p95 ${p95.toFixed(1)} ms (baseline ${bp95.toFixed(1)})`);
      rows.push(
        row(`client search as you type: ${f.name} (${ctx.clients} clients)`, m, BASELINE, bm, 2, {
          budget_ms: 50,
          extra: { p95_ms: round(p95), baseline_p95_ms: round(bp95), p95_ratio: round(p95 / bp95), samples: subject.length, keystrokes: matches.join(', ') },
        }),
      );
    }
  } finally {
    oracle.drop();
  }
  return rows;
}

const BASELINE = `the same page built the same way (columns, segment join, revenue sort, LIMIT ${PAGE}, exact count, audit entry, masking; walk the revenue index or fetch by rowid, as the service decides) with the query's matches read from a plain B-tree index keyed (query, client rowid) that holds each query's exact result set: counted by one range scan, probed by seek`;

/** One keystroke's request, exactly as clients-store.ts sends it while the manager types. */
async function list(ctx: BenchContext, query: string): Promise<number> {
  const r = await ctx.router.handle('clients.list', { query, status: undefined, kind: undefined, tag: undefined, tier: undefined, quadrant: undefined, band: undefined, state: undefined, sort: 'revenue', order: 'desc', limit: PAGE, offset: 0 });
  if (!r.ok) throw new Error(`clients.list: ${JSON.stringify(r.error)}`);
  return (r.data as { total: number }).total;
}

/** The ideal index for the benchmark's queries: each query's matches, looked up by equality. */
class OracleIndex {
  constructor(private readonly s: Session) {
    s.db.exec('CREATE TEMP TABLE IF NOT EXISTS bench_search_hits (query TEXT NOT NULL, client_rowid INTEGER NOT NULL, PRIMARY KEY (query, client_rowid)) WITHOUT ROWID');
  }

  /** Stores the matches of `query` (as the term index finds them) and returns how many. */
  fill(query: string): number {
    const search = clientSearch(this.s, query)!;
    this.s.orm.run(sql`DELETE FROM temp.bench_search_hits WHERE query = ${query}`);
    this.s.orm.run(sql`INSERT INTO temp.bench_search_hits (query, client_rowid) SELECT ${query}, client_rowid FROM (${search.rowids})`);
    return this.s.db.prepare('SELECT count(*) FROM temp.bench_search_hits WHERE query = ?').pluck().get(query) as number;
  }

  /** listClients for a query, its matches read from the stored index: counted by a range scan, probed by seek. */
  list(query: string): number {
    const s = this.s;
    const total = s.orm.get<{ n: number }>(sql`SELECT count(*) AS n FROM temp.bench_search_hits WHERE query = ${query}`).n;
    const condition: SQL = walkSortIndex(s, total, PAGE)
      ? sql`EXISTS (SELECT 1 FROM temp.bench_search_hits AS h WHERE h.query = ${query} AND h.client_rowid = ${clients}.rowid)`
      : sql`${clients}.rowid IN (SELECT client_rowid FROM temp.bench_search_hits WHERE query = ${query})`;
    const rows = s.orm
      .select({ id: clients.id, clientNo: clients.clientNo, name: clients.name, kind: clients.kind, mobile: clients.mobile, tags: clients.tags, aumFen: clients.aumFen, revenue12mFen: clients.revenue12mFen, status: clients.status, riskGrade: clients.riskGrade, idExpiry: clients.idExpiry, idLongTerm: clients.idLongTerm, optOutAutomated: clients.optOutAutomated, tier: clientSegments.tier, quadrant: clientSegments.quadrant, band: clientSegments.band, state: clientSegments.state })
      .from(clients)
      .leftJoin(clientSegments, eq(clientSegments.clientId, clients.id))
      .where(condition)
      .orderBy(desc(clients.revenue12mFen), desc(clients.id))
      .limit(PAGE)
      .all();
    s.inTransaction({ action: 'client.search', details: { query, results: total } }, () => undefined);
    const page = rows.map(({ mobile, ...r }) => ({ ...r, mobileMasked: mobile ? maskMobile(mobile) : null }));
    return page.length;
  }

  drop(): void {
    this.s.db.exec('DROP TABLE IF EXISTS temp.bench_search_hits');
  }
}

/**
 * The cached book's term index holds what client-search.ts builds today (a book upgraded by an
 * earlier build of migration 0007 would hold other terms and answer other queries): a sample.
 */
function assertCurrentTerms(s: Session): void {
  const sample = s.db.prepare('SELECT rowid AS rid, name, mobile, id_number AS idNumber, tags FROM clients WHERE rowid % 331 = 0 LIMIT 300').all() as { rid: number; name: string; mobile: string | null; idNumber: string | null; tags: string }[];
  const held = s.db.prepare('SELECT term FROM client_search_terms WHERE client_rowid = ? ORDER BY term').pluck();
  for (const c of sample) {
    const want = searchTerms({ ...c, tags: JSON.parse(c.tags) as string[] }).sort();
    const got = (held.all(c.rid) as string[]).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      throw new Error(`search bench: the cached book's search terms are not the ones client-search.ts builds (client rowid ${c.rid}); regenerate the cached book`);
    }
  }
}

/** What the search box holds after each key: z, zh, zha… */
function typing(word: string): string[] {
  return [...word].map((_c, i) => [...word].slice(0, i + 1).join(''));
}

/** The last four characters of a real ID number in the book, preferring one ending in X. */
function idTail(s: Session): string {
  const id = s.db.prepare("SELECT id_number FROM clients WHERE id_number LIKE '%X' ORDER BY rowid LIMIT 1").pluck().get() as string | undefined;
  const any = id ?? (s.db.prepare('SELECT id_number FROM clients WHERE length(id_number) >= 4 ORDER BY rowid LIMIT 1').pluck().get() as string | undefined);
  return (any ?? '0000').slice(-4);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
