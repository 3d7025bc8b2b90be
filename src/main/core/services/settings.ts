import { eq } from 'drizzle-orm';
import type { Settings } from '../../../shared/contract';
import { settings } from '../store/schema';
import type { Session } from './session';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

/** Reads one JSON-encoded setting, or the fallback when absent. */
export function readSetting<T>(s: Session, key: string, fallback: T): T {
  const row = s.orm.select().from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as T) : fallback;
}

/** Writes a setting; call inside `Session.inTransaction` so the change is audited. */
export function writeSetting(s: Session, key: string, value: unknown): void {
  const json = JSON.stringify(value);
  s.orm.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
}

export function dbSettings(s: Session): Omit<Settings, 'locale'> {
  return { autoLockMinutes: readSetting(s, 'autoLockMinutes', DEFAULT_AUTO_LOCK_MINUTES) };
}
