import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../shared/errors';

/** `--today YYYY-MM-DD` → a clock fixed at local noon of that day; absent → the real clock. */
export function clockFor(today: string | undefined): () => Date {
  if (today === undefined) return () => new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : null;
  if (!m || !d || d.getFullYear() !== Number(m[1]) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3])) {
    throw new UsageError('cli.badToday');
  }
  return () => new Date(d.getTime());
}

/** A mistake in how the command was called: message key + params, exit code 2. */
export class UsageError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

export function parse(argv: string[], options: ParseArgsConfig['options']): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError('errors.INVALID_INPUT', { field: 'argv', reason: e instanceof Error ? e.message : String(e) });
  }
}

export function required(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError('cli.missingOption', { option: `--${name}` });
  return v;
}

/** Reads a passphrase from RMW_PASSPHRASE, or asks on a terminal without echo. */
export async function readPassphrase(prompt: string): Promise<string> {
  const env = process.env['RMW_PASSPHRASE'];
  if (env) return env;
  if (!process.stdin.isTTY) throw new AppError('INVALID_INPUT', { field: 'RMW_PASSPHRASE', reason: 'cli.needPassphrase' });
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (err?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new UsageError('cli.needPassphrase'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** `--from YYYY-MM-DD --days N` → the inclusive date range, N from 1 to `maxDays`. */
export function dayRange(values: Record<string, unknown>, defaultDays: number, maxDays: number): { from: string; to: string } {
  const from = required(values, 'from');
  const days = Number(values['days'] ?? defaultDays);
  if (!Number.isInteger(days) || days < 1 || days > maxDays) throw new UsageError('agendaCli.badDays', { max: String(maxDays) });
  const end = new Date(`${from}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || Number.isNaN(end.getTime())) throw new UsageError('cli.badToday');
  end.setUTCDate(end.getUTCDate() + days - 1);
  return { from, to: end.toISOString().slice(0, 10) };
}
