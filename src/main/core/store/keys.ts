import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';

// Key hierarchy (security.md): a random 32-byte data key keys SQLCipher; it is
// stored only wrapped with AES-256-GCM under a KEK derived from the passphrase.

export interface KdfParams {
  alg: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string; // base64
}

export interface Wrap {
  alg: 'aes-256-gcm';
  iv: string; // base64
  ct: string; // base64
  tag: string; // base64
}

/** ~0.3–0.5 s and 128 MiB on a current laptop; tests pass a cheaper cost. */
export const DEFAULT_SCRYPT_N = 2 ** 17;

export function newKdfParams(N = DEFAULT_SCRYPT_N): KdfParams {
  return { alg: 'scrypt', N, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

export function deriveKek(passphrase: string, params: KdfParams): Promise<Buffer> {
  const opts: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scryptCb(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, opts, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): Wrap {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the data key, or null when the KEK (i.e. the passphrase) is wrong. */
export function unwrapKey(kek: Buffer, wrap: Wrap, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrap.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrap.ct, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Derives the KEK and unwraps in one step, zeroing the KEK afterwards. */
export async function unwrapWithPassphrase(passphrase: string, kdf: KdfParams, wrap: Wrap, aad: string): Promise<Buffer | null> {
  const kek = await deriveKek(passphrase, kdf);
  try {
    return unwrapKey(kek, wrap, aad);
  } finally {
    kek.fill(0);
  }
}
