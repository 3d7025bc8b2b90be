import type { Database } from 'better-sqlite3';

// Two books that went through the same operation by different paths (an import by batches or row by
// row, read in the core's thread or ahead of it) compared as their contents: keyed by client number,
// without the ids and times that differ between two books.

export function bookContents(db: Database) {
  const clients = db
    .prepare('SELECT * FROM clients ORDER BY client_no')
    .all()
    .map((r) => {
      const { id: _i, created_at: _c, updated_at: _u, ...rest } = r as Record<string, unknown>;
      return rest;
    });
  const followups = db
    .prepare(
      `SELECT c.client_no, f.type, f.title, f.title_params, f.due, f.date, f.status, f.generated, replace(f.source_key, c.id, c.client_no) AS source, f.pinned, f.attendees, f.rev
       FROM followups f JOIN clients c ON c.id = f.client_id ORDER BY c.client_no, source`,
    )
    .all();
  const terms = db.prepare('SELECT t.term, c.client_no FROM client_search_terms t JOIN clients c ON c.rowid = t.client_rowid ORDER BY 1, 2').all();
  const journal = db.prepare("SELECT entity, count(*) AS n FROM sync_journal WHERE entity IN ('client', 'followup') GROUP BY entity ORDER BY entity").all();
  return { clients, followups, terms, journal };
}

export function segmentContents(db: Database) {
  return db
    .prepare('SELECT c.client_no, g.metric, g.value_fen, g.rank, g.tier, g.quadrant, g.band, g.state FROM client_segments g JOIN clients c ON c.id = g.client_id ORDER BY c.client_no')
    .all();
}
