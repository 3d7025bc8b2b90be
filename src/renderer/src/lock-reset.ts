// Feature stores that hold client data register a reset here; locking runs them
// all, so nothing read while unlocked stays in the renderer's memory.
const resets = new Set<() => void>();

export function resetOnLock(fn: () => void): void {
  resets.add(fn);
}

export function runLockResets(): void {
  resets.forEach((fn) => fn());
}
