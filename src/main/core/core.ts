import { fileURLToPath } from 'node:url';
import type { EventMap, Locale, Settings } from '../../shared/contract';
import type { EventName } from '../../shared/channels';
import { shouldAutoLock } from './domain/idle';
import { Reminders } from './services/reminders';
import { dbSettings, DEFAULT_AUTO_LOCK_MINUTES } from './services/settings';
import { Workspace, type LockReason } from './services/workspace';
import { autoExportWanted, writeExportTo } from './services/sync-files';
import { syncSettings } from './services/sync';
import type { StoreLocation } from './services/backup';
import { latestVersion, loadMigrations } from './store/db';

export interface CoreOptions {
  workspaceDir: string;
  /** The clock; injected so tests and `--today` runs are reproducible. */
  now?: () => Date;
  nativeBinding?: string;
  migrationsDir?: string;
  scryptN?: number;
  emit?: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  /** The developer log (never shown to the user). */
  log?: (msg: string) => void;
}

export const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL('./store/migrations/', import.meta.url));

/** The workbench core: state that outlives a single request (the session, idle clock). */
export class Core {
  readonly workspace: Workspace;
  readonly now: () => Date;
  private lastActivity: number;
  private readonly emit: NonNullable<CoreOptions['emit']>;
  private readonly reminders = new Reminders();
  private locking = false;
  private readonly log: (msg: string) => void;
  /** Where the workspace lives and how to open a store: for backup and restore. */
  readonly store: StoreLocation;

  constructor(opts: CoreOptions) {
    this.now = opts.now ?? (() => new Date());
    this.emit = opts.emit ?? (() => undefined);
    this.log = opts.log ?? ((m) => console.error(m));
    this.workspace = new Workspace({
      dir: opts.workspaceDir,
      migrationsDir: opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
      nativeBinding: opts.nativeBinding,
      scryptN: opts.scryptN,
      now: this.now,
    });
    this.lastActivity = this.now().getTime();
    const migrationsDir = opts.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
    this.store = { dir: opts.workspaceDir, nativeBinding: opts.nativeBinding, supportedSchema: latestVersion(loadMigrations(migrationsDir)) };
  }

  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  /** The interface language (generated follow-ups are worded in it). */
  locale(): Locale {
    return this.workspace.status().locale;
  }

  /** Desktop reminders for items due: with client names while unlocked, only a count while locked. */
  remind(): void {
    const note = this.reminders.check(this.workspace.current, this.locale(), this.now());
    if (note) this.emit('reminders.due', note);
    const s = this.workspace.current;
    const sync = s ? this.reminders.checkSync(s, this.locale()) : null;
    if (sync) this.emit('reminders.due', sync);
    const backup = s ? this.reminders.checkBackup(s, this.locale()) : null;
    if (backup) this.emit('reminders.due', backup);
  }

  /** Progress of a long export or roster apply, for the Sync page. */
  progress(p: EventMap['sync.progress']): void {
    this.emit('sync.progress', p);
  }

  /**
   * Locks after exporting into the bank's sync folder when it is configured and changes wait for
   * HQ (on quit, manual and idle lock; suspend locks at once). A failed export never stops the lock.
   */
  async lockWithExport(reason: LockReason): Promise<boolean> {
    const s = this.workspace.current;
    if (s) {
      try {
        if (autoExportWanted(s)) await writeExportTo(s, syncSettings(s).autoExportDir!, { auto: true });
      } catch (e) {
        this.log(`[core] automatic export failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return this.lock(reason);
  }

  lock(reason: LockReason): boolean {
    if (this.workspace.current) this.reminders.beforeLock(this.workspace.current);
    const locked = this.workspace.lock(reason);
    if (locked) this.emit('workspace.locked', { reason });
    return locked;
  }

  /** Called periodically by the host (worker timer, or a test with its own clock). */
  tick(): void {
    if (this.reminders.isTime(this.now())) this.remind();
    const s = this.workspace.current;
    if (!s) return;
    const minutes = dbSettings(s).autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES;
    if (!shouldAutoLock(this.lastActivity, this.now().getTime(), minutes) || this.locking) return;
    if (!autoExportWanted(s)) {
      this.lock('idle');
      return;
    }
    this.locking = true;
    void this.lockWithExport('idle').finally(() => (this.locking = false));
  }

  settings(): Settings {
    const s = this.workspace.requireSession();
    return { locale: this.workspace.status().locale, ...dbSettings(s) };
  }

  dispose(): void {
    this.lock('quit');
  }
}
