#!/usr/bin/env node
import { AppError } from '../shared/errors';
import { errorMessage } from '../shared/i18n';
import { ingest } from '../hq/ingest';
import { keygen } from '../hq/keygen';
import { hqLocaleFrom, HqError, message, refusalText } from '../hq/messages';
import { buildRoster } from '../hq/roster-build';
import { recover } from '../hq/recover';
import { localDate } from '../main/core/domain/local-date';
import { clockFor, parse, readPassphrase, required, UsageError } from './args';

// `hq`: head office's side of the file exchange (sync-format.md, HQ tools).
//   hq keygen --out DIR
//   hq roster build --keys DIR --manager ID --device-key FILE --from EXTRACT [--ingest DIR | --ack-through SEQ --audit-ack-hash HEX] --out FILE [--today YYYY-MM-DD]
//   hq ingest --keys DIR --devices DIR --out DIR [--now ISO] FILES…
//   hq recover --keys DIR --workspace DIR   (new passphrase: RMW_NEW_PASSPHRASE, or asked twice on a terminal)

const locale = hqLocaleFrom();

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'keygen') return keygenCommand(rest);
  if (command === 'roster' && rest[0] === 'build') return rosterBuildCommand(rest.slice(1));
  if (command === 'ingest') return ingestCommand(rest);
  if (command === 'recover') return recoverCommand(rest);
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(message(locale, 'usage'));
    return 0;
  }
  if (command === undefined) {
    console.error(message(locale, 'usage'));
    return 2;
  }
  throw new UsageError('unknownCommand', { command: [command, rest[0]].filter(Boolean).join(' ') });
}

function noPositionals(positionals: string[]): void {
  if (positionals.length > 0) throw new UsageError('badOption', { reason: `unexpected argument ${positionals[0]}` });
}

async function keygenCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' } });
  noPositionals(positionals);
  const r = await keygen({ outDir: required(values, 'out'), now: new Date() });
  console.log(message(locale, 'keygen.done', { public: r.publicPath, secret: r.secretPath, fingerprint: r.fingerprint }));
  return 0;
}

async function rosterBuildCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    keys: { type: 'string' },
    manager: { type: 'string' },
    'device-key': { type: 'string' },
    from: { type: 'string' },
    ingest: { type: 'string' },
    'ack-through': { type: 'string' },
    'audit-ack-hash': { type: 'string' },
    out: { type: 'string' },
    today: { type: 'string' },
  });
  noPositionals(positionals);
  const now = new Date();
  const today = values['today'] === undefined ? localDate(now) : localDate(clockFor(values['today'] as string)());
  const ackThrough = values['ack-through'] as string | undefined;
  const ackHash = values['audit-ack-hash'] as string | undefined;
  if ((ackThrough === undefined) !== (ackHash === undefined) || (values['ingest'] !== undefined && ackThrough !== undefined)) {
    throw new UsageError('roster.ackOptions');
  }
  if (ackThrough !== undefined && !/^\d{1,15}$/.test(ackThrough)) throw new UsageError('roster.badAckSeq');
  const r = await buildRoster({
    keysDir: required(values, 'keys'),
    managerId: required(values, 'manager'),
    deviceKeyFile: required(values, 'device-key'),
    extractFile: required(values, 'from'),
    outFile: required(values, 'out'),
    ...(values['ingest'] !== undefined ? { ingestDir: required(values, 'ingest') } : {}),
    ...(ackThrough !== undefined && ackHash !== undefined ? { ack: { throughSeq: Number(ackThrough), auditHash: ackHash.toLowerCase() } } : {}),
    today,
    now,
  });
  if (r.unusedColumns.length > 0) console.error(message(locale, 'extract.unusedColumns', { headers: r.unusedColumns.join(', ') }));
  console.log(
    message(locale, 'roster.done', {
      file: r.outFile,
      manager: r.managerId,
      rosterSeq: r.rosterSeq,
      assigned: r.assigned,
      updated: r.updated,
      unassigned: r.unassigned,
      ackSeq: r.ackedThroughSeq,
      ackHash: r.auditAckHash,
    }),
  );
  return 0;
}

