import * as openpgp from 'openpgp';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { checkDate, readPrivateKey, readPublicKey } from './keys';

// The OpenPGP envelope of export and roster files (sync-format.md): signed by the sender's key,
// then encrypted to the receiver's, in a shape GnuPG 2.2 reads with a bare `gpg --decrypt`.

/** Why a file was refused: the `reason` of a SYNC_FILE_REFUSED error (field 'file'). */
export type FileRefusal =
  | 'EMPTY'
  | 'NOT_OPENPGP'
  | 'NOT_ENCRYPTED'
  | 'NOT_FOR_THIS_KEY'
  | 'CORRUPT'
  | 'TOO_LARGE'
  | 'UNSIGNED'
  | 'UNKNOWN_SIGNER'
  | 'BAD_SIGNATURE';

/** Not yet in ErrorCode (shared/errors.ts is edited elsewhere): cast until it is added there. */
export const SYNC_FILE_REFUSED: ErrorCode = 'SYNC_FILE_REFUSED';

/**
 * Anyone holding our public key can encrypt to it, and the signature is only checked after
 * decompression: without a ceiling a tiny compressed file could expand until the app runs out of memory.
 */
export const MAX_PAYLOAD_BYTES = 256 * 1024 * 1024;

/**
 * GnuPG 2.2 reads SEIPD v1 (CFB + MDC) but not v2 (AEAD), and ZLIB compression. openpgp.js 6 picks
 * AEAD whenever the recipient key advertises it, so `seal` also passes a session key without an
 * AEAD algorithm, which forces SEIPD v1 whatever the key says.
 */
const SEAL_CONFIG: openpgp.PartialConfig = {
  aeadProtect: false,
  preferredCompressionAlgorithm: openpgp.enums.compression.zlib,
  preferredSymmetricAlgorithm: openpgp.enums.symmetric.aes256,
  preferredHashAlgorithm: openpgp.enums.hash.sha256,
};

const OPEN_CONFIG: openpgp.PartialConfig = {
  maxDecompressedMessageSize: MAX_PAYLOAD_BYTES,
  allowUnauthenticatedMessages: false,
  allowUnauthenticatedStream: false,
};

const ENCRYPTED_DATA_TAGS = [
  openpgp.enums.packet.symEncryptedIntegrityProtectedData,
  openpgp.enums.packet.symmetricallyEncryptedData,
  openpgp.enums.packet.aeadEncryptedData,
];

const SESSION_KEY_TAGS = [openpgp.enums.packet.publicKeyEncryptedSessionKey, openpgp.enums.packet.symEncryptedSessionKey];
const PLAIN_CONTENT_TAGS = [
  openpgp.enums.packet.literalData,
  openpgp.enums.packet.compressedData,
  openpgp.enums.packet.onePassSignature,
  openpgp.enums.packet.signature,
];

export interface SealInput {
  payload: Uint8Array;
  /** The sender's private key, armored (device key for exports, HQ key for rosters). */
  signingKey: string;
  /** The receiver's public key, armored. */
  recipientKey: string;
  /** Name carried in the literal data packet (what `gpg --use-embedded-filename` would write). */
  fileName: string;
  now: Date;
  /** The payload is already compressed (a gzipped export): no OpenPGP compression packet. */
  compressed?: boolean;
}

const SEAL_UNCOMPRESSED: openpgp.PartialConfig = { ...SEAL_CONFIG, preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed };

/** Signs the payload, compresses (unless it already is), and encrypts it (SEIPD v1 with MDC): a binary OpenPGP message. */
export async function seal({ payload, signingKey, recipientKey, fileName, now, compressed = false }: SealInput): Promise<Uint8Array> {
  const signer = (await readPrivateKey(signingKey, now)).key;
  const recipient = (await readPublicKey(recipientKey, now)).key;
  const config = compressed ? SEAL_UNCOMPRESSED : SEAL_CONFIG;
  try {
    const { data, algorithm } = await openpgp.generateSessionKey({ encryptionKeys: recipient, date: now, config });
    const message = await openpgp.createMessage({ binary: payload, filename: fileName, date: now, format: 'binary' });
    return await openpgp.encrypt({
      message,
      encryptionKeys: recipient,
      signingKeys: signer,
      sessionKey: { data, algorithm },
      date: now,
      format: 'binary',
      config,
    });
  } catch (e) {
    throw new AppError('INTERNAL', { field: 'file', reason: 'SEAL_FAILED', params: { detail: detailOf(e) } });
  }
}

export interface OpenInput {
  message: Uint8Array;
  /** Our private key, armored. */
  decryptionKey: string;
  /** The only key whose signature we accept, armored public key. */
  expectedSigner: string;
  /** Signatures and keys are judged at this moment (with CLOCK_SKEW_MS of slack for clocks running behind). */
  now: Date;
  maxBytes?: number;
}

