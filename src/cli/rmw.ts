#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { errorMessage, translate } from '../shared/i18n';
import { parse, readPassphrase, required, UsageError } from './args';
import { agenda, calendarExport, contactAdd, followupAdd } from './agenda';
import { demo, importFile, listClients, segment } from './book';
import { greetings } from './greetings';
import { exportCmd, rosterApply, syncCmd } from './sync';
import { readPublicKey } from '../main/core/sync/keys';
import { COMMON, locale, openCore } from './context';
import { backupCmd, restoreCmd } from './backup';

// `rmw`: the manager's workspace from a terminal, over the same router as the app.

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'init') return init(rest);
  if (command === 'status') return status(rest);
  if (command === 'audit' && rest[0] === 'verify') return auditVerify(rest.slice(1));
  if (command === 'import') return importFile(rest);
  if (command === 'clients') return listClients(rest);
  if (command === 'demo') return demo(rest);
  if (command === 'segment') return segment(rest);
  if (command === 'contact' && rest[0] === 'add') return contactAdd(rest.slice(1));
  if (command === 'followup' && rest[0] === 'add') return followupAdd(rest.slice(1));
  if (command === 'agenda') return agenda(rest);
  if (command === 'greetings') return greetings(rest);
  if (command === 'calendar' && rest[0] === 'export') return calendarExport(rest.slice(1));
  if (command === 'export') return exportCmd(rest);
  if (command === 'roster' && rest[0] === 'apply') return rosterApply(rest.slice(1));
  if (command === 'sync') return syncCmd(rest);
  if (command === 'backup') return backupCmd(rest);
  if (command === 'restore') return restoreCmd(rest);
  throw new UsageError('cli.unknownCommand', { command: [command, rest[0]].filter(Boolean).join(' ') || '(none)' });
}

async function init(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, manager: { type: 'string' }, name: { type: 'string' }, 'hq-key': { type: 'string' } });
  const manager = required(values, 'manager');
  // Enrolment at creation: HQ's public key, read before anything is created.
  const hqKey = values['hq-key'] ? readHqKey(values['hq-key'] as string) : null;
  if (hqKey) await readPublicKey(hqKey);
  const { core, call } = openCore(values);
  const passphrase = await readPassphrase(`${translate(locale, 'firstRun.passphrase')}: `);
  try {
    await call('workspace.create', { managerId: manager, displayName: (values['name'] as string) ?? manager, passphrase, locale });
    if (hqKey) {
      const st = await call('sync.installHqKey', { armored: hqKey, replace: false });
      console.log(translate(locale, 'syncCli.hqKeyInstalled', { fingerprint: st.hq?.fingerprint ?? '' }));
    }
  } finally {
    core.dispose();
  }
  console.log(translate(locale, 'cli.created', { dir: resolve(required(values, 'workspace')), manager }));
  return 0;
}

function readHqKey(file: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError('syncCli.unreadable', { file });
  }
}

async function status(argv: string[]): Promise<number> {
  const { values } = parse(argv, COMMON);
  const { core, call } = openCore(values);
  let st = await call('workspace.status', {});
  let counts: Record<string, number> | null = null;
  // Counts live inside the encrypted database: only with the passphrase.
  if (st.exists && process.env['RMW_PASSPHRASE']) {
    st = await call('workspace.unlock', { passphrase: process.env['RMW_PASSPHRASE'] });
    counts = { auditEntries: (await call('audit.list', { limit: 1 })).total };
  }
  const out = { exists: st.exists, schemaVersion: st.schemaVersion, manager: st.managerId, locked: st.locked, counts };
  core.dispose();
  console.log(values['json'] ? JSON.stringify(out) : Object.entries(out).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'));
  return 0;
}

async function auditVerify(argv: string[]): Promise<number> {
  const { values } = parse(argv, COMMON);
  const { core, call } = openCore(values);
  const passphrase = await readPassphrase(`${translate(locale, 'unlock.passphrase')}: `);
  await call('workspace.unlock', { passphrase });
  const r = await call('audit.verify', {});
  core.dispose();
  if (values['json']) console.log(JSON.stringify(r));
  if (r.intact) {
    if (!values['json']) console.log(translate(locale, 'cli.chainIntact', { count: r.entries }));
    return 0;
  }
  if (!values['json']) console.error(translate(locale, 'cli.chainBroken', { seq: r.firstBadSeq, problem: r.problem }));
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      console.error(`rmw: ${translate(locale, e.key, e.params)}`);
      process.exit(2);
    }
    if (e instanceof AppError) {
      const reason = e.value.reason?.startsWith('cli.') ? translate(locale, e.value.reason) : null;
      console.error(`rmw: ${reason ?? errorMessage(locale, e.value)}`);
      process.exit(1);
    }
    console.error(`rmw: ${errorMessage(locale, { code: 'INTERNAL' })}`);
    if (process.env['RMW_DEBUG']) console.error(e);
    process.exit(1);
  },
);
