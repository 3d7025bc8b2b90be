import { and, desc, eq, gte } from 'drizzle-orm';
import type { Locale } from '../../../shared/contract';
import type { FollowupRecord, VisitBrief } from '../../../shared/followups';
import { addDays } from '../domain/calendar/workdays';
import { upcomingOccasions } from '../domain/calendar/upcoming';
import { maskAddress, maskField, maskMobile } from '../domain/kyc/masking';
import { localDate } from '../domain/local-date';
import { auditLog, contacts } from '../store/schema';
import { ensureAgendaFresh } from './agenda';
import { load as loadClient } from './clients';
import { toContactRecord } from './contact-cap';
import { clientFollowups, getFollowup, tierOf } from './followups';
import type { Session } from './session';

// 拜访准备: one page the manager takes to the client. The client may see it, so it is
// masked, and the risk grade, AML flags and internal notes are never on it (001: no
// tipping off). Building one is audited as a view of the client.

const RECENT_CONTACTS = 5;
const CHANGES_DAYS = 90;
const OCCASION_DAYS = 60;
// Edits shown as "recent changes": the field names only, never old or new values.
const SAFE_CHANGE_FIELDS = new Set(['name', 'mobile', 'phoneOther', 'email', 'addressRegistered', 'addressResidence', 'occupation', 'employer', 'aumFen', 'depositsFen', 'loanBalanceFen', 'products', 'idExpiry', 'idNumber', 'preferredChannel', 'bestTimeToCall', 'status']);

export function visitBrief(s: Session, locale: Locale, followupId: string): VisitBrief {
  ensureAgendaFresh(s);
  const followup = getFollowup(s, locale, followupId);
  const c = loadClient(s, followup.clientId);
  const today = localDate(s.now());
  const tier = tierOf(s, c.id);
  const open = clientFollowups(s, locale, c.id, undefined, 'open');
  const since = new Date(s.now().getTime() - CHANGES_DAYS * 86_400_000).toISOString();
  const changes = s.orm
    .select({ at: auditLog.at, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.subject, c.id), eq(auditLog.action, 'client.update'), gte(auditLog.at, since)))
    .orderBy(desc(auditLog.seq))
    .all()
    .map((e) => ({ at: e.at, fields: ((e.details ? (JSON.parse(e.details) as { fields?: string[] }) : {}).fields ?? []).filter((f) => SAFE_CHANGE_FIELDS.has(f)) }))
    .filter((e) => e.fields.length > 0);
  const recent = s.orm
    .select()
    .from(contacts)
    .where(eq(contacts.clientId, c.id))
    .orderBy(desc(contacts.at))
    .limit(RECENT_CONTACTS)
    .all()
    // The manager's notes stay in the workbench; the brief says when, how and with what result.
    .map((r) => ({ ...toContactRecord(r), notes: null }));
  const brief: VisitBrief = {
    followup: { ...followup, notes: null },
    client: {
      id: c.id,
      name: c.name,
      kind: c.kind,
      salutation: c.salutation,
      idMasked: c.idNumber ? maskField(c.idType === 'uscc' ? 'company_code' : 'id_number', c.idNumber) : null,
      mobileMasked: c.mobile ? maskMobile(c.mobile) : null,
      addressMasked: c.addressResidence ? maskAddress(c.addressResidence) : c.addressRegistered ? maskAddress(c.addressRegistered) : null,
      occupation: c.occupation,
      employer: c.employer,
      relationshipStart: c.relationshipStart,
      tier,
      preferredChannel: c.preferredChannel,
      bestTimeToCall: c.bestTimeToCall,
      interests: c.interests,
      family: c.family,
    },
    holdings: { aumFen: c.aumFen, depositsFen: c.depositsFen, loanBalanceFen: c.loanBalanceFen, products: c.products },
    recentChanges: changes,
    maturing: open.filter((f) => f.type === 'maturity' || f.type === 'post_loan').map(stripNotes),
    recentContacts: recent,
    openComplaints: open.filter((f) => f.type === 'complaint').map(stripNotes),
    occasions: upcomingOccasions(
      { kind: c.kind, birthDate: c.birthDate, birthdayCalendar: c.birthdayCalendar, lunarMonth: c.lunarMonth, lunarDay: c.lunarDay, lunarLeap: c.lunarLeap, companyAnniversaries: c.companyAnniversaries },
      today,
      addDays(today, OCCASION_DAYS),
      locale,
    ),
    kycDeadlines: open.filter((f) => f.type === 'id_expiry' || f.type === 'risk_rating').map(stripNotes),
    generatedAt: s.now().toISOString(),
  };
  s.inTransaction({ action: 'visit.brief', subject: c.id, details: { followupId } }, () => undefined);
  return brief;
}

function stripNotes(f: FollowupRecord): FollowupRecord {
  return { ...f, notes: null };
}
