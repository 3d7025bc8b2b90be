import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/errors';
import { open, seal, type FileRefusal } from '../../../src/main/core/sync/envelope';
import { generateKeyPair, readPrivateKey, readPublicKey, type GeneratedKeyPair } from '../../../src/main/core/sync/keys';
import { mulberry32 } from '../../helpers/prng';

const NOW = new Date('2026-11-22T01:00:00.000Z');
const REFUSALS: FileRefusal[] = ['EMPTY', 'NOT_OPENPGP', 'NOT_ENCRYPTED', 'NOT_FOR_THIS_KEY', 'CORRUPT', 'TOO_LARGE', 'UNSIGNED', 'UNKNOWN_SIGNER', 'BAD_SIGNATURE'];

let hq: GeneratedKeyPair;
let device: GeneratedKeyPair;
let stranger: GeneratedKeyPair;

beforeAll(async () => {
  [hq, device, stranger] = await Promise.all([
    generateKeyPair({ name: 'HQ', email: 'hq@bank.example', now: NOW }),
    generateKeyPair({ name: 'Device', email: 'rm00123@bank.example', now: NOW }),
    generateKeyPair({ name: 'Stranger', email: 'x@elsewhere.example', now: NOW }),
  ]);
});

const prng = mulberry32;

const text = (s: string) => new TextEncoder().encode(s);
const sealExport = (payload: Uint8Array, over: Partial<Parameters<typeof seal>[0]> = {}) =>
  seal({ payload, signingKey: device.privateArmored, recipientKey: hq.publicArmored, fileName: 'rmw-RM00123-0a1b2c3d-0-3.pgp', now: NOW, ...over });
const openAtHq = (message: Uint8Array, over: Partial<Parameters<typeof open>[0]> = {}) =>
  open({ message, decryptionKey: hq.privateArmored, expectedSigner: device.publicArmored, now: NOW, ...over });

/** The reason of the SYNC_FILE_REFUSED error `p` fails with; anything else (acceptance, a stray exception) fails the test. */
async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`not an AppError: ${String(e)}`, { cause: e });
    expect(e.value.code).toBe('SYNC_FILE_REFUSED');
    expect(e.value.field).toBe('file');
    return e.value.reason!;
  }
  throw new Error('accepted');
}

async function keyRefusal(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).value.code).toBe('SYNC_KEY_INVALID');
  return (e as AppError).value.reason;
}

describe('keys', () => {
  it('generates an unprotected v4 Ed25519/Curve25519 pair with a GnuPG-style fingerprint', async () => {
    expect(device.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    const priv = await openpgp.readPrivateKey({ armoredKey: device.privateArmored });
    expect(priv.keyPacket.version).toBe(4);
    expect(priv.isDecrypted()).toBe(true);
    expect(priv.getAlgorithmInfo()).toMatchObject({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
    expect(priv.subkeys[0]!.getAlgorithmInfo()).toMatchObject({ algorithm: 'ecdh', curve: 'curve25519Legacy' });
    expect(priv.getCreationTime().toISOString()).toBe(NOW.toISOString());
    const read = await readPublicKey(device.publicArmored, NOW);
    expect(read.fingerprint).toBe(device.fingerprint);
    expect((await readPrivateKey(device.privateArmored, NOW)).fingerprint).toBe(device.fingerprint);
  });

  it('refuses garbage, private keys given as public, v6 keys, protected and incapable keys', async () => {
    expect(await keyRefusal(readPublicKey('hello'))).toBe('NOT_A_KEY');
    expect(await keyRefusal(readPublicKey('-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----'))).toBe('NOT_A_KEY');
    expect(await keyRefusal(readPublicKey(device.privateArmored))).toBe('PRIVATE_KEY');
    expect(await keyRefusal(readPrivateKey(device.publicArmored))).toBe('NOT_PRIVATE');
    const v6 = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ name: 'v6' }], date: NOW, format: 'armored', config: { v6Keys: true } });
    expect(await keyRefusal(readPublicKey(v6.publicKey))).toBe('KEY_VERSION');
    const locked = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'p' }], passphrase: 'secret', date: NOW, format: 'armored' });
    expect(await keyRefusal(readPrivateKey(locked.privateKey))).toBe('PASSPHRASE_PROTECTED');
    const signOnly = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 's' }], subkeys: [], date: NOW, format: 'armored' });
    expect(await keyRefusal(readPublicKey(signOnly.publicKey))).toBe('CANNOT_ENCRYPT');
  });
});

