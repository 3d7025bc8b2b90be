// IPC fuzzing (issue 9): every channel of the contract, enumerated at run time, gets junk and
// mutated valid inputs through the path a renderer's call takes: structured clone (Electron
// IPC), main's parseInput, structured clone again (to the core worker), the router, and the
// reply as bytes (wire.ts). Replies must be values, never INTERNAL, never a throw.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../src/shared/channels';
import { translate } from '../../src/shared/i18n';
import { parseInput } from '../../src/shared/validate';
import { decodeResult, encodeResult } from '../../src/shared/wire';
import { createWorkspace, makeCore, PASS, tempDir, type Harness } from '../helpers/core';
import { bookDigest, printTable } from './hostile-support';
import { junk, mutate, rng, type Rng } from './ipc-fuzz-payloads';

const FULL = process.env['RMW_FAULTS'] === 'full';
const PER_CHANNEL = FULL ? 500 : 30;
/** Valid inputs here would end the session or rebuild the book mid-run: they get junk only. */
const NO_VALID_RUN = (c: string) => ['workspace.lock', 'workspace.changePassphrase', 'demo.load'].includes(c) || /restore|reset|wipe|delete(All|Workspace)/i.test(c);

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
let examples: Record<string, unknown>;
const stats = new Map<string, { sent: number; refusedByMain: number; ok: number; codes: Map<string, number> }>();
const failures: string[] = [];
const protoKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

beforeAll(async () => {
  tmp = tempDir('rmw-fuzz-');
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
  await h.call('demo.load', { clients: 25, seed: 5, contacts: 40 });
  examples = await validExamples(h);
});

afterAll(() => {
  const rows = [...stats.entries()].map(([c, s]) => [c, s.sent, s.refusedByMain, s.ok, [...s.codes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, n]) => `${k}:${n}`).join(' ')]);
  printTable(`IPC fuzz, ${PER_CHANNEL} junk + ${PER_CHANNEL} mutated per channel, unlocked and locked`, ['channel', 'sent', 'refused by main', 'ok', 'top codes'], rows);
  console.log(`junk only (valid mutations would end the session or rebuild the book): ${CHANNELS.filter(NO_VALID_RUN).join(', ')}`);
  h.core.dispose();
  tmp.cleanup();
});

describe('IPC fuzzing of every contract channel', () => {
  it('has a valid example for each channel it knows (others still get junk)', () => {
    const bad = Object.entries(examples).filter(([c, input]) => !parseInput(c, input).ok).map(([c, input]) => `${c}: ${JSON.stringify(parseInput(c, input))}`);
    expect(bad).toEqual([]);
    const unknown = CHANNELS.filter((c) => !(c in examples));
    if (unknown.length) console.log(`channels without a hand-written example (mutating {}): ${unknown.join(', ')}`);
  });

  it('unlocked: junk is refused and changes nothing; mutated inputs answer with values', async () => {
    const before = bookDigest(h);
    await fuzzJunk(1);
    expect(failures).toEqual([]);
    expect(bookDigest(h), 'junk changed the book').toBe(before);
    await fuzzMutations(2);
    expect(failures).toEqual([]);
    await expectConsistent();
  });

  it('locked: the same, and nothing but the open channels runs', async () => {
    await h.call('workspace.lock');
    await fuzzJunk(3);
    await fuzzMutations(4);
    expect(failures).toEqual([]);
    // Wrong passphrases were sent: the throttle's clock moves on, then the right one opens the book.
    h.clock.advanceMinutes(24 * 60);
    await h.call('workspace.unlock', { passphrase: PASS });
    await expectConsistent();
  });
});

async function fuzzJunk(seed: number): Promise<void> {
  for (const channel of CHANNELS) {
    const r = rng(seed * 7919 + CHANNELS.indexOf(channel));
    for (let i = 0; i < PER_CHANNEL; i++) {
      const payload = junk(r);
      // Junk that parses as valid input (a Map or Date reads as {}) is not junk: left out here.
      if (safeParses(channel, payload)) continue;
      await deliver(channel, payload, { mustRefuse: true });
    }
  }
}

