import type { Statement } from 'better-sqlite3';
import { desiredItems, familyOf, GENERATED_FAMILIES, type GeneratorClient } from '../domain/followups/generate';
import { uuidv7 } from '../domain/ids';
import { batchInsert } from '../import/batch-insert';
import { localDate } from '../domain/local-date';
import { appendAudit } from './audit';
import { contactSettings } from './contact-cap';
import { readSetting, writeSetting } from './settings';
import { shownDate } from './followups';
import type { Session } from './session';

// Brings the generated follow-ups (cadence, ID expiry, first risk rating) in line with
// the book. Idempotent: an item whose source key exists is left alone — done, snoozed
// or moved by the manager stays so; an open item whose source changed is superseded.

export interface RegenerateCounts {
  created: number;
  moved: number;
  superseded: number;
}

type ClientTuple = [string, GeneratorClient['status'], number, string | null, number, string | null, string | null, string, string | null, string | null, string | null];
type ExistingTuple = [string, string, string, string, string, number];

const CLIENT_SQL = `SELECT c.id, c.status, c.do_not_contact, c.id_expiry, c.id_long_term, c.relationship_start, c.risk_rated_at, c.created_at,
  seg.tier, cs.last_reached_at, cs.last_reached_id
  FROM clients c LEFT JOIN client_segments seg ON seg.client_id = c.id LEFT JOIN contact_state cs ON cs.client_id = c.id`;
const EXISTING_SQL = `SELECT id, client_id, source_key, status, due, pinned FROM followups
  WHERE generated = 1 AND type IN ('cadence', 'id_expiry', 'risk_rating')`;
/** The index EXISTING_SQL reads through: a bulk load that defers the others keeps it. */
export const GENERATOR_INDEXES = ['followups_client'];

const CHUNK = 500;
const INSERT_COLUMNS = ['id', 'client_id', 'type', 'title', 'title_params', 'due', 'date', 'status', 'generated', 'source_key', 'pinned', 'attendees', 'created_at', 'updated_at', 'rev'];

// Prepared once per session: a large regeneration runs these for chunk after chunk, and preparing
// a write against the journal triggers costs more than running it.
const statements = new WeakMap<Session, Map<string, Statement>>();

function statement(s: Session, sql: string): Statement {
  const cache = statements.get(s) ?? statements.set(s, new Map()).get(s)!;
  let st = cache.get(sql);
  if (!st) {
    st = s.db.prepare(sql);
    cache.set(sql, st);
  }
  return st;
}

/** Regenerates for the given clients (inside the caller's transaction), or for the whole book when `ids` is null. */
export function regenerateFor(s: Session, ids: readonly string[] | null): RegenerateCounts {
  // The whole book goes chunk by chunk too: in one piece, every client's row and every generated
  // follow-up of a 100,000-client book are held at once (~300 MB of heap on the first agenda after
  // an import). Every follow-up belongs to a client of the table (foreign key, cascade).
  const clientIds = ids ?? (s.db.prepare('SELECT id FROM clients').pluck().all() as string[]);
  const total: RegenerateCounts = { created: 0, moved: 0, superseded: 0 };
  for (let i = 0; i < clientIds.length; i += CHUNK) {
    const c = regenerateChunk(s, clientIds.slice(i, i + CHUNK));
    total.created += c.created;
    total.moved += c.moved;
    total.superseded += c.superseded;
  }
  return total;
}

