// Client state (seeds 000/001/002): where the relationship stands, so the RM sees who is new,
// who is slipping away ("2/3 leave for lack of care") and who has gone quiet (冰点).
import { addMonths, daysBetween } from './calendar';
import type { ClientState, SegmentInput } from './types';

/** A relationship younger than this many days is new. */
export const NEW_CLIENT_DAYS = 90;
/** No transaction for this many calendar months is dormant (seed 002). */
export const DORMANT_MONTHS = 6;

/**
 * First rule that applies, in this order:
 * - lost: status lost;
 * - new: a prospect (not yet a client), or a relationship started < 90 days before today;
 * - dormant: HQ's dormant flag, status dormant, or the last transaction more than 6 calendar
 *   months before today (exactly 6 months is not yet dormant);
 * - at_risk: AUM ≥ 20% below its level 12 months ago, or the last reached contact more than
 *   2 × the cadence ago (only once contact logs exist);
 * - active otherwise.
 * HQ's dormant flag outranks "new": a 30-day-old account HQ has flagged is shown as dormant.
 */
export function clientState(c: SegmentInput, today: string): ClientState {
  const state = stateBeforeContact(c, today);
  return state === 'active' && c.lastReachedContact ? afterContact(state, daysBetween(c.lastReachedContact, today), c.cadenceDays) : state;
}

/**
 * Every rule but the contact one, which needs the cadence of the client's tier: a whole book is
 * stated in two steps, this while it is read and `afterContact` once it is tiered.
 */
export function stateBeforeContact(c: SegmentInput, today: string): ClientState {
  if (c.status === 'lost') return 'lost';
  if (c.status === 'prospect') return 'new';
  if (isDormant(c, today)) return 'dormant';
  if (c.relationshipStart && daysBetween(c.relationshipStart, today) < NEW_CLIENT_DAYS) return 'new';
  if (aumFellAFifth(c)) return 'at_risk';
  return 'active';
}

/** The contact rule, last: an active client last reached more than 2 × the cadence ago is at risk. */
export function afterContact(state: ClientState, reachedDaysAgo: number, cadenceDays: number | null | undefined): ClientState {
  if (state !== 'active' || cadenceDays == null || cadenceDays <= 0) return state;
  return reachedDaysAgo > 2 * cadenceDays ? 'at_risk' : state;
}

function isDormant(c: SegmentInput, today: string): boolean {
  if (c.dormantFlag || c.status === 'dormant') return true;
  return !!c.lastTransaction && c.lastTransaction < addMonths(today, -DORMANT_MONTHS);
}

// Integer test of aum ≤ 0.8 × before: no float rounding at exactly −20%.
function aumFellAFifth(c: SegmentInput): boolean {
  const before = c.aumFen12mAgo;
  return before != null && before > 0 && c.aumFen * 5 <= before * 4;
}
