import * as openpgp from 'openpgp';
import { AppError } from '../../../shared/errors';
import { KEY_CONFIG, readPrivateKey, readPublicKey } from './keys';

// Escrow wrap (security.md, Key hierarchy): the workspace's data key encrypted to HQ's OpenPGP
// key, so head office can set a new passphrase when a manager forgets it or leaves the bank.
// It lives in workspace.json beside the passphrase wrap. The message is plain OpenPGP (HQ can
// open it with GnuPG too): one line of JSON naming the workspace, then the 32 key bytes.

export interface EscrowWrap {
  alg: 'openpgp';
  /** Fingerprint of the HQ key the data key is encrypted to. */
  recipient: string;
  createdAt: string;
  /** Armored OpenPGP message. */
  message: string;
}

interface EscrowHeader {
  format: 'rmw-escrow';
  version: 1;
  workspaceId: string;
  managerId: string;
}

const KEY_BYTES = 32;

export async function makeEscrowWrap(args: { dataKey: Buffer; workspaceId: string; managerId: string; hqPublicArmored: string; now: Date }): Promise<EscrowWrap> {
  const { key, fingerprint } = await readPublicKey(args.hqPublicArmored);
  const header: EscrowHeader = { format: 'rmw-escrow', version: 1, workspaceId: args.workspaceId, managerId: args.managerId };
  const plain = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), args.dataKey]);
  try {
    const message = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: plain, format: 'binary' }),
      encryptionKeys: key,
      date: args.now,
      config: KEY_CONFIG,
      format: 'armored',
    });
    return { alg: 'openpgp', recipient: fingerprint, createdAt: args.now.toISOString(), message };
  } finally {
    plain.fill(0);
  }
}

/**
 * HQ's side: the data key from an escrow wrap, checked against the workspace it must belong to.
 * Refusals are ESCROW_INVALID with a reason: WRONG_KEY, UNREADABLE, NOT_ESCROW, OTHER_WORKSPACE.
 */
export async function openEscrowWrap(args: { wrap: EscrowWrap; workspaceId: string; hqSecretArmored: string }): Promise<{ dataKey: Buffer; managerId: string }> {
  const { key, fingerprint } = await readPrivateKey(args.hqSecretArmored);
  if (fingerprint !== args.wrap.recipient.toUpperCase()) throw escrowError('WRONG_KEY', { recipient: args.wrap.recipient, fingerprint });
  let bytes: Uint8Array;
  try {
    const message = await openpgp.readMessage({ armoredMessage: args.wrap.message });
    const { data } = await openpgp.decrypt({ message, decryptionKeys: key, format: 'binary', config: KEY_CONFIG });
    bytes = data as Uint8Array;
  } catch {
    throw escrowError('UNREADABLE');
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nl = buf.indexOf(0x0a);
  let header: Partial<EscrowHeader>;
  try {
    if (nl < 0 || buf.length - nl - 1 !== KEY_BYTES) throw new Error('shape');
    header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as Partial<EscrowHeader>;
    if (header.format !== 'rmw-escrow' || header.version !== 1 || typeof header.managerId !== 'string') throw new Error('header');
  } catch {
    buf.fill(0);
    throw escrowError('NOT_ESCROW');
  }
  if (header.workspaceId !== args.workspaceId) {
    buf.fill(0);
    throw escrowError('OTHER_WORKSPACE', { workspaceId: String(header.workspaceId) });
  }
  const dataKey = Buffer.from(buf.subarray(nl + 1));
  buf.fill(0);
  return { dataKey, managerId: header.managerId };
}

function escrowError(reason: string, params?: Record<string, string>): AppError {
  return new AppError('ESCROW_INVALID', { field: 'escrow', reason, ...(params ? { params } : {}) });
}
