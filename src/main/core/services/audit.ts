import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { AuditEntry, AuditPage, AuditVerify, ParsedInputOf } from '../../../shared/contract';
import { entryHash, GENESIS_HASH, verifyChain, type StoredChainEntry } from '../domain/audit-chain';
import { auditLog } from '../store/schema';
import type { Session } from './session';

export interface AuditInput {
  actor: string;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Appends one entry to the hash chain. Call it inside the transaction of the
 * action it records (see `inTransaction`), so both land or neither does.
 */
export function appendAudit(s: Session, entry: AuditInput): { seq: number; hash: string } {
  const head = s.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const seq = (head?.seq ?? 0) + 1;
  const at = s.now().toISOString();
  const details = entry.details ?? null;
  const hash = entryHash(prevHash, { seq, at, actor: entry.actor, action: entry.action, subject: entry.subject ?? null, details });
  s.orm
    .insert(auditLog)
    .values({ seq, at, actor: entry.actor, action: entry.action, subject: entry.subject ?? null, details: details ? JSON.stringify(details) : null, prevHash, hash })
    .run();
  return { seq, hash };
}

export function auditHead(s: Session): { seq: number; hash: string } | null {
  const head = s.db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    | { seq: number; hash: string }
    | undefined;
  return head ?? null;
}

/** Local calendar date → the UTC instant of its local midnight. */
function localMidnightIso(date: string, addDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

export function listAudit(s: Session, q: ParsedInputOf<'audit.list'>): AuditPage {
  const conds = [
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.from ? gte(auditLog.at, localMidnightIso(q.from)) : undefined,
    q.to ? lt(auditLog.at, localMidnightIso(q.to, 1)) : undefined,
  ].filter((c) => c !== undefined);
  const where = conds.length ? and(...conds) : undefined;
  const total = s.orm.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = s.orm.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).limit(q.limit).offset(q.offset).all();
  const actions = s.orm
    .select({ action: auditLog.action })
    .from(auditLog)
    .groupBy(auditLog.action)
    .orderBy(sql`${auditLog.action}`)
    .all()
    .map((r) => r.action);
  return { total, entries: rows.map(toEntry), actions };
}

export function verifyAudit(s: Session, anchor: { seq: number; hash: string } | null): AuditVerify {
  const rows = s.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<RawRow>;
  function* entries(): Generator<StoredChainEntry> {
    for (const r of rows) yield toEntry({ ...r, prevHash: r.prev_hash });
  }
  return verifyChain(entries(), anchor);
}

/** An audit_log row as stored. */
export interface RawRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: string | null;
  prev_hash: string;
  hash: string;
}

function toEntry(r: Omit<RawRow, 'prev_hash'> & { prevHash: string }): AuditEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: parseDetails(r.details),
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/**
 * The app only writes JSON objects here; text edited outside the app may not parse. Kept as
 * `{ unparsed }` then: the entry no longer hashes as written (verify names its seq) and the log still lists.
 */
function parseDetails(raw: string | null): Record<string, unknown> | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { unparsed: raw };
  }
}

/**
 * The anchor to keep in workspace.json (outside the database) after unlock or lock: the current
 * head, but only while the chain still holds the previous anchor unchanged. Otherwise the old one
 * stays, so a truncated or rewritten tail is still reported after later sessions.
 */
export function nextAuditAnchor(s: Session, previous: { seq: number; hash: string } | null): { seq: number; hash: string } | null {
  if (previous && previous.seq > 0 && auditSeqOfHash(s, previous.hash) !== previous.seq) return previous;
  return auditHead(s) ?? previous;
}

/** The entries after `afterSeq` up to `throughSeq`, as the chain hashed them (an export's audit segment). */
export function auditSegment(s: Session, afterSeq: number, throughSeq: number): StoredChainEntry[] {
  const rows = s.db.prepare('SELECT * FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq').all(afterSeq, throughSeq) as RawRow[];
  return rows.map((r) => toEntry({ ...r, prevHash: r.prev_hash }));
}

/** The seq of the entry with this hash (GENESIS_HASH is seq 0), or null when the chain never had it. */
export function auditSeqOfHash(s: Session, hash: string): number | null {
  if (hash === GENESIS_HASH) return 0;
  const seq = s.db.prepare('SELECT seq FROM audit_log WHERE hash = ?').pluck().get(hash) as number | undefined;
  return seq ?? null;
}
