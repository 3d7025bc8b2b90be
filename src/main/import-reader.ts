// The thread that reads a large import file ahead of the core's writes (core/services/import-reader.ts);
// started by the core's worker, never by the main process.
import { serveImportReader } from './core/services/import-reader';

serveImportReader();
