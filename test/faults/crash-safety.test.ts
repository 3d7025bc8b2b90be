import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR } from '../../src/main/core/core';
import { generateDemoBook } from '../../src/main/core/domain/demo-book';
import { latestVersion, loadMigrations } from '../../src/main/core/store/db';
import { insertClient, validateClient } from '../../src/main/core/services/clients';
import { buildSearchKeys, normaliseQuery } from '../../src/main/core/domain/kyc/search-keys';
import { createWorkspace, makeCore, PASS, tempDir, type Harness, type TestClock } from '../helpers/core';
import type { Ack } from './crash-writer';
import { nodeArgsFor } from '../helpers/cli';

// Issue 9, crash safety: a child process writes to a real encrypted workspace without end
// (contacts, follow-ups created and completed, client edits, new clients, now and then a large
// batch) and says after each commit what it wrote; the parent kills it with SIGKILL at a random
// moment, reopens the workspace and checks the file (integrity_check), the audit chain (the app's
// own verify) and that every write the child acknowledged — in this round or any before — is
// there with its content. Kills land mid-write, mid-unlock, right after unlock, inside a large
// batch's commit and checkpoint, and inside a schema migration.

const FULL = process.env['RMW_FAULTS'] === 'full';
const KILLS = FULL ? 200 : 10;
const MIGRATION_KILLS = FULL ? 12 : 1;
/** Clients in a batch round: its commit outgrows the WAL's 1,000-page checkpoint threshold at full count. */
const BATCH = FULL ? 1000 : 150;
const WRITER = resolve('test/faults/crash-writer.ts');
const realClock = (): TestClock => ({ now: () => new Date(), advanceMinutes: () => undefined, set: () => undefined });

interface Expected {
  contacts: Map<string, string>;
  followups: Map<string, string>;
  done: Set<string>;
  /** Client id → highest acknowledged edit number (a later, unacknowledged edit may have landed too). */
  edits: Map<string, number>;
  newClients: Map<string, string>;
  /** Each acknowledged batch's client ids (the demo book is a function of its seed and day). */
  batches: Map<number, string[]>;
}

interface Tally {
  kills: number;
  /** Kills that landed before the unlock (and any migration) finished, or inside the large batch. */
  inUnlock: number;
  inBatch: number;
  acked: number;
  checks: number;
  verified: number;
  losses: string[];
}

let tmp: ReturnType<typeof tempDir>;
let n = 0;
/** How to start the writer: a one-file bundle when esbuild (tsx's own) is there, else through tsx. */
let writerArgs: string[];

beforeAll(() => {
  tmp = tempDir('rmw-crash-');
  // Each of the hundreds of children then starts in about a second instead of several.
  writerArgs = nodeArgsFor(WRITER);
});

afterAll(() => tmp?.cleanup());

interface KillPlan {
  /** The child's line that starts the clock. */
  after: 'unlocking' | 'ready' | 'batch-start';
  delayMs: number;
}