describe('seal and open', () => {
  it('round-trips a payload as SEIPD v1 with MDC, compressed, signed by the device', async () => {
    const payload = text('{"format":"rmw-export"}\n{"entity":"client"}\n'.repeat(50));
    const sealed = await sealExport(payload);
    expect(await openAtHq(sealed)).toEqual(payload);

    const packets = (await openpgp.readMessage({ binaryMessage: sealed })).packets;
    expect(packets.map((p) => [(p.constructor as unknown as { tag: number }).tag, (p as unknown as { version: number }).version])).toEqual([
      [openpgp.enums.packet.publicKeyEncryptedSessionKey, 3],
      [openpgp.enums.packet.symEncryptedIntegrityProtectedData, 1],
    ]);
    expect(sealed.length).toBeLessThan(payload.length);
  });

  it('stays on SEIPD v1 even when the recipient key advertises AEAD (GnuPG 2.2 cannot read v2)', async () => {
    const aeadKey = await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'aead' }], date: NOW, format: 'armored', config: { aeadProtect: true } });
    const sealed = await sealExport(text('x'), { recipientKey: aeadKey.publicKey });
    const seipd = (await openpgp.readMessage({ binaryMessage: sealed })).packets.findPacket(openpgp.enums.packet.symEncryptedIntegrityProtectedData);
    expect((seipd as unknown as { version: number }).version).toBe(1);
    expect(await open({ message: sealed, decryptionKey: aeadKey.privateKey, expectedSigner: device.publicArmored, now: NOW })).toEqual(text('x'));
  });

  it('accepts the same message armored', async () => {
    const message = await openpgp.createMessage({ binary: text('armored') });
    const armored = await openpgp.encrypt({
      message,
      encryptionKeys: (await readPublicKey(hq.publicArmored)).key,
      signingKeys: (await readPrivateKey(device.privateArmored)).key,
      date: NOW,
    });
    expect(await openAtHq(text(armored))).toEqual(text('armored'));
  });

  it('round-trips 100,000 JSON lines (~30 MB)', { timeout: 120_000 }, async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const id = `0193${i.toString(16).padStart(4, '0')}-7e1c-7a00-8000-${i.toString(16).padStart(12, '0')}`;
      lines.push(JSON.stringify({ entity: 'contact', id, op: 'upsert', rev: 1 + (i % 7), updatedAt: NOW.toISOString(), data: { clientId: id, channel: 'phone', outcome: 'reached', notes: `第${i}次回访，客户对理财到期安排满意，约下周面谈 ${'·'.repeat(i % 60)}` } }));
    }
    const payload = text(lines.join('\n') + '\n');
    const t0 = performance.now();
    const sealed = await sealExport(payload);
    const t1 = performance.now();
    const opened = await openAtHq(sealed);
    const t2 = performance.now();
    expect(Buffer.from(opened).equals(Buffer.from(payload))).toBe(true);
    console.log(`[sync] 100k lines: payload ${(payload.length / 1e6).toFixed(1)} MB, sealed ${(sealed.length / 1e6).toFixed(1)} MB, seal ${(t1 - t0).toFixed(0)} ms, open ${(t2 - t1).toFixed(0)} ms`);
    expect(payload.length).toBeGreaterThan(25e6);
  });
});

