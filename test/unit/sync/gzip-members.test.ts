import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipMembers } from '../../../src/main/core/sync/gzip-members';

// Exports are gzipped piece by piece while they are built; what comes out must be one ordinary
// gzip file to every reader HQ might use.
describe('GzipMembers', () => {
  const lines = Array.from({ length: 60_000 }, (_, i) => JSON.stringify({ entity: 'contact', id: `row-${i}`, rev: i + 1, data: { notes: `客户回访 第${i}次 ${'x'.repeat(i % 50)}` } }));
  const head = '{"format":"rmw-export","counts":{"contact":60000}}\n';
  const tail = '{"seq":1,"hash":"ab"}\n{"seq":2,"hash":"cd"}\n';
  const expected = head + lines.map((l) => `${l}\n`).join('') + tail;
  /** The lines in pieces of 2,000, as the export hands them over. */
  const feed = (gz: GzipMembers) => {
    for (let i = 0; i < lines.length; i += 2000) gz.piece(Buffer.from(lines.slice(i, i + 2000).map((l) => `${l}\n`).join(''), 'utf8'));
  };

  it('puts the head first, every line in order, then the tail, across many members', async () => {
    const gz = new GzipMembers();
    feed(gz);
    const out = await gz.finish(head, tail);
    // More than one member: the payload is over the piece size, so pieces were compressed separately.
    const members = out.toString('latin1').split('\x1f\x8b\x08').length - 1;
    expect(members).toBeGreaterThanOrEqual(32); // head, 30 pieces, tail
    expect(gunzipSync(out).toString('utf8')).toBe(expected);
    expect(out.length).toBeLessThan(Buffer.byteLength(expected) / 4);
  });

  it.skipIf(spawnSync('gzip', ['--version']).status !== 0)('is read whole by the gzip tool', async () => {
    const gz = new GzipMembers();
    feed(gz);
    const out = await gz.finish(head, tail);
    const r = spawnSync('gzip', ['-dc'], { input: out, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(0);
    expect(r.stdout.toString('utf8')).toBe(expected);
  });

  it('an empty body is just head and tail; an empty piece adds no member', async () => {
    const gz = new GzipMembers();
    gz.piece(Buffer.alloc(0));
    const out = await gz.finish(head, '');
    expect(out.toString('latin1').split('\x1f\x8b\x08').length - 1).toBe(1);
    expect(gunzipSync(out).toString('utf8')).toBe(head);
  });
});
