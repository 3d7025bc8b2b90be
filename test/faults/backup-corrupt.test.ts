import { createHash, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manifestText, parseManifest, type Manifest } from '../../src/main/core/domain/backup-manifest';
import { sealManifest } from '../../src/main/core/services/backup';
import { wrapAad } from '../../src/main/core/services/workspace';
import { unwrapWithPassphrase } from '../../src/main/core/store/keys';
import { workspaceFileSchema } from '../../src/main/core/store/workspace-file';
import type { AppErrorValue } from '../../src/shared/errors';
import { errorMessage } from '../../src/shared/i18n';
import { createWorkspace, makeCore, PASS, tempDir, type Harness } from '../helpers/core';

// Issue 9, backup corpus: random single-byte flips and truncations of a real encrypted backup
// (rm.db, workspace.json, manifest.json). Every variant must be refused by restore with a reason,
// and the target folder must stay absent. A second corpus flips bytes of rm.db and then reseals
// the manifest with the real key, as if the copy had been damaged before it was hashed: then the
// database layer alone (SQLCipher's per-page HMAC, integrity_check, audit chain, counts) must refuse.

const FULL = process.env['RMW_FAULTS'] === 'full';
const FLIPS = FULL ? 1000 : 50;
const TRUNCATIONS = FULL ? 200 : 10;
const RESEALED = FULL ? 300 : 15;
const FILES = ['rm.db', 'workspace.json', 'manifest.json'] as const;

let tmp: ReturnType<typeof tempDir>;
let source: Harness;
/** Restores always target the same absent folder: a refused restore must leave it absent. */
let restorer: Harness;
let backup: string;
const pristine = new Map<string, Buffer>();

beforeAll(async () => {
  tmp = tempDir('rmw-backup-faults-');
  source = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(source);
  await source.call('demo.load', { clients: 30, seed: 3, contacts: 40 });
  mkdirSync(join(tmp.dir, 'usb'));
  const r = await source.router.handle('backup.createIn', { folder: join(tmp.dir, 'usb'), passphrase: PASS });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const made = r.data as unknown as { folder: string; name: string };
  backup = join(made.folder, made.name);
  for (const f of FILES) pristine.set(f, readFileSync(join(backup, f)));
  restorer = makeCore(join(tmp.dir, 'target'));
});
afterAll(() => {
  source.core.dispose();
  restorer.core.dispose();
  tmp.cleanup();
});

async function restore(): Promise<AppErrorValue | null> {
  const r = await restorer.router.handle('backup.restoreFrom', { from: backup, passphrase: PASS });
  return r.ok ? null : r.error;
}

/** Runs `variant` against the backup with one file replaced, then puts the pristine bytes back. */
async function judge(file: string, bytes: Buffer, label: string, reasons: Map<string, number>): Promise<void> {
  writeFileSync(join(backup, file), bytes);
  try {
    const err = await restore();
    expect(err, `${file} ${label} was accepted`).not.toBeNull();
    expect(err!.code, `${file} ${label}: ${JSON.stringify(err)}`).toBe('BACKUP_CORRUPT');
    expect(errorMessage('zh-CN', err!)).not.toMatch(/backupRefusals|\{\{/);
    expect(existsSync(join(tmp.dir, 'target')), `${file} ${label} left files in the target`).toBe(false);
    const key = `${err!.field}:${err!.reason}`;
    reasons.set(key, (reasons.get(key) ?? 0) + 1);
  } finally {
    writeFileSync(join(backup, file), pristine.get(file)!);
  }
}

describe('restore refuses every damaged backup', () => {
  it('accepts the untouched backup (so refusals are not a broken setup)', async () => {
    // Into its own folder: the shared target must stay absent for the refusals below.
    const probe = makeCore(join(tmp.dir, 'probe'));
    const r = await probe.router.handle('backup.restoreFrom', { from: backup, passphrase: PASS });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    probe.core.dispose();
  });

  it(`refuses ${FLIPS} random single-byte flips over the three files`, async () => {
    const reasons = new Map<string, number>();
    for (let i = 0; i < FLIPS; i++) {
      // A file first, then a byte in it: the two small JSON files get as many flips as the database.
      const file = FILES[i % FILES.length]!;
      const bytes = Buffer.from(pristine.get(file)!);
      const pos = randomInt(bytes.length);
      const value = bytes[pos]! ^ randomInt(1, 256);
      bytes[pos] = value;
      await judge(file, bytes, `flip @${pos} → ${value}`, reasons);
    }
    console.info(`backup flips: ${FLIPS} refused`, Object.fromEntries(reasons));
    expect([...reasons.values()].reduce((a, b) => a + b, 0)).toBe(FLIPS);
  });

  it(`refuses ${TRUNCATIONS} random truncations`, async () => {
    const reasons = new Map<string, number>();
    for (let i = 0; i < TRUNCATIONS; i++) {
      const file = FILES[i % FILES.length]!;
      const full = pristine.get(file)!;
      const len = i < FILES.length ? 0 : randomInt(full.length);
      await judge(file, full.subarray(0, len), `truncated to ${len}`, reasons);
    }
    console.info(`backup truncations: ${TRUNCATIONS} refused`, Object.fromEntries(reasons));
  });

  it(`refuses ${RESEALED} database flips even when the manifest is resealed with the real key`, async () => {
    const ws = workspaceFileSchema.parse(JSON.parse(pristine.get('workspace.json')!.toString('utf8')));
    const key = (await unwrapWithPassphrase(PASS, ws.kdf, ws.wraps.passphrase, wrapAad(ws)))!;
    const parsed = parseManifest(pristine.get('manifest.json')!.toString('utf8'));
    if (!('manifest' in parsed)) throw new Error('test setup: pristine manifest unreadable');
    const { mac: _mac, ...body } = parsed.manifest;
    const reasons = new Map<string, number>();
    const db = pristine.get('rm.db')!;
    try {
      for (let i = 0; i < RESEALED; i++) {
        const bytes = Buffer.from(db);
        // The first flips hit page 1's salt and the first page's reserve area (IV, HMAC); the rest anywhere.
        const pos = i === 0 ? 3 : i === 1 ? 4096 - 8 : i === 2 ? 4096 - 70 : randomInt(bytes.length);
        bytes[pos] = bytes[pos]! ^ randomInt(1, 256);
        const files = [{ ...body.files[0], sha256: createHash('sha256').update(bytes).digest('hex') }, body.files[1]] as Manifest['files'];
        writeFileSync(join(backup, 'manifest.json'), manifestText(sealManifest({ ...body, files }, key)));
        await judge('rm.db', bytes, `resealed flip @${pos}`, reasons);
      }
    } finally {
      writeFileSync(join(backup, 'manifest.json'), pristine.get('manifest.json')!);
      key.fill(0);
    }
    console.info(`resealed database flips: ${RESEALED} refused`, Object.fromEntries(reasons));
    for (const k of reasons.keys()) expect(k.startsWith('rm.db:'), k).toBe(true);
  });
});
