import { CONTACT_PURPOSES, type ContactChannel, type ContactPurpose, type FollowupType } from '../../../../shared/followups';
import type { QuickLogTarget } from './quick-log-store';

// The quick-log preset for carrying out a follow-up, wherever it is opened from (Today, calendar).

const CHANNEL_OF: Partial<Record<FollowupType, ContactChannel>> = { call: 'phone', visit: 'visit', meeting: 'branch_meeting' };
const PURPOSE_OF: Record<FollowupType, ContactPurpose> = {
  cadence: 'care',
  call: 'service',
  visit: 'care',
  meeting: 'service',
  maturity: 'product_maturity',
  post_loan: 'post_loan',
  complaint: 'complaint',
  id_expiry: 'kyc_update',
  risk_rating: 'kyc_update',
  verify_contact: 'kyc_update',
};
// KYC deadlines are met by updating the record, not by a call: a contact does not close them.
const KYC_TYPES: readonly FollowupType[] = ['id_expiry', 'risk_rating'];

export function isContactPurpose(p: string | null | undefined): p is ContactPurpose {
  return !!p && (CONTACT_PURPOSES as readonly string[]).includes(p);
}

export interface FollowupLike {
  id: string;
  type: FollowupType;
  clientId: string;
  clientName: string;
  purpose?: string | null;
  attendees?: string[];
}

/** The purpose a contact carrying out this follow-up most likely had. */
export function contactPurposeOf(f: Pick<FollowupLike, 'type' | 'purpose'>): ContactPurpose {
  return isContactPurpose(f.purpose) ? f.purpose : PURPOSE_OF[f.type];
}

export function quickLogTarget(f: FollowupLike, channel?: ContactChannel): QuickLogTarget {
  return {
    clientId: f.clientId,
    clientName: f.clientName,
    followupId: KYC_TYPES.includes(f.type) ? undefined : f.id,
    channel: channel ?? CHANNEL_OF[f.type],
    purpose: contactPurposeOf(f),
    attendees: f.attendees,
  };
}
