import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { ContactCapCheck } from '../../../../shared/contract';
import {
  CONTACT_CHANNELS,
  CONTACT_PURPOSES,
  type ContactChannel,
  type ContactDirection,
  type ContactInput,
  type ContactOutcome,
  type ContactPurpose,
  type ManualFollowupType,
} from '../../../../shared/followups';
import { errorText, invoke } from '../../api';
import type { QuickLogTarget } from './quick-log-store';

/** What the quick-log form holds. */
export interface QuickLogValues {
  clientId?: string;
  channel: ContactChannel;
  outcome: ContactOutcome;
  purpose: ContactPurpose;
  direction: ContactDirection;
  notes?: string;
  durationMinutes?: number | null;
  satisfaction?: number;
  next?: boolean;
  nextType?: ManualFollowupType;
  nextDue?: Dayjs | null;
  nextTitle?: string;
}

/** The usual case first: an outbound care call that reached the client. */
export function initialValues(target: QuickLogTarget): QuickLogValues {
  const channel = (CONTACT_CHANNELS as readonly string[]).includes(target.channel ?? '') ? (target.channel as ContactChannel) : 'phone';
  const purpose = (CONTACT_PURPOSES as readonly string[]).includes(target.purpose ?? '') ? (target.purpose as ContactPurpose) : 'care';
  return {
    clientId: target.clientId,
    channel,
    outcome: channel === 'visit' || channel === 'branch_meeting' ? 'meeting_held' : 'reached',
    purpose,
    direction: 'outbound',
    next: false,
    nextType: 'call',
  };
}

/** A follow-up is carried out only when the contact reached the client; a failed attempt leaves it open. */
export const carriesOutFollowup = (outcome: ContactOutcome) => outcome === 'reached' || outcome === 'meeting_held';

export function contactInput(v: QuickLogValues, clientId: string, target: QuickLogTarget, overrideCap: boolean): ContactInput {
  const notes = v.notes?.trim();
  return {
    clientId,
    channel: v.channel,
    direction: v.direction,
    outcome: v.outcome,
    purpose: v.purpose,
    notes: notes ? notes : null,
    durationMinutes: v.durationMinutes ?? null,
    satisfaction: v.satisfaction ? v.satisfaction : null,
    attendees: target.attendees,
    followupId: target.followupId && carriesOutFollowup(v.outcome) ? target.followupId : null,
    nextStep: v.next && v.nextType && v.nextDue && v.nextTitle?.trim() ? { type: v.nextType, due: v.nextDue.format('YYYY-MM-DD'), title: v.nextTitle.trim() } : null,
    overrideCap,
  };
}

export const capKey = (clientId: string | undefined, direction: ContactDirection, purpose: ContactPurpose) => (clientId ? `${clientId}|${direction}|${purpose}` : null);

/** The cap check for the client, direction and purpose on the form, refreshed as they change. */
export function useCapCheck(clientId: string | undefined, direction: ContactDirection, purpose: ContactPurpose) {
  const key = capKey(clientId, direction, purpose);
  const [state, setState] = useState<{ key: string; check: ContactCapCheck | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!clientId) return;
    let live = true;
    const k = `${clientId}|${direction}|${purpose}`;
    invoke('contacts.checkCap', { clientId, direction, purpose })
      .then((check) => live && setState({ key: k, check, error: null }))
      .catch((e: unknown) => live && setState({ key: k, check: null, error: errorText(e) }));
    return () => {
      live = false;
    };
  }, [clientId, direction, purpose]);
  const current = state && state.key === key ? state : null;
  return { check: current?.check ?? null, error: current?.error ?? null, set: (check: ContactCapCheck) => key && setState({ key, check, error: null }) };
}
