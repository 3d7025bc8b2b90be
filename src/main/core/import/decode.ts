// Bytes of a text file → string. Excel on a Chinese Windows saves "CSV" as GBK with
// no BOM, "CSV UTF-8" with a BOM and "Unicode text" as UTF-16 LE; all must just work.
import iconv from 'iconv-lite';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/import';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type DecodeErrorCode = 'FILE_EMPTY' | 'FILE_BINARY' | 'FILE_TOO_LARGE' | 'FILE_ENCODING';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncoding }
  | { ok: false; code: DecodeErrorCode; reason: string };

/** 64 MiB: a 200,000-row book is about 40 MB as CSV; bigger is not a client list. */
export const MAX_TEXT_BYTES = MAX_IMPORT_FILE_BYTES;

/**
 * Detect and decode: a BOM wins (UTF-8, UTF-16 LE/BE); UTF-16 without a BOM shows by its
 * NUL high bytes; otherwise bytes that are valid UTF-8 are UTF-8; otherwise GB18030, the
 * superset of GBK/GB2312 that Excel writes. NUL bytes or many control characters mean a
 * binary file renamed to .csv. Bytes that are none of these (Big5, Latin-1, broken UTF-8)
 * are refused rather than imported as mojibake.
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, code: 'FILE_EMPTY', reason: 'zero bytes' };
  if (bytes.length > MAX_TEXT_BYTES) return { ok: false, code: 'FILE_TOO_LARGE', reason: 'over size limit' };

  let encoding: TextEncoding;
  let text: string;
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const bomless = bom ? null : utf16WithoutBom(bytes);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8-bom';
    const utf8 = tryUtf8(bytes.subarray(3));
    if (utf8 === null) return { ok: false, code: 'FILE_ENCODING', reason: 'UTF-8 BOM but not UTF-8' };
    text = utf8;
  } else if (startsWith(bytes, [0xff, 0xfe]) || bomless === 'utf-16le') {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(bomless ? 0 : 2));
  } else if (startsWith(bytes, [0xfe, 0xff]) || bomless === 'utf-16be') {
    encoding = 'utf-16be';
    const skip = bomless ? 0 : 2;
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + skip, bytes.length - skip), 'utf-16be');
  } else {
    if (bytes.includes(0)) return { ok: false, code: 'FILE_BINARY', reason: 'NUL byte in a text file' };
    const utf8 = tryUtf8(bytes);
    encoding = utf8 === null ? 'gb18030' : 'utf-8';
    text = utf8 ?? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), 'gb18030');
    // Undecodable bytes in text that has no stray control characters: a wrong encoding, not a binary file.
    if (utf8 === null && !looksBinary(text, false) && (text.includes('\uFFFD') || notLikelyGbk(bytes))) {
      return { ok: false, code: 'FILE_ENCODING', reason: 'neither UTF-8 nor GBK' };
    }
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
function looksBinary(text: string, replacementIsBad = true): boolean {
  const sample = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (replacementIsBad && c === 0xfffd)) bad++;
  }
  return bad > 0 && (bad / sample.length > 0.02 || sample.includes('\u0000'));
}

/**
 * UTF-16 saved without a BOM: a spreadsheet's delimiters, digits and line ends are ASCII, so
 * one byte of every such pair is NUL, always on the same side; binary files have NULs on both.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  const n = Math.min(bytes.length, 8192);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  const pairs = n / 2;
  if (odd >= pairs * 0.05 && even * 50 <= odd) return 'utf-16le';
  if (even >= pairs * 0.05 && odd * 50 <= even) return 'utf-16be';
  return null;
}

/**
 * GB18030 decodes almost any byte pairs, so Big5 or Latin-1 bytes come out as strange but
 * valid characters. Chinese client lists are written with the common hanzi (GB2312 rows
 * B0–F7) and full-width punctuation (rows A1–A3); when over a quarter of the double-byte
 * characters fall elsewhere, the file is not GBK.
 */
function notLikelyGbk(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1 << 20);
  let chars = 0;
  let unusual = 0;
  for (let i = 0; i < n; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const trail = bytes[i + 1] ?? 0;
    chars++;
    if (trail >= 0x30 && trail <= 0x39) {
      unusual++; // a four-byte GB18030 character: rare in a client list
      i += 4;
      continue;
    }
    const common = ((lead >= 0xb0 && lead <= 0xf7) || (lead >= 0xa1 && lead <= 0xa3)) && trail >= 0xa1 && trail <= 0xfe;
    if (!common) unusual++;
    i += 2;
  }
  // A handful of characters says little: two names with rare hanzi (王喆, 李玥) must not be refused.
  return chars >= 16 && unusual * 4 > chars;
}
