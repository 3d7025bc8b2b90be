import type { Session } from './session';

// The per-client contact state for the whole book in one statement, after a bulk load
// (demo book, benchmark): last reached contact, last attempt, failures since the last
// success or refusal. Per-contact updates go through contacts.ts `refreshContactState`.

const REACHED = `('reached', 'meeting_held')`;
const FAILED = `('no_answer', 'busy', 'wrong_number', 'left_message')`;

export function rebuildContactState(s: Session): void {
  s.db.exec(`
    WITH last_reached AS (
      SELECT client_id, at, id, row_number() OVER (PARTITION BY client_id ORDER BY at DESC, rowid DESC) AS n
      FROM contacts WHERE outcome IN ${REACHED}
    ),
    last_ok AS (
      SELECT client_id, max(at) AS at FROM contacts WHERE outcome NOT IN ${FAILED} AND outcome <> 'sent' GROUP BY client_id
    ),
    summary AS (
      SELECT c.client_id, max(c.at) AS last_attempt,
             sum(CASE WHEN c.outcome IN ${FAILED} AND c.at > coalesce(o.at, '') THEN 1 ELSE 0 END) AS failures
      FROM contacts c LEFT JOIN last_ok o ON o.client_id = c.client_id GROUP BY c.client_id
    )
    INSERT OR REPLACE INTO contact_state (client_id, last_reached_at, last_reached_id, last_attempt_at, consecutive_failures, suspect)
    SELECT s.client_id, r.at, r.id, s.last_attempt, s.failures, s.failures >= 3
    FROM summary s LEFT JOIN last_reached r ON r.client_id = s.client_id AND r.n = 1;
  `);
}
