import type { Channel } from '../../shared/channels';
import type { InputOf, OutputOf } from '../../shared/contract';
import type { AppErrorValue } from '../../shared/errors';
import type { RmBridge } from '../../shared/bridge';
import { errorMessage, type LocaleKey } from '../../shared/i18n';
import i18n from './i18n';

declare global {
  interface Window {
    rm: RmBridge;
  }
}

/** An error value from the core, carried as an exception inside the renderer. */
export class RmError extends Error {
  constructor(readonly value: AppErrorValue) {
    super(value.code);
  }
  /** The translated sentence to show next to the field or in a message. */
  get text(): string {
    return errorMessage((i18n.language as LocaleKey) ?? 'zh-CN', this.value);
  }
}

export async function invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await window.rm.invoke(channel, input);
  if (!r.ok) throw new RmError(r.error);
  return r.data;
}

export function errorText(e: unknown): string {
  return e instanceof RmError ? e.text : errorMessage((i18n.language as LocaleKey) ?? 'zh-CN', { code: 'INTERNAL' });
}
