import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { GENESIS_HASH } from '../main/core/domain/audit-chain';
import type { ClientDraft, ImportField } from '../main/core/import/fields';
import { checkImportFile, type ImportCheck } from '../main/core/import/pipeline';
import { draftValues } from '../main/core/import/draft-values';
import { parseTableFile } from '../main/core/import/table';
import { seal } from '../main/core/sync/envelope';
import { encodeJsonLines, FORMAT_VERSION, ROSTER_FORMAT, rosterRecordSchema, type RosterManifest, type RosterRecord } from '../main/core/sync/formats';
import { managerIdSchema } from '../shared/contract';
import { HQ_OWNED_FIELDS, type HqOwnedField } from '../shared/sync';
import { readDeviceKey } from './devices';
import { replaceFile, writeNewFile } from './files';
import { loadHqKeys } from './keygen';
import { HqError, type RowProblem } from './messages';
import { latestAccepted, readReceipts, RECEIPTS_FILE } from './outputs';

// `hq roster build`: one manager's book from HQ's extract, as a roster file signed with the HQ
// key and encrypted to the manager's device (sync-format.md, HQ → RM). HQ remembers which client
// numbers it sent each manager, so the next roster assigns the new ones, updates the others and
// takes away those no longer in the extract.

export const ROSTERS_DIR = 'rosters';

export interface RosterBuildInput {
  keysDir: string;
  managerId: string;
  deviceKeyFile: string;
  extractFile: string;
  /** Output folder of `hq ingest`: acknowledge what it accepted from this device. */
  ingestDir?: string;
  /** Or an explicit acknowledgement. Neither → nothing acknowledged (0, genesis). */
  ack?: { throughSeq: number; auditHash: string };
  outFile: string;
  /** YYYY-MM-DD: bounds dates in the extract (no birth date after today). */
  today: string;
  /** Issue time, and the moment keys and signature are judged at. */
  now: Date;
}

export interface RosterBuildResult {
  outFile: string;
  managerId: string;
  deviceId: string;
  rosterSeq: number;
  assigned: number;
  updated: number;
  unassigned: number;
  ackedThroughSeq: number;
  auditAckHash: string;
  /** Extract headers that name no field: shown to the operator, not used. */
  unusedColumns: string[];
}

/** What HQ sent a manager last: `KEYS/rosters/<managerId>.json`. */
export interface RosterState {
  rosterSeq: number;
  clientNos: string[];
}

const rosterStateSchema = z.object({ rosterSeq: z.number().int().min(1), clientNos: z.array(z.string().min(1)) });
const ACK_HASH = /^[0-9a-f]{64}$/;

export async function buildRoster(input: RosterBuildInput): Promise<RosterBuildResult> {
  const manager = managerIdSchema.safeParse(input.managerId);
  if (!manager.success || manager.data !== input.managerId) throw new HqError('manager.invalid', { manager: input.managerId });
  const managerId = manager.data;
  const outFile = resolve(input.outFile);
  if (existsSync(outFile)) throw new HqError('roster.outExists', { file: outFile });
  if (input.ingestDir !== undefined && input.ack !== undefined) throw new HqError('roster.ackOptions');
  if (input.ack && (!Number.isSafeInteger(input.ack.throughSeq) || input.ack.throughSeq < 0)) throw new HqError('roster.badAckSeq');
  if (input.ack && !ACK_HASH.test(input.ack.auditHash)) throw new HqError('roster.badAckHash');

  const hq = await loadHqKeys(input.keysDir);
  const device = await readDeviceKey(input.deviceKeyFile, { unreadable: 'device.unreadable', invalid: 'device.invalid', notDevice: 'device.notDevice' });
  if (device.managerId !== managerId) throw new HqError('device.wrongManager', { file: input.deviceKeyFile, keyManager: device.managerId, manager: managerId });

  const extract = await readExtract(input.extractFile, input.today, managerId);

  const statePath = join(resolve(input.keysDir), ROSTERS_DIR, `${managerId}.json`);
  const previous = readState(statePath);
  const before = new Set(previous?.clientNos ?? []);
  const current = new Set(extract.rows.map((e) => e.clientNo));
  const records: RosterRecord[] = [
    ...extract.rows.map((e): RosterRecord => (before.has(e.clientNo) ? e.update : e.assign)),
    ...[...before].filter((no) => !current.has(no)).sort().map((clientNo): RosterRecord => ({ type: 'unassign', clientNo })),
  ];

  const ack = input.ingestDir !== undefined ? ackFromIngest(input.ingestDir, device.deviceId) : input.ack ? { throughSeq: input.ack.throughSeq, auditHash: input.ack.auditHash } : { throughSeq: 0, auditHash: GENESIS_HASH };
  const manifest: RosterManifest = {
    format: ROSTER_FORMAT,
    version: FORMAT_VERSION,
    managerId,
    rosterSeq: (previous?.rosterSeq ?? 0) + 1,
    issuedAt: input.now.toISOString(),
    ackedThroughSeq: ack.throughSeq,
    auditAckHash: ack.auditHash,
  };
  const payload = encodeJsonLines(manifest, records);
  const sealed = await seal({ payload, signingKey: hq.secretArmored, recipientKey: device.armored, fileName: basename(outFile), now: input.now });

  mkdirSync(dirname(outFile), { recursive: true });
  writeNewFile(outFile, sealed, { existsKey: 'roster.outExists' });
  // Remembered only once the roster exists: a failed build leaves HQ's record as it was.
  mkdirSync(join(resolve(input.keysDir), ROSTERS_DIR), { recursive: true });
  const state: RosterState = { rosterSeq: manifest.rosterSeq, clientNos: [...current] };
  replaceFile(statePath, JSON.stringify(state, null, 2) + '\n');

  const count = (type: RosterRecord['type']) => records.filter((r) => r.type === type).length;
  return {
    outFile,
    managerId,
    deviceId: device.deviceId,
    rosterSeq: manifest.rosterSeq,
    assigned: count('assign'),
    updated: count('update'),
    unassigned: count('unassign'),
    ackedThroughSeq: manifest.ackedThroughSeq,
    auditAckHash: manifest.auditAckHash,
    unusedColumns: extract.unusedColumns,
  };
}

