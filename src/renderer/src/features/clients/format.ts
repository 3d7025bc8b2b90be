import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { AppErrorValue } from '../../../../shared/errors';

/** Days from today (local) to a YYYY-MM-DD date; negative when it has passed. */
export function daysUntil(date: string): number {
  return dayjs(date).startOf('day').diff(dayjs().startOf('day'), 'day');
}

/** ID expiry as the RM must act on it: expired, due within 60 days (domain.md §4), or fine. */
export function expiryState(date: string | null): { level: 'expired' | 'soon' | 'ok'; days: number } | null {
  if (!date) return null;
  const days = daysUntil(date);
  return { level: days < 0 ? 'expired' : days <= EXPIRY_NOTICE_DAYS ? 'soon' : 'ok', days };
}

export const EXPIRY_NOTICE_DAYS = 60;
/** First risk rating is due within 60 days of the relationship start (domain.md §4). */
export const FIRST_RATING_DAYS = 60;

/** A per-field reason code (ID_CHECKSUM, MOBILE_FORMAT…) in the manager's language. */
export function reasonText(t: TFunction, code: string): string {
  return t(`fieldCodes.${code}`, { defaultValue: code });
}

/** The sentence for a file-level import error (IMPORT_FILE), with row/column/header filled in. */
export function importFileText(t: TFunction, err: AppErrorValue): string {
  const reason = err.reason ?? '';
  const field = reason === 'COLUMN_MISSING' ? t(`importFields.${err.field ?? ''}`, { defaultValue: err.field ?? '' }) : (err.field ?? '');
  const params = { row: err.params?.['row'] ?? '', column: err.params?.['column'] ?? '', field };
  return t(`importFileCodes.${reason}`, { ...params, defaultValue: t('errors.IMPORT_FILE') });
}

/**
 * Field errors from a failed create/update, keyed by form field name: CLIENT_INVALID
 * lists every failing field; a contract refusal names `client.<field>` or `patch.<field>`.
 */
export function fieldErrors(t: TFunction, err: AppErrorValue): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (field: string, text: string) => out.set(field, [...(out.get(field) ?? []), text]);
  if (err.code === 'CLIENT_INVALID') {
    for (const i of err.issues ?? [{ field: err.field ?? '', code: err.reason ?? '' }]) add(i.field, reasonText(t, i.code));
  } else if (err.code === 'INVALID_INPUT' && err.field) {
    add(err.field.replace(/^(client|patch)\./, ''), t('clientForm.invalid', { reason: err.reason ?? '' }));
  }
  return out;
}