async function fuzzMutations(seed: number): Promise<void> {
  for (const channel of CHANNELS) {
    if (NO_VALID_RUN(channel)) continue;
    const r: Rng = rng(seed * 104_729 + CHANNELS.indexOf(channel));
    const valid = examples[channel] ?? {};
    for (let i = 0; i < PER_CHANNEL; i++) await deliver(channel, mutate(r, valid), { mustRefuse: false });
  }
}

function safeParses(channel: string, payload: unknown): boolean {
  try {
    return parseInput(channel, structuredClone(payload)).ok;
  } catch {
    return false;
  }
}

/** The renderer → main → worker → main → renderer trip, plus the router called directly (CLI, tests). */
async function deliver(channel: Channel, payload: unknown, { mustRefuse }: { mustRefuse: boolean }): Promise<void> {
  const s = stats.get(channel) ?? { sent: 0, refusedByMain: 0, ok: 0, codes: new Map() };
  stats.set(channel, s);
  s.sent++;
  const label = `${channel} #${s.sent}`;
  const note = (reply: unknown) => {
    const problem = replyProblem(reply);
    if (problem) failures.push(`${label}: ${problem} ${JSON.stringify(reply)?.slice(0, 300)}`);
    const rep = reply as { ok: boolean; error?: { code: string } };
    if (rep?.ok) s.ok++;
    else if (rep?.error) s.codes.set(rep.error.code, (s.codes.get(rep.error.code) ?? 0) + 1);
    if (mustRefuse && rep?.ok) failures.push(`${label}: junk accepted`);
  };

  // In process: the router takes the object as it is, getters, proxies and all.
  try {
    note(await h.router.handle(channel, payload));
  } catch (e) {
    failures.push(`${label}: router threw ${String(e)}`);
  }
  checkPrototypes(label);

  // Through IPC: what structured clone cannot carry never leaves the renderer.
  let sent: unknown;
  try {
    sent = structuredClone(payload);
  } catch {
    return;
  }
  let reply: unknown;
  try {
    const parsed = parseInput(channel, sent);
    if (!parsed.ok) {
      s.refusedByMain++;
      reply = decodeResult(parsed);
    } else {
      const result = await h.router.handle(parsed.data.channel, structuredClone(parsed.data.input));
      reply = decodeResult(encodeResult(result));
    }
  } catch (e) {
    failures.push(`${label}: main or worker threw ${String(e)}`);
    return;
  }
  note(reply);
  checkPrototypes(label);
}

function replyProblem(reply: unknown): string | null {
  if (!reply || typeof reply !== 'object') return 'reply is not an object';
  const r = reply as { ok?: unknown; data?: unknown; error?: { code?: unknown } };
  if (r.ok === true) return 'data' in r ? null : 'ok without data';
  if (r.ok !== false || !r.error || typeof r.error.code !== 'string') return 'malformed reply';
  if (r.error.code === 'INTERNAL') return 'INTERNAL (validation let junk through)';
  for (const l of ['zh-CN', 'en'] as const) if (translate(l, `errors.${r.error.code}`) === `errors.${r.error.code}`) return `no ${l} message for ${r.error.code}`;
  return null;
}

function checkPrototypes(label: string): void {
  const probe = {} as Record<string, unknown>;
  if (probe['polluted'] !== undefined || probe['isAdmin'] !== undefined || typeof probe['toString'] !== 'function' || Object.getOwnPropertyNames(Object.prototype).sort().join() !== protoKeys) {
    failures.push(`${label}: Object.prototype polluted`);
  }
}

async function expectConsistent(): Promise<void> {
  const db = h.core.workspace.requireSession().db;
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(await h.call('audit.verify')).toMatchObject({ intact: true });
}

