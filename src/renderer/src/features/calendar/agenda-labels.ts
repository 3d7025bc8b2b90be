import type { FollowupType } from '../../../../shared/followups';

// Colours and dates of follow-ups, shared by the calendar and the visit brief (quick-log presets live in contacts/).

/** One colour per type; every one carries white text at WCAG AA (≥ 4.5:1) and stays AA on the holiday tint. */
export const TYPE_COLORS: Record<FollowupType, string> = {
  cadence: '#4b6584',
  call: '#1f5fbf',
  visit: '#2b7a2f',
  meeting: '#00737a',
  maturity: '#8c6a00',
  post_loan: '#6b3fa0',
  complaint: '#c41d1f',
  id_expiry: '#b34a00',
  risk_rating: '#a8216f',
  verify_contact: '#7a4b2a',
};

/** A local Date → YYYY-MM-DD (FullCalendar hands out local dates for all-day cells). */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDaysKey(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return dayKey(new Date(y, m - 1, d + days));
}

export { contactPurposeOf, isContactPurpose, quickLogTarget } from '../contacts/quick-log-target';