export interface Extract {
  rows: ExtractRow[];
  /** Headers that name no field: shown to the operator, not used. */
  unusedColumns: string[];
}

export interface ExtractRow {
  row: number;
  clientNo: string;
  assign: RosterRecord & { type: 'assign' };
  update: RosterRecord & { type: 'update' };
}

/** The extract as roster records, or a refusal naming every bad row: a roster is all or nothing. */
export async function readExtract(file: string, today: string, managerId: string): Promise<Extract> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new HqError('extract.unreadable', { file, reason: 'cannot open' });
  }
  const result = await checkImportFile(bytes, today);
  if (!result.ok) throw new HqError('extract.unreadable', { file, reason: result.error.code });
  const { check } = result;
  if (check.duplicateHeaders.length > 0) throw new HqError('extract.headerDuplicate', { header: check.duplicateHeaders[0]! });

  const problems: RowProblem[] = [];
  for (const issue of check.tableIssues) {
    if (issue.code === 'ROW_EXTRA_CELLS' && issue.row !== undefined) problems.push({ row: issue.row, field: 'row', code: 'EXTRA_CELLS' });
  }
  // Rows with errors have no draft: their client numbers are read from the table itself, so a
  // missing one is named in the same pass as the row's other problems.
  const invalid = check.rows.some((r) => !r.draft);
  const rawClientNo = invalid ? await clientNoCells(bytes, check) : new Map<number, string>();

  const rows: ExtractRow[] = [];
  const seen = new Map<string, number>();
  for (const row of check.rows) {
    for (const e of row.errors) problems.push({ row: row.rowNumber, field: e.field, code: e.code });
    const clientNo = row.draft ? row.draft.clientNo : (rawClientNo.get(row.rowNumber) ?? '');
    if (!clientNo) {
      if (!row.errors.some((e) => e.field === 'client_no')) problems.push({ row: row.rowNumber, field: 'client_no', code: 'CLIENT_NO_MISSING' });
      continue;
    }
    const other = seen.get(clientNo);
    if (other !== undefined) {
      problems.push({ row: row.rowNumber, field: 'client_no', code: 'CLIENT_NO_DUPLICATE', params: { clientNo, other } });
      continue;
    }
    seen.set(clientNo, row.rowNumber);
    if (!row.draft) continue;
    // The receiver's own schema judges the records now, so a value it would refuse names its row.
    const assign = rosterRecordSchema.safeParse({ type: 'assign', clientNo, fields: hqFields(row.draft, check, 'assign') });
    const update = rosterRecordSchema.safeParse({ type: 'update', clientNo, fields: hqFields(row.draft, check, 'update') });
    const failed = !assign.success ? assign.error : !update.success ? update.error : null;
    if (failed) {
      const issue = failed.issues[0]!;
      const field = String(issue.path[1] ?? issue.path[0] ?? 'row');
      problems.push({ row: row.rowNumber, field: IMPORT_FIELD_OF[field as HqOwnedField] ?? field, code: 'NOT_ROSTER_FIELD', params: { code: issue.code } });
      continue;
    }
    rows.push({ row: row.rowNumber, clientNo, assign: assign.data as ExtractRow['assign'], update: update.data as ExtractRow['update'] });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.row - b.row);
    throw new HqError('extract.rowErrors', { file, count: problems.length }, problems);
  }
  if (rows.length === 0) throw new HqError('extract.noRows', { file, manager: managerId });
  return { rows, unusedColumns: check.unknownHeaders };
}