async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { keys: { type: 'string' }, devices: { type: 'string' }, out: { type: 'string' }, now: { type: 'string' } });
  let now: Date | undefined;
  if (values['now'] !== undefined) {
    const text = values['now'] as string;
    now = new Date(text);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(text) || Number.isNaN(now.getTime())) throw new UsageError('badNow');
  }
  const outDir = required(values, 'out');
  if (positionals.length === 0) throw new UsageError('ingest.noFiles');
  const r = await ingest({ keysDir: required(values, 'keys'), devicesDir: required(values, 'devices'), outDir, files: positionals, ...(now ? { now } : {}) });
  for (const o of r.outcomes) {
    if (o.status === 'skipped') console.log(message(locale, 'ingest.skipped', { file: o.file }));
    else if (o.status === 'accepted') {
      const rc = o.receipt;
      console.log(
        message(locale, 'ingest.accepted', {
          file: o.file,
          records: rc.records ?? 0,
          newRecords: o.newRecords,
          audit: o.auditEntries,
          newAudit: o.newAudit,
          manager: rc.managerId ?? '',
          fromSeq: rc.fromSeq ?? 0,
          toSeq: rc.toSeq ?? 0,
        }),
      );
    } else console.log(message(locale, 'ingest.refused', { file: o.file, reason: refusalText(locale, o.reason, o.params) }));
  }
  console.log(message(locale, 'ingest.summary', { accepted: r.accepted, skipped: r.skipped, refused: r.refused, dir: outDir }));
  return r.exitCode;
}

async function recoverCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { keys: { type: 'string' }, workspace: { type: 'string' } });
  noPositionals(positionals);
  const keysDir = required(values, 'keys');
  const workspaceDir = required(values, 'workspace');
  const newPassphrase = await newPassphraseInput();
  const r = await recover({ keysDir, workspaceDir, newPassphrase, now: new Date() });
  console.log(message(locale, 'recover.done', { workspaceId: r.workspaceId, manager: r.managerId, fingerprint: r.fingerprint, log: r.logFile }));
  return 0;
}

/** RMW_NEW_PASSPHRASE, or typed twice without echo on a terminal. */
async function newPassphraseInput(): Promise<string> {
  const env = process.env['RMW_NEW_PASSPHRASE'];
  if (env) return env;
  if (!process.stdin.isTTY) throw new HqError('recover.needPassphrase');
  const saved = process.env['RMW_PASSPHRASE'];
  delete process.env['RMW_PASSPHRASE'];
  try {
    const first = await readPassphrase(locale === 'en' ? 'New passphrase: ' : '新口令：');
    const second = await readPassphrase(locale === 'en' ? 'Again: ' : '再次输入：');
    if (first !== second) throw new HqError('recover.mismatch');
    return first;
  } finally {
    if (saved !== undefined) process.env['RMW_PASSPHRASE'] = saved;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      // args.ts raises its own keys (missing option, bad argv); ours are messages.ts keys.
      const text =
        e.key === 'cli.missingOption'
          ? message(locale, 'missingOption', e.params)
          : e.key === 'errors.INVALID_INPUT'
            ? message(locale, 'badOption', e.params)
            : e.key === 'cli.badToday'
              ? message(locale, 'badToday')
              : message(locale, e.key as Parameters<typeof message>[1], e.params);
      console.error(`hq: ${text}\n${message(locale, 'usage')}`);
      process.exit(2);
    }
    if (e instanceof HqError) {
      console.error(`hq: ${e.describe(locale)}`);
      process.exit(1);
    }
    const io = e as NodeJS.ErrnoException;
    if (io instanceof Error && typeof io.code === 'string' && typeof io.path === 'string') {
      console.error(`hq: ${message(locale, 'ioError', { file: io.path, code: io.code })}`);
      process.exit(1);
    }
    if (e instanceof AppError) {
      console.error(`hq: ${errorMessage(locale, e.value)}${e.value.reason ? ` (${e.value.reason})` : ''}`);
      process.exit(1);
    }
    console.error(`hq: ${message(locale, 'internal')}`);
    if (process.env['RMW_DEBUG']) console.error(e);
    process.exit(1);
  },
);
