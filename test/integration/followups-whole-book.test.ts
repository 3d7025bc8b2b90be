import { describe, expect, it } from 'vitest';
import { desiredItems } from '../../src/main/core/domain/followups/generate';
import { localDate } from '../../src/main/core/domain/local-date';
import { contactSettings } from '../../src/main/core/services/contact-cap';
import { generatorOutdated, regenerateFor } from '../../src/main/core/services/followup-generator';
import { freshWorkspaceEach } from '../helpers/workspace-each';

// The whole-book pass of the follow-up generator works chunk by chunk (500 clients at a time):
// over a book of several chunks it must write exactly what the rules call for, client by client.

const CLIENTS = 1_234; // two full chunks and a remainder

const h = freshWorkspaceEach();

type ClientRow = { id: string; status: 'active'; do_not_contact: number; id_expiry: string | null; id_long_term: number; relationship_start: string | null; risk_rated_at: string | null; created_at: string };

describe('whole-book follow-up pass', () => {
  it('generates for every client of a book several chunks long, and a second pass changes nothing', async () => {
    await h().call('demo.load', { clients: CLIENTS, seed: 7, contacts: 0 });
    const s = h().core.workspace.requireSession();
    const db = s.db;
    db.exec('DELETE FROM followups');
    const counts = db.transaction(() => regenerateFor(s, null))();

    const today = localDate(s.now());
    const clients = db.prepare('SELECT id, status, do_not_contact, id_expiry, id_long_term, relationship_start, risk_rated_at, created_at FROM clients ORDER BY id').all() as ClientRow[];
    const expected = clients
      .flatMap((c) =>
        desiredItems(
          { id: c.id, status: c.status, doNotContact: c.do_not_contact === 1, idExpiry: c.id_expiry, idLongTerm: c.id_long_term === 1, relationshipStart: c.relationship_start, riskRatedAt: c.risk_rated_at, createdOn: localDate(new Date(c.created_at)), tier: null, lastReachedOn: null, lastReachedId: null },
          today,
          contactSettings(s).cadence,
        ).map((d) => `${d.sourceKey} ${d.due}`),
      )
      .sort();
    const written = (db.prepare("SELECT source_key || ' ' || due FROM followups ORDER BY 1").pluck().all() as string[]).sort();
    expect(clients).toHaveLength(CLIENTS);
    expect(new Set(written.map((w) => w.split(':')[1])).size).toBeGreaterThan(1_000); // clients past the first chunks too
    expect(written).toEqual(expected);
    expect(counts).toEqual({ created: expected.length, moved: 0, superseded: 0 });
    expect(db.transaction(() => regenerateFor(s, null))()).toEqual({ created: 0, moved: 0, superseded: 0 });
  });

  it('owes no whole-book pass in a new workspace; one made before the rules\' version was kept gets it once, at its first agenda', async () => {
    const s = h().core.workspace.requireSession();
    expect(generatorOutdated(s)).toBe(false);
    s.db.prepare("DELETE FROM settings WHERE key = 'followups.generatorVersion'").run();
    expect(generatorOutdated(s)).toBe(true);
    await h().call('agenda.today', {});
    expect(generatorOutdated(s)).toBe(false);
  });
});
