// The thread that reads a large import file ahead of the core's writes (core/import/read-ahead.ts);
// started by the core's worker, never by the main process.
import { serveImportReader } from './core/import/read-ahead';

serveImportReader();
