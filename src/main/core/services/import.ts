import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import type { ClientInput } from '../../../shared/clients';
import type { ParsedInputOf } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { ImportDuplicate, ImportIssue, ImportPreview, ImportResult } from '../../../shared/import';
import { maskIdNumber, maskMobile } from '../domain/kyc/masking';
import { localDate } from '../domain/local-date';
import type { FieldMapping } from '../import/fields';
import { checkImportFile, type CheckedHeader, type ImportCheck, type ImportRow, type MappingFor } from '../import/pipeline';
import { fedRow, importReaderAvailable, readAhead, readHere, type FedRow, type ReadyRow } from './import-reader';
import { autoMap, headerSetKey } from '../import/mapping';
import { isXlsx, type TableError } from '../import/table';
import { BULK_LOAD_ROWS, withBulkCache, withRollbackJournal } from '../store/db';
import { clients, importMappings } from '../store/schema';
import { uuidv7 } from '../domain/ids';
import { applyUpdate, clientBatch, takeSegmentsStale, toInput } from './clients';
import { withIndexesDeferred } from './bulk-indexes';
import { collectBetweenPhases, detached } from './heap';
import { withDeferredSearchTerms } from './client-search';
import { GENERATOR_INDEXES, regenerateFor } from './followup-generator';
import { segmentForBulkLoad } from './segments';
import type { Session } from './session';

// Import of HQ extracts. The preview checks the whole file; the commit checks each row and writes
// it as it is read, in one transaction (all or nothing: a broken file or a strict refusal takes
// every row back). The audit records the file's hash and counts, never rows.

const SAMPLE_ROWS = 50;
const REQUIRED_FIELDS = ['name'] as const;

type ImportInput = ParsedInputOf<'import.preview'>;

export async function previewImport(s: Session, input: ImportInput): Promise<ImportPreview> {
  const { check, mappingSource } = await runCheck(s, input);
  const duplicates = findAllDuplicates(s, check);
  const valid = check.rows.filter((r) => r.draft);
  return {
    encoding: check.source?.format === 'csv' ? check.source.encoding : 'xlsx',
    format: check.source?.format ?? 'csv',
    headers: check.headers,
    headerKey: check.headerKey,
    mapping: check.mapping as Record<string, number>,
    mappingSource,
    unknownHeaders: check.unknownHeaders,
    missingRequired: REQUIRED_FIELDS.filter((f) => check.mapping[f] === undefined),
    counts: { rows: check.rows.length, valid: valid.length, invalid: check.rows.length - valid.length, duplicates: duplicates.length },
    sample: check.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.rowNumber,
      name: r.draft?.name ?? null,
      idMasked: r.draft?.idNumber ? maskIdNumber(r.draft.idNumber) : null,
      mobileMasked: r.draft?.mobile ? maskMobile(r.draft.mobile) : null,
      ok: r.draft !== null,
    })),
    errors: rowIssues(check, 'errors'),
    warnings: rowIssues(check, 'warnings'),
    duplicates,
  };
}

