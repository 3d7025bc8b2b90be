import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { ClientInput } from '../../../shared/clients';
import type { FieldMapping } from '../import/fields';
import { draftValues } from '../import/draft-values';
import { checkImportText, type CheckedHeader, type ImportRow, type MappingFor } from '../import/pipeline';
import type { TableError, TextFile } from '../import/table';
import { searchColumns, withBulkNames } from './client-search';

// A large text file's rows are read in a second thread while the core writes the rows already read:
// reading (decoding, parsing, checking, each row's search columns) is about as long as writing them,
// and a laptop has a second core. The core stays synchronous inside its transaction: it takes each
// batch with `receiveMessageOnPort` and sleeps on a shared counter (`Atomics.wait`) while the
// reader is behind, so no other request runs in the middle of an import. The reader sleeps the
// same way when it is far ahead, so a fast reader does not queue the whole file as messages.

/** A checked row ready to be written: the client record, its identities, and its search columns when they were built ahead. */
export interface ReadyRow {
  rowNumber: number;
  record: ClientInput;
  /** Row identities in this file: `id:<ID number>`, `nm:<name>:<mobile>`. */
  keys: string[];
  search?: ReturnType<typeof searchColumns>;
}

/** What the reader feeds: a row ready to write, or a refused row with its issues. */
export type FedRow = { ready: ReadyRow } | { refused: ImportRow };

/** A row of the file as a client record; empty cells stay undefined so a merge keeps what the book has. */
export function draftToInput(d: NonNullable<ImportRow['draft']>): ClientInput {
  const values = draftValues(d) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key in values) if (values[key] !== null && values[key] !== undefined) out[key] = values[key];
  return out as ClientInput;
}

export function identityKeys(r: Pick<ClientInput, 'name' | 'idNumber' | 'mobile'>): string[] {
  const keys: string[] = [];
  if (r.idNumber) keys.push(`id:${r.idNumber}`);
  if (r.mobile) keys.push(`nm:${r.name}:${r.mobile}`);
  return keys;
}

/** A checked row as the import writes it; `withSearch` builds its search columns too (ahead of the writer). */
export function fedRow(row: ImportRow, withSearch: boolean): FedRow {
  if (!row.draft) return { refused: row };
  const record = draftToInput(row.draft);
  return { ready: { rowNumber: row.rowNumber, record, keys: identityKeys(record), search: withSearch ? searchColumns(record) : undefined } };
}

/** Reads a text file in this thread, row by row (small files, tests, the CLI); its bytes are let go once decoded. */
export function readHere(file: TextFile, today: string, mappingFor: MappingFor, onRow: (row: FedRow) => void): { ok: true; header: CheckedHeader } | { ok: false; error: TableError } {
  return checkImportText(file, today, mappingFor, (row) => onRow(fedRow(row, false)));
}

// Shared counters: messages posted by the reader, messages taken by the core, the mapping answered,
// the core gone (it failed or stopped reading: the reader must not wait for it any longer).
const POSTED = 0;
const TAKEN = 1;
const ANSWERED = 2;
const GONE = 3;
const SLOTS = 4;
/** Rows per message, and how many messages the reader may be ahead of the core (more only hold memory). */
const BATCH = 500;
const AHEAD = 8;
/** Messages the core has waiting that keep it busy while the reader builds search columns. */
const BUSY = 2;
/** The core gives up on a reader that has sent nothing for this long (it died: out of memory, killed). */
const STALLED_MS = 60_000;
/**
 * The reader's heap. The decoded text is most of what it holds (its size in UTF-16, at most twice the
 * file's, and as much again while mixed line breaks are made one); a small young generation keeps
 * the garbage of reading from piling up beside the core's own. Measured at 100,000 rows (20 MB):
 * ~62 MB of heap; the default limits let it grow to ~180 MB, the whole process then past 400 MB.
 */
const READER_HEAP_MB = (fileMib: number) => Math.ceil(32 + 4 * fileMib);
const READER_YOUNG_MB = 16;

type ToCore = { kind: 'rows'; rows: FedRow[] } | { kind: 'headers'; headers: string[] } | { kind: 'done'; header: CheckedHeader } | { kind: 'failed'; error: TableError } | { kind: 'crashed'; message: string };
type ToReader = { kind: 'mapping'; mapping: FieldMapping | undefined };

interface ReaderData {
  bytes: Uint8Array | null;
  today: string;
  state: Int32Array;
  port: MessagePort;
}

/** The built reader's file (the app's worker sets it); without one, files are read in the core's thread. */
let readerScript: string | undefined;

