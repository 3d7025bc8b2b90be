import type { EventMap, Locale } from '../../../shared/contract';
import { translate } from '../../../shared/i18n';
import { localDate } from '../domain/local-date';
import { dueForReminder, ensureAgendaFresh, type AnnouncedUpTo } from './agenda';
import type { Session } from './session';
import { syncReminder } from './sync';
import { backupReminder } from './backup';

// Reminders that actually fire: checked at unlock and every half hour by the host's
// timer; each item due or overdue is announced once a day. While the workspace is locked (the
// screen may be seen by anyone) the notification carries only a count.

export const REMINDER_EVERY_MS = 30 * 60_000;
const NAMES_SHOWN = 3;

type Note = EventMap['reminders.due'];

export class Reminders {
  private lastCheck = Number.NEGATIVE_INFINITY;
  /** The day of the last announcement and where it stopped: later checks that day announce only what was written since. */
  private announced: { day: string; upTo: AnnouncedUpTo } | null = null;
  private locked: { day: string; count: number; announced: boolean } | null = null;
  /** The day the sync reminder was last shown. */
  syncAnnounced = '';
  /** The day the backup reminder was last shown. */
  backupAnnounced = '';

  isTime(now: Date): boolean {
    return now.getTime() - this.lastCheck >= REMINDER_EVERY_MS;
  }

  /** Remembers how many items are due today, so a locked workspace can still say so. */
  beforeLock(s: Session): void {
    const today = localDate(s.now());
    // A count is all a locked screen may show; locking (on suspend too) must stay quick, so no regeneration or wording here.
    const count = s.db.prepare(`SELECT count(*) FROM followups WHERE status = 'open' AND date <= ?`).pluck().get(today) as number;
    this.locked = { day: today, count, announced: false };
  }

  /** The sync reminder, once a day. */
  checkSync(s: Session, locale: Locale): Note | null {
    return syncNote(s, locale, this);
  }

  /** The backup reminder (second medium), once a day. */
  checkBackup(s: Session, locale: Locale): Note | null {
    return backupNote(s, locale, this);
  }

  check(s: Session | null, locale: Locale, now: Date): Note | null {
    this.lastCheck = now.getTime();
    const today = localDate(now);
    if (!s) {
      const l = this.locked;
      if (!l || l.day !== today || l.count === 0 || l.announced) return null;
      l.announced = true;
      return { title: translate(locale, 'reminders.title'), body: translate(locale, 'reminders.lockedBody', { count: l.count }), count: l.count };
    }
    this.locked = null;
    ensureAgendaFresh(s);
    // Counted, with a few names read: a large import's first contacts can put 100,000 items due at
    // once, and a list or a set of announced ids that size cost seconds and 150 MB per check.
    const since = this.announced?.day === today ? this.announced.upTo : null;
    const fresh = dueForReminder(s, locale, today, since, NAMES_SHOWN);
    this.announced = { day: today, upTo: fresh.upTo };
    if (fresh.count === 0) return null;
    const sep = locale === 'en' ? '; ' : '；';
    const names = fresh.items.map((i) => `${i.clientName} · ${i.title}`).join(sep);
    const more = fresh.count > NAMES_SHOWN ? translate(locale, 'reminders.more', { count: fresh.count }) : '';
    return { title: translate(locale, 'reminders.title'), body: `${names}${more}`, count: fresh.count };
  }
}

/** Once a day while unlocked: the export to HQ is due (never made, interval passed, or a backlog). No client data. */
export function syncNote(s: Session, locale: Locale, reminders: { syncAnnounced: string }): Note | null {
  const today = localDate(s.now());
  if (reminders.syncAnnounced === today) return null;
  const r = syncReminder(s);
  if (!r?.due) return null;
  reminders.syncAnnounced = today;
  return { title: translate(locale, 'syncReminder.title'), body: translate(locale, `syncReminder.${r.due}`, { count: r.pending }), count: r.pending };
}

/**
 * Once a day while unlocked, when backups lapsed (too old, or only on the workspace's own disk). No
 * client data. A workspace never backed up is asked on the Today page only, not by a notification.
 */
export function backupNote(s: Session, locale: Locale, reminders: { backupAnnounced: string }): Note | null {
  const today = localDate(s.now());
  if (reminders.backupAnnounced === today) return null;
  const r = backupReminder(s);
  if (!r || r.due === 'never') return null;
  reminders.backupAnnounced = today;
  return { title: translate(locale, 'backupReminder.title'), body: translate(locale, `backupReminder.${r.due}`, { days: r.reminderDays }), count: 1 };
}

