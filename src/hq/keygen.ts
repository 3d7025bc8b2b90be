import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateKeyPair, readPrivateKey, readPublicKey } from '../main/core/sync/keys';
import { AppError } from '../shared/errors';
import { writeNewFile } from './files';
import { HqError } from './messages';

// `hq keygen`: the HQ key pair (sync-format.md, Keys). The public half is installed in every
// workspace at enrolment; the secret half signs rosters and opens exports, so it is written
// readable by its owner only and never replaced by a second run.

export const HQ_PUBLIC_FILE = 'hq-public.asc';
export const HQ_SECRET_FILE = 'hq-secret.asc';
export const HQ_KEY_USER = { name: 'RM Workbench HQ', email: 'hq@rmw.invalid' } as const;

export interface KeygenResult {
  fingerprint: string;
  publicPath: string;
  secretPath: string;
}

export async function keygen({ outDir, now }: { outDir: string; now: Date }): Promise<KeygenResult> {
  const dir = resolve(outDir);
  const publicPath = join(dir, HQ_PUBLIC_FILE);
  const secretPath = join(dir, HQ_SECRET_FILE);
  // Either file present means keys were made here: refuse before generating anything.
  for (const file of [secretPath, publicPath]) if (existsSync(file)) throw new HqError('keygen.exists', { file });
  mkdirSync(dir, { recursive: true });
  const pair = await generateKeyPair({ ...HQ_KEY_USER, now });
  writeNewFile(secretPath, pair.privateArmored, { mode: 0o600, existsKey: 'keygen.exists' });
  writeNewFile(publicPath, pair.publicArmored, { mode: 0o644, existsKey: 'keygen.exists' });
  return { fingerprint: pair.fingerprint, publicPath, secretPath };
}

export interface HqKeys {
  publicArmored: string;
  secretArmored: string;
  fingerprint: string;
}

/** Reads and checks HQ's key pair from the keys folder (both halves, same key, usable). */
export async function loadHqKeys(keysDir: string): Promise<HqKeys> {
  const dir = resolve(keysDir);
  const read = (name: string): string => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new HqError('keys.missing', { file, dir: keysDir });
    return readFileSync(file, 'utf8');
  };
  const publicArmored = read(HQ_PUBLIC_FILE);
  const secretArmored = read(HQ_SECRET_FILE);
  const check = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      if (e instanceof AppError) throw new HqError('keys.invalid', { file: join(dir, name), reason: e.value.reason ?? e.value.code });
      throw e;
    }
  };
  const pub = await check(HQ_PUBLIC_FILE, () => readPublicKey(publicArmored));
  const sec = await check(HQ_SECRET_FILE, () => readPrivateKey(secretArmored));
  if (pub.fingerprint !== sec.fingerprint) throw new HqError('keys.mismatch', { dir: keysDir });
  return { publicArmored, secretArmored, fingerprint: sec.fingerprint };
}