export function useImportReader(script: string | undefined): void {
  readerScript = script;
}

export function importReaderAvailable(): boolean {
  return readerScript !== undefined;
}

/**
 * Reads a text file in the reader thread and feeds its rows to `onRow` here, in file order, as they
 * arrive. `mappingFor` runs here (it reads the book), asked by the reader once it has the header.
 * The file's bytes are handed over (moved, not copied, where they fill their buffer).
 */
export function readAhead(file: TextFile, today: string, mappingFor: MappingFor, onRow: (row: FedRow) => void): { ok: true; header: CheckedHeader } | { ok: false; error: TableError } {
  if (!readerScript) throw new Error('readAhead: no reader script (useImportReader)');
  const state = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  const { port1: here, port2: there } = new MessageChannel();
  const bytes = file.bytes!;
  file.bytes = null;
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const reader = new Worker(readerScript, {
    workerData: { bytes: owned, today, state, port: there } satisfies ReaderData,
    transferList: [there, owned.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MB(owned.byteLength / 2 ** 20), maxYoungGenerationSizeMb: READER_YOUNG_MB },
  });
  try {
    for (;;) {
      // Read the count before looking: a message posted in between changes it, and the wait returns at once.
      const posted = Atomics.load(state, POSTED);
      const got = receiveMessageOnPort(here);
      if (!got) {
        if (Atomics.wait(state, POSTED, posted, STALLED_MS) === 'timed-out') throw new Error('import reader stalled');
        continue;
      }
      Atomics.add(state, TAKEN, 1);
      Atomics.notify(state, TAKEN);
      const msg = got.message as ToCore;
      if (msg.kind === 'rows') for (const row of msg.rows) onRow(row);
      else if (msg.kind === 'headers') {
        here.postMessage({ kind: 'mapping', mapping: mappingFor(msg.headers) } satisfies ToReader);
        Atomics.store(state, ANSWERED, 1);
        Atomics.notify(state, ANSWERED);
      } else if (msg.kind === 'done') return { ok: true, header: msg.header };
      else if (msg.kind === 'failed') return { ok: false, error: msg.error };
      else throw new Error(`import reader: ${msg.message}`);
    }
  } finally {
    Atomics.store(state, GONE, 1);
    Atomics.notify(state, TAKEN);
    Atomics.notify(state, ANSWERED);
    here.close();
    void reader.terminate();
  }
}

/** The reader thread's side (src/main/import-reader.ts). */
export function serveImportReader(): void {
  const data = workerData as ReaderData;
  const { today, state, port } = data;
  // Held by the holder alone, which lets go of them once decoded.
  const file: TextFile = { bytes: data.bytes };
  data.bytes = null;
  let batch: FedRow[] = [];
  const post = (msg: ToCore) => {
    port.postMessage(msg);
    Atomics.add(state, POSTED, 1);
    Atomics.notify(state, POSTED);
  };
  const coreGone = () => {
    if (Atomics.load(state, GONE) === 1) throw new CoreGone();
  };
  const flush = () => {
    if (batch.length === 0) return;
    // Far ahead of the core: wait for it to take some.
    for (let taken = Atomics.load(state, TAKEN); Atomics.load(state, POSTED) - taken >= AHEAD; taken = Atomics.load(state, TAKEN)) {
      coreGone();
      Atomics.wait(state, TAKEN, taken);
    }
    coreGone();
    post({ kind: 'rows', rows: batch });
    batch = [];
  };
  const askMapping: MappingFor = (headers) => {
    post({ kind: 'headers', headers: [...headers] });
    Atomics.wait(state, ANSWERED, 0);
    coreGone();
    return (receiveMessageOnPort(port)!.message as ToReader).mapping;
  };
  try {
    const r = withBulkNames(() =>
      checkImportText(file, today, askMapping, (row) => {
        // Reading takes longer than writing: the search columns are built here only while the core
        // has rows waiting; otherwise the core builds them (clientBatch) rather than wait for them.
        batch.push(fedRow(row, Atomics.load(state, POSTED) - Atomics.load(state, TAKEN) >= BUSY));
        if (batch.length >= BATCH) flush();
      }),
    );
    flush();
    post(r.ok ? { kind: 'done', header: r.header } : { kind: 'failed', error: r.error });
  } catch (e) {
    if (!(e instanceof CoreGone)) post({ kind: 'crashed', message: e instanceof Error ? e.message : String(e) });
  } finally {
    port.close();
  }
}

class CoreGone extends Error {}
