// The allow-list of IPC channels and events. Kept free of dependencies so the
// sandboxed preload bundle stays tiny; `contract.ts` attaches the schemas.
export const CHANNELS = [
  'workspace.status',
  'workspace.create',
  'workspace.unlock',
  'workspace.lock',
  'workspace.changePassphrase',
  'session.activity',
  'settings.get',
  'settings.update',
  'audit.list',
  'audit.verify',
  'clients.list',
  'clients.get',
  'clients.reveal',
  'clients.create',
  'clients.update',
  'clients.delete',
  'import.preview',
  'import.commit',
  'demo.load',
  'segments.summary',
  'segments.snapshot',
  'segments.snapshots',
  'segments.movement',
  'segments.kpis',
  'segments.settings',
  'contacts.log',
  'contacts.update',
  'contacts.list',
  'contacts.checkCap',
  'contacts.settings',
  'followups.create',
  'followups.update',
  'followups.get',
  'followups.reschedule',
  'followups.snooze',
  'followups.complete',
  'followups.cancel',
  'agenda.today',
  'agenda.range',
  'agenda.exportIcs',
  'clients.timeline',
  'visits.brief',
  'shell.printToPdf',
  'greetings.list',
  'greetings.mark',
  'greetings.exportCsv',
  'greetings.templates',
  'greetings.settings',
  'sync.status',
  'sync.installHqKey',
  'sync.enrolment',
  'sync.export',
  'sync.rosterPreview',
  'sync.rosterApply',
  'sync.history',
  'sync.settings',
  'backup.status',
  'backup.settings',
  'backup.create',
  'backup.restore',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = ['workspace.locked', 'reminders.due', 'sync.progress'] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && (CHANNELS as readonly string[]).includes(name);
}

export function isEvent(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name);
}
