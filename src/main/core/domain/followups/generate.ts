import type { CadenceSettings } from '../../../../shared/followups';
import { addDays } from '../calendar/workdays';
import { cadenceInterval, FIRST_RATING_DAYS, ID_EXPIRY_NOTICE_DAYS } from './rules';

// The follow-ups the book itself calls for. Each has a source key naming its source
// (client, the date it derives from): the same source gives the same key, so running
// this again creates nothing new, and a changed source gives a new key.

export interface GeneratorClient {
  id: string;
  status: 'prospect' | 'active' | 'dormant' | 'lost';
  doNotContact: boolean;
  idExpiry: string | null;
  idLongTerm: boolean;
  relationshipStart: string | null;
  riskRatedAt: string | null;
  /** Local date the client was added, the cadence base before any contact. */
  createdOn: string;
  tier: string | null;
  /** Local date of the last reached contact and its id. */
  lastReachedOn: string | null;
  lastReachedId: string | null;
}

export interface DesiredItem {
  sourceKey: string;
  type: 'cadence' | 'id_expiry' | 'risk_rating';
  due: string;
  /** i18n key, worded when read. */
  title: string;
  titleParams: Record<string, string | number>;
}

/** Source-key families this generator owns (others, like verify-contact tasks, are created by actions). */
export const GENERATED_FAMILIES = ['cadence', 'id_expiry', 'risk_rating'] as const;

export function familyOf(sourceKey: string): string {
  return sourceKey.slice(0, sourceKey.indexOf(':'));
}

export function desiredItems(c: GeneratorClient, today: string, cadence: CadenceSettings): DesiredItem[] {
  if (c.status === 'lost') return [];
  const out: DesiredItem[] = [];
  if (!c.doNotContact) {
    const days = cadenceInterval(c.tier, cadence);
    const base = c.lastReachedOn ?? c.relationshipStart ?? c.createdOn;
    out.push({
      sourceKey: `cadence:${c.id}:${c.lastReachedId ?? 'start'}`,
      type: 'cadence',
      due: addDays(base, days),
      title: c.lastReachedOn ? 'followupTitles.cadence' : 'followupTitles.cadenceFirst',
      titleParams: { days },
    });
  }
  if (c.idExpiry && !c.idLongTerm) {
    if (today < c.idExpiry) {
      out.push({ sourceKey: `id_expiry:${c.id}:${c.idExpiry}:notice`, type: 'id_expiry', due: addDays(c.idExpiry, -ID_EXPIRY_NOTICE_DAYS), title: 'followupTitles.idExpiryNotice', titleParams: { expiry: c.idExpiry } });
    } else {
      out.push({ sourceKey: `id_expiry:${c.id}:${c.idExpiry}:expired`, type: 'id_expiry', due: c.idExpiry, title: 'followupTitles.idExpired', titleParams: { expiry: c.idExpiry } });
    }
  }
  if (c.relationshipStart && (!c.riskRatedAt || c.riskRatedAt < c.relationshipStart)) {
    const due = addDays(c.relationshipStart, FIRST_RATING_DAYS);
    out.push({ sourceKey: `risk_rating:${c.id}:${c.relationshipStart}`, type: 'risk_rating', due, title: 'followupTitles.firstRiskRating', titleParams: { due } });
  }
  return out;
}

/** Hard deadlines move back to the working day before a holiday; reminders move forward. */
export function shiftDirection(type: string): 'forward' | 'back' {
  return type === 'risk_rating' || type === 'complaint' ? 'back' : 'forward';
}
