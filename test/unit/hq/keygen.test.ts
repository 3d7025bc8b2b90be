import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HQ_PUBLIC_FILE, HQ_SECRET_FILE, keygen, loadHqKeys } from '../../../src/hq/keygen';
import { HqError } from '../../../src/hq/messages';
import { readPrivateKey, readPublicKey } from '../../../src/main/core/sync/keys';
import { tempDir } from './export-helper';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('hq-keygen-');
});
afterEach(() => tmp.cleanup());

async function refusal(p: Promise<unknown>): Promise<HqError> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(HqError);
  return e as HqError;
}

describe('hq keygen', () => {
  it('writes the public key and a 0600 secret key of one v4 pair, named for HQ', async () => {
    const dir = join(tmp.dir, 'keys');
    const r = await keygen({ outDir: dir, now: new Date() });
    expect(r.publicPath).toBe(join(dir, HQ_PUBLIC_FILE));
    expect(r.secretPath).toBe(join(dir, HQ_SECRET_FILE));
    expect(statSync(r.secretPath).mode & 0o777).toBe(0o600);

    const pub = await readPublicKey(readFileSync(r.publicPath, 'utf8'), new Date());
    const sec = await readPrivateKey(readFileSync(r.secretPath, 'utf8'), new Date());
    expect(pub.fingerprint).toBe(r.fingerprint);
    expect(sec.fingerprint).toBe(r.fingerprint);
    expect(r.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(pub.key.keyPacket.version).toBe(4);
    expect(pub.key.getUserIDs()).toEqual(['RM Workbench HQ <hq@rmw.invalid>']);
    expect(readFileSync(r.publicPath, 'utf8')).not.toContain('PRIVATE KEY');
    // Unprotected: the hq tools use it without a passphrase prompt.
    expect((await openpgp.readPrivateKey({ armoredKey: readFileSync(r.secretPath, 'utf8') })).isDecrypted()).toBe(true);
    expect((await loadHqKeys(dir)).fingerprint).toBe(r.fingerprint);
  });

  it('refuses to overwrite existing keys, and leaves them as they were', async () => {
    const first = await keygen({ outDir: tmp.dir, now: new Date() });
    const before = [readFileSync(first.publicPath), readFileSync(first.secretPath)];
    const e = await refusal(keygen({ outDir: tmp.dir, now: new Date() }));
    expect(e.key).toBe('keygen.exists');
    expect(e.describe('en')).toContain('already exists');
    expect([readFileSync(first.publicPath), readFileSync(first.secretPath)]).toEqual(before);
  });

  it('refuses when only one half is there (a half-restored key folder)', async () => {
    writeFileSync(join(tmp.dir, HQ_PUBLIC_FILE), 'old public key');
    expect((await refusal(keygen({ outDir: tmp.dir, now: new Date() }))).key).toBe('keygen.exists');
    expect(readFileSync(join(tmp.dir, HQ_PUBLIC_FILE), 'utf8')).toBe('old public key');
  });

  it('loadHqKeys refuses a missing or mismatched pair', async () => {
    expect((await refusal(loadHqKeys(tmp.dir))).key).toBe('keys.missing');
    const a = await keygen({ outDir: join(tmp.dir, 'a'), now: new Date() });
    const b = await keygen({ outDir: join(tmp.dir, 'b'), now: new Date() });
    writeFileSync(a.publicPath, readFileSync(b.publicPath));
    expect((await refusal(loadHqKeys(join(tmp.dir, 'a')))).key).toBe('keys.mismatch');
    writeFileSync(a.secretPath, readFileSync(b.publicPath));
    expect((await refusal(loadHqKeys(join(tmp.dir, 'a')))).params).toMatchObject({ reason: 'NOT_PRIVATE' });
  });
});
