import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { localDate, localDateOfIso } from '../../src/main/core/domain/local-date';

// localDateOfIso serves scans over a whole book (a date per client); it must give exactly what
// localDate gives, whatever the time zone, DST changes and half-hour offsets included.
describe('localDateOfIso', () => {
  it('agrees with localDate for timestamps all through two years, in this process', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let t = start; t < start + 2 * 365 * 86_400_000; t += 37 * 60_000 + 13_000) {
      const iso = new Date(t).toISOString();
      expect(localDateOfIso(iso)).toBe(localDate(new Date(iso)));
    }
  });

  it('reads offsets written into the timestamp, and falls back on what Date reads', () => {
    expect(localDateOfIso('2026-11-22T23:30:00+08:00')).toBe(localDate(new Date('2026-11-22T23:30:00+08:00')));
    expect(localDateOfIso('not a date')).toBe(localDate(new Date('not a date')));
  });

  // Zones with half- and quarter-hour offsets and DST switches, each in a process of its own.
  it.each(['Asia/Shanghai', 'Asia/Kolkata', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe', 'Europe/London'])('agrees with localDate in %s', (zone) => {
    const script = `
      const { localDate, localDateOfIso } = await import(${JSON.stringify(new URL('../../src/main/core/domain/local-date.ts', import.meta.url).href)});
      const start = Date.parse('2026-01-01T00:00:00Z');
      let bad = 0;
      for (let t = start; t < start + 366 * 86400000; t += 11 * 60000 + 7000) {
        const iso = new Date(t).toISOString();
        if (localDateOfIso(iso) !== localDate(new Date(iso))) bad++;
      }
      console.log(bad);`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: zone }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });
});
