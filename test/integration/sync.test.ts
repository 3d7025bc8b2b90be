import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../src/main/core/domain/audit-chain';
import { open, seal } from '../../src/main/core/sync/envelope';
import { decodeExport, encodeJsonLines, type ExportPayload, type RosterRecord } from '../../src/main/core/sync/formats';
import { generateKeyPair, type GeneratedKeyPair } from '../../src/main/core/sync/keys';
import { SYNCED } from '../../src/main/core/services/sync-journal';
import { writeExportTo } from '../../src/main/core/services/sync-files';
import { SYNC_ENTITIES } from '../../src/shared/sync';
import { createWorkspace, makeCore, MANAGER, PASS, tempDir, testClock, type Harness } from '../helpers/core';

// The device side of the exchange with HQ over a real encrypted store and real OpenPGP:
// journal, export, roster apply (acks, removals, proposals), refusals, automatic export.

let hq: GeneratedKeyPair;
let stranger: GeneratedKeyPair;
let tmp: ReturnType<typeof tempDir>;
let h: Harness;

const WANG = { kind: 'person' as const, clientNo: 'C0001', name: '王秀英', idType: 'resident_id' as const, idNumber: '11010519491231002X', mobile: '13812345678', relationshipStart: '2025-01-10', riskGrade: 'medium' as const, riskRatedAt: '2025-01-15', aumFen: 500_000_00, notes: '喜欢清晨来电' };
const LI = { kind: 'person' as const, name: '李建国', idType: 'resident_id' as const, idNumber: '440524188001010014', mobile: '13900001111', relationshipStart: '2024-03-01', riskGrade: 'low' as const, riskRatedAt: '2024-03-05' };

beforeAll(async () => {
  hq = await generateKeyPair({ name: 'RM Workbench HQ', email: 'hq@rmw.invalid', now: new Date('2026-01-01T00:00:00Z') });
  stranger = await generateKeyPair({ name: 'Somebody', email: 'x@example.invalid', now: new Date('2026-01-01T00:00:00Z') });
});

beforeEach(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'), testClock(new Date('2026-11-22T09:00:00+08:00')));
  await createWorkspace(h);
});

afterEach(() => {
  h.core.dispose();
  tmp.cleanup();
});

const session = () => h.core.workspace.requireSession();
const devicePublic = () => session().db.prepare('SELECT device_public_key FROM sync_state').pluck().get() as string;

async function enrol(): Promise<void> {
  await h.call('sync.installHqKey', { armored: hq.publicArmored });
}

async function exportNow(): Promise<{ payload: ExportPayload; fileName: string; bytes: Uint8Array }> {
  const r = await h.call('sync.export');
  const bytes = Buffer.from(r.contentBase64, 'base64');
  const plain = await open({ message: bytes, decryptionKey: hq.privateArmored, expectedSigner: devicePublic(), now: h.clock.now() });
  return { payload: decodeExport(plain), fileName: r.fileName, bytes };
}

interface RosterOpts {
  rosterSeq: number;
  ack?: { seq: number; hash: string };
  managerId?: string;
  signer?: GeneratedKeyPair;
  version?: number;
}

async function roster(records: RosterRecord[], o: RosterOpts): Promise<string> {
  const manifest = { format: 'rmw-roster' as const, version: 1 as const, managerId: o.managerId ?? MANAGER, rosterSeq: o.rosterSeq, issuedAt: h.clock.now().toISOString(), ackedThroughSeq: o.ack?.seq ?? 0, auditAckHash: o.ack?.hash ?? GENESIS_HASH };
  let payload = encodeJsonLines(manifest, records);
  if (o.version !== undefined) payload = new TextEncoder().encode(new TextDecoder().decode(payload).replace('"version":1', `"version":${o.version}`));
  const bytes = await seal({ payload, signingKey: (o.signer ?? hq).privateArmored, recipientKey: devicePublic(), fileName: 'roster.pgp', now: h.clock.now() });
  return Buffer.from(bytes).toString('base64');
}

const ackOf = (p: ExportPayload) => ({ seq: p.manifest.toSeq, hash: p.manifest.auditHeadHash });

async function clientIdByNo(no: string): Promise<string | null> {
  return (session().db.prepare('SELECT id FROM clients WHERE client_no = ?').pluck().get(no) as string | undefined) ?? null;
}

