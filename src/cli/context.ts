import { resolve } from 'node:path';
import { Core } from '../main/core/core';
import { createRouter } from '../main/core/router';
import type { Channel } from '../shared/channels';
import type { InputOf, OutputOf } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { LocaleKey } from '../shared/i18n';
import { clockFor, readPassphrase, required } from './args';
import { translate } from '../shared/i18n';

export const locale: LocaleKey = /^en/i.test(process.env['RMW_LANG'] ?? process.env['LANG'] ?? '') ? 'en' : 'zh-CN';
export const COMMON = { workspace: { type: 'string' }, today: { type: 'string' }, json: { type: 'boolean' } } as const;

export function openCore(values: Record<string, unknown>) {
  const core = new Core({ workspaceDir: resolve(required(values, 'workspace')), now: clockFor(values['today'] as string | undefined) });
  const router = createRouter(core);
  async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
    const r = await router.handle(channel, input);
    if (!r.ok) throw new AppError(r.error.code, r.error);
    return r.data as OutputOf<C>;
  }
  return { core, call };
}


/** Opens and unlocks the workspace named by --workspace (passphrase from RMW_PASSPHRASE or a prompt). */
export async function openUnlocked(values: Record<string, unknown>) {
  const c = openCore(values);
  const passphrase = await readPassphrase(`${translate(locale, 'unlock.passphrase')}: `);
  await c.call('workspace.unlock', { passphrase });
  return c;
}
