// Auto-lock decision: a pure function of the last activity and the clock.
export function shouldAutoLock(lastActivityMs: number, nowMs: number, autoLockMinutes: number): boolean {
  return nowMs - lastActivityMs >= autoLockMinutes * 60_000;
}

/** Delay before another unlock attempt is allowed after `failures` wrong passphrases in a row. */
export function unlockDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(2 ** (failures - 3) * 5, 15 * 60);
}
