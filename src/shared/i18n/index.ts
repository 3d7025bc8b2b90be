import type { AppErrorValue } from '../errors';
import { en } from './en';
import { zhCN } from './zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;

export const resources = { 'zh-CN': zhCN as Messages, en } as const;
export type LocaleKey = keyof typeof resources;

/** Minimal `{{name}}` interpolation, for the CLI (the renderer uses i18next with the same resources). */
export function translate(locale: LocaleKey, key: string, params: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], resources[locale]);
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

/** One sentence for an error value: the message, plus the field-level reasons when known. */
export function errorMessage(locale: LocaleKey, err: AppErrorValue): string {
  const params = { field: err.field ?? '', reason: err.reason ?? '', ...err.params };
  if (err.code === 'CONTACT_BLOCKED' && err.reason) params.reason = translate(locale, `contactBlocks.${err.reason}`);
  // A refused sync file or key says why in words (the reason's own parameters filled in).
  if ((err.code === 'SYNC_FILE_REFUSED' || err.code === 'SYNC_KEY_INVALID') && err.reason) {
    const key = `${err.code === 'SYNC_KEY_INVALID' ? 'keyRefusals' : 'syncRefusals'}.${err.reason}`;
    const words = translate(locale, key, params);
    if (words !== key) params.reason = words;
  }
  // A refused backup or backup folder says which file and why, in words.
  if ((err.code === 'BACKUP_CORRUPT' || err.code === 'BACKUP_FAILED' || err.code === 'BACKUP_FOLDER_INVALID') && err.reason) {
    const words = translate(locale, `backupRefusals.${err.reason}`, params);
    if (words !== `backupRefusals.${err.reason}`) params.reason = words;
  }
  // Not found names what was not found: a follow-up or a contact record, not always a client.
  const specific =
    err.code === 'NOT_FOUND' && (err.field === 'followupId' || err.field === 'contactId')
      ? `errors.NOT_FOUND_${err.field}`
      : err.code === 'CONTACT_CAP' && err.reason === 'planned'
        ? 'errors.CONTACT_CAP_planned'
        : null;
  let text = translate(locale, specific ?? `errors.${err.code}`, params);
  // Record and file errors: say which field and why, in words, not codes.
  if ((err.code === 'CLIENT_INVALID' || err.code === 'IMPORT_ROWS_INVALID' || err.code === 'IMPORT_FILE') && err.reason) {
    const lookup = (group: string, key: string) => {
      const v = translate(locale, `${group}.${key}`, params);
      return v === `${group}.${key}` ? null : v;
    };
    const field = err.field ? (lookup('clientFields', err.field) ?? lookup('importFields', err.field) ?? err.field) : '';
    const reason = lookup('importFileCodes', err.reason) ?? lookup('fieldCodes', err.reason) ?? err.reason;
    const row = err.params?.['row'] ? (locale === 'en' ? `row ${err.params['row']} · ` : `第 ${err.params['row']} 行 · `) : '';
    text += `${locale === 'en' ? ': ' : '：'}${row}${field && field !== 'file' ? `${field} · ` : ''}${reason}`;
  }
  if (err.code === 'WEAK_PASSPHRASE' && err.reason) {
    const sep = locale === 'en' ? '; ' : '；';
    text += `${locale === 'en' ? ': ' : '：'}${err.reason
      .split(',')
      .map((p) => translate(locale, `passphraseProblems.${p}`))
      .join(sep)}`;
  }
  return text;
}
