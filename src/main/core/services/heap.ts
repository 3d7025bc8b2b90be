import { BULK_LOAD_ROWS } from '../store/db';

/**
 * Collects V8's garbage now, where the host lets the core do so (src/main/worker-host.ts); elsewhere
 * (tests, the CLI) nothing happens.
 *
 * For a load of `rows` rows, between its phases. After a major collection V8 lets the heap grow to up to four
 * times what was live before it collects again, so the garbage of reading 100,000 rows (about
 * 75 MB: cells, drafts, column arrays) would still be held while the index builds, the term pass
 * and the segmentation take their own memory. Measured (bench, stall harness): the core worker's
 * peak during an import of 100,000 rows and the segmentation after it went from ~440 to ~370 MB;
 * each collection takes ~70 ms of the import's ~40 s.
 */
export function collectBetweenPhases(rows: number): void {
  // A smaller load leaves too little behind to be worth a full collection.
  if (rows >= BULK_LOAD_ROWS) (globalThis as { gc?: () => void }).gc?.();
}

/**
 * A copy of `s` that refers to nothing else. V8 keeps a substring of 13 or more characters as a
 * view into the string it was cut from, and a concatenation as a pair of its parts: a key built
 * from a file's cells and kept past the reading of the file (a row's identity, a name's search keys)
 * keeps the whole decoded file alive (38 MB for a 100,000-row extract).
 */
export function detached(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}
