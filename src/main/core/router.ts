import type { Channel } from '../../shared/channels';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { parseInput, parseWith } from '../../shared/validate';
import type { Core } from './core';
import { listAudit, verifyAudit } from './services/audit';
import { writeSetting } from './services/settings';
import { createClient, deleteClient, listClients, revealField, takeSegmentsStale, updateClient, viewClient } from './services/clients';
import { commitImport, previewImport } from './services/import';
import { loadDemoBook } from './services/demo';
import { calendarRange, exportIcs, todaySummary } from './services/agenda';
import { clientTimeline } from './services/client-timeline';
import { capCheck, contactSettings, updateContactSettings } from './services/contact-cap';
import { listContacts, logContact, updateContact } from './services/contacts';
import { cancelFollowup, completeFollowup, createFollowup, getFollowup, rescheduleFollowup, snoozeFollowup, updateFollowup } from './services/followups';
import { visitBrief } from './services/visit-brief';
import { backupStatus, createBackup, restoreBackup, updateBackupSettings } from './services/backup';
import { z } from 'zod';
import { isAbsolute } from 'node:path';
import { ensureEscrow } from './services/escrow';
import { enrolmentFile, ensureDevice, installHqKey, syncHistoryList, syncSettings, syncStatus, updateSyncSettings } from './services/sync';
import { applyRoster, exportFile, previewRoster } from './services/sync-files';
import { exportGreetingsCsv, markGreetings } from './services/greeting-actions';
import { greetingSettings, greetingTemplates, listGreetings, saveGreetingTemplates, updateGreetingSettings } from './services/greetings';
import { load as loadClient } from './services/clients';
import { computeSegments, ensureMonthlySnapshot, listSnapshots, movement, quarterKpis, segmentSettings, takeSnapshot, updateSegmentSettings } from './services/segments';

