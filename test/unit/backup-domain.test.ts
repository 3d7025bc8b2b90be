import { describe, expect, it } from 'vitest';
import { backupFolderName, manifestText, parseManifest, type Manifest } from '../../src/main/core/domain/backup-manifest';
import { backupDue } from '../../src/main/core/domain/backup-reminder';

const NOW = new Date('2026-11-22T09:00:00+08:00');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

describe('backup reminder (second medium)', () => {
  it.each([
    ['never backed up', { lastBackupAt: null, lastBackupSameDevice: null, lastOffDeviceBackupAt: null }, 7, 'never'],
    ['yesterday on a USB drive', { lastBackupAt: daysAgo(1), lastBackupSameDevice: false, lastOffDeviceBackupAt: daysAgo(1) }, 7, null],
    ['just under 7 days on a USB drive', { lastBackupAt: daysAgo(6.99), lastBackupSameDevice: false, lastOffDeviceBackupAt: daysAgo(6.99) }, 7, null],
    ['exactly 7 days ago on a USB drive', { lastBackupAt: daysAgo(7), lastBackupSameDevice: false, lastOffDeviceBackupAt: daysAgo(7) }, 7, 'old'],
    ['today, but only on the laptop disk', { lastBackupAt: daysAgo(0), lastBackupSameDevice: true, lastOffDeviceBackupAt: null }, 7, 'sameDevice'],
    ['today on the laptop disk, USB 3 days ago', { lastBackupAt: daysAgo(0), lastBackupSameDevice: true, lastOffDeviceBackupAt: daysAgo(3) }, 7, null],
    ['today on the laptop disk, USB 20 days ago', { lastBackupAt: daysAgo(0), lastBackupSameDevice: true, lastOffDeviceBackupAt: daysAgo(20) }, 7, 'sameDevice'],
    ['10 days ago on the laptop disk only', { lastBackupAt: daysAgo(10), lastBackupSameDevice: true, lastOffDeviceBackupAt: null }, 7, 'old'],
    ['10 days ago on USB, 30-day interval', { lastBackupAt: daysAgo(10), lastBackupSameDevice: false, lastOffDeviceBackupAt: daysAgo(10) }, 30, null],
  ] as const)('%s → %s', (_label, history, days, due) => {
    expect(backupDue(history, NOW, days)).toBe(due);
  });
});

describe('backup manifest', () => {
  const manifest: Manifest = {
    format: 'rmw-backup',
    version: 1,
    workspaceId: '1a2b3c4d-0000-4000-8000-000000000000',
    managerId: 'RM00123',
    createdAt: '2026-11-22T01:00:00.000Z',
    schemaVersion: 9,
    auditHead: { seq: 12, hash: 'a'.repeat(64) },
    counts: { clients: 41, audit_log: 12 },
    files: [
      { name: 'rm.db', size: 4096, sha256: 'b'.repeat(64) },
      { name: 'workspace.json', size: 900, sha256: 'c'.repeat(64) },
    ],
    mac: 'd'.repeat(64),
  };

  it('reads back exactly what it writes, and nothing with other bytes', () => {
    const text = manifestText(manifest);
    expect(parseManifest(text)).toEqual({ manifest });
    expect(parseManifest(text.replace('\n  "version"', '\n\t"version"'))).toEqual({ problem: 'noncanonical' });
    expect(parseManifest(text.replace('"clients": 41', '"clients":41'))).toEqual({ problem: 'noncanonical' });
    expect(parseManifest(text.replace('"RM00123"', '"RM\\u00300123"'))).toEqual({ problem: 'noncanonical' });
    expect(parseManifest(text.replace('"mac"', '"extra": 1,\n  "mac"'))).toEqual({ problem: 'format' });
    expect(parseManifest(text.replace('bbbb', 'BBBB'))).toEqual({ problem: 'format' });
    expect(parseManifest(text.slice(0, -2))).toEqual({ problem: 'format' });
  });

  it('names the folder by workspace short id and local time only', () => {
    const at = new Date(2026, 10, 22, 9, 5, 7);
    expect(backupFolderName('1A2B3C4D-0000-4000-8000-000000000000', at)).toBe('rm-backup-1a2b3c4d-20261122-090507');
  });
});