export async function commitImport(s: Session, input: ParsedInputOf<'import.commit'>): Promise<ImportResult> {
  const today = localDate(s.now());
  const mappings = mappingChooser(s, input.mapping as FieldMapping | undefined);
  const mappingFor: MappingFor = (headers) => {
    const mapping = mappings.choose(headers)!;
    const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
    if (missing.length) throw new AppError('IMPORT_FILE', { field: missing[0], reason: 'COLUMN_MISSING' });
    return mapping;
  };
  const { fileSha256, expected, feed } = await openFile(input, today, mappingFor);
  const result = { imported: 0, merged: 0, skipped: 0, invalid: 0, errors: [] as ImportIssue[], fileSha256 };
  let rows = 0;
  let segmented = null as ReturnType<typeof segmentForBulkLoad> | null;
  // Read once, just before the load (nothing runs between): in an empty book a row can only match
  // an earlier row of the file, so the book's duplicate lookups (and their indexes) are not needed
  // while the rows go in; and a bulk load into it runs with a rollback journal.
  const bookEmpty = s.db.prepare('SELECT NOT EXISTS (SELECT 1 FROM clients)').pluck().get() === 1;
  const load = () => withBulkCache(s.db, expected, (rowsRead) =>
    s.inTransaction({ action: 'client.import', details: () => ({ fileSha256, rows, ...counts(result) }) }, () => {
      const lookupIndexes = bookEmpty ? [] : DUPLICATE_LOOKUP_INDEXES;
      const placer = rowPlacer(s, { skip: new Set(input.skipRows), skipDuplicates: input.onDuplicate === 'skip', bookEmpty }, result);
      let header: CheckedHeader | undefined;
      let placedIds: string[] = [];
      withIndexesDeferred(s, 'clients', expected, lookupIndexes, () =>
        withDeferredSearchTerms(s, () => {
          header = feed((row) => {
            rows++;
            if ('ready' in row) placer.place(row.ready);
            else {
              result.invalid++;
              result.errors.push(...issuesOf(row.refused, 'errors'));
            }
          });
          placedIds = placer.finish();
          // What reading the rows left (the file, its cells, the drafts) is garbage now.
          collectBetweenPhases(rows);
          rowsRead();
        }),
      );
      const errors = result.errors;
      // All or nothing: the rows already written roll back with the transaction.
      if (input.strict && errors.length) {
        throw new AppError('IMPORT_ROWS_INVALID', { field: errors[0]!.field, reason: errors[0]!.code, params: { row: errors[0]!.row, count: errors.length }, issues: errors });
      }
      // Their follow-ups (ID expiry, first risk rating, cadence) land with them, generated once at
      // the cadence of the tier each client now has. The book's other clients whose tier moved with
      // the new ones are regenerated in the same pass.
      segmented = placedIds.length > 0 ? segmentForBulkLoad(s) : null;
      collectBetweenPhases(rows);
      const regenerate = [...new Set([...placedIds, ...(segmented?.tierMoved ?? [])])];
      withIndexesDeferred(s, 'followups', regenerate.length, GENERATOR_INDEXES, () => regenerateFor(s, regenerate));
      if (input.rememberMapping && input.mapping) {
        const now = s.now().toISOString();
        s.orm.insert(importMappings).values({ headerKey: header!.headerKey, mapping: input.mapping, updatedAt: now }).onConflictDoUpdate({ target: importMappings.headerKey, set: { mapping: input.mapping, updatedAt: now } }).run();
      }
    }),
  );
  if (bookEmpty && expected >= BULK_LOAD_ROWS) withRollbackJournal(s.db, load);
  else load();
  // The segments just stored are the book's: the next list or agenda need not segment it again,
  // and the next pass compares with them as they are.
  if (segmented) {
    takeSegmentsStale(s);
    segmented.committed();
  }
  return result;
}

/** Reads the checked rows of a file to `onRow`, in file order, and returns what else the check found. */
type RowFeed = (onRow: (row: FedRow) => void) => CheckedHeader;

/**
 * Decodes the file sent and prepares its rows' feed. A workbook is read asynchronously: checked
 * whole here, then written. Any other file is read row by row inside the transaction, each row
 * written as it is checked, and its bytes are let go once decoded: the rows are read from the text,
 * and what follows (term pass, index builds, segmentation) has no use for either. A bulk load's rows
 * are read ahead in a second thread where the app provides one (import-reader.ts) while this one
 * writes them: at 100,000 rows, about 5 s of a ~43 s import on this 2-core machine.
 */