describe('open refuses', () => {
  const payload = text(Array.from({ length: 40 }, (_, i) => JSON.stringify({ entity: 'client', id: i, op: 'upsert' })).join('\n'));
  let sealed: Uint8Array;
  beforeAll(async () => {
    sealed = await sealExport(payload);
  });

  it('every single flipped byte, at 200+ seeded positions', { timeout: 60_000 }, async () => {
    const rnd = prng(20261122);
    const positions = new Set([0, 1, 2, sealed.length - 1, sealed.length - 2]);
    while (positions.size < 220) positions.add(Math.floor(rnd() * sealed.length));
    const seen: Record<string, number> = {};
    for (const pos of positions) {
      const damaged = sealed.slice();
      damaged[pos] = damaged[pos]! ^ (1 + Math.floor(rnd() * 255));
      const reason = await refusal(openAtHq(damaged)).catch((e: Error) => `${e.message} at ${pos}`);
      expect(REFUSALS, `byte ${pos}`).toContain(reason);
      seen[reason] = (seen[reason] ?? 0) + 1;
    }
    console.log(`[sync] ${positions.size} flipped bytes of ${sealed.length}:`, seen);
    expect(seen.CORRUPT).toBeGreaterThan(positions.size * 0.8);
  });

  it('every truncation, at 50+ lengths', { timeout: 60_000 }, async () => {
    const rnd = prng(42);
    const lengths = new Set([1, 2, 10, sealed.length - 1, sealed.length - 22]);
    while (lengths.size < 60) lengths.add(1 + Math.floor(rnd() * (sealed.length - 1)));
    for (const n of lengths) expect(await refusal(openAtHq(sealed.subarray(0, n))), `length ${n}`).toBe('CORRUPT');
  });

  it('an empty file', async () => {
    expect(await refusal(openAtHq(new Uint8Array(0)))).toBe('EMPTY');
  });

  it('plain text and random bytes', async () => {
    expect(await refusal(openAtHq(text('{"format":"rmw-roster","version":1}\n')))).toBe('NOT_OPENPGP');
    expect(await refusal(openAtHq(text('客户名单.xlsx')))).toBe('NOT_OPENPGP');
    // A byte without the top bit cannot start a packet; PKESK's tag starts every message encrypted to a key.
    const rnd = prng(7);
    const seen: Record<string, number> = {};
    for (let i = 0; i < 200; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(rnd() * 4000) }, () => Math.floor(rnd() * 256));
      if (i % 4 === 0) bytes[0] = 0xc1;
      const reason = await refusal(openAtHq(bytes));
      seen[reason] = (seen[reason] ?? 0) + 1;
      if (bytes[0]! < 0x80) expect(reason).toBe('NOT_OPENPGP');
      else if ((bytes[0]! & 0xfc) === 0x84 || bytes[0] === 0xc1) expect(reason).toBe('CORRUPT');
      else expect(['NOT_OPENPGP', 'NOT_ENCRYPTED']).toContain(reason);
    }
    console.log('[sync] 200 random files:', seen);
  });

  it('a file signed by another key', async () => {
    const forged = await sealExport(payload, { signingKey: stranger.privateArmored });
    expect(await refusal(openAtHq(forged))).toBe('UNKNOWN_SIGNER');
  });

  it('a file encrypted to another key', async () => {
    const elsewhere = await sealExport(payload, { recipientKey: stranger.publicArmored });
    expect(await refusal(openAtHq(elsewhere))).toBe('NOT_FOR_THIS_KEY');
  });

  it('an unsigned file, and one signed but not encrypted', async () => {
    const hqKey = (await readPublicKey(hq.publicArmored)).key;
    const unsigned = await openpgp.encrypt({ message: await openpgp.createMessage({ binary: payload }), encryptionKeys: hqKey, format: 'binary', date: NOW });
    expect(await refusal(openAtHq(unsigned))).toBe('UNSIGNED');
    const deviceKey = (await readPrivateKey(device.privateArmored)).key;
    const signedOnly = await openpgp.sign({ message: await openpgp.createMessage({ binary: payload }), signingKeys: deviceKey, format: 'binary', date: NOW });
    expect(await refusal(openAtHq(signedOnly))).toBe('NOT_ENCRYPTED');
  });

  it('a signature by the right key over other data', async () => {
    const deviceKey = (await readPrivateKey(device.privateArmored)).key;
    const signed = await openpgp.sign({ message: await openpgp.createMessage({ binary: payload }), signingKeys: deviceKey, format: 'object', date: NOW });
    const other = await openpgp.createMessage({ binary: text('{"entity":"client","op":"delete"}') });
    signed.packets[signed.packets.indexOfTag(openpgp.enums.packet.literalData)[0]!] = other.packets[0]!;
    const swapped = await openpgp.encrypt({ message: signed, encryptionKeys: (await readPublicKey(hq.publicArmored)).key, format: 'binary', date: NOW });
    expect(await refusal(openAtHq(swapped))).toBe('BAD_SIGNATURE');
  });

  it('a signature from more than a day in the future of `now`', async () => {
    const later = await sealExport(payload, { now: new Date(NOW.getTime() + 3 * 86_400_000) });
    expect(await refusal(openAtHq(later))).toBe('BAD_SIGNATURE');
    expect(await openAtHq(later, { now: new Date(NOW.getTime() + 3 * 86_400_000) })).toEqual(payload);
  });

  it('a payload that decompresses beyond the ceiling', async () => {
    const big = await sealExport(new Uint8Array(200_000).fill(0x20));
    expect(big.length).toBeLessThan(5_000);
    expect(await refusal(openAtHq(big, { maxBytes: 100_000 }))).toBe('TOO_LARGE');
  });

  it('but says so when our own keys are the problem', async () => {
    expect(await keyRefusal(openAtHq(sealed, { decryptionKey: hq.publicArmored }))).toBe('NOT_PRIVATE');
    expect(await keyRefusal(openAtHq(sealed, { expectedSigner: 'not a key' }))).toBe('NOT_A_KEY');
  });
});
