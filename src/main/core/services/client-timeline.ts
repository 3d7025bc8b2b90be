import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../../shared/contract';
import type { TimelineEntry } from '../../../shared/followups';
import { localDate } from '../domain/local-date';
import { auditLog, contacts, followups } from '../store/schema';
import { load as loadClient } from './clients';
import { toContactRecord } from './contact-cap';
import { tierOf, toRecord } from './followups';
import type { Session } from './session';

// One client's history in time order (newest first): contacts, follow-ups planned and
// closed, and edits of the record (from the audit log, which names the fields changed).

const EDIT_ACTIONS = ['client.update', 'contact.update', 'followup.reschedule', 'followup.snooze', 'followup.update'];
// Generated bookkeeping that would only repeat a contact already on the timeline.
const QUIET_CLOSE_REASONS = new Set(['superseded', 'contacted']);
const LIMIT = 500;

export function clientTimeline(s: Session, locale: Locale, clientId: string): TimelineEntry[] {
  const client = loadClient(s, clientId);
  const today = localDate(s.now());
  const tier = tierOf(s, clientId);
  const out: TimelineEntry[] = [{ kind: 'edit', at: client.createdAt, action: 'client.create', fields: [], actor: '' }];

  for (const c of s.orm.select().from(contacts).where(eq(contacts.clientId, clientId)).orderBy(desc(contacts.at)).limit(LIMIT).all()) {
    out.push({ kind: 'contact', at: c.at, contact: toContactRecord(c) });
  }
  for (const f of s.orm.select().from(followups).where(eq(followups.clientId, clientId)).orderBy(desc(followups.createdAt)).limit(LIMIT).all()) {
    const record = toRecord(f, client.name, tier, locale, today);
    const announced = !f.generated || f.type === 'verify_contact' || f.sourceKey?.startsWith('rerating:');
    if (announced) out.push({ kind: 'followup', at: f.createdAt, followup: record, event: 'created' });
    if (f.status !== 'open' && f.doneAt && !QUIET_CLOSE_REASONS.has(f.closeReason ?? '')) {
      out.push({ kind: 'followup', at: f.doneAt, followup: record, event: f.status === 'done' ? 'done' : 'cancelled' });
    }
  }
  const edits = s.orm
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subject, clientId), inArray(auditLog.action, EDIT_ACTIONS)))
    .orderBy(desc(auditLog.seq))
    .limit(LIMIT)
    .all();
  for (const e of edits) {
    const details = e.details ? (JSON.parse(e.details) as { fields?: string[]; from?: string; to?: string; until?: string }) : {};
    out.push({ kind: 'edit', at: e.at, action: e.action, fields: details.fields ?? [details.from, details.to ?? details.until].filter((x): x is string => !!x), actor: e.actor });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at));
}
