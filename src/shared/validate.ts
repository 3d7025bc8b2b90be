import type { z } from 'zod';
import { isChannel, type Channel } from './channels';
import { inputSchemas, type ParsedInputOf } from './contract';
import type { Result } from './errors';

/** Validates an untrusted (channel, input) pair against the contract. */
export function parseInput(
  channel: unknown,
  input: unknown,
): Result<{ channel: Channel; input: ParsedInputOf<Channel> }> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'UNKNOWN_CHANNEL', reason: 'not in the contract' } };
  }
  const parsed = parseWith(inputSchemas[channel] as z.ZodType<ParsedInputOf<Channel>>, input);
  return parsed.ok ? { ok: true, data: { channel, input: parsed.data } } : parsed;
}

/** Validates an untrusted input against one schema: the value, or INVALID_INPUT naming the field. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown): Result<T> {
  let parsed: ReturnType<z.ZodType<T>['safeParse']>;
  try {
    parsed = schema.safeParse(input ?? {});
  } catch {
    // An in-process caller's object whose getters or proxy traps throw: refused like any bad input.
    return { ok: false, error: { code: 'INVALID_INPUT', field: '(input)', reason: 'unreadable' } };
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        field: issue?.path.map(String).join('.') || '(input)',
        reason: issue?.code ?? 'invalid',
      },
    };
  }
  return { ok: true, data: parsed.data };
}
