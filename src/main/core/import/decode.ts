// Bytes of a text file → string. Excel on a Chinese Windows saves "CSV" as GBK with
// no BOM, "CSV UTF-8" with a BOM and "Unicode text" as UTF-16 LE; all must just work.
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeErrorCode = 'FILE_EMPTY' | 'FILE_BINARY' | 'FILE_TOO_LARGE';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; code: DecodeErrorCode; reason: string };

/** 64 MiB: a 200,000-row book is about 40 MB as CSV; bigger is not a client list. */
export const MAX_TEXT_BYTES = 64 * 1024 * 1024;

/**
 * Detect and decode: a BOM wins (UTF-8, UTF-16 LE/BE); otherwise bytes that are valid
 * UTF-8 are UTF-8; otherwise GB18030, the superset of GBK/GB2312 that Excel writes.
 * NUL bytes or many control characters mean a binary file renamed to .csv.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'FILE_EMPTY', reason: 'zero bytes' };
  if (bytes.length > MAX_TEXT_BYTES) return { ok: false, code: 'FILE_TOO_LARGE', reason: 'over size limit' };

  let encoding: TextEncoding;
  let text: string;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.length - 2), 'utf-16be');
  } else {
    if (bytes.includes(0)) return { ok: false, code: 'FILE_BINARY', reason: 'NUL byte in a text file' };
    const utf8 = tryUtf8(bytes);
    encoding = utf8 === null ? 'gb18030' : 'utf-8';
    text = utf8 ?? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'gb18030');
  }
  if (looksBinary(text)) return { ok: false, code: 'FILE_BINARY', reason: 'too many control or undecodable characters' };
  return { ok: true, text, encoding };
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Judged on a sample of the decoded text: C0 controls other than tab/CR/LF/FF, NUL
 * (possible after a UTF-16 decode) and U+FFFD replacement characters. Real
 * spreadsheets have essentially none; 2% leaves room for a stray one.
 */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) bad++;
  }
  return bad > 0 && (bad / sample.length > 0.02 || sample.includes('\u0000'));
}
