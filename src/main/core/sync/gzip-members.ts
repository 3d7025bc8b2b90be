import { gzip } from 'node:zlib';

// A large payload gzipped while it is still being built: each piece (~1 MiB of record lines) is
// compressed on libuv's thread pool as soon as it is handed over, so compression runs on another
// core while SQLite builds the next piece. Each piece is a gzip member; members concatenated in
// order are one gzip file (RFC 1952 §2.2) that gunzip, zlib, Python's gzip and `gpg | gunzip` all
// read whole.

/** Level 3: a few percent larger than the default 6 at under half its time. */
export const GZIP_LEVEL = 3;

function gzipAsync(input: Uint8Array): Promise<Buffer> {
  // Record lines shrink about tenfold: an output buffer of a quarter of the input holds a member in
  // one trip to the thread pool (zlib asks for more room only for unusually random text), without
  // allocating as much again as the payload, which would only call the garbage collector sooner.
  return new Promise((resolve, reject) => gzip(input, { level: GZIP_LEVEL, chunkSize: Math.max(64 * 1024, (input.length >> 2) + 1024) }, (e, out) => (e ? reject(e) : resolve(out))));
}

export class GzipMembers {
  private readonly pieces: Promise<Buffer>[] = [];

  /** Starts compressing the next piece (whole lines, each ended by a newline); the bytes must not change afterwards. */
  piece(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const member = gzipAsync(bytes);
    // Observed now: a failure is reported by `finish`, not as an unhandled rejection meanwhile.
    member.catch(() => undefined);
    this.pieces.push(member);
  }

  /** The gzip file: `head` first (written last, e.g. a manifest whose counts are known only now), then the pieces, then `tail`. */
  async finish(head: string, tail: string): Promise<Buffer> {
    const [first, ...body] = await Promise.all([gzipAsync(Buffer.from(head, 'utf8')), ...this.pieces, ...(tail ? [gzipAsync(Buffer.from(tail, 'utf8'))] : [])]);
    return Buffer.concat([first!, ...body]);
  }
}
