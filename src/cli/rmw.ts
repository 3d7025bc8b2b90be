#!/usr/bin/env node
import { resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { errorMessage, translate } from '../shared/i18n';
import { parse, readPassphrase, required, UsageError } from './args';
import { agenda, calendarExport, contactAdd, followupAdd } from './agenda';
import { demo, importFile, listClients, segment } from './book';
import { greetings } from './greetings';
import { COMMON, locale, openCore } from './context';

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
  throw new UsageError('cli.unknownCommand', { command: [command, rest[0]].filter(Boolean).join(' ') || '(none)' });
}

async function init(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, manager: { type: 'string' }, name: { type: 'string' } });
  const manager = required(values, 'manager');
  const { core, call } = openCore(values);
  const passphrase = await readPassphrase(`${translate(locale, 'firstRun.passphrase')}: `);
  await call('workspace.create', { managerId: manager, displayName: (values['name'] as string) ?? manager, passphrase, locale });
  core.dispose();
  console.log(translate(locale, 'cli.created', { dir: resolve(required(values, 'workspace')), manager }));
  return 0;
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
