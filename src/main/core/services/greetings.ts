import defaultTemplatesJson from '../../../../resources/greetings/templates.zh-CN.json';
import type { Locale, ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { GreetingChannel, GreetingRow, GreetingSettings, GreetingsPage, GreetingStatus, GreetingTemplateInput, OccasionEntry } from '../../../shared/greetings';
import { translate } from '../../../shared/i18n';
import { daysBetween } from '../domain/calendar/workdays';
import { DEFAULT_OCCASION_SETTINGS, greetsDoubleNinth, occasionsInRange, remindersFor, type Occasion } from '../domain/greetings/occasions';
import { checkTemplate, pickTemplate, renderTemplate, salutationOf, smsSegments, surnameOf, type GreetingTemplate } from '../domain/greetings/templates';
import { localDate } from '../domain/local-date';
import { bookVersion } from './clients';
import { GreetingBook, type GreetingClient } from './greeting-book';
import type { Session } from './session';
import { readSetting, writeSetting } from './settings';

// Greetings (祝福): the occasions of a date range expanded to the clients to greet, each with
// its template rendered and its status (pending / sent / skipped / excluded). Sending and
// exporting are in greeting-actions.ts.

const DEFAULT_TEMPLATES = defaultTemplatesJson as GreetingTemplate[];
const MAX_RANGE_DAYS = 366;

export function greetingSettings(s: Session): GreetingSettings {
  const stored = readSetting<Partial<GreetingSettings>>(s, 'greetings.settings', {});
  return { ...DEFAULT_OCCASION_SETTINGS, branch: '', ...stored, leadDays: { ...DEFAULT_OCCASION_SETTINGS.leadDays, ...stored.leadDays } };
}

export function updateGreetingSettings(s: Session, patch: Partial<GreetingSettings>): GreetingSettings {
  const next = { ...greetingSettings(s), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) } as GreetingSettings;
  s.inTransaction({ action: 'settings.update', details: { changed: { greetings: next } } }, () => writeSetting(s, 'greetings.settings', next));
  return next;
}

export function greetingTemplates(s: Session): GreetingTemplate[] {
  return readSetting<GreetingTemplate[] | null>(s, 'greetings.templates', null) ?? DEFAULT_TEMPLATES;
}

/** Saves the whole template set; a template with a field that does not exist is refused, naming it. */
export function saveGreetingTemplates(s: Session, templates: GreetingTemplateInput[] | null): GreetingTemplate[] {
  if (templates) {
    for (const [i, t] of templates.entries()) {
      const check = checkTemplate(t.text);
      if (!check.ok) throw new AppError('TEMPLATE_INVALID', { field: `templates.${i}.text`, reason: 'unknown_fields', params: { id: t.id, fields: check.unknown.join(', ') } });
    }
    const ids = new Set(templates.map((t) => t.id));
    if (ids.size !== templates.length) throw new AppError('TEMPLATE_INVALID', { field: 'templates', reason: 'duplicate_id', params: { id: '', fields: '' } });
  }
  s.inTransaction({ action: 'greetings.templates', details: { count: templates?.length ?? DEFAULT_TEMPLATES.length, reset: templates === null } }, () => writeSetting(s, 'greetings.templates', templates));
  return greetingTemplates(s);
}

// The whole book's greeting fields, kept until a client changes (the calendar asks for every month shown).
const bookCache = new WeakMap<Session, { version: number; book: GreetingBook }>();

/** The greeting fields of the clients in `ids` alone (not kept). */
export function loadGreetingClients(s: Session, ids: readonly string[]): GreetingBook {
  return GreetingBook.read(s, ids);
}

function wholeBook(s: Session): GreetingBook {
  const version = bookVersion(s);
  if (bookCache.get(s)?.version !== version) {
    // The book a client change made stale goes before its successor is read.
    bookCache.delete(s);
    bookCache.set(s, { version, book: GreetingBook.read(s) });
  }
  return bookCache.get(s)!.book;
}

/** Occasions with a date in [from, to], one row per client to greet (holidays go to every client in the book). */
export function greetingRows(s: Session, locale: Locale, from: string, to: string, clients = wholeBook(s)): GreetingRow[] {
  const span = daysBetween(from, to);
  if (span < 0 || span > MAX_RANGE_DAYS) throw new AppError('INVALID_INPUT', { field: 'to', reason: 'range' });
  const settings = greetingSettings(s);
  const occasions = occasionsInRange(clients, from, to, settings);
  const byId = clients.clientsById(new Set(occasions.map((o) => o.clientId)));
  const done = doneGreetings(s, from, to);
  const ctx = renderContext(s, locale, settings);
  const rows: GreetingRow[] = [];
  for (const o of occasions) {
    if (o.clientId) rows.push(row(o, byId.get(o.clientId)!, ctx, done));
    else for (const c of clients) if (greetsOnHoliday(c, o, settings)) rows.push(row({ ...o, clientId: c.id }, c, ctx, done));
  }
  return rows;
}

export function listGreetings(s: Session, locale: Locale, q: ParsedInputOf<'greetings.list'>): GreetingsPage {
  // Counts per status within the occasion chosen, so the status filter can show them.
  const all = greetingRows(s, locale, q.from, q.to).filter((r) => !q.occasion || r.occasion === q.occasion);
  const counts = { pending: 0, sent: 0, skipped: 0, excluded: 0 } as Record<GreetingStatus, number>;
  for (const r of all) counts[r.status]++;
  const filtered = q.status ? all.filter((r) => r.status === q.status) : all;
  return { from: q.from, to: q.to, total: filtered.length, counts, rows: filtered.slice(q.offset, q.offset + q.limit) };
}