describe('keys and enrolment', () => {
  it('makes a v4 device key at workspace creation and refuses to export before HQ is enrolled', async () => {
    const st = await h.call('sync.status');
    expect(st.device.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(st.hq).toBeNull();
    const r = await h.router.handle('sync.export', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('SYNC_NOT_ENROLLED');
    const enrolment = await h.call('sync.enrolment');
    expect(enrolment.content).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
    expect(enrolment.content).not.toContain('PRIVATE');
    expect(enrolment.fingerprint).toBe(st.device.fingerprint);
    expect(enrolment.fileName).toMatch(new RegExp(`^rmw-device-${MANAGER}-[0-9a-f]{8}\\.asc$`));
  });

  it('refuses a private key, garbage and its own key as HQ key; replacing an installed one needs confirmation', async () => {
    const err = async (armored: string, replace = false) => {
      const r = await h.router.handle('sync.installHqKey', { armored, replace });
      return r.ok ? null : r.error;
    };
    expect((await err(hq.privateArmored))?.reason).toBe('PRIVATE_KEY');
    expect((await err('hello'))?.reason).toBe('NOT_A_KEY');
    expect((await err(devicePublic()))?.reason).toBe('OWN_KEY');
    await enrol();
    expect((await h.call('sync.status')).hq?.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect((await err(stranger.publicArmored))?.code).toBe('SYNC_HQ_KEY_INSTALLED');
    await h.call('sync.installHqKey', { armored: stranger.publicArmored, replace: true });
    const audit = await h.call('audit.list', { action: 'sync.hq_key' });
    expect(audit.total).toBe(2);
  });

  it('a workspace unlocked again keeps its device key', async () => {
    const before = (await h.call('sync.status')).device.fingerprint;
    await h.call('workspace.lock');
    await h.call('workspace.unlock', { passphrase: PASS });
    expect((await h.call('sync.status')).device.fingerprint).toBe(before);
  });
});

describe('change journal', () => {
  it('every synced table is journaled by insert/update/delete triggers, and every journaled table is declared', () => {
    const triggers = session().db.prepare("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync_%'").all() as { name: string; tbl_name: string }[];
    const tables = new Set(triggers.map((t) => t.tbl_name));
    expect([...tables].sort()).toEqual(SYNC_ENTITIES.map((e) => SYNCED[e].tableName).sort());
    for (const e of SYNC_ENTITIES) for (const op of ['insert', 'update', 'delete']) expect(triggers.map((t) => t.name)).toContain(`sync_${SYNCED[e].tableName}_${op}`);
  });

  it('a write and its journal entry land together; a rolled-back write leaves no entry', async () => {
    const s = session();
    const head = () => s.db.prepare('SELECT coalesce(max(seq), 0) FROM sync_journal').pluck().get() as number;
    const before = head();
    const id = (await h.call('clients.create', { client: WANG })).id;
    expect(head()).toBeGreaterThan(before);
    const mid = head();
    expect(() =>
      s.db.transaction(() => {
        s.db.prepare("UPDATE clients SET notes = 'x' WHERE id = ?").run(id);
        throw new Error('boom');
      })(),
    ).toThrow('boom');
    expect(head()).toBe(mid);
    // Derived search columns are not a change to send.
    s.db.prepare("UPDATE clients SET search_keys = search_keys || '|x' WHERE id = ?").run(id);
    expect(head()).toBe(mid);
  });
});

describe('export', () => {
  it('carries every changed row once at its newest change, the RM-owned client fields only, and the audit chain from the start', async () => {
    await enrol();
    const wang = (await h.call('clients.create', { client: WANG })).id;
    const prospect = (await h.call('clients.create', { client: { kind: 'person', name: '赵小飞', mobile: '13700001234' } })).id;
    await h.call('contacts.log', { clientId: wang, at: '2026-11-22T08:30:00+08:00', channel: 'phone', direction: 'outbound', outcome: 'reached', purpose: 'care' });
    const c = await h.call('clients.get', { id: wang });
    await h.call('clients.update', { id: wang, rev: c.rev, patch: { notes: '喜欢下午来电' } });

    const st = await h.call('sync.status');
    expect(st.pending.byEntity.client).toBe(2);
    expect(st.pending.byEntity.contact).toBe(1);
    const { payload, fileName } = await exportNow();
    const m = payload.manifest;
    expect(fileName).toBe(`rmw-${MANAGER}-${st.device.deviceId.replace(/-/g, '').slice(-8)}-0-${m.toSeq}.pgp`);
    expect(m.fromSeq).toBe(0);
    expect(m.devicePublicKeyFp).toBe(st.device.fingerprint);
    expect(m.auditFromSeq).toBe(0);
    expect(m.auditPrevHash).toBe(GENESIS_HASH);
    expect(payload.audit.length).toBe(m.auditToSeq);

    const clientRecs = payload.records.filter((r) => r.entity === 'client');
    expect(clientRecs.map((r) => r.id).sort()).toEqual([wang, prospect].sort());
    const w = clientRecs.find((r) => r.id === wang)!;
    // Known to core banking: only what the RM owns travels (HQ has the rest).
    expect(w.data).toMatchObject({ clientNo: 'C0001', notes: '喜欢下午来电', tags: [], optOutMarketing: false, lunarLeap: false, companyAnniversaries: [] });
    expect(w.data).not.toHaveProperty('idNumber');
    expect(w.data).not.toHaveProperty('mobile');
    expect(w.data).not.toHaveProperty('aumFen');
    expect(w.data).not.toHaveProperty('searchKeys');
    // A prospect HQ does not know travels whole.
    expect(clientRecs.find((r) => r.id === prospect)!.data).toMatchObject({ name: '赵小飞', mobile: '13700001234' });
    expect(payload.records.filter((r) => r.entity === 'contact')).toHaveLength(1);
    expect(payload.records.find((r) => r.entity === 'contact')?.data).toMatchObject({ clientId: wang, proactive: true, attendees: [], outcome: 'reached' });
    expect(payload.records.some((r) => r.entity === 'followup')).toBe(true);

    // Not acknowledged: the next export starts from the same point again (cumulative).
    const again = await exportNow();
    expect(again.payload.manifest.fromSeq).toBe(0);
    expect(again.payload.manifest.toSeq).toBe(m.toSeq);
    const history = await h.call('sync.history', {});
    expect(history.filter((e) => e.kind === 'export')).toHaveLength(2);
  });

  it('a deleted row travels as a delete', async () => {
    await enrol();
    const id = (await h.call('clients.create', { client: WANG })).id;
    const first = await exportNow();
    await h.call('sync.rosterApply', { fileName: 'r1.pgp', contentBase64: await roster([], { rosterSeq: 1, ack: ackOf(first.payload) }) });
    await h.call('clients.delete', { id });
    const { payload } = await exportNow();
    expect(payload.manifest.fromSeq).toBe(first.payload.manifest.toSeq);
    expect(payload.records.find((r) => r.entity === 'client' && r.id === id)).toMatchObject({ op: 'delete', data: null });
  });
});

describe('roster apply', () => {
  it('assigns, updates HQ fields, acknowledges, and the next export starts after the acknowledged seq', async () => {
    await enrol();
    const wang = (await h.call('clients.create', { client: WANG })).id;
    const first = await exportNow();
    const file = await roster(
      [
        { type: 'update', clientNo: 'C0001', fields: { aumFen: 800_000_00, riskGrade: 'medium' } },
        { type: 'assign', clientNo: 'C0002', fields: { kind: 'person', name: LI.name, idType: LI.idType, idNumber: LI.idNumber, mobile: LI.mobile, aumFen: 120_000_00 } },
      ],
      { rosterSeq: 1, ack: ackOf(first.payload) },
    );
    const preview = await h.call('sync.rosterPreview', { fileName: 'r1.pgp', contentBase64: file });
    expect(preview).toMatchObject({ assigned: 1, updated: 1, removed: 0, rosterSeq: 1 });
    // A preview changes nothing.
    expect((await h.call('clients.get', { id: wang })).aumFen).toBe(500_000_00);

    const r = await h.call('sync.rosterApply', { fileName: 'r1.pgp', contentBase64: file });
    expect(r).toMatchObject({ applied: true, assigned: 1, updated: 1 });
    const w = await h.call('clients.get', { id: wang });
    expect(w.aumFen).toBe(800_000_00);
    // The RM's own fields are untouched by HQ.
    expect(w.notes).toBe('喜欢清晨来电');
    expect(await clientIdByNo('C0002')).not.toBeNull();

    const st = await h.call('sync.status');
    expect(st.ackedThroughSeq).toBe(first.payload.manifest.toSeq);
    expect(st.lastRosterSeq).toBe(1);
    const next = await exportNow();
    expect(next.payload.manifest.fromSeq).toBe(first.payload.manifest.toSeq);
    expect(next.payload.manifest.auditFromSeq).toBe(first.payload.manifest.auditToSeq);
    expect(next.payload.manifest.auditPrevHash).toBe(first.payload.manifest.auditHeadHash);
    // HQ's own changes come back as the client's new state (rev moved), the new client as an upsert.
    expect(next.payload.records.some((x) => x.entity === 'client' && x.id === wang)).toBe(true);
    // Journal entries HQ holds are pruned.
    expect(session().db.prepare('SELECT count(*) FROM sync_journal WHERE seq <= ?').pluck().get(first.payload.manifest.toSeq)).toBe(0);
  });

  it('a client taken out of the book: counted first, its pending changes go in the next export, then its rows are deleted', async () => {
    await enrol();
    const wang = (await h.call('clients.create', { client: WANG })).id;
    const first = await exportNow();
    const contact = await h.call('contacts.log', { clientId: wang, at: '2026-11-22T08:30:00+08:00', channel: 'visit', direction: 'outbound', outcome: 'reached', purpose: 'care', notes: '面谈理财到期' });
    const file = await roster([{ type: 'unassign', clientNo: 'C0001' }], { rosterSeq: 1, ack: ackOf(first.payload) });
    expect(await h.call('sync.rosterPreview', { fileName: 'r.pgp', contentBase64: file })).toMatchObject({ removed: 1, removedWithPending: 1 });
    await h.call('sync.rosterApply', { fileName: 'r.pgp', contentBase64: file });
    expect(await clientIdByNo('C0001')).toBeNull();
    expect(session().db.prepare('SELECT count(*) FROM contacts WHERE client_id = ?').pluck().get(wang)).toBe(0);
    const audit = await h.call('audit.list', { action: 'sync.roster.apply' });
    expect(audit.entries[0]?.details).toMatchObject({ removed: 1, removedWithPending: 1 });

    const next = await exportNow();
    const kept = next.payload.records.find((r) => r.entity === 'contact' && r.id === contact.contact.id);
    expect(kept).toMatchObject({ op: 'upsert', data: { notes: '面谈理财到期', clientId: wang } });
    // The deletions themselves are not sent.
    expect(next.payload.records.some((r) => r.op === 'delete')).toBe(false);

    // Once HQ acknowledges that export, nothing of the client is left.
    await h.call('sync.rosterApply', { fileName: 'r2.pgp', contentBase64: await roster([], { rosterSeq: 2, ack: ackOf(next.payload) }) });
    expect(session().db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
  });

  it('an edited HQ field becomes a proposal: HQ value kept, exported with its note, settled by the next roster', async () => {
    await enrol();
    const wang = (await h.call('clients.create', { client: WANG })).id;
    let c = await h.call('clients.get', { id: wang });
    expect(c.hqManaged).toBe(true);
    c = await h.call('clients.update', { id: wang, rev: c.rev, patch: { mobile: '13811112222', notes: '新号码' }, proposalNote: '拜访时客户提供新手机号' });
    expect(c.masked.mobile).toBe('138****5678');
    expect(c.notes).toBe('新号码');
    expect(c.proposals).toHaveLength(1);
    expect(c.proposals[0]).toMatchObject({ field: 'mobile', status: 'pending', note: '拜访时客户提供新手机号', proposedValue: '138****2222' });
    expect((await h.call('sync.status')).pendingProposals).toBe(1);

    const first = await exportNow();
    const p = first.payload.records.find((r) => r.entity === 'proposal');
    expect(p?.data).toMatchObject({ clientId: wang, field: 'mobile', hqValue: '13812345678', proposedValue: '13811112222', status: 'pending' });

    await h.call('sync.rosterApply', { fileName: 'r.pgp', contentBase64: await roster([{ type: 'update', clientNo: 'C0001', fields: { mobile: '13811112222' } }], { rosterSeq: 1, ack: ackOf(first.payload) }) });
    c = await h.call('clients.get', { id: wang });
    expect(c.masked.mobile).toBe('138****2222');
    expect(c.proposals[0]?.status).toBe('accepted');
    expect((await h.call('sync.status')).pendingProposals).toBe(0);
  });

  it('a replacement laptop: an update of a client it does not have puts the client in the book; one without a name is left alone', async () => {
    await enrol();
    const r = await h.call('sync.rosterApply', { fileName: 'r.pgp', contentBase64: await roster(
      [
        { type: 'update', clientNo: 'C0002', fields: { kind: 'person', name: LI.name, aumFen: 1_000_00 } },
        { type: 'update', clientNo: 'C0003', fields: { aumFen: 2_000_00 } },
      ],
      { rosterSeq: 1 },
    ) });
    expect(r).toMatchObject({ assigned: 1, updated: 0 });
    expect(await clientIdByNo('C0002')).not.toBeNull();
    expect(await clientIdByNo('C0003')).toBeNull();
  });

  it('a proposal HQ has not yet seen is not settled by a roster', async () => {
    await enrol();
    const wang = (await h.call('clients.create', { client: WANG })).id;
    const c = await h.call('clients.get', { id: wang });
    await h.call('clients.update', { id: wang, rev: c.rev, patch: { mobile: '13811112222' } });
    await h.call('sync.rosterApply', { fileName: 'r.pgp', contentBase64: await roster([{ type: 'update', clientNo: 'C0001', fields: { mobile: '13812345678' } }], { rosterSeq: 1 }) });
    expect((await h.call('clients.get', { id: wang })).proposals[0]?.status).toBe('pending');
  });
});

describe('refused rosters leave the workspace unchanged and say why', () => {
  /** Every table but the audit log and the file history, as JSON. */
  function snapshot(): string {
    const s = session();
    const tables = (s.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'sync_history') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
    // Rows in a canonical order (some tables are WITHOUT ROWID).
    return JSON.stringify(tables.map((t) => [t, s.db.prepare(`SELECT * FROM "${t}"`).all().map((r) => JSON.stringify(r)).sort()]));
  }

  it.each([
    ['flipped byte', 'CORRUPT'],
    ['signed by another key', 'UNKNOWN_SIGNER'],
    ['another manager', 'WRONG_MANAGER'],
    ['replayed rosterSeq', 'REPLAY'],
    ['unknown format version', 'UNKNOWN_VERSION'],
    ['empty file', 'EMPTY'],
    ['plain text', 'NOT_OPENPGP'],
  ])('%s → %s', async (_name, reason) => {
    await enrol();
    await h.call('clients.create', { client: WANG });
    const first = await exportNow();
    await h.call('sync.rosterApply', { fileName: 'r1.pgp', contentBase64: await roster([], { rosterSeq: 1, ack: ackOf(first.payload) }) });
    const records: RosterRecord[] = [{ type: 'update', clientNo: 'C0001', fields: { aumFen: 1 } }, { type: 'unassign', clientNo: 'C0001' }];
    let content: string;
    if (reason === 'CORRUPT') {
      const bytes = Buffer.from(await roster(records, { rosterSeq: 2 }), 'base64');
      // Every position is covered by the envelope unit tests; here one in the encrypted body.
      bytes[Math.floor(bytes.length * 0.6)]! ^= 0x01;
      content = bytes.toString('base64');
    } else if (reason === 'UNKNOWN_SIGNER') content = await roster(records, { rosterSeq: 2, signer: stranger });
    else if (reason === 'WRONG_MANAGER') content = await roster(records, { rosterSeq: 2, managerId: 'RM99999' });
    else if (reason === 'REPLAY') content = await roster(records, { rosterSeq: 1 });
    else if (reason === 'UNKNOWN_VERSION') content = await roster(records, { rosterSeq: 2, version: 2 });
    else if (reason === 'EMPTY') content = '';
    else content = Buffer.from('客户号,客户名称\nC0001,王秀英\n').toString('base64');

    const before = snapshot();
    const auditBefore = (await h.call('audit.list', {})).total;
    const r = await h.router.handle('sync.rosterApply', { fileName: 'bad.pgp', contentBase64: content });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('SYNC_FILE_REFUSED');
    expect(r.error.reason).toBe(reason);
    expect(snapshot()).toBe(before);
    // The refusal itself is recorded: one audit entry and a history row naming the reason.
    const audit = await h.call('audit.list', {});
    expect(audit.total).toBe(auditBefore + 1);
    expect(audit.entries[0]).toMatchObject({ action: 'sync.roster.refused', details: { reason } });
    const hist = await h.call('sync.history', {});
    expect(hist[0]).toMatchObject({ kind: 'roster', outcome: 'refused', reason, fileName: 'bad.pgp' });
  });
});

describe('periodic sync', () => {
  it('Today reminds when nothing was ever exported, then when the interval has passed', async () => {
    expect((await h.call('agenda.today')).sync).toBeNull();
    await enrol();
    await h.call('clients.create', { client: WANG });
    expect((await h.call('agenda.today')).sync?.due).toBe('never');
    await exportNow();
    expect((await h.call('agenda.today')).sync?.due).toBeNull();
    await h.call('sync.settings', { intervalDays: 3 });
    h.clock.advanceMinutes(4 * 24 * 60);
    await h.call('session.activity');
    expect((await h.call('agenda.today')).sync?.due).toBe('interval');
  });

  it('a desktop notification says the export is due, once a day, with no client data', async () => {
    const events: { event: string; payload: unknown }[] = [];
    const dir = join(tmp.dir, 'ws2');
    const h2 = makeCore(dir, testClock(new Date('2026-11-22T09:00:00+08:00')), { emit: (event, payload) => events.push({ event, payload }) });
    try {
      await h2.call('workspace.create', { managerId: MANAGER, displayName: '王经理', passphrase: PASS });
      await h2.call('sync.installHqKey', { armored: hq.publicArmored });
      await h2.call('clients.create', { client: WANG });
      h2.core.remind();
      const notes = events.filter((e) => e.event === 'reminders.due').map((e) => e.payload as { title: string; body: string });
      const sync = notes.find((n) => n.title === '请向总行同步');
      expect(sync?.body).toMatch(/尚未向总行导出过，有 \d+ 项变更待同步/);
      expect(sync?.body).not.toContain('王秀英');
      events.length = 0;
      h2.core.remind();
      expect(events.filter((e) => (e.payload as { title: string }).title === '请向总行同步')).toHaveLength(0);
    } finally {
      h2.core.dispose();
    }
  });

  it('exports into the bank sync folder on lock, never overwriting a file not yet acknowledged', async () => {
    await enrol();
    await h.call('clients.create', { client: WANG });
    const share = join(tmp.dir, 'share');
    mkdirSync(share);
    const s = session();
    s.inTransaction({ action: 'test.config' }, () => {
      s.db.prepare("INSERT INTO settings (key, value) VALUES ('sync.autoExportDir', ?)").run(JSON.stringify(share));
    });
    await h.call('sync.settings', { autoExportOnLock: true });
    await h.call('workspace.lock');
    const files = readdirSync(share);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^rmw-RM00123-[0-9a-f]{8}-0-\d+\.pgp$/);
    const first = readFileSync(join(share, files[0]!));
    expect(first.length).toBeGreaterThan(100);

    await h.call('workspace.unlock', { passphrase: PASS });
    const hist = await h.call('sync.history', {});
    expect(hist.find((e) => e.kind === 'export')).toMatchObject({ auto: true, outcome: 'written', fileName: files[0] });
    // The same range again: the file already there is left as it was, and the RM is told.
    const now = await writeExportTo(session(), share);
    await expect(writeExportTo(session(), share)).rejects.toMatchObject({ value: { code: 'SYNC_FILE_EXISTS' } });
    expect(readFileSync(join(share, files[0]!)).equals(first)).toBe(true);
    // More changes: a new cumulative file beside the unacknowledged one, which stays untouched.
    await h.call('clients.create', { client: { ...WANG, clientNo: 'C0009', idNumber: '440524188001010014', name: '李四' } });
    await h.call('workspace.lock');
    expect(readdirSync(share)).toHaveLength(new Set([files[0], now.result.fileName]).size + 1);
    expect(readFileSync(join(share, files[0]!)).equals(first)).toBe(true);
  });
});

