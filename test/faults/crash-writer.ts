import { writeSync } from 'node:fs';
import type { Channel } from '../../src/shared/channels';
import type { OutputOf } from '../../src/shared/contract';
import { Core } from '../../src/main/core/core';
import { localDate } from '../../src/main/core/domain/local-date';
import { createRouter } from '../../src/main/core/router';
import { PASS, TEST_SCRYPT_N } from '../helpers/core';

// The child of crash-safety.test.ts: unlocks a real workspace and writes through the router
// without end, until the parent kills it with SIGKILL. After each write has committed (the
// router returned) it prints one line naming what was written, with a synchronous write to
// the pipe, so every line the parent reads is a promise that the write is on disk.
//
// env: RMW_CRASH_DIR (workspace), RMW_CRASH_N (first number for unique contents),
//      RMW_CRASH_MODE ('mix' | 'batch': a large demo batch first, then the mix),
//      RMW_CRASH_BATCH (clients in the batch), RMW_CRASH_MIGRATIONS (migrations folder, optional).

export type Ack =
  | { k: 'unlocking' }
  | { k: 'ready'; ms: number }
  | { k: 'batch-start'; seed: number }
  | { k: 'batch'; seed: number; clients: number; today: string; managerId: string; ms: number }
  | { k: 'contact'; id: string; notes: string }
  | { k: 'followup'; id: string; title: string }
  | { k: 'done'; id: string }
  | { k: 'client'; id: string; n: number }
  | { k: 'new-client'; id: string; name: string };

const say = (a: Ack) => writeSync(1, `${JSON.stringify(a)}\n`);
const env = (name: string) => process.env[name] ?? '';

const core = new Core({ workspaceDir: env('RMW_CRASH_DIR'), scryptN: TEST_SCRYPT_N, migrationsDir: env('RMW_CRASH_MIGRATIONS') || undefined, log: () => undefined });
const router = createRouter(core, () => undefined);

/** A client's own rules may refuse a write (a demo client marked do-not-contact): nothing is written, nothing acknowledged. */
const RULE_REFUSALS = new Set(['CONTACT_BLOCKED', 'CONTACT_CAP', 'CLIENT_INVALID']);
class Refused extends Error {}

async function call<C extends Channel>(channel: C, input: unknown): Promise<OutputOf<C>> {
  const r = await router.handle(channel, input);
  if (!r.ok && RULE_REFUSALS.has(r.error.code)) throw new Refused(r.error.code);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.data as OutputOf<C>;
}

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function main(): Promise<void> {
  say({ k: 'unlocking' });
  const started = Date.now();
  await call('workspace.unlock', { passphrase: PASS });
  say({ k: 'ready', ms: Date.now() - started });
  let n = Number(env('RMW_CRASH_N'));
  const s = core.workspace.requireSession();
  if (env('RMW_CRASH_MODE') === 'batch') {
    // A batch large enough that its commit outgrows the WAL's checkpoint threshold (1,000 pages).
    const seed = n;
    say({ k: 'batch-start', seed });
    const t0 = Date.now();
    const r = await call('demo.load', { clients: Number(env('RMW_CRASH_BATCH')), seed });
    say({ k: 'batch', seed, clients: r.created, today: localDate(core.now()), managerId: s.managerId, ms: Date.now() - t0 });
  }
  const book = s.db.prepare('SELECT id, rev FROM clients ORDER BY random() LIMIT 200').all() as { id: string; rev: number }[];
  const open: string[] = [];
  for (;;) {
    n++;
    if (book.length === 0) throw new Error('every client refused the writes');
    const client = pick(book);
    try {
      await writeOne(client, n, book, open);
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      book.splice(book.indexOf(client), 1);
    }
  }
}

/** One write of the mix, acknowledged once it has committed. */
async function writeOne(client: { id: string; rev: number }, n: number, book: { id: string; rev: number }[], open: string[]): Promise<void> {
  const roll = Math.random();
  if (roll < 0.35) {
    const notes = `联系记录 ${n}`;
    const r = await call('contacts.log', { clientId: client.id, channel: pick(['phone', 'wechat', 'visit']), outcome: pick(['reached', 'no_answer', 'meeting_held']), notes, overrideCap: true });
    say({ k: 'contact', id: r.contact.id, notes });
  } else if (roll < 0.6 || (roll < 0.75 && open.length === 0)) {
    const title = `回访 ${n}`;
    const r = await call('followups.create', { clientId: client.id, type: pick(['call', 'visit', 'meeting']), due: '2027-01-15', title, overrideCap: true });
    open.push(r.id);
    say({ k: 'followup', id: r.id, title });
  } else if (roll < 0.75) {
    const id = open.splice(Math.floor(Math.random() * open.length), 1)[0]!;
    await call('followups.complete', { id });
    say({ k: 'done', id });
  } else if (roll < 0.95) {
    const r = await call('clients.update', { id: client.id, rev: client.rev, patch: { notes: `备注 ${n}` } });
    client.rev = r.rev;
    say({ k: 'client', id: client.id, n });
  } else {
    const name = `新客户${n}`;
    const r = await call('clients.create', { client: { kind: 'person', name } });
    book.push({ id: r.id, rev: r.rev });
    say({ k: 'new-client', id: r.id, name });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-writer: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