type Handler<C extends Channel> = (core: Core, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
type Handlers = { [C in Channel]: Handler<C> };

// Channels that work while locked; every other one needs an unlocked workspace.
const OPEN_CHANNELS = new Set<Channel>(['workspace.status', 'workspace.create', 'workspace.unlock', 'workspace.lock', 'session.activity', 'backup.restore']);
// Calls the UI makes on its own (polling) do not count as the manager being at the laptop.
const PASSIVE_CHANNELS = new Set<Channel>(['workspace.status']);

const handlers: Handlers = {
  'workspace.status': (core) => core.workspace.status(),
  'workspace.create': async (core, input) => {
    const status = await core.workspace.create(input);
    // The device key pair for the exchange with HQ is made with the workspace.
    await ensureDevice(core.workspace.requireSession());
    return status;
  },
  'workspace.unlock': async (core, input) => {
    await core.workspace.unlock(input.passphrase);
    await ensureDevice(core.workspace.requireSession());
    await ensureEscrow(core.workspace);
    // The first unlock of each month keeps that month's picture of the book's segments.
    ensureMonthlySnapshot(core.workspace.requireSession());
    core.remind();
    return core.workspace.status();
  },
  'workspace.lock': async (core) => {
    await core.lockWithExport('manual');
    return core.workspace.status();
  },
  'workspace.changePassphrase': async (core, input) => {
    await core.workspace.changePassphrase(input.current, input.next);
    return { changed: true };
  },
  'session.activity': () => ({ ok: true }),
  'settings.get': (core) => core.settings(),
  'settings.update': (core, input) => {
    const s = core.workspace.requireSession();
    const before = core.settings();
    const changed = Object.fromEntries(
      Object.entries(input).filter(([k, v]) => v !== undefined && before[k as keyof typeof before] !== v),
    );
    if (Object.keys(changed).length === 0) return before;
    s.inTransaction({ action: 'settings.update', details: { changed } }, () => {
      if (input.autoLockMinutes !== undefined) writeSetting(s, 'autoLockMinutes', input.autoLockMinutes);
      if (input.locale !== undefined) core.workspace.setLocale(input.locale);
    });
    return core.settings();
  },
  'audit.list': (core, input) => listAudit(core.workspace.requireSession(), input),
  'audit.verify': (core) => {
    const s = core.workspace.requireSession();
    const result = verifyAudit(s, core.workspace.auditAnchor());
    s.inTransaction({ action: 'audit.verify', details: { intact: result.intact, entries: result.entries } }, () => undefined);
    return result;
  },
  'clients.list': (core, input) => {
    const s = core.workspace.requireSession();
    // The list shows and filters by segment: bring segments up to date after the book changed.
    if (input.offset === 0 && takeSegmentsStale(s)) computeSegments(s);
    return listClients(s, input);
  },
  'clients.get': (core, input) => viewClient(core.workspace.requireSession(), input.id),
  'clients.reveal': (core, input) => revealField(core.workspace.requireSession(), input.id, input.field),
  'clients.create': (core, input) => createClient(core.workspace.requireSession(), input.client),
  'clients.update': (core, input) => updateClient(core.workspace.requireSession(), input.id, input.patch, input.rev, input.proposalNote),
  'clients.delete': (core, input) => {
    deleteClient(core.workspace.requireSession(), input.id);
    return { deleted: true };
  },
  'import.preview': (core, input) => previewImport(core.workspace.requireSession(), input),
  'import.commit': (core, input) => commitImport(core.workspace.requireSession(), input),
  'demo.load': (core, input) => loadDemoBook(core.workspace.requireSession(), input),
  'segments.summary': (core, input) => computeSegments(core.workspace.requireSession(), input.metric),
  'segments.snapshot': (core) => takeSnapshot(core.workspace.requireSession(), 'manual'),
  'segments.snapshots': (core) => listSnapshots(core.workspace.requireSession()),
  'segments.movement': (core, input) => movement(core.workspace.requireSession(), input.from, input.to),
  'segments.kpis': (core) => quarterKpis(core.workspace.requireSession()),
  'segments.settings': (core, input) => {
    const s = core.workspace.requireSession();
    return Object.values(input).some((v) => v !== undefined) ? updateSegmentSettings(s, input) : segmentSettings(s);
  },
  'contacts.log': (core, input) => logContact(core.workspace.requireSession(), input),
  'contacts.update': (core, input) => updateContact(core.workspace.requireSession(), input),
  'contacts.list': (core, input) => listContacts(core.workspace.requireSession(), input.clientId, input.limit, input.offset),
  'contacts.checkCap': (core, input) => {
    const s = core.workspace.requireSession();
    return capCheck(s, loadClient(s, input.clientId), input.at ? new Date(input.at) : s.now(), input.direction, input.purpose);
  },
  'contacts.settings': (core, input) => {
    const s = core.workspace.requireSession();
    return Object.values(input).some((v) => v !== undefined) ? updateContactSettings(s, input) : contactSettings(s);
  },
  'followups.create': (core, input) => createFollowup(core.workspace.requireSession(), core.locale(), input),
  'followups.update': (core, input) => updateFollowup(core.workspace.requireSession(), core.locale(), input),
  'followups.get': (core, input) => getFollowup(core.workspace.requireSession(), core.locale(), input.id),
  'followups.reschedule': (core, input) => rescheduleFollowup(core.workspace.requireSession(), core.locale(), input.id, input.date),
  'followups.snooze': (core, input) => snoozeFollowup(core.workspace.requireSession(), core.locale(), input.id, input.until),
  'followups.complete': (core, input) => completeFollowup(core.workspace.requireSession(), core.locale(), input.id, input.note),
  'followups.cancel': (core, input) => cancelFollowup(core.workspace.requireSession(), core.locale(), input.id, input.reason),
  'agenda.today': (core) => todaySummary(core.workspace.requireSession(), core.locale()),
  'agenda.range': (core, input) => calendarRange(core.workspace.requireSession(), core.locale(), input),
  'agenda.exportIcs': (core, input) => exportIcs(core.workspace.requireSession(), core.locale(), input.ids),
  'clients.timeline': (core, input) => clientTimeline(core.workspace.requireSession(), core.locale(), input.id),
  'visits.brief': (core, input) => visitBrief(core.workspace.requireSession(), core.locale(), input.followupId),
  'greetings.list': (core, input) => listGreetings(core.workspace.requireSession(), core.locale(), input),
  'greetings.mark': (core, input) => markGreetings(core.workspace.requireSession(), core.locale(), input),
  'greetings.exportCsv': (core, input) => exportGreetingsCsv(core.workspace.requireSession(), core.locale(), input.items),
  'greetings.templates': (core, input) => {
    const s = core.workspace.requireSession();
    return input.templates === undefined ? greetingTemplates(s) : saveGreetingTemplates(s, input.templates);
  },
  'greetings.settings': (core, input) => {
    const s = core.workspace.requireSession();
    return Object.values(input).some((v) => v !== undefined) ? updateGreetingSettings(s, input) : greetingSettings(s);
  },
  'sync.status': (core) => syncStatus(core.workspace.requireSession()),
  'sync.installHqKey': async (core, input) => {
    const s = core.workspace.requireSession();
    await installHqKey(s, input.armored, input.replace);
    await ensureEscrow(core.workspace);
    return syncStatus(s);
  },
  'sync.enrolment': (core) => enrolmentFile(core.workspace.requireSession()),
  'sync.export': (core) => exportFile(core.workspace.requireSession(), (p) => core.progress(p)),
  'sync.rosterPreview': (core, input) => previewRoster(core.workspace.requireSession(), input.fileName, Buffer.from(input.contentBase64, 'base64')),
  'sync.rosterApply': async (core, input) => ({
    ...(await applyRoster(core.workspace.requireSession(), input.fileName, Buffer.from(input.contentBase64, 'base64'), (p) => core.progress(p))),
    applied: true as const,
  }),
  'sync.history': (core, input) => syncHistoryList(core.workspace.requireSession(), input.limit),
  'sync.settings': (core, input) => {
    const s = core.workspace.requireSession();
    return Object.values(input).some((v) => v !== undefined) ? updateSyncSettings(s, input) : syncSettings(s);
  },
  // Printing is the shell's job (Electron printToPDF); the core has no window to print.
  'shell.printToPdf': () => ({ saved: false }),
  'backup.status': (core) => backupStatus(core.workspace.requireSession()),
  'backup.settings': (core, input) => updateBackupSettings(core.workspace.requireSession(), input),
  // The folder comes from the shell's dialog as an internal message (below); asked directly, nothing is written.
  'backup.create': () => ({ created: false }),
  'backup.restore': (core) => ({ restored: false, status: core.workspace.status() }),
};

// Messages only the shell (after its native folder dialog) and the CLI send: not in the contract, so
// main's IPC gate refuses them from the renderer, which therefore never names a path.
const absolutePath = z.string().min(1).max(4096).refine((p) => isAbsolute(p) && !p.includes('\0'), 'path');
const internalSchemas = {
  'backup.createIn': z.strictObject({ folder: absolutePath, passphrase: z.string().min(1).max(1024) }),
  'backup.restoreFrom': z.strictObject({ from: absolutePath, passphrase: z.string().min(1).max(1024) }),
};
export type InternalChannel = keyof typeof internalSchemas;
const internalHandlers: { [C in InternalChannel]: (core: Core, input: z.output<(typeof internalSchemas)[C]>) => Promise<unknown> } = {
  'backup.createIn': async (core, input) => ({ created: true, ...(await createBackup(core.workspace.requireSession(), core.store, input)) }),
  'backup.restoreFrom': async (core, input) => {
    if (core.workspace.status().exists) throw new AppError('RESTORE_TARGET_NOT_EMPTY', { field: 'workspace' });
    await restoreBackup(core.store, { from: input.from, target: core.store.dir, passphrase: input.passphrase, now: core.now });
    return { restored: true, status: await handlers['workspace.unlock'](core, { passphrase: input.passphrase }) };
  },
};

export interface Router {
  handle<C extends Channel>(channel: C | string, input: unknown): Promise<Result<OutputOf<C>>>;
}

/** The only door into the core: validate, check the lock, run, turn failures into values. */
export function createRouter(core: Core, log: (msg: string) => void = (m) => console.error(m)): Router {
  return {
    async handle(channel, input) {
      if (typeof channel === 'string' && Object.hasOwn(internalSchemas, channel)) return handleInternal(core, channel as InternalChannel, input, log);
      const parsed = parseInput(channel, input);
      if (!parsed.ok) return parsed;
      const { channel: ch, input: data } = parsed.data;
      return answer(ch, log, () => {
        if (!OPEN_CHANNELS.has(ch) && !core.workspace.current) throw new AppError('LOCKED');
        if (!PASSIVE_CHANNELS.has(ch)) core.touch();
        const handler = handlers[ch] as Handler<Channel>;
        return handler(core, data as never);
      }) as Promise<Result<OutputOf<typeof ch>>>;
    },
  } as Router;
}

function handleInternal(core: Core, channel: InternalChannel, input: unknown, log: (msg: string) => void): Promise<Result<never>> {
  const parsed = parseWith(internalSchemas[channel] as z.ZodType<unknown>, input);
  if (!parsed.ok) return Promise.resolve(parsed);
  return answer(channel, log, () => {
    core.touch();
    const handler = internalHandlers[channel] as (core: Core, input: unknown) => Promise<unknown>;
    return handler(core, parsed.data);
  }) as Promise<Result<never>>;
}

/** Runs a handler and turns what it throws into an error value: the router never throws. */
async function answer(channel: string, log: (msg: string) => void, run: () => unknown): Promise<Result<unknown>> {
  try {
    return { ok: true, data: await run() };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.value };
    // Stack traces go to the developer log only, never to the user.
    log(`[core] ${channel} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { ok: false, error: { code: 'INTERNAL' } };
  }
}