/**
 * Decrypts and verifies a file, returning the payload only if it was encrypted to our key, is
 * intact, and carries a good signature by `expectedSigner` and by nobody else. Every refusal is a
 * SYNC_FILE_REFUSED error whose reason is a FileRefusal; bad keys of our own are SYNC_KEY_INVALID.
 */
export async function open({ message, decryptionKey, expectedSigner, now, maxBytes = MAX_PAYLOAD_BYTES }: OpenInput): Promise<Uint8Array> {
  const ours = (await readPrivateKey(decryptionKey, now)).key;
  const signer = (await readPublicKey(expectedSigner, now)).key;
  if (!(message instanceof Uint8Array) || message.length === 0) throw refuse('EMPTY');
  const config = { ...OPEN_CONFIG, maxDecompressedMessageSize: maxBytes };

  const parsed = await parseMessage(message, config);
  const encrypted = parsed.packets.filterByTag(...ENCRYPTED_DATA_TAGS).length > 0;
  if (!encrypted && parsed.packets.filterByTag(...PLAIN_CONTENT_TAGS).length > 0) throw refuse('NOT_ENCRYPTED');
  // Random bytes can parse as a few stray packets: only a session key plus encrypted data make a message.
  if (!encrypted || parsed.packets.filterByTag(...SESSION_KEY_TAGS).length === 0) {
    throw refuse(startsWithPublicKeyEncryptedSessionKey(message) ? 'CORRUPT' : 'NOT_OPENPGP');
  }
  const ourIds = ours.getKeyIDs();
  const addressedToUs = parsed.getEncryptionKeyIDs().some((id) => ourIds.some((mine) => id.equals(mine, true)));
  if (!addressedToUs) throw refuse('NOT_FOR_THIS_KEY');

  let result: openpgp.DecryptMessageResult & { data: Uint8Array };
  try {
    result = await openpgp.decrypt({ message: parsed, decryptionKeys: ours, verificationKeys: signer, date: checkDate(now) ?? undefined, format: 'binary', config });
  } catch (e) {
    throw refuse(/decompressed message size/i.test(detailOf(e)) ? 'TOO_LARGE' : 'CORRUPT', e);
  }

  // Settle every verification before judging, so no rejected promise is left unobserved.
  const checks = await Promise.all(
    result.signatures.map(async (s) => {
      s.signature.catch(() => undefined);
      const error = await s.verified.then(
        () => null,
        (e: unknown) => e,
      );
      return { keyID: s.keyID, error };
    }),
  );
  if (checks.length === 0) throw refuse('UNSIGNED');
  const signerIds = signer.getKeyIDs();
  const stranger = checks.find((c) => !signerIds.some((id) => id.equals(c.keyID)));
  if (stranger) throw refuse('UNKNOWN_SIGNER', undefined, { keyId: stranger.keyID.toHex().toUpperCase() });
  const bad = checks.find((c) => c.error !== null);
  if (bad) throw refuse('BAD_SIGNATURE', bad.error);
  return result.data;
}

async function parseMessage(bytes: Uint8Array, config: openpgp.PartialConfig): Promise<openpgp.Message<Uint8Array>> {
  const armored = isArmoredMessage(bytes);
  try {
    if (armored) return (await openpgp.readMessage({ armoredMessage: new TextDecoder().decode(bytes), config })) as openpgp.Message<Uint8Array>;
    return await openpgp.readMessage({ binaryMessage: bytes, config });
  } catch (e) {
    // Something that starts the way an encrypted message starts, but does not parse, was damaged on the way.
    throw refuse(armored || startsWithPublicKeyEncryptedSessionKey(bytes) ? 'CORRUPT' : 'NOT_OPENPGP', e);
  }
}

const ARMOR_HEADER = '-----BEGIN PGP MESSAGE-----';

function isArmoredMessage(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith(ARMOR_HEADER);
}

/** Packet tag 1 (PKESK) in the old (0x84–0x87) or new (0xC1) header format: every message encrypted to a key starts so. */
function startsWithPublicKeyEncryptedSessionKey(bytes: Uint8Array): boolean {
  const b = bytes[0]!;
  return (b & 0xfc) === 0x84 || b === 0xc1;
}

function refuse(reason: FileRefusal, cause?: unknown, params?: Record<string, string | number>): AppError {
  const detail = cause === undefined ? undefined : detailOf(cause);
  const all = { ...params, ...(detail ? { detail } : {}) };
  return new AppError(SYNC_FILE_REFUSED, { field: 'file', reason, ...(Object.keys(all).length ? { params: all } : {}) });
}

/** openpgp.js messages name the failing check and never include plaintext, so they are safe for the developer log. */
function detailOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 200);
}
