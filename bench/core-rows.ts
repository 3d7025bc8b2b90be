// The core's own figures on the cached book: unlock, segmentation, agenda and Today, the client
// timeline and list, and the whole mix on the encrypted store against the same data in plaintext.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Core } from '../src/main/core/core';
import { createRouter } from '../src/main/core/router';
import { computeSegments, paretoOfBook } from '../src/main/core/services/segments';
import { Session } from '../src/main/core/services/session';
import { applyPragmas, loadMigrations, migrate } from '../src/main/core/store/db';
import { deriveKek, type KdfParams } from '../src/main/core/store/keys';
import { DEFAULT_MIGRATIONS_DIR } from '../src/main/core/core';
import { BENCH_NOW, median, row, samplePair, timePair, type BenchContext, type Row } from './lib';

const SEGMENT_INPUTS = `c.id, c.name, c.kind, c.revenue_12m_fen, c.aum_fen, c.deposits_fen, c.loan_balance_fen, c.card_spend_12m_fen, c.products, c.potential,
  c.birth_date, c.relationship_start, c.status, c.dormant_flag, c.opt_out_automated, cs.last_reached_at`;

/** Unlock through the channel (KDF, open, migration check, audit) against the KDF alone. */
export async function benchUnlock(ctx: BenchContext): Promise<Row[]> {
  const kdf = (JSON.parse(readFileSync(join(ctx.workspaceDir, 'workspace.json'), 'utf8')) as { kdf: KdfParams }).kdf;
  const unlock = async () => {
    ctx.core.workspace.lock('manual');
    const r = await ctx.router.handle('workspace.unlock', { passphrase: ctx.passphrase });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
  };
  const [kdfMs, unlockMs] = await timePair(() => deriveKek(ctx.passphrase, kdf).then((k) => k.fill(0)), unlock, Math.min(ctx.runs, 5));
  ctx.session = ctx.core.workspace.requireSession();
  return [row(`unlock: KDF + open + migration check + audit (${ctx.clients} clients)`, unlockMs, `scrypt KDF alone (N=2^${Math.log2(kdf.N)}, r=${kdf.r}, p=${kdf.p})`, kdfMs, null, { extra: { kdf_share: Number((kdfMs / unlockMs).toFixed(3)) } })];
}

/**
 * Segmentation of the whole book (80/20 tiers, quadrants, bands, states, stored where changed)
 * against one raw window-function query over the same inputs (every column segmentation reads,
 * last reached contact included) computing rank, cumulative share and percentile.
 */
export async function benchSegments(ctx: BenchContext): Promise<Row[]> {
  const s = ctx.session;
  const raw = s.db
    .prepare(
      `SELECT ${SEGMENT_INPUTS},
         sum(max(c.revenue_12m_fen, 0)) OVER (ORDER BY c.revenue_12m_fen DESC, c.id ROWS UNBOUNDED PRECEDING) * 1.0 / (SELECT sum(revenue_12m_fen) FROM clients WHERE revenue_12m_fen > 0) AS cumulative_share,
         percent_rank() OVER (ORDER BY c.revenue_12m_fen) AS percentile
       FROM clients c LEFT JOIN contact_state cs ON cs.client_id = c.id`,
    )
    .raw();
  const narrow = s.db.prepare(
    `SELECT id, v, sum(v) OVER (ORDER BY v DESC, id ROWS UNBOUNDED PRECEDING) * 1.0 / (SELECT sum(revenue_12m_fen) FROM clients WHERE revenue_12m_fen > 0) AS cum
     FROM (SELECT id, max(revenue_12m_fen, 0) AS v FROM clients)`,
  );
  const runs = Math.min(ctx.runs, 5);
  // The first pass of a session also reads what is stored; later passes compare with what it keeps.
  const firstStart = performance.now();
  computeSegments(s);
  const firstMs = performance.now() - firstStart;
  const [rawMs, segMs] = await timePair(() => raw.all(), () => computeSegments(s), runs);
  const [narrowMs, paretoMs] = await timePair(() => narrow.all(), () => paretoOfBook(s, 'revenue'), runs);
  return [
    row(`segmentation: tiers, quadrants, bands, states (${ctx.clients} clients)`, segMs, 'one raw SQL query: same inputs, window rank + cumulative share + percentile', rawMs, 1.5, { extra: { first_pass_ms: Math.round(firstMs) } }),
    row(`80/20 tiers alone: rank + cumulative shares (${ctx.clients} clients)`, paretoMs, 'raw SQL window query, same cumulative shares', narrowMs, 1.5),
  ];
}