/** Client-number cells by row number, straight from the table (trimmed; placeholders like "-" count as empty, as in the import). */
async function clientNoCells(bytes: Uint8Array, check: ImportCheck): Promise<Map<number, string>> {
  const column = check.mapping.client_no;
  const out = new Map<number, string>();
  if (column === undefined) return out;
  const table = await parseTableFile(bytes);
  if (!table.ok) return out;
  for (const row of table.table.rows) {
    const value = (row.cells[column] ?? '').trim();
    out.set(row.rowNumber, PLACEHOLDERS.has(value.toUpperCase()) ? '' : value);
  }
  return out;
}

const PLACEHOLDERS = new Set(['-', '--', '—', '/', 'N/A', 'NULL', '#N/A']);

/** The import column each HQ field comes from (for "row 7 · ID number" messages and for update semantics). */
const IMPORT_FIELD_OF: Partial<Record<HqOwnedField, ImportField>> = {
  kind: 'kind',
  name: 'name',
  sex: 'sex',
  birthDate: 'birth_date',
  occupation: 'occupation',
  idType: 'id_type',
  idNumber: 'id_number',
  idExpiry: 'id_expiry',
  idLongTerm: 'id_expiry',
  mobile: 'mobile',
  addressResidence: 'address',
  relationshipStart: 'relationship_start',
  riskGrade: 'risk_grade',
  aumFen: 'aum',
  depositsFen: 'deposits',
  loanBalanceFen: 'loan_balance',
  cardSpend12mFen: 'card_spend_12m',
  revenue12mFen: 'revenue_12m',
  products: 'products',
};

/**
 * The HQ-owned fields of a row (client number aside). A new client gets the values the extract
 * has. An update restates every field the extract has a column for, so a cell emptied in core
 * banking clears the field (money, which cannot be null, is left out instead); fields without a
 * column are not touched. RM-owned columns (notes, tags, potential, e-mail…) are never sent.
 */
export function hqFields(d: ClientDraft, check: Pick<ImportCheck, 'mapping'>, type: 'assign' | 'update'): Partial<Record<HqOwnedField, unknown>> {
  const hasColumn = (f: ImportField) => check.mapping[f] !== undefined;
  const values = draftValues(d) as Record<string, unknown>;
  const all = Object.fromEntries(HQ_OWNED_FIELDS.filter((f) => f in values).map((f) => [f, values[f]])) as Partial<Record<HqOwnedField, unknown>>;
  const out: Partial<Record<HqOwnedField, unknown>> = {};
  for (const [field, value] of Object.entries(all) as [HqOwnedField, unknown][]) {
    const column = IMPORT_FIELD_OF[field]!;
    const present = value !== null && !(Array.isArray(value) && value.length === 0) && !(field === 'idLongTerm' && value === false);
    if (present) out[field] = value;
    else if (type === 'update' && hasColumn(column) && !field.endsWith('Fen')) out[field] = Array.isArray(value) ? [] : value;
  }
  return out;
}

function readState(path: string): RosterState | null {
  if (!existsSync(path)) return null;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new HqError('roster.stateInvalid', { file: path, reason: 'not JSON' });
  }
  const parsed = rosterStateSchema.safeParse(value);
  if (!parsed.success) throw new HqError('roster.stateInvalid', { file: path, reason: parsed.error.issues[0]!.path.join('.') || 'shape' });
  return parsed.data;
}

function ackFromIngest(dir: string, deviceId: string): { throughSeq: number; auditHash: string } {
  if (!existsSync(join(dir, RECEIPTS_FILE))) throw new HqError('roster.noReceipts', { dir });
  const latest = latestAccepted(readReceipts(dir), deviceId);
  if (!latest || latest.auditHeadHash === null) return { throughSeq: 0, auditHash: GENESIS_HASH };
  return { throughSeq: latest.toSeq!, auditHash: latest.auditHeadHash };
}
