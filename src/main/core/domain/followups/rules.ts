import type { CadenceSettings, ContactDirection, ContactOutcome, ContactPurpose } from '../../../../shared/followups';

// The contact rules of domain.md §2 and §4 as pure functions: which contacts count
// toward the cap, which are refused outright, what resets the cadence clock.

export const DEFAULT_CONTACT_CAP = 2;
export const DEFAULT_CADENCE: CadenceSettings = { A: 14, B: 30, C: 90, default: 30 };
export const CAP_WINDOW_DAYS = 7;
export const SUSPECT_AFTER_FAILURES = 3;
/** ID expiry: tell the client this many days before (001). */
export const ID_EXPIRY_NOTICE_DAYS = 60;
/** First risk rating within this many days of the relationship start (001, 004). */
export const FIRST_RATING_DAYS = 60;
/** A client must report a discrepancy within 15 days and gets an answer (002): the reply window. */
export const COMPLAINT_REPLY_DAYS = 15;
/** Re-rate within this many days of a re-identification trigger (a bank policy choice; settable later). */
export const RERATING_DAYS = 30;

/** A contact the manager starts counts toward the cap; answering the client (inbound, complaint replies) does not. */
export function isProactive(direction: ContactDirection, purpose: ContactPurpose): boolean {
  return direction === 'outbound' && purpose !== 'complaint';
}

/** Contacts refused whatever the cap: do-not-contact blocks every proactive contact, an opt-out blocks marketing. */
export function contactBlock(
  client: { doNotContact: boolean; optOutMarketing: boolean },
  direction: ContactDirection,
  purpose: ContactPurpose,
): 'do_not_contact' | 'opted_out_marketing' | null {
  if (client.optOutMarketing && purpose === 'marketing') return 'opted_out_marketing';
  if (client.doNotContact && isProactive(direction, purpose)) return 'do_not_contact';
  return null;
}

/** The client was reached: this resets the cadence clock and the failure count. */
export function isReached(outcome: ContactOutcome): boolean {
  return outcome === 'reached' || outcome === 'meeting_held';
}

/** Nobody answered the details on file; three in a row make them suspect. A refusal proves the number works. */
export function isFailedAttempt(outcome: ContactOutcome): boolean {
  return outcome === 'no_answer' || outcome === 'busy' || outcome === 'wrong_number' || outcome === 'left_message';
}

/**
 * Failed attempts at the end of a history (oldest first), counted back to the last success or
 * refusal. A one-way message that went out (`sent`) proves nothing either way and is passed over.
 */
export function trailingFailures(outcomes: readonly ContactOutcome[]): number {
  let n = 0;
  for (let i = outcomes.length - 1; i >= 0; i--) {
    if (outcomes[i] === 'sent') continue;
    if (!isFailedAttempt(outcomes[i]!)) break;
    n++;
  }
  return n;
}

/** Days between contacts for a client of this tier; no segment yet → the default. */
export function cadenceInterval(tier: string | null | undefined, settings: CadenceSettings = DEFAULT_CADENCE): number {
  if (tier === 'A' || tier === 'B' || tier === 'C') return settings[tier];
  return settings.default;
}

/** Losing touch: more than twice the interval since the client was last reached. */
export function isLosingTouch(daysSinceReached: number, intervalDays: number): boolean {
  return daysSinceReached > 2 * intervalDays;
}
