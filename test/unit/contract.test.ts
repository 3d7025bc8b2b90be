import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/channels';
import { inputSchemas } from '../../src/shared/contract';
import { parseInput } from '../../src/shared/validate';

describe('contract validation (what main applies to every IPC call)', () => {
  it('every channel has a schema', () => expect(Object.keys(inputSchemas).sort()).toEqual([...CHANNELS].sort()));

  it.each([
    ['nope', {}, 'UNKNOWN_CHANNEL', undefined],
    ['__proto__', {}, 'UNKNOWN_CHANNEL', undefined],
    ['workspace.unlock', {}, 'INVALID_INPUT', 'passphrase'],
    ['workspace.unlock', { passphrase: 'x', extra: 1 }, 'INVALID_INPUT', '(input)'],
    ['workspace.create', { managerId: 'RM 1; DROP', displayName: 'a', passphrase: 'b' }, 'INVALID_INPUT', 'managerId'],
    ['settings.update', { autoLockMinutes: 0 }, 'INVALID_INPUT', 'autoLockMinutes'],
    ['audit.list', { from: '2026-1-1' }, 'INVALID_INPUT', 'from'],
  ])('%s %j → %s', (ch, input, code, field) => {
    const r = parseInput(ch, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      if (field) expect(r.error.field).toBe(field);
    }
  });

  it('applies defaults', () => {
    const r = parseInput('audit.list', {});
    expect(r.ok && r.data.input).toEqual({ limit: 100, offset: 0 });
  });
});