/** Runs the writer until the plan kills it; every complete line it printed is an acknowledged write. */
function runWriter(dir: string, plan: KillPlan, extra: Record<string, string> = {}): Promise<Ack[]> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, writerArgs, {
      env: { ...process.env, RMW_CRASH_DIR: dir, RMW_CRASH_N: String(n), RMW_CRASH_BATCH: String(BATCH), RMW_CRASH_MIGRATIONS: DEFAULT_MIGRATIONS_DIR, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // a line cut by the kill is no acknowledgement
      for (const line of lines) {
        const ack = JSON.parse(line) as Ack;
        acks.push(ack);
        if (ack.k === plan.after && !timer) timer = setTimeout(() => child.kill('SIGKILL'), plan.delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(guard);
      clearTimeout(timer);
      if (signal === 'SIGKILL') done(acks);
      else fail(new Error(`writer ended by itself (code ${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

function record(expected: Expected, acks: Ack[], tally: Tally): void {
  tally.kills++;
  if (!acks.some((a) => a.k === 'ready')) tally.inUnlock++;
  if (acks.some((a) => a.k === 'batch-start') && !acks.some((a) => a.k === 'batch')) tally.inBatch++;
  for (const a of acks) {
    if (a.k === 'contact') expected.contacts.set(a.id, a.notes);
    else if (a.k === 'followup') expected.followups.set(a.id, a.title);
    else if (a.k === 'done') expected.done.add(a.id);
    else if (a.k === 'client') expected.edits.set(a.id, Math.max(a.n, expected.edits.get(a.id) ?? 0));
    else if (a.k === 'new-client') expected.newClients.set(a.id, a.name);
    else if (a.k === 'batch') expected.batches.set(a.seed, generateDemoBook({ clients: a.clients, seed: a.seed, today: a.today, managerId: a.managerId }).map((c) => c.id));
    else continue;
    tally.acked++;
  }
  // Contents are numbered from where the last round could have got to.
  n += 100_000;
}

/** Reopens as the app would after the crash and checks the file, the audit chain and every acknowledged write. */
async function check(dir: string, expected: Expected, tally: Tally): Promise<void> {
  const h: Harness = makeCore(dir, realClock());
  try {
    await h.call('workspace.unlock', { passphrase: PASS });
    const db = h.core.workspace.requireSession().db;
    tally.checks++;
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') tally.losses.push(`integrity_check: ${String(integrity)}`);
    const audit = await h.call('audit.verify');
    if (!audit.intact) tally.losses.push(`audit chain: ${JSON.stringify(audit)}`);
    const one = (sql: string, id: string) => db.prepare(sql).pluck().get(id) as string | undefined;
    const verify = (what: string, ok: boolean) => {
      tally.verified++;
      if (!ok) tally.losses.push(what);
    };
    for (const [id, notes] of expected.contacts) verify(`contact ${id}`, one('SELECT notes FROM contacts WHERE id = ?', id) === notes);
    for (const [id, title] of expected.followups) verify(`follow-up ${id}`, one('SELECT title FROM followups WHERE id = ?', id) === title);
    for (const id of expected.done) verify(`follow-up ${id} done`, one('SELECT status FROM followups WHERE id = ?', id) === 'done');
    for (const [id, name] of expected.newClients) verify(`client ${id}`, one('SELECT name FROM clients WHERE id = ?', id) === name);
    for (const [id, min] of expected.edits) {
      const notes = one('SELECT notes FROM clients WHERE id = ?', id);
      verify(`client ${id} edit ${min}`, Number(/^备注 (\d+)$/.exec(notes ?? '')?.[1] ?? -1) >= min);
    }
    const exists = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();
    for (const [seed, ids] of expected.batches) verify(`batch ${seed}`, ids.every((id) => exists.get(id) === 1));
  } finally {
    h.core.dispose();
  }
}

/** `search_keys` as builds before 0007 wrote it (as in search-migration.test.ts). */
function oldSearchKeys(c: { name: string; mobile: string | null; idNumber: string | null; tags: string[] }): string {
  const k = buildSearchKeys(c);
  const suffixes = k.syllables.map((_s, i) => k.syllables.slice(i).join('')).filter(Boolean);
  const pinyin = [...suffixes, k.initials].filter(Boolean).map((x) => `|${x}`).join('');
  const tags = c.tags.map((t) => `#${normaliseQuery(t)}`).join('');
  return `${pinyin}${tags}${k.tails.map((t) => `~${t}~`).join('')}`;
}

const summary = (what: string, t: Tally, started: number) =>
  console.log(`[crash-safety] ${what}: ${t.kills} kills (${t.inUnlock} during unlock, ${t.inBatch} inside a large batch), ${t.acked} writes acknowledged, ${t.checks} checks (${t.verified} acknowledged writes verified), ${t.losses.length} losses, ${((Date.now() - started) / 1000).toFixed(1)} s`);

describe('crash safety under SIGKILL', () => {
  it(`loses no acknowledged write over ${KILLS} kills (mid-write, mid-unlock, right after unlock, inside a large batch)`, async () => {
    const started = Date.now();
    const dir = join(tmp.dir, 'ws');
    const setup = makeCore(dir, realClock());
    await createWorkspace(setup);
    for (let i = 0; i < 12; i++) await setup.call('clients.create', { client: { kind: 'person', name: `客户${i}`, mobile: `1390000${String(1000 + i)}` } });
    setup.core.dispose();

    const expected: Expected = { contacts: new Map(), followups: new Map(), done: new Set(), edits: new Map(), newClients: new Map(), batches: new Map() };
    const tally: Tally = { kills: 0, inUnlock: 0, inBatch: 0, acked: 0, checks: 0, verified: 0, losses: [] };
    let batchMs = 1500;
    for (let round = 0; round < KILLS; round++) {
      const batch = round % 25 === 3;
      const plan: KillPlan =
        round % 50 === 0
          ? { after: 'unlocking', delayMs: Math.random() * 40 } // inside unlock (migration check, unlock entry)
          : round % 50 === 1
            ? { after: 'ready', delayMs: 0 } // right after unlock
            : batch
              ? { after: 'batch-start', delayMs: (0.4 + Math.random() * 0.7) * batchMs } // the book is generated first: aim at the transaction, its commit and checkpoint
              : { after: 'ready', delayMs: 50 + Math.random() * (FULL ? 1500 : 700) };
      const acks = await runWriter(dir, plan, { RMW_CRASH_MODE: batch ? 'batch' : 'mix' });
      // Aim the next batch kill at the time a batch takes here: inside it, its commit or the checkpoint after.
      const landed = acks.find((a) => a.k === 'batch');
      if (landed?.k === 'batch') batchMs = landed.ms;
      else if (batch) batchMs *= 1.5;
      record(expected, acks, tally);
      await check(dir, expected, tally);
      if (tally.losses.length) break;
    }
    summary('writes', tally, started);
    expect(tally.losses).toEqual([]);
    expect(tally.kills).toBe(KILLS);
    // The stream really wrote: contacts, follow-ups, completions and edits were all acknowledged and checked.
    expect(Math.min(expected.contacts.size, expected.followups.size, expected.edits.size)).toBeGreaterThan(0);
  });

  it(`a kill inside a schema migration leaves a workspace that opens, migrated, with its audit chain intact (${MIGRATION_KILLS}×)`, async () => {
    const started = Date.now();
    const tally: Tally = { kills: 0, inUnlock: 0, inBatch: 0, acked: 0, checks: 0, verified: 0, losses: [] };
    const old = join(tmp.dir, 'migrations-0006');
    cpSync(DEFAULT_MIGRATIONS_DIR, old, { recursive: true });
    const journalPath = join(old, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0007');
    writeFileSync(journalPath, JSON.stringify(journal));
    const latest = latestVersion(loadMigrations(DEFAULT_MIGRATIONS_DIR));
    // The kill falls within the time an unlock with migration took when one was last seen to finish.
    let unlockMs = 400;

    for (let i = 0; i < MIGRATION_KILLS; i++) {
      const dir = join(tmp.dir, `ws-old-${i}`);
      const setup = makeCore(dir, realClock(), { migrationsDir: old });
      await createWorkspace(setup);
      const s = setup.core.workspace.requireSession();
      const book = generateDemoBook({ clients: 300, seed: 100 + i, today: '2026-11-22', managerId: 'RM00123' });
      s.db.transaction(() => {
        for (const c of book) insertClient(s, validateClient(s, c.input, c.id), c.id);
        // search_keys as builds before 0007 wrote them (what its backfill reads).
        const rows = s.db.prepare('SELECT id, name, mobile, id_number AS idNumber, tags FROM clients').all() as { id: string; name: string; mobile: string | null; idNumber: string | null; tags: string }[];
        const write = s.db.prepare('UPDATE clients SET search_keys = ? WHERE id = ?');
        for (const r of rows) write.run(oldSearchKeys({ ...r, tags: JSON.parse(r.tags) as string[] }), r.id);
      })();
      setup.core.dispose();

      // 0007 backfills search terms for the 300 clients: the kill lands before, inside or after it.
      const acks = await runWriter(dir, { after: 'unlocking', delayMs: Math.random() * unlockMs }, { RMW_CRASH_MODE: 'mix' });
      const ready = acks.find((a) => a.k === 'ready');
      if (ready?.k === 'ready') unlockMs = ready.ms;
      const expected: Expected = { contacts: new Map(), followups: new Map(), done: new Set(), edits: new Map(), newClients: new Map(), batches: new Map() };
      record(expected, acks, tally);
      await check(dir, expected, tally);
      const h = makeCore(dir, realClock());
      await h.call('workspace.unlock', { passphrase: PASS });
      const db = h.core.workspace.requireSession().db;
      tally.verified++;
      if (db.pragma('user_version', { simple: true }) !== latest) tally.losses.push(`ws-old-${i}: schema not migrated`);
      const have = db.prepare('SELECT 1 FROM clients WHERE id = ?').pluck();
      tally.verified++;
      if (!book.every((c) => have.get(c.id) === 1)) tally.losses.push(`ws-old-${i}: clients lost`);
      // Search works after the interrupted backfill: the migration finished as one piece on reopen.
      const first = book[0]!.input.name;
      tally.verified++;
      if (!(await h.call('clients.list', { query: first })).rows.some((r) => r.name === first)) tally.losses.push(`ws-old-${i}: search for ${first} finds nothing`);
      h.core.dispose();
    }
    summary('migration', tally, started);
    expect(tally.losses).toEqual([]);
  });
});