/** One valid input per channel, naming real records of the book. */
async function validExamples(h: Harness): Promise<Record<string, unknown>> {
  const list = await h.call('clients.list', { limit: 5, sort: 'name', order: 'asc' });
  const client = await h.call('clients.get', { id: list.rows[0]!.id });
  const followup = await h.call('followups.create', { clientId: client.id, type: 'call', due: '2026-12-01', title: '回访' });
  const contact = await h.call('contacts.log', { clientId: client.id, channel: 'phone', outcome: 'reached', notes: '通话' });
  const a = await h.call('segments.snapshot');
  const b = await h.call('segments.snapshot');
  const csv = Buffer.from('姓名,手机\n模糊导入,13800001234\n').toString('base64');
  const greeting = { clientId: client.id, occasion: 'birthday', date: '2026-12-01' };
  return {
    'workspace.status': {},
    'workspace.create': { managerId: 'RM00999', displayName: '李经理', passphrase: 'Another-Long-Pass-2026' },
    'workspace.unlock': { passphrase: PASS },
    'workspace.lock': {},
    'workspace.changePassphrase': { current: PASS, next: 'New-Harbour-Lantern-2027' },
    'session.activity': {},
    'settings.get': {},
    'settings.update': { autoLockMinutes: 15, locale: 'zh-CN' },
    'audit.list': { action: 'client.create', from: '2026-01-01', to: '2026-12-31', limit: 10, offset: 0 },
    'audit.verify': {},
    'clients.list': { query: '王', status: 'active', sort: 'name', order: 'asc', limit: 20, offset: 0 },
    'clients.get': { id: client.id },
    'clients.reveal': { id: client.id, field: 'mobile' },
    'clients.create': { client: { kind: 'person', name: '模糊测试', mobile: '13900001111', birthDate: '1980-01-02', tags: ['x'], aumFen: 100 } },
    'clients.update': { id: client.id, rev: client.rev, patch: { notes: '更新', tags: ['y'] } },
    'clients.delete': { id: list.rows[4]!.id },
    'import.preview': { fileName: 'a.csv', contentBase64: csv },
    'import.commit': { fileName: 'a.csv', contentBase64: csv, onDuplicate: 'skip' },
    'demo.load': { clients: 5, seed: 1 },
    'segments.summary': { metric: 'aum' },
    'segments.snapshot': {},
    'segments.snapshots': {},
    'segments.movement': { from: a.id, to: b.id },
    'segments.kpis': {},
    'segments.settings': { aCutoff: 0.8, bCutoff: 0.95 },
    'contacts.log': { clientId: client.id, channel: 'phone', outcome: 'no_answer', purpose: 'care', notes: 'n' },
    'contacts.update': { id: contact.contact.id, rev: contact.contact.rev, patch: { notes: 'x' } },
    'contacts.list': { clientId: client.id, limit: 10 },
    'contacts.checkCap': { clientId: client.id, at: '2026-11-22T10:00:00+08:00' },
    'contacts.settings': { contactCap: 3 },
    'followups.create': { clientId: client.id, type: 'call', due: '2026-12-01', title: '回访' },
    'followups.update': { id: followup.id, rev: followup.rev, patch: { title: '新标题' } },
    'followups.get': { id: followup.id },
    'followups.reschedule': { id: followup.id, date: '2026-12-05' },
    'followups.snooze': { id: followup.id, until: '2026-12-03' },
    'followups.complete': { id: followup.id, note: 'done' },
    'followups.cancel': { id: followup.id, reason: '客户出差' },
    'agenda.today': {},
    'agenda.range': { from: '2026-11-01', to: '2026-11-30', types: ['call'] },
    'agenda.exportIcs': { ids: [followup.id] },
    'clients.timeline': { id: client.id },
    'visits.brief': { followupId: followup.id },
    'shell.printToPdf': { fileName: 'brief.pdf' },
    'greetings.list': { from: '2026-11-01', to: '2026-12-31' },
    'greetings.mark': { items: [greeting], status: 'sent', channel: 'sms' },
    'greetings.exportCsv': { items: [greeting] },
    'greetings.templates': {},
    'greetings.settings': { feb29: 'mar1', lantern: true },
    'sync.status': {},
    'sync.installHqKey': { armored: '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n' },
    'sync.enrolment': {},
    'sync.export': {},
    'sync.rosterPreview': { fileName: 'roster.pgp', contentBase64: Buffer.from('not a roster').toString('base64') },
    'sync.rosterApply': { fileName: 'roster.pgp', contentBase64: Buffer.from('not a roster').toString('base64') },
    'sync.history': { limit: 5 },
    'sync.settings': { intervalDays: 7 },
  };
}