/** The occasions of a range for the calendar: each client's own days, and each greeting holiday once. */
export function occasionEntries(s: Session, locale: Locale, from: string, to: string): OccasionEntry[] {
  const book = wholeBook(s);
  return entries(book, occasionsInRange(book, from, to, greetingSettings(s)), locale);
}

/** What the Today page lists: occasions whose reminder runs today. */
export function todaysOccasions(s: Session, locale: Locale, today = localDate(s.now())): OccasionEntry[] {
  const book = wholeBook(s);
  return entries(book, remindersFor(book, today, greetingSettings(s)), locale);
}

function entries(book: GreetingBook, occasions: Occasion[], locale: Locale): OccasionEntry[] {
  const names = book.namesById(new Set(occasions.map((o) => o.clientId)));
  return occasions.map((o) => entry(o, names, locale));
}

// Titles repeat across a book (every 46th birthday reads the same): word each once.
const titles = new Map<string, string>();

function entry(o: Occasion, names: Map<string, string>, locale: Locale): OccasionEntry {
  const name = o.clientId ? (names.get(o.clientId) ?? null) : null;
  const key = `${locale}|${o.kind}|${o.lunar}|${o.age ?? ''}|${o.milestone ?? ''}|${o.years ?? ''}|${o.label ?? ''}`;
  let title = titles.get(key);
  if (title === undefined) {
    if (titles.size > 5000) titles.clear();
    title = occasionTitle(o, locale);
    titles.set(key, title);
  }
  return { date: o.date, kind: o.kind, clientId: o.clientId, clientName: name, title };
}

export function occasionTitle(o: Pick<Occasion, 'kind' | 'lunar' | 'age' | 'milestone' | 'years' | 'label'>, locale: Locale): string {
  const base = translate(locale, `occasionNames.${o.kind}`);
  if (o.kind === 'birthday') return translate(locale, o.milestone ? 'occasionTitles.milestone' : o.age ? 'occasionTitles.birthdayAge' : 'occasionTitles.birthday', { age: o.age ?? '', lunar: o.lunar ? translate(locale, 'occasionTitles.lunar') : '' });
  if (o.kind === 'company_anniversary') return translate(locale, 'occasionTitles.anniversary', { label: o.label ?? base, years: o.years ?? '' });
  return base;
}

function greetsOnHoliday(c: GreetingClient, o: Occasion, settings: GreetingSettings): boolean {
  if (c.status === 'prospect') return false;
  if (o.kind === 'double_ninth') return c.kind === 'person' && greetsDoubleNinth(c, o.date, settings);
  return true;
}

interface RenderContext {
  locale: Locale;
  templates: GreetingTemplate[];
  rmName: string;
  branch: string;
}

function renderContext(s: Session, locale: Locale, settings: GreetingSettings): RenderContext {
  return { locale, templates: greetingTemplates(s), rmName: readSetting<string>(s, 'displayName', s.managerId), branch: settings.branch };
}

type Done = Map<string, { status: 'sent' | 'skipped'; reason: string | null; contactId: string | null; channel: string | null; text: string | null; templateId: string | null }>;

function doneGreetings(s: Session, from: string, to: string): Done {
  const rows = s.db.prepare('SELECT client_id, occasion, date, status, reason, contact_id, channel, text, template_id FROM greetings WHERE date >= ? AND date <= ?').raw().all(from, to) as [string, string, string, 'sent' | 'skipped', string | null, string | null, string | null, string | null, string | null][];
  return new Map(rows.map(([c, o, d, status, reason, contactId, channel, text, templateId]) => [`${c}|${o}|${d}`, { status, reason, contactId, channel, text, templateId }]));
}

export function preferredGreetingChannel(c: GreetingClient): GreetingChannel {
  return c.preferredChannel === 'wechat' || c.preferredChannel === 'email' ? c.preferredChannel : 'sms';
}

function row(o: Occasion, c: GreetingClient, ctx: RenderContext, done: Done): GreetingRow {
  const d = done.get(`${c.id}|${o.kind}|${o.date}`);
  const channel = (d?.channel as GreetingChannel | undefined) ?? preferredGreetingChannel(c);
  const milestone = o.milestone ?? false;
  const template = pickTemplate(ctx.templates, o.kind, channel, { optOutMarketing: c.optOutMarketing, milestone }) ?? pickTemplate(ctx.templates, o.kind, 'sms', { optOutMarketing: c.optOutMarketing, milestone });
  const text =
    d?.text ??
    (template
      ? renderTemplate(template.text, { salutation: salutationOf(c), surname: surnameOf(c.name), name: c.name, occasion: translate(ctx.locale, `occasionNames.${o.kind}`), age: o.age ?? '', rmName: ctx.rmName, branch: ctx.branch })
      : '');
  const excluded = c.doNotContact ? 'do_not_contact' : c.status === 'lost' ? 'lost' : null;
  const status: GreetingStatus = d?.status ?? (excluded ? 'excluded' : 'pending');
  const sms = channel === 'sms' && text ? smsSegments(text) : null;
  return {
    clientId: c.id,
    occasion: o.kind,
    date: o.date,
    remindOn: o.remindOn,
    clientName: c.name,
    kind: c.kind,
    lunar: o.lunar,
    age: o.age ?? null,
    milestone,
    years: o.years ?? null,
    label: o.label ?? null,
    channel,
    templateId: d?.templateId ?? template?.id ?? null,
    text,
    sms: sms ? { chars: sms.chars, segments: sms.segments } : null,
    status,
    reason: d?.reason ?? (status === 'excluded' ? excluded : null),
    contactId: d?.contactId ?? null,
  };
}