async function openFile(input: { contentBase64: string }, today: string, mappingFor: MappingFor): Promise<{ fileSha256: string; expected: number; feed: RowFeed }> {
  let bytes: Buffer | null = Buffer.from(input.contentBase64, 'base64');
  // Taken out of the request once decoded: 27 MB of base64 for a 20 MB extract would otherwise stay
  // referenced by it for the whole commit (the transport holds no other reference: src/main/worker.ts).
  input.contentBase64 = '';
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  if (isXlsx(bytes)) {
    const workbook = await checkedWorkbook(bytes, today, mappingFor);
    const feed: RowFeed = (onRow) => {
      const rows = workbook.rows;
      workbook.rows = [];
      for (let i = 0; i < rows.length; i++) {
        onRow(fedRow(rows[i]!, false));
        rows[i] = undefined as never;
      }
      return workbook;
    };
    return { fileSha256, expected: workbook.rows.length, feed };
  }
  const expected = lineCount(bytes);
  const read = importReaderAvailable() && expected >= BULK_LOAD_ROWS ? readAhead : readHere;
  const feed: RowFeed = (onRow) => {
    const file = { bytes };
    bytes = null;
    const r = read(file, today, mappingFor, onRow);
    if (!r.ok) throw fileError(r.error);
    return r.header;
  };
  return { fileSha256, expected, feed };
}

async function checkedWorkbook(bytes: Buffer, today: string, mappingFor: MappingFor): Promise<ImportCheck> {
  const r = await checkImportFile(bytes, today, mappingFor);
  if (!r.ok) throw fileError(r.error);
  return r.check;
}

function fileError(e: TableError): AppError {
  return new AppError('IMPORT_FILE', { field: e.header ?? 'file', reason: e.code, params: { row: e.row ?? '', column: e.column ?? '' } });
}

