import * as openpgp from 'openpgp';
import { AppError, type ErrorCode } from '../../../shared/errors';

// OpenPGP keys for the file exchange with head office (sync-format.md, Keys).
// v4 keys only: HQ checks our files with plain GnuPG 2.2, which cannot read v6 keys.

/** Why a key was refused; the code of the error is SYNC_KEY_INVALID, the reason one of these. */
export type KeyRefusal =
  | 'NOT_A_KEY'
  | 'KEY_VERSION'
  | 'PRIVATE_KEY'
  | 'NOT_PRIVATE'
  | 'PASSPHRASE_PROTECTED'
  | 'CANNOT_SIGN'
  | 'CANNOT_ENCRYPT'
  | 'OWN_KEY';

/** Not yet in ErrorCode (shared/errors.ts is edited elsewhere): cast until it is added there. */
export const SYNC_KEY_INVALID: ErrorCode = 'SYNC_KEY_INVALID';

/**
 * Clocks of an RM laptop and of HQ disagree; openpgp.js refuses keys and signatures made
 * "in the future". A day of slack keeps a slow laptop clock from refusing a fresh roster.
 */
export const CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/**
 * Pinned so a change of openpgp.js defaults cannot silently produce files GnuPG 2.2 cannot read:
 * v4 keys, and no SEIPDv2 (AEAD) feature flag, so senders use SEIPD v1 with MDC towards us.
 */
export const KEY_CONFIG: openpgp.PartialConfig = { v6Keys: false, aeadProtect: false };

export interface GeneratedKeyPair {
  publicArmored: string;
  /** Not passphrase-protected: it is stored inside the encrypted database (security.md). */
  privateArmored: string;
  /** 40 upper-case hex digits, as GnuPG prints it. */
  fingerprint: string;
}

/** An Ed25519 signing key with a Curve25519 encryption subkey (openpgp.js `curve25519Legacy`), v4. */
export async function generateKeyPair({ name, email, comment, now }: { name: string; email: string; comment?: string; now: Date }): Promise<GeneratedKeyPair> {
  const { publicKey, privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name, email, ...(comment ? { comment } : {}) }],
    date: now,
    format: 'armored',
    config: KEY_CONFIG,
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { publicArmored: publicKey, privateArmored: privateKey, fingerprint: fingerprintOf(key) };
}

/**
 * Reads a public key given to us (the HQ key at enrolment, a device key at HQ) and checks that it
 * can do both jobs of the exchange: sign its own files and receive ours. Without `now` the check
 * ignores time (expiry, creation in the future).
 */
export async function readPublicKey(armored: string, now?: Date): Promise<{ fingerprint: string; key: openpgp.PublicKey }> {
  const key = await parseKey(armored);
  // A private key pasted where a public one belongs means the secret has travelled: say so.
  if (key.isPrivate()) throw keyError('PRIVATE_KEY');
  await checkUsable(key, now);
  return { fingerprint: fingerprintOf(key), key: key as openpgp.PublicKey };
}

/** Reads one of our own private keys (device key, or HQ's in the `hq` tools): v4, unlocked, usable. */
export async function readPrivateKey(armored: string, now?: Date): Promise<{ fingerprint: string; key: openpgp.PrivateKey }> {
  const key = await parseKey(armored);
  if (!key.isPrivate()) throw keyError('NOT_PRIVATE');
  if (!key.isDecrypted()) throw keyError('PASSPHRASE_PROTECTED');
  await checkUsable(key, now);
  return { fingerprint: fingerprintOf(key), key };
}

export function fingerprintOf(key: openpgp.Key): string {
  return key.getFingerprint().toUpperCase();
}

/** The moment used for openpgp.js validity checks: `now` plus the skew allowance, or no time check. */
export function checkDate(now: Date | undefined): Date | null {
  return now ? new Date(now.getTime() + CLOCK_SKEW_MS) : null;
}

async function parseKey(armored: string): Promise<openpgp.Key> {
  let key: openpgp.Key;
  try {
    if (typeof armored !== 'string' || !armored.includes('-----BEGIN PGP')) throw new Error('not armored');
    key = await openpgp.readKey({ armoredKey: armored });
  } catch {
    throw keyError('NOT_A_KEY');
  }
  const version = key.keyPacket.version;
  if (version !== 4) throw keyError('KEY_VERSION', { version });
  return key;
}

async function checkUsable(key: openpgp.Key, now: Date | undefined): Promise<void> {
  const date = checkDate(now);
  try {
    await key.getSigningKey(undefined, date);
  } catch {
    throw keyError('CANNOT_SIGN');
  }
  try {
    await key.getEncryptionKey(undefined, date);
  } catch {
    throw keyError('CANNOT_ENCRYPT');
  }
}

function keyError(reason: KeyRefusal, params?: Record<string, string | number>): AppError {
  return new AppError(SYNC_KEY_INVALID, { field: 'key', reason, ...(params ? { params } : {}) });
}

// A device key names its manager and device in its user ID, so the enrolment file is the armored
// public key alone (gpg --import reads it) and HQ can bind the key to the manager it was issued to:
// `RM Workbench device (<deviceId>) <<managerId>@device.rmw.invalid>`.
const DEVICE_KEY_NAME = 'RM Workbench device';
const DEVICE_EMAIL_DOMAIN = '@device.rmw.invalid';

export function generateDeviceKey({ managerId, deviceId, now }: { managerId: string; deviceId: string; now: Date }): Promise<GeneratedKeyPair> {
  return generateKeyPair({ name: DEVICE_KEY_NAME, email: `${managerId}${DEVICE_EMAIL_DOMAIN}`, comment: deviceId, now });
}

/** The manager and device a device key was made for, or null when the key is not one of ours. */
export function deviceIdentity(key: openpgp.Key): { managerId: string; deviceId: string } | null {
  for (const user of key.users) {
    const uid = user.userID;
    if (!uid || uid.name !== DEVICE_KEY_NAME || !uid.email.endsWith(DEVICE_EMAIL_DOMAIN)) continue;
    if (!/^[0-9a-f-]{36}$/i.test(uid.comment)) continue;
    return { managerId: uid.email.slice(0, -DEVICE_EMAIL_DOMAIN.length), deviceId: uid.comment.toLowerCase() };
  }
  return null;
}
