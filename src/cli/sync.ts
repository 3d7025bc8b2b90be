import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { translate } from '../shared/i18n';
import { updateSyncSettings } from '../main/core/services/sync';
import { writeExportTo } from '../main/core/services/sync-files';
import { parse, required, UsageError } from './args';
import { COMMON, locale, openUnlocked } from './context';

// rmw export / roster apply / sync …: the exchange with head office from a terminal.

function readInput(file: string): Buffer {
  try {
    return readFileSync(resolve(file));
  } catch {
    throw new UsageError('syncCli.unreadable', { file });
  }
}

function writableDir(dir: string): string {
  const abs = resolve(dir);
  try {
    if (!statSync(abs).isDirectory()) throw new Error('not a dir');
    accessSync(abs, constants.W_OK);
  } catch {
    throw new UsageError('syncCli.notADir', { dir: abs });
  }
  return abs;
}

/** `rmw export --workspace DIR --out DIR`: a signed, encrypted export for HQ, never overwriting a file. */
export async function exportCmd(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, out: { type: 'string' } });
  const out = writableDir(required(values, 'out'));
  const { core } = await openUnlocked(values);
  try {
    const { path, result } = await writeExportTo(core.workspace.requireSession(), out);
    if (values['json']) console.log(JSON.stringify({ path, fileName: result.fileName, fromSeq: result.fromSeq, toSeq: result.toSeq, records: result.records, counts: result.counts, sha256: result.sha256 }));
    else console.log(translate(locale, 'syncCli.exported', { records: result.records, from: result.fromSeq, to: result.toSeq, path }));
    return 0;
  } finally {
    core.dispose();
  }
}

/** `rmw roster apply --workspace DIR FILE [--dry-run]`: verify, show what it does, apply in one transaction. */
export async function rosterApply(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, 'dry-run': { type: 'boolean' } });
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE' });
  const input = { fileName: basename(file), contentBase64: readInput(file).toString('base64') };
  const { core, call } = await openUnlocked(values);
  try {
    const preview = await call('sync.rosterPreview', input);
    if (values['dry-run']) {
      if (values['json']) console.log(JSON.stringify({ ...preview, applied: false }));
      else console.log(`${translate(locale, 'syncCli.rosterPreview', { ...preview })} ${translate(locale, 'syncCli.dryRun')}`);
      return 0;
    }
    if (!values['json']) console.log(translate(locale, 'syncCli.rosterPreview', { ...preview }));
    const r = await call('sync.rosterApply', input);
    const acked = (await call('sync.status', {})).ackedThroughSeq;
    if (values['json']) console.log(JSON.stringify({ ...r, ackedThroughSeq: acked }));
    else console.log(translate(locale, 'syncCli.rosterApplied', { rosterSeq: r.rosterSeq, assigned: r.assigned, updated: r.updated, removed: r.removed, acked }));
    return 0;
  } finally {
    core.dispose();
  }
}

/** `rmw sync status | hq-key FILE [--replace] | enrolment --out FILE | config …`. */
export async function syncCmd(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'status') {
    const { values } = parse(rest, COMMON);
    const { core, call } = await openUnlocked(values);
    try {
      const st = await call('sync.status', {});
      console.log(values['json'] ? JSON.stringify(st) : Object.entries({ device: st.device.fingerprint, hq: st.hq?.fingerprint ?? null, pending: st.pending, acked: st.ackedThroughSeq, head: st.headSeq, lastRosterSeq: st.lastRosterSeq, due: st.due }).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'));
      return 0;
    } finally {
      core.dispose();
    }
  }
  if (sub === 'hq-key') {
    const { values, positionals } = parse(rest, { ...COMMON, replace: { type: 'boolean' } });
    if (!positionals[0]) throw new UsageError('cli.missingOption', { option: 'FILE' });
    const armored = readInput(positionals[0]).toString('utf8');
    const { core, call } = await openUnlocked(values);
    try {
      const st = await call('sync.installHqKey', { armored, replace: !!values['replace'] });
      console.log(translate(locale, 'syncCli.hqKeyInstalled', { fingerprint: st.hq?.fingerprint ?? '' }));
      return 0;
    } finally {
      core.dispose();
    }
  }
  if (sub === 'enrolment') {
    const { values } = parse(rest, { ...COMMON, out: { type: 'string' } });
    const outOpt = required(values, 'out');
    const { core, call } = await openUnlocked(values);
    try {
      const e = await call('sync.enrolment', {});
      const path = statSync(resolve(outOpt), { throwIfNoEntry: false })?.isDirectory() ? join(resolve(outOpt), e.fileName) : resolve(outOpt);
      writeFileSync(path, e.content, { mode: 0o644 });
      console.log(translate(locale, 'syncCli.enrolmentWritten', { fingerprint: e.fingerprint, path }));
      return 0;
    } finally {
      core.dispose();
    }
  }
  if (sub === 'config') {
    const { values } = parse(rest, { ...COMMON, 'auto-export-dir': { type: 'string' }, 'auto-export-on-lock': { type: 'string' }, 'interval-days': { type: 'string' } });
    const patch: Parameters<typeof updateSyncSettings>[1] = {};
    // The bank's sync share: set here (by the bank's desktop team), only shown in the app.
    if (values['auto-export-dir'] !== undefined) patch.autoExportDir = values['auto-export-dir'] === '' ? null : writableDir(values['auto-export-dir'] as string);
    if (values['auto-export-on-lock'] !== undefined) patch.autoExportOnLock = bool(values['auto-export-on-lock'] as string, '--auto-export-on-lock');
    if (values['interval-days'] !== undefined) {
      const n = Number(values['interval-days']);
      if (!Number.isInteger(n) || n < 1 || n > 90) throw new UsageError('syncCli.badIntervalDays');
      patch.intervalDays = n;
    }
    const { core } = await openUnlocked(values);
    try {
      const saved = updateSyncSettings(core.workspace.requireSession(), patch);
      console.log(values['json'] ? JSON.stringify(saved) : translate(locale, 'syncCli.configSaved'));
      return 0;
    } finally {
      core.dispose();
    }
  }
  throw new UsageError('cli.unknownCommand', { command: ['sync', sub].filter(Boolean).join(' ') });
}

function bool(v: string, option: string): boolean {
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError('syncCli.badBool', { option });
}
