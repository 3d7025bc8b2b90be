import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeResult } from '../../src/shared/wire';

// The shipped core worker (out/main/worker.js, as Electron's main starts it) answers with JSON
// bytes whose buffer is transferred: the main thread relays them unread, the preload decodes.
describe('the built core worker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rmw-wire-'));
  const worker = new Worker(resolve('out/main/worker.js'), { workerData: { workspaceDir: join(dir, 'workspace'), migrationsDir: resolve('out/main/migrations') } });
  let nextId = 1;
  const replies = new Map<number, (bytes: unknown) => void>();
  worker.on('message', (msg: { kind: string; id?: number; result?: unknown }) => {
    if (msg.kind === 'result' && msg.id !== undefined) replies.get(msg.id)?.(msg.result);
  });
  const invoke = (channel: string, input: unknown) =>
    new Promise<unknown>((done) => {
      const id = nextId++;
      replies.set(id, done);
      worker.postMessage({ kind: 'invoke', id, channel, input });
    });
  afterAll(async () => {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replies in bytes that decode to the channel result, refusals included', async () => {
    const status = await invoke('workspace.status', {});
    expect(status).toBeInstanceOf(Uint8Array);
    expect(decodeResult(status)).toMatchObject({ ok: true, data: { exists: false, locked: true } });

    const created = await invoke('workspace.create', { managerId: 'RM00888', displayName: '王经理', passphrase: 'Wire-Test-Passphrase-2026' });
    expect(decodeResult(created)).toMatchObject({ ok: true });
    const added = decodeResult(await invoke('clients.create', { client: { name: '张伟', kind: 'person', mobile: '13800138000', tags: ['退休'] } })) as { ok: boolean };
    expect(added.ok).toBe(true);
    const page = decodeResult(await invoke('clients.list', { query: 'zhang', limit: 10 })) as { ok: true; data: { total: number; rows: { name: string; mobileMasked: string }[] } };
    expect(page.data.total).toBe(1);
    expect(page.data.rows[0]).toMatchObject({ name: '张伟', mobileMasked: '138****8000' });

    const refused = decodeResult(await invoke('clients.get', { id: '0192f0c8-1c2d-7a3b-8c4d-5e6f7a8b9c0d' })) as { ok: boolean; error: { code: string } };
    expect(refused.ok).toBe(false);
    expect(refused.error.code).toMatch(/NOT_FOUND/);
  }, 60_000);

  it('replies the main thread builds itself pass the preload unchanged', () => {
    const own = { ok: false, error: { code: 'UNKNOWN_CHANNEL' } };
    expect(decodeResult(own)).toBe(own);
  });
});
