import type { BackupDue } from '../../../shared/followups';

// A backup on the laptop's own disk is lost with the laptop: the reminder asks for a second
// medium (USB drive, network share) every `reminderDays` days.

export const DEFAULT_BACKUP_REMINDER_DAYS = 7;
const DAY_MS = 86_400_000;

export interface BackupHistory {
  lastBackupAt: string | null;
  /** The last backup went to the device (st_dev) that holds the workspace. */
  lastBackupSameDevice: boolean | null;
  /** The last backup to another device. */
  lastOffDeviceBackupAt: string | null;
}

/** Why a backup is due, or null when a backup on another medium is younger than `reminderDays`. */
export function backupDue(h: BackupHistory, now: Date, reminderDays: number): BackupDue | null {
  const young = (at: string | null) => at !== null && now.getTime() - Date.parse(at) < reminderDays * DAY_MS;
  if (young(h.lastOffDeviceBackupAt)) return null;
  if (!h.lastBackupAt) return 'never';
  if (h.lastBackupSameDevice && young(h.lastBackupAt)) return 'sameDevice';
  return 'old';
}
