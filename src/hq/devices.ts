import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deviceIdentity, readPublicKey } from '../main/core/sync/keys';
import { AppError } from '../shared/errors';
import { HqError, type HqMessageKey } from './messages';

// Device enrolment files: the armored public key of an RM's laptop, whose user ID names the
// manager and device it was issued to (keys.ts `generateDeviceKey`).

export interface DeviceKey {
  file: string;
  armored: string;
  fingerprint: string;
  managerId: string;
  deviceId: string;
}

/** Reads one enrolment file; `keys` names the messages for an unreadable, invalid or foreign key. */
export async function readDeviceKey(
  file: string,
  keys: { unreadable: HqMessageKey; invalid: HqMessageKey; notDevice: HqMessageKey },
): Promise<DeviceKey> {
  let armored: string;
  try {
    armored = readFileSync(file, 'utf8');
  } catch {
    throw new HqError(keys.unreadable, { file, reason: 'unreadable' });
  }
  let parsed: Awaited<ReturnType<typeof readPublicKey>>;
  try {
    // No time check here: whether the key is still valid is judged when it is used.
    parsed = await readPublicKey(armored);
  } catch (e) {
    if (e instanceof AppError) throw new HqError(keys.invalid, { file, reason: e.value.reason ?? e.value.code });
    throw e;
  }
  const identity = deviceIdentity(parsed.key);
  if (!identity) throw new HqError(keys.notDevice, { file, reason: 'not a device key' });
  return { file, armored, fingerprint: parsed.fingerprint, ...identity };
}

/** Every `*.asc` in the devices folder, by fingerprint (the same key enrolled twice counts once). */
export async function loadDeviceKeys(dir: string): Promise<DeviceKey[]> {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.toLowerCase().endsWith('.asc')).sort();
  } catch {
    throw new HqError('ingest.noDevices', { dir });
  }
  if (names.length === 0) throw new HqError('ingest.noDevices', { dir });
  const byFingerprint = new Map<string, DeviceKey>();
  for (const name of names) {
    const key = await readDeviceKey(join(dir, name), { unreadable: 'ingest.deviceKeyBad', invalid: 'ingest.deviceKeyBad', notDevice: 'ingest.deviceKeyBad' });
    if (!byFingerprint.has(key.fingerprint)) byFingerprint.set(key.fingerprint, key);
  }
  return [...byFingerprint.values()];
}