/** The 30-day agenda, Today, the busiest client's timeline, the first page of the book. */
export async function benchAgenda(ctx: BenchContext): Promise<Row[]> {
  const { router } = ctx;
  const s = ctx.session;
  const from = '2026-11-22';
  const to = '2026-12-21';
  const rawAgenda = s.db.prepare(
    `SELECT f.id, f.date, f.type, f.client_id, c.name, f.title FROM followups f JOIN clients c ON c.id = f.client_id
     WHERE f.status = 'open' AND f.date >= ? AND f.date < ? ORDER BY f.date, f.type, f.id`,
  );
  const items = (rawAgenda.all(from, '2026-12-22') as unknown[]).length;
  const [rawAgendaMs, agendaMs] = await timePair(() => rawAgenda.all(from, '2026-12-22'), () => router.handle('agenda.range', { from, to }), ctx.runs);
  const [rawTodayMs, todayMs] = await timePair(() => rawAgenda.all(from, '2026-12-22'), () => router.handle('agenda.today', {}), ctx.runs);
  const client = s.db.prepare('SELECT client_id FROM contacts GROUP BY client_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  const rawTimeline = s.db.prepare('SELECT * FROM contacts WHERE client_id = ? ORDER BY at DESC');
  const [rawTimelineMs, timelineMs] = await timePair(() => rawTimeline.all(client), () => router.handle('clients.timeline', { id: client }), ctx.runs);
  const rawPage = s.db.prepare('SELECT * FROM clients ORDER BY revenue_12m_fen DESC, id LIMIT 1000');
  const [rawPageMs, pageMs] = await timePair(() => rawPage.all(), () => router.handle('clients.list', { limit: 1000 }), ctx.runs);
  return [
    row(`30-day agenda, ${items} items (${ctx.clients} clients, ${ctx.contacts} contacts)`, agendaMs, 'raw SQL: open follow-ups in range joined to clients', rawAgendaMs, 2),
    row(`Today page: overdue, 7 days, losing touch, KYC, sync (${ctx.clients} clients)`, todayMs, 'raw SQL: open follow-ups in range joined to clients', rawTodayMs, null),
    row(`client timeline, busiest client (${ctx.contacts} contacts in the book)`, timelineMs, "raw SQL: that client's contacts by time", rawTimelineMs, null),
    row(`client list: first 1000 by revenue, masked (${ctx.clients} clients)`, pageMs, 'raw SQL: the same 1000 rows, every column', rawPageMs, null),
  ];
}

/** The whole mix above, through the same router, on the encrypted store and on a plaintext copy of it. */
export async function benchEncryption(ctx: BenchContext): Promise<Row[]> {
  const plainPath = join(ctx.workspaceDir, '..', `${ctx.workspaceDir.split('/').pop()}-plaintext.db`);
  ensurePlaintextCopy(ctx.session.db, plainPath, ctx.log);
  const plainDb = new Database(plainPath);
  applyPragmas(plainDb);
  const plainCore = new Core({ workspaceDir: ctx.workspaceDir, now: () => BENCH_NOW });
  // A session over the plaintext file, set where the workspace keeps its own: the router cannot tell them apart.
  (plainCore.workspace as unknown as { session: Session }).session = new Session(plainDb, Buffer.alloc(32), ctx.session.managerId, () => BENCH_NOW);
  const plainRouter = createRouter(plainCore);
  const client = ctx.session.db.prepare('SELECT client_id FROM contacts GROUP BY client_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  const mix = async (router: ReturnType<typeof createRouter>) => {
    for (const query of ['张', 'wangf', '5678']) await router.handle('clients.list', { query, limit: 200 });
    await router.handle('clients.list', { limit: 1000 });
    await router.handle('segments.summary', {});
    await router.handle('agenda.range', { from: '2026-11-22', to: '2026-12-21' });
    await router.handle('agenda.today', {});
    await router.handle('clients.timeline', { id: client });
  };
  try {
    const [plain, encrypted] = await samplePair(() => mix(plainRouter), () => mix(ctx.router), Math.max(3, Math.min(ctx.runs, 5)));
    return [row(`whole mix on the encrypted store (${ctx.clients} clients)`, median(encrypted), 'the same mix on a plaintext copy of the same data', median(plain), 1.3)];
  } finally {
    plainDb.close();
  }
}

/** A plaintext SQLite file with the same schema and rows (made once, kept next to the cached book). */
function ensurePlaintextCopy(db: Database.Database, path: string, log: (m: string) => void): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (existsSync(path)) {
    const existing = new Database(path, { readonly: true });
    const same = existing.pragma('user_version', { simple: true }) === version && (existing.prepare('SELECT count(*) FROM clients').pluck().get() as number) === (db.prepare('SELECT count(*) FROM clients').pluck().get() as number);
    existing.close();
    if (same) return;
  }
  const start = performance.now();
  const tmp = `${path}.tmp`;
  rmSync(tmp, { force: true });
  const plain = new Database(tmp);
  plain.pragma('journal_mode = WAL');
  migrate(plain, loadMigrations(DEFAULT_MIGRATIONS_DIR));
  // Rows are copied as they are: the triggers (journal, search terms) go while copying and come back after.
  const triggers = plain.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) plain.exec(`DROP TRIGGER "${t.name}"`);
  plain.close();
  db.exec(`ATTACH DATABASE '${tmp.replace(/'/g, "''")}' AS plaintext KEY ''`);
  // Tables are copied one by one in name order, so references are checked only once all are there.
  db.pragma('foreign_keys = OFF');
  try {
    const tables = db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    db.transaction(() => {
      db.exec('DELETE FROM plaintext.sqlite_sequence');
      for (const t of tables) {
        db.exec(`DELETE FROM plaintext."${t}"`);
        db.exec(`INSERT INTO plaintext."${t}" SELECT * FROM main."${t}"`);
      }
      db.exec('INSERT INTO plaintext.sqlite_sequence SELECT * FROM main.sqlite_sequence');
    })();
  } finally {
    db.exec('DETACH DATABASE plaintext');
    db.pragma('foreign_keys = ON');
  }
  const back = new Database(tmp);
  for (const t of triggers) back.exec(t.sql);
  back.pragma('wal_checkpoint(TRUNCATE)');
  back.close();
  rmSync(path, { force: true });
  renameSync(tmp, path);
  log(`plaintext copy of the book for the encryption overhead made in ${((performance.now() - start) / 1000).toFixed(1)} s`);
}
