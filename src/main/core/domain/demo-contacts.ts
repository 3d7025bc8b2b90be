import type { ContactChannel, ContactDirection, ContactOutcome, ContactPurpose, ContactRecord } from '../../../shared/followups';
import type { ClientInput } from '../../../shared/clients';
import { DemoRandom } from './demo-book-random';
import { isProactive } from './followups/rules';

// A year of contact attempts for a demo book: more for the clients who bring more value,
// mostly calls, about two in three reached, opt-outs and do-not-contact honoured, and
// never three failures in a row at the end (that would need a verify task per client).

/** A contact attempt as logged (`at`: ISO instant in local office hours). */
export type DemoContact = Pick<ContactRecord, 'clientId' | 'at' | 'channel' | 'direction' | 'outcome' | 'purpose' | 'durationMinutes' | 'satisfaction'>;

const CHANNELS: [ContactChannel, number][] = [['phone', 50], ['wechat', 20], ['sms', 9], ['visit', 10], ['branch_meeting', 6], ['video', 3], ['email', 1.5], ['letter', 0.5]];
const PURPOSES: [ContactPurpose, number][] = [['care', 40], ['service', 20], ['greeting', 10], ['product_maturity', 10], ['marketing', 10], ['post_loan', 4], ['kyc_update', 5], ['complaint', 1]];
const FAILURES: [ContactOutcome, number][] = [['no_answer', 55], ['busy', 20], ['left_message', 15], ['declined', 8], ['wrong_number', 2]];
const HISTORY_DAYS = 365;

/**
 * `count` contacts spread over the clients (weighted by 12-month revenue, at least a share
 * for everyone active), dated in the year before `today` (a local date), sorted by time.
 */
export function generateDemoContacts(clients: readonly { id: string; input: ClientInput }[], count: number, seed: number, today: string): DemoContact[] {
  const r = new DemoRandom(seed ^ 0x5eed);
  const eligible = clients.filter((c) => c.input.status !== 'lost' && c.input.status !== 'prospect');
  if (eligible.length === 0 || count <= 0) return [];
  // Weight: a floor for every client plus the square root of revenue (A clients are seen often, C clients rarely).
  const weights = eligible.map((c) => 1 + Math.sqrt(Math.max(0, c.input.revenue12mFen ?? 0) / 100_000));
  const total = weights.reduce((a, b) => a + b, 0);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const end = new Date(y, m - 1, d, 18, 0).getTime();
  const out: DemoContact[] = [];
  let left = count;
  for (const [i, c] of eligible.entries()) {
    const n = i === eligible.length - 1 ? left : Math.min(left, Math.round((count * weights[i]!) / total + r.float() - 0.5));
    left -= n;
    const times = Array.from({ length: n }, () => officeHours(r, end - r.int(1, HISTORY_DAYS) * 86_400_000)).sort((a, b) => a - b);
    let trailingFails = 0;
    for (const [k, t] of times.entries()) {
      const contact = one(r, c, t);
      // The last attempts of a history may fail at most twice in a row.
      if (k >= times.length - 3 && contact.outcome !== 'reached' && contact.outcome !== 'meeting_held' && contact.outcome !== 'declined' && trailingFails >= 1) contact.outcome = 'reached';
      trailingFails = ['reached', 'meeting_held', 'declined'].includes(contact.outcome) ? 0 : trailingFails + 1;
      out.push(contact);
    }
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

function one(r: DemoRandom, c: { id: string; input: ClientInput }, t: number): DemoContact {
  const channel = weighted(r, CHANNELS);
  let purpose = weighted(r, PURPOSES);
  if (purpose === 'marketing' && c.input.optOutMarketing) purpose = 'care';
  let direction: ContactDirection = r.chance(0.15) ? 'inbound' : 'outbound';
  if (c.input.doNotContact && isProactive(direction, purpose)) direction = 'inbound';
  const meeting = channel === 'visit' || channel === 'branch_meeting' || channel === 'video';
  const reached = direction === 'inbound' || meeting || r.chance(0.66);
  const outcome: ContactOutcome = reached ? (meeting ? 'meeting_held' : 'reached') : weighted(r, FAILURES);
  const talked = outcome === 'reached' || outcome === 'meeting_held';
  return {
    clientId: c.id,
    at: new Date(t).toISOString(),
    channel,
    direction,
    outcome,
    purpose,
    durationMinutes: talked ? (meeting ? r.int(20, 90) : r.int(1, 15)) : null,
    satisfaction: talked && r.chance(0.3) ? r.int(3, 5) : null,
  };
}

/** A time between 09:00 and 17:30 on the day of `t` (local). */
function officeHours(r: DemoRandom, t: number): number {
  const day = new Date(t);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9, 0).getTime() + r.int(0, 510) * 60_000;
}

function weighted<T>(r: DemoRandom, table: readonly [T, number][]): T {
  const sum = table.reduce((a, [, w]) => a + w, 0);
  let x = r.float() * sum;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}
