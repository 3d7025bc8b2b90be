import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshContactState } from '../../src/main/core/services/contacts';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// The bulk contact-state rebuild after a demo load agrees with the per-contact rule.

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
beforeAll(async () => {
  tmp = tempDir();
  h = makeCore(tmp.dir);
  await createWorkspace(h);
});
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

describe('demo book with contacts', () => {
  it('loads a year of contacts and a contact state that matches a per-client recompute', async () => {
    expect(await h.call('demo.load', { clients: 400, seed: 11, contacts: 2500 })).toEqual({ created: 400, contacts: 2500 });
    const s = h.core.workspace.requireSession();
    const state = () => s.db.prepare('SELECT client_id, last_reached_at, last_reached_id, last_attempt_at, consecutive_failures, suspect FROM contact_state ORDER BY client_id').all();
    const bulk = state();
    expect(bulk.length).toBeGreaterThan(250);
    s.db.transaction(() => {
      for (const id of s.db.prepare('SELECT DISTINCT client_id FROM contacts').pluck().all() as string[]) refreshContactState(s, id, null);
    })();
    expect(state()).toEqual(bulk);
  });

  it('the agenda then reflects the history: the Today page has overdue and upcoming keep-in-touch items', async () => {
    const today = await h.call('agenda.today', {});
    expect(today.counts.overdue + today.counts.next7 + today.counts.dueToday).toBeGreaterThan(0);
    const segments = await h.call('segments.summary', {});
    // With contacts on file, 流失风险 (at risk) is no longer always empty.
    expect(segments.states.at_risk).toBeGreaterThan(0);
  });
});
