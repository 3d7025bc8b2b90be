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
  | 'INTERNAL';

export interface AppErrorValue {
  code: ErrorCode;
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