function regenerateChunk(s: Session, ids: readonly string[]): RegenerateCounts {
  if (ids.length === 0) return { created: 0, moved: 0, superseded: 0 };
  const today = localDate(s.now());
  const cadence = contactSettings(s).cadence;
  const list = `(${ids.map(() => '?').join(',')})`;
  const clientRows = statement(s, `${CLIENT_SQL} WHERE c.id IN ${list}`).raw().all(...ids) as ClientTuple[];
  const existingRows = statement(s, `${EXISTING_SQL} AND client_id IN ${list}`).raw().all(...ids) as ExistingTuple[];
  const existing = new Map<string, ExistingTuple>();
  for (const e of existingRows) if ((GENERATED_FAMILIES as readonly string[]).includes(familyOf(e[2]))) existing.set(e[2], e);

  const now = s.now().toISOString();
  const nowMs = s.now().getTime();
  const insert = batchInsert(s.db, 'followups', INSERT_COLUMNS, (sql) => statement(s, sql));
  const move = statement(s, `UPDATE followups SET due = ?, date = ?, title_params = ?, updated_at = ?, rev = rev + 1 WHERE id = ?`);
  const supersede = statement(s, `UPDATE followups SET status = 'cancelled', close_reason = 'superseded', done_at = ?, updated_at = ?, rev = rev + 1 WHERE id = ?`);
  const counts: RegenerateCounts = { created: 0, moved: 0, superseded: 0 };
  const seen = new Set<string>();
  // Due dates repeat across a chunk's clients: each (type, due) is moved off holidays once.
  const shown = new Map<string, string>();
  const shownOn = (type: string, due: string): string => {
    const key = `${type}:${due}`;
    let date = shown.get(key);
    if (date === undefined) shown.set(key, (date = shownDate(type, due)));
    return date;
  };

  for (const t of clientRows) {
    for (const d of desiredItems(toClient(t), today, cadence)) {
      seen.add(d.sourceKey);
      const ex = existing.get(d.sourceKey);
      if (!ex) {
        insert.add([uuidv7(nowMs), t[0], d.type, d.title, JSON.stringify(d.titleParams), d.due, shownOn(d.type, d.due), 'open', 1, d.sourceKey, 0, '[]', now, now, 1]);
        counts.created++;
      } else if (ex[3] === 'open' && ex[5] === 0 && ex[4] !== d.due) {
        // The cadence interval changed with the client's tier; a date the manager chose is kept.
        move.run(d.due, shownOn(d.type, d.due), JSON.stringify(d.titleParams), now, ex[0]);
        counts.moved++;
      }
    }
  }
  insert.flush();
  for (const [key, ex] of existing) {
    if (ex[3] === 'open' && !seen.has(key)) {
      supersede.run(now, now, ex[0]);
      counts.superseded++;
    }
  }
  return counts;
}

/** Bumped when the generation rules change: the next agenda regenerates the whole book once. */
export const GENERATOR_VERSION = 1;

/** Whole-book regeneration as its own audited action (only when something changed). */
export function regenerateBook(s: Session): RegenerateCounts {
  return s.db.transaction(() => {
    const counts = regenerateFor(s, null);
    markGeneratorCurrent(s);
    if (counts.created + counts.moved + counts.superseded > 0) appendAudit(s, { actor: s.actor, action: 'followups.regenerate', details: { ...counts } });
    return counts;
  })();
}

/** A new workspace's (empty) book is generated by the current rules: no whole-book pass is owed. */
export function markGeneratorCurrent(s: Session): void {
  writeSetting(s, 'followups.generatorVersion', GENERATOR_VERSION);
}

export function generatorOutdated(s: Session): boolean {
  return readSetting(s, 'followups.generatorVersion', 0) < GENERATOR_VERSION;
}

/**
 * What a new day changes: IDs that expired since (their 60-day notice gives way to
 * "expired — update before the next transaction"). Nothing else generated depends on the date.
 */
export function regenerateForNewDay(s: Session, today: string): RegenerateCounts {
  const ids = s.db
    .prepare(
      `SELECT id FROM clients WHERE id_expiry IS NOT NULL AND id_expiry <= ? AND id_long_term = 0 AND status <> 'lost'
       AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.source_key = 'id_expiry:' || clients.id || ':' || clients.id_expiry || ':expired')`,
    )
    .pluck()
    .all(today) as string[];
  return s.db.transaction(() => {
    const counts = regenerateFor(s, ids);
    if (counts.created + counts.superseded > 0) appendAudit(s, { actor: s.actor, action: 'followups.regenerate', details: { ...counts, reason: 'new_day' } });
    return counts;
  })();
}

function toClient(t: ClientTuple): GeneratorClient {
  const [id, status, dnc, idExpiry, idLongTerm, relationshipStart, riskRatedAt, createdAt, tier, lastReachedAt, lastReachedId] = t;
  return {
    id,
    status,
    doNotContact: dnc === 1,
    idExpiry,
    idLongTerm: idLongTerm === 1,
    relationshipStart,
    riskRatedAt,
    createdOn: localDate(new Date(createdAt)),
    tier,
    lastReachedOn: lastReachedAt ? localDate(new Date(lastReachedAt)) : null,
    lastReachedId,
  };
}
