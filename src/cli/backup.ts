import { resolve } from 'node:path';
import { createRouter } from '../main/core/router';
import type { BackupResult } from '../shared/contract';
import { AppError } from '../shared/errors';
import { translate } from '../shared/i18n';
import { parse, readPassphrase, required } from './args';
import { COMMON, locale, openCore } from './context';

// `rmw backup --to DIR` and `rmw restore --from DIR --workspace DIR`: the same core messages the
// app's shell sends after its folder dialog.

export async function backupCmd(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, to: { type: 'string' } });
  const folder = resolve(required(values, 'to'));
  const { core, call } = openCore(values);
  try {
    const passphrase = await readPassphrase(`${translate(locale, 'unlock.passphrase')}: `);
    await call('workspace.unlock', { passphrase });
    const r = await internal<BackupResult>(core, 'backup.createIn', { folder, passphrase });
    if (values['json']) console.log(JSON.stringify(r));
    else {
      console.log(translate(locale, 'backupCli.written', { folder: resolve(r.folder, r.name), bytes: r.bytes, seq: r.auditSeq }));
      if (r.sameDevice) console.log(translate(locale, 'backupCli.sameDevice'));
    }
    return 0;
  } finally {
    core.dispose();
  }
}

export async function restoreCmd(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, from: { type: 'string' } });
  const from = resolve(required(values, 'from'));
  const target = resolve(required(values, 'workspace'));
  const { core } = openCore(values);
  try {
    const passphrase = await readPassphrase(`${translate(locale, 'restoreUi.passphrase')}: `);
    await internal(core, 'backup.restoreFrom', { from, passphrase });
    const seq = (core.workspace.auditAnchor()?.seq ?? 0) as number;
    if (values['json']) console.log(JSON.stringify({ restored: true, workspace: target, auditSeq: seq }));
    else console.log(translate(locale, 'backupCli.restored', { dir: target, seq }));
    return 0;
  } finally {
    core.dispose();
  }
}

async function internal<T>(core: ReturnType<typeof openCore>['core'], channel: 'backup.createIn' | 'backup.restoreFrom', input: unknown): Promise<T> {
  const r = await createRouter(core).handle(channel, input);
  if (!r.ok) throw new AppError(r.error.code, r.error);
  return r.data as T;
}
