import { createHash } from 'node:crypto';

// The audit chain: hash = SHA-256(prev_hash + canonical JSON of the entry).
export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string | null;
  details: unknown;
}

export interface StoredChainEntry extends ChainEntry {
  prevHash: string;
  hash: string;
}

export type ChainCheck =
  | { intact: true; entries: number; headHash: string }
  | { intact: false; entries: number; firstBadSeq: number; problem: 'SEQ_GAP' | 'PREV_HASH' | 'HASH' | 'ANCHOR' };

/** JSON with object keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function entryHash(prevHash: string, entry: ChainEntry): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? null,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Walks entries in the order given (by seq) and reports the first one that does
 * not follow from its predecessor. `anchor`, when given, is a (seq, hash) seen
 * earlier outside the database: the chain must still contain it unchanged, which
 * catches deletion of the newest rows.
 */
export function verifyChain(
  entries: Iterable<StoredChainEntry>,
  anchor?: { seq: number; hash: string } | null,
): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let anchorSeen = !anchor || anchor.seq === 0;
  for (const e of entries) {
    count++;
    if (e.seq !== expectedSeq) return { intact: false, entries: count, firstBadSeq: Math.min(e.seq, expectedSeq), problem: 'SEQ_GAP' };
    if (e.prevHash !== prev) return { intact: false, entries: count, firstBadSeq: e.seq, problem: 'PREV_HASH' };
    if (entryHash(prev, e) !== e.hash) return { intact: false, entries: count, firstBadSeq: e.seq, problem: 'HASH' };
    if (anchor && e.seq === anchor.seq) {
      if (e.hash !== anchor.hash) return { intact: false, entries: count, firstBadSeq: e.seq, problem: 'ANCHOR' };
      anchorSeen = true;
    }
    prev = e.hash;
    expectedSeq++;
  }
  if (!anchorSeen && anchor) return { intact: false, entries: count, firstBadSeq: expectedSeq, problem: 'ANCHOR' };
  return { intact: true, entries: count, headHash: prev };
}
