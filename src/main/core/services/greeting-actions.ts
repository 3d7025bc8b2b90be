import type { Locale, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ContactChannel } from '../../../shared/followups';
import type { GreetingRef, GreetingRow } from '../../../shared/greetings';
import { translate } from '../../../shared/i18n';
import { uuidv7 } from '../domain/ids';
import { localDate } from '../domain/local-date';
import { greetingRows, loadGreetingClients } from './greetings';
import type { Session } from './session';

// Marking greetings sent (each becomes a contact attempt with purpose "greeting") or skipped,
// and the batch file for the bank's SMS platform (phone numbers revealed on purpose, audited).

const CONTACT_CHANNEL: Record<GreetingRow['channel'], ContactChannel> = { sms: 'sms', wechat: 'wechat', card: 'letter', email: 'email' };

export function markGreetings(s: Session, locale: Locale, input: ParsedInputOf<'greetings.mark'>): { sent: number; skipped: number; unchanged: number } {
  const rows = resolve(s, locale, input.items);
  const out = { sent: 0, skipped: 0, unchanged: 0 };
  const now = s.now().toISOString();
  const contactIds: string[] = [];
  s.inTransaction({ action: 'greetings.mark', details: () => ({ status: input.status, ...out, contacts: contactIds, reason: input.reason ?? null }) }, () => {
    const insertGreeting = s.db.prepare(`INSERT INTO greetings (id, client_id, occasion, date, status, channel, template_id, text, reason, contact_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertContact = s.db.prepare(
      `INSERT INTO contacts (id, client_id, at, channel, direction, outcome, purpose, proactive, duration_minutes, notes, satisfaction, attendees, followup_id, created_at, updated_at, rev)
       VALUES (?, ?, ?, ?, 'outbound', 'sent', 'greeting', 1, NULL, ?, NULL, '[]', NULL, ?, ?, 1)`,
    );
    // A message that went out moves only the last-attempt time: it neither reaches the client nor fails.
    const touchState = s.db.prepare(
      `INSERT INTO contact_state (client_id, last_attempt_at, consecutive_failures, suspect) VALUES (?, ?, 0, 0)
       ON CONFLICT (client_id) DO UPDATE SET last_attempt_at = max(coalesce(last_attempt_at, ''), excluded.last_attempt_at)`,
    );
    for (const r of rows) {
      if (r.status === 'sent' || r.status === 'skipped') {
        out.unchanged++;
        continue;
      }
      if (r.status === 'excluded' && input.status === 'sent') throw new AppError('CONTACT_BLOCKED', { field: 'items', reason: r.reason ?? 'do_not_contact', params: { client: r.clientName } });
      const channel = input.channel ?? r.channel;
      let contactId: string | null = null;
      if (input.status === 'sent') {
        contactId = uuidv7(s.now().getTime());
        const note = translate(locale, 'greetingNotes.sent', { occasion: translate(locale, `occasionNames.${r.occasion}`), date: r.date });
        insertContact.run(contactId, r.clientId, now, CONTACT_CHANNEL[channel], note, now, now);
        touchState.run(r.clientId, now);
        contactIds.push(contactId);
        out.sent++;
      } else out.skipped++;
      insertGreeting.run(uuidv7(s.now().getTime()), r.clientId, r.occasion, r.date, input.status, channel, r.templateId, input.status === 'sent' ? r.text : null, input.status === 'skipped' ? (input.reason ?? null) : null, contactId, now);
    }
  });
  return out;
}

/** A CSV for the bank's SMS platform: the phone numbers are revealed for this file only, and the reveal is audited. */
export function exportGreetingsCsv(s: Session, locale: Locale, items: GreetingRef[]): { fileName: string; content: string; count: number } {
  const rows = resolve(s, locale, items).filter((r) => r.status === 'pending');
  const mobiles = new Map((s.db.prepare(`SELECT id, mobile FROM clients WHERE id IN (${rows.map(() => '?').join(',') || "''"})`).raw().all(...rows.map((r) => r.clientId)) as [string, string | null][]).map(([id, m]) => [id, m]));
  const usable = rows.filter((r) => mobiles.get(r.clientId));
  const header = ['mobile', 'name', 'text', 'occasion', 'date'].map((h) => translate(locale, `greetingCsv.${h}`));
  const lines = [header, ...usable.map((r) => [mobiles.get(r.clientId)!, r.clientName, r.text, translate(locale, `occasionNames.${r.occasion}`), r.date])].map((cells) => cells.map(csvCell).join(','));
  s.inTransaction({ action: 'greetings.export', details: { count: usable.length, withoutMobile: rows.length - usable.length, revealed: 'mobile' } }, () => undefined);
  return { fileName: `greetings-${localDate(s.now())}.csv`, content: `\ufeff${lines.join('\r\n')}\r\n`, count: usable.length };
}

/** Quoted, and a leading = + - @ tab or CR is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The current rows for the references given (occasions re-derived, so a stale reference is refused). */
function resolve(s: Session, locale: Locale, items: GreetingRef[]): GreetingRow[] {
  if (items.length === 0) return [];
  const dates = items.map((i) => i.date).sort();
  const ids = [...new Set(items.map((i) => i.clientId))];
  const rows = greetingRows(s, locale, dates[0]!, dates.at(-1)!, loadGreetingClients(s, ids));
  const byKey = new Map(rows.map((r) => [`${r.clientId}|${r.occasion}|${r.date}`, r]));
  return items.map((i) => {
    const r = byKey.get(`${i.clientId}|${i.occasion}|${i.date}`);
    if (!r) throw new AppError('INVALID_INPUT', { field: 'items', reason: 'no_such_occasion', params: { client: i.clientId, occasion: i.occasion, date: i.date } });
    return r;
  });
}