/** About how many rows a text file holds (an estimate is all the index decision needs). */
function lineCount(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Each accepted row becomes a new client or is merged into the one it matches. New clients go in
 * batches. Remembers the row identities of this commit (ID number, name + mobile) and the client
 * each became.
 */
function rowPlacer(s: Session, { skip, skipDuplicates, bookEmpty }: { skip: ReadonlySet<number>; skipDuplicates: boolean; bookEmpty: boolean }, result: { imported: number; merged: number; skipped: number }) {
  const placed = new Map<string, string>();
  const inserts = clientBatch(s);
  return {
    place({ rowNumber, record, keys: identities, search }: ReadyRow): void {
      if (skip.has(rowNumber)) {
        result.skipped++;
        return;
      }
      // Detached: a key read from the file in this thread would otherwise keep the whole file alive.
      const keys = identities.map(detached);
      const existing = keys.map((k) => placed.get(k)).find(Boolean) ?? (bookEmpty ? undefined : findExisting(s, record));
      if (existing) {
        if (skipDuplicates) {
          result.skipped++;
          return;
        }
        inserts.flush();
        applyUpdate(s, existing, mergeInput(toInput(loadRow(s, existing)), record));
        result.merged++;
        keys.forEach((k) => placed.set(k, existing));
        return;
      }
      const id = uuidv7(s.now().getTime());
      inserts.add(record, id, search);
      keys.forEach((k) => placed.set(k, id));
      result.imported++;
    },
    /** Writes the last batch and returns the clients this commit created or merged into; the row identities are let go. */
    finish(): string[] {
      inserts.flush();
      const ids = [...new Set(placed.values())];
      placed.clear();
      return ids;
    },
  };
}

/** The whole file checked (the preview), with its rows, under the mapping `mappings` picks. */
async function runCheck(s: Session, input: ImportInput): Promise<{ check: ImportCheck; mappingSource: ImportPreview['mappingSource'] }> {
  const mappings = mappingChooser(s, input.mapping as FieldMapping | undefined);
  const r = await checkImportFile(Buffer.from(input.contentBase64, 'base64'), localDate(s.now()), mappings.choose);
  if (!r.ok) throw fileError(r.error);
  return { check: r.check, mappingSource: mappings.source() };
}

/**
 * The mapping for a file, picked once its header is read: the one given, else the one remembered
 * for these headers, else the automatic one. One pass over the file whichever it is.
 */
function mappingChooser(s: Session, given: FieldMapping | undefined): { choose: MappingFor; source(): ImportPreview['mappingSource'] } {
  let source: ImportPreview['mappingSource'] = given ? 'given' : 'auto';
  return {
    choose(headers) {
      if (given) return given;
      const saved = s.orm.select().from(importMappings).where(eq(importMappings.headerKey, headerSetKey(headers))).get();
      if (!saved) return autoMap(headers).mapping;
      source = 'remembered';
      return saved.mapping as FieldMapping;
    },
    source: () => source,
  };
}

function rowIssues(check: ImportCheck, kind: 'errors' | 'warnings'): ImportIssue[] {
  return check.rows.flatMap((r) => issuesOf(r, kind));
}

function issuesOf(r: ImportRow, kind: 'errors' | 'warnings'): ImportIssue[] {
  return r[kind].map((i) => ({ row: r.rowNumber, field: i.field, code: i.code }));
}

function findAllDuplicates(s: Session, check: ImportCheck): ImportDuplicate[] {
  const out: ImportDuplicate[] = check.duplicates
    .filter((d) => d.code !== 'DUPLICATE_CLIENT_NO')
    .map((d) => ({ row: d.row, matchBy: d.code === 'DUPLICATE_ID' ? 'id' : 'name_mobile', existingClientId: null, otherRow: d.firstRow }));
  const inFile = new Set(out.map((d) => d.row));
  for (const r of check.rows) {
    if (!r.draft || inFile.has(r.rowNumber)) continue;
    const q = lookups(s);
    const byId = r.draft.idNumber ? (q.byId.get(r.draft.idNumber) as string | undefined) : undefined;
    const byNameMobile = !byId && r.draft.mobile ? (q.byNameMobile.get(r.draft.name, r.draft.mobile) as string | undefined) : undefined;
    const hit = byId ?? byNameMobile;
    if (hit) out.push({ row: r.rowNumber, matchBy: byId ? 'id' : 'name_mobile', existingClientId: hit, otherRow: null });
  }
  return out.sort((a, b) => a.row - b.row);
}

/** The client a row is, by ID number, else by name and mobile (one prepared lookup each, reused row after row). */
function findExisting(s: Session, d: Pick<ClientInput, 'name' | 'idNumber' | 'mobile'>): string | undefined {
  const q = lookups(s);
  if (d.idNumber) {
    const hit = q.byId.get(d.idNumber) as string | undefined;
    if (hit) return hit;
  }
  if (d.mobile) return q.byNameMobile.get(d.name, d.mobile) as string | undefined;
  return undefined;
}

/** What findExisting reads through (see `lookups`). */
const DUPLICATE_LOOKUP_INDEXES = ['clients_id_number', 'clients_name_mobile'];

const lookupCache = new WeakMap<Session, { byId: Statement; byNameMobile: Statement }>();

function lookups(s: Session): { byId: Statement; byNameMobile: Statement } {
  let q = lookupCache.get(s);
  if (!q) {
    q = { byId: s.db.prepare('SELECT id FROM clients WHERE id_number = ? LIMIT 1').pluck(), byNameMobile: s.db.prepare('SELECT id FROM clients WHERE name = ? AND mobile = ? LIMIT 1').pluck() };
    lookupCache.set(s, q);
  }
  return q;
}

function loadRow(s: Session, id: string) {
  return s.orm.select().from(clients).where(eq(clients.id, id)).get()!;
}

export { draftToInput } from './import-reader';

/** File values win where the file has one; tags and products are united; notes appended. */
export function mergeInput(current: ClientInput, incoming: ClientInput): ClientInput {
  const union = (a?: string[], b?: string[]) => [...new Set([...(a ?? []), ...(b ?? [])])];
  const notes = current.notes && incoming.notes && !current.notes.includes(incoming.notes) ? `${current.notes}\n${incoming.notes}` : (incoming.notes ?? current.notes);
  return { ...current, ...incoming, tags: union(current.tags, incoming.tags), products: union(current.products, incoming.products), notes };
}

function counts(r: { imported: number; merged: number; skipped: number; invalid: number }) {
  return { imported: r.imported, merged: r.merged, skipped: r.skipped, invalid: r.invalid };
}
