import { CONTACT_PURPOSES, type ContactChannel, type ContactPurpose, type FollowupRecord, type FollowupType } from '../../../../shared/followups';
import type { QuickLogTarget } from '../contacts/quick-log-store';

// Colours, dates and quick-log presets of follow-ups, shared by the calendar and the visit brief.

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

const CHANNEL_OF: Partial<Record<FollowupType, ContactChannel>> = { call: 'phone', visit: 'visit', meeting: 'branch_meeting' };
const PURPOSE_OF: Partial<Record<FollowupType, ContactPurpose>> = {
  maturity: 'product_maturity',
  post_loan: 'post_loan',
  complaint: 'complaint',
  id_expiry: 'kyc_update',
  risk_rating: 'kyc_update',
  verify_contact: 'kyc_update',
};

export function isContactPurpose(p: string | null | undefined): p is ContactPurpose {
  return !!p && (CONTACT_PURPOSES as readonly string[]).includes(p);
}

/** The purpose a contact carrying out this follow-up most likely had. */
export function contactPurposeOf(f: Pick<FollowupRecord, 'type' | 'purpose'>): ContactPurpose {
  if (isContactPurpose(f.purpose)) return f.purpose;
  return PURPOSE_OF[f.type] ?? 'care';
}

/** The quick-log form preset for carrying out this follow-up. */
export function quickLogTarget(f: Pick<FollowupRecord, 'id' | 'type' | 'purpose' | 'clientId' | 'clientName' | 'attendees'>, channel?: ContactChannel): QuickLogTarget {
  return {
    clientId: f.clientId,
    clientName: f.clientName,
    followupId: f.id,
    channel: channel ?? CHANNEL_OF[f.type],
    purpose: contactPurposeOf(f),
    attendees: f.attendees,
  };
}
