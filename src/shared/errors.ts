// Errors cross the process boundary as values: a code (also the i18n key under
// `errors.`), the field it concerns, and parameters for the message.
export type ErrorCode =
  | 'UNKNOWN_CHANNEL'
  | 'INVALID_INPUT'
  | 'LOCKED'
  | 'NO_WORKSPACE'
  | 'WORKSPACE_EXISTS'
  | 'WORKSPACE_CORRUPT'
  | 'WRONG_PASSPHRASE'
  | 'UNLOCK_THROTTLED'
  | 'WEAK_PASSPHRASE'
  | 'PASSPHRASE_MISMATCH'
  | 'SCHEMA_TOO_NEW'
  | 'DATABASE_UNREADABLE'
  | 'CLIENT_INVALID'
  | 'NOT_FOUND'
  | 'STALE_REVISION'
  | 'IMPORT_FILE'
  | 'IMPORT_ROWS_INVALID'
  | 'CONTACT_BLOCKED'
  | 'CONTACT_CAP'
  | 'FOLLOWUP_CLOSED'
  | 'TEMPLATE_INVALID'
  | 'SYNC_FILE_REFUSED'
  | 'SYNC_KEY_INVALID'
  | 'SYNC_NOT_ENROLLED'
  | 'SYNC_HQ_KEY_INSTALLED'
  | 'SYNC_FILE_EXISTS'
  | 'ESCROW_INVALID'
  | 'BACKUP_FOLDER_INVALID'
  | 'BACKUP_FAILED'
  | 'BACKUP_CORRUPT'
  | 'RESTORE_TARGET_NOT_EMPTY'
  | 'INTERNAL';

export interface AppErrorValue {
  code: ErrorCode;
  /** Every failing field, when a whole record was checked (the first is also in field/reason). */
  issues?: { field: string; code: string; row?: number }[];
  field?: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  readonly value: AppErrorValue;
  constructor(code: ErrorCode, extra: Omit<AppErrorValue, 'code'> = {}) {
    super(extra.reason ? `${code}: ${extra.reason}` : code);
    this.name = 'AppError';
    this.value = { code, ...extra };
  }
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppErrorValue };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
