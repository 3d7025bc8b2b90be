import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_OUTCOMES, CONTACT_PURPOSES, MANUAL_FOLLOWUP_TYPES } from '../shared/followups';
import { translate } from '../shared/i18n';
import { dayRange, parse, required, UsageError } from './args';
import { COMMON, locale, openUnlocked } from './context';

// rmw contact add / followup add / agenda / calendar export.

export async function contactAdd(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    ...COMMON,
    client: { type: 'string' },
    channel: { type: 'string' },
    outcome: { type: 'string' },
    purpose: { type: 'string' },
    direction: { type: 'string' },
    at: { type: 'string' },
    note: { type: 'string' },
    force: { type: 'boolean' },
  });
  const input = {
    clientId: required(values, 'client'),
    channel: oneOf(values, 'channel', CONTACT_CHANNELS, true)!,
    outcome: oneOf(values, 'outcome', CONTACT_OUTCOMES, true)!,
    purpose: oneOf(values, 'purpose', CONTACT_PURPOSES, false) ?? 'care',
    direction: oneOf(values, 'direction', CONTACT_DIRECTIONS, false) ?? 'outbound',
    at: values['at'] ? instant(values['at'] as string) : undefined,
    notes: (values['note'] as string | undefined) ?? null,
    overrideCap: !!values['force'],
  };
  const { core, call } = await openUnlocked(values);
  try {
    const r = await call('contacts.log', input);
    if (values['json']) console.log(JSON.stringify(r));
    else {
      console.log(translate(locale, 'agendaCli.contactLogged', { outcome: translate(locale, `contactOutcomes.${r.contact.outcome}`) }));
      if (r.nextDue) console.log(translate(locale, 'agendaCli.nextDue', { date: r.nextDue }));
      if (r.suspect) console.log(translate(locale, 'agendaCli.suspect'));
    }
    return 0;
  } finally {
    core.dispose();
  }
}

export async function followupAdd(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, client: { type: 'string' }, due: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' }, received: { type: 'string' }, force: { type: 'boolean' } });
  const input = {
    clientId: required(values, 'client'),
    due: required(values, 'due'),
    type: oneOf(values, 'type', MANUAL_FOLLOWUP_TYPES, true)!,
    title: required(values, 'title'),
    receivedOn: (values['received'] as string | undefined) ?? null,
    overrideCap: !!values['force'],
  };
  const { core, call } = await openUnlocked(values);
  try {
    const f = await call('followups.create', input);
    if (values['json']) console.log(JSON.stringify(f));
    else console.log(translate(locale, 'agendaCli.followupAdded', { date: f.date, title: f.title }));
    return 0;
  } finally {
    core.dispose();
  }
}

/** `rmw agenda`: the items shown from --from for --days days, plus what is overdue, in date order. */
export async function agenda(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, from: { type: 'string' }, days: { type: 'string' } });
  const { core, call } = await openUnlocked(values);
  try {
    const range = await call('agenda.range', rangeOf(values, true));
    // Birthdays and company anniversaries (per client) and greeting holidays join the agenda on their day.
    const occasions = range.occasions.map((o) => ({ date: o.date, type: o.clientId ? 'birthday' : 'holiday', clientId: o.clientId, title: o.title, overdue: false }));
    const items = [...range.items.map((i) => ({ date: i.date, type: i.type as string, clientId: i.clientId as string | null, title: i.title, overdue: i.overdue })), ...occasions].sort((a, b) => a.date.localeCompare(b.date));
    if (values['json']) console.log(JSON.stringify(items));
    else {
      for (const i of range.items) console.log(`${i.date}  ${translate(locale, `followupTypes.${i.type}`)}  ${i.clientName}  ${i.title}${i.overdue ? `  [${translate(locale, 'agendaCli.overdue')}]` : ''}`);
      for (const o of range.occasions) console.log(`${o.date}  ${o.clientName ?? ''}  ${o.title}`);
    }
    return 0;
  } finally {
    core.dispose();
  }
}

export async function calendarExport(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, from: { type: 'string' }, days: { type: 'string' }, out: { type: 'string' } });
  const out = resolve(required(values, 'out'));
  const { core, call } = await openUnlocked(values);
  try {
    const range = await call('agenda.range', rangeOf(values, false));
    const ids = range.items.map((i) => i.id);
    const ics = ids.length ? await call('agenda.exportIcs', { ids }) : { content: '', count: 0 };
    writeFileSync(out, ics.content || emptyCalendar(), { mode: 0o600 });
    if (values['json']) console.log(JSON.stringify({ file: out, count: ics.count }));
    else console.log(translate(locale, 'agendaCli.icsWritten', { count: ics.count, file: out }));
    return 0;
  } finally {
    core.dispose();
  }
}

function rangeOf(values: Record<string, unknown>, includeOverdue: boolean) {
  return { ...dayRange(values, 30, 400), includeOverdue };
}

function oneOf<T extends string>(values: Record<string, unknown>, name: string, allowed: readonly T[], need: boolean): T | undefined {
  const v = values[name];
  if (v === undefined && !need) return undefined;
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new UsageError('agendaCli.badEnum', { option: `--${name}`, values: allowed.join(', ') });
  return v as T;
}

/** `--at 2026-11-20T10:30` is local time; an explicit offset or Z is kept. */
function instant(text: string): string {
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) throw new UsageError('errors.INVALID_INPUT', { field: '--at', reason: 'date' });
  return d.toISOString();
}

function emptyCalendar(): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//RM Workbench//ZH', 'END:VCALENDAR', ''].join('\r\n');
}
