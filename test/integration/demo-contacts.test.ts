import { describe, expect, it } from 'vitest';
import { refreshContactState } from '../../src/main/core/services/contacts';
import { workspaceForFile } from '../helpers/core';

// The bulk contact-state rebuild after a demo load agrees with the per-contact rule.

const workspace = workspaceForFile();

describe('demo book with contacts', () => {
  it('loads a year of contacts and a contact state that matches a per-client recompute', async () => {
    expect(await workspace().call('demo.load', { clients: 400, seed: 11, contacts: 2500 })).toEqual({ created: 400, contacts: 2500 });
    const s = workspace().core.workspace.requireSession();
    const state = () => s.db.prepare('SELECT client_id, last_reached_at, last_reached_id, last_attempt_at, consecutive_failures, suspect FROM contact_state ORDER BY client_id').all();
    const bulk = state();
    expect(bulk.length).toBeGreaterThan(250);
    s.db.transaction(() => {
      for (const id of s.db.prepare('SELECT DISTINCT client_id FROM contacts').pluck().all() as string[]) refreshContactState(s, id, null);
    })();
    expect(state()).toEqual(bulk);
  });

  it('the agenda then reflects the history: the Today page has overdue and upcoming keep-in-touch items', async () => {
    const today = await workspace().call('agenda.today', {});
    expect(today.counts.overdue + today.counts.next7 + today.counts.dueToday).toBeGreaterThan(0);
    const segments = await workspace().call('segments.summary', {});
    // With contacts on file, 流失风险 (at risk) is no longer always empty.
    expect(segments.states.at_risk).toBeGreaterThan(0);
  });
});
