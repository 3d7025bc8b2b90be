import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules in eslint.config.js, checked against imports that must fail.
const eslint = new ESLint();

async function restricted(filePath: string, code: string): Promise<number> {
  const [r] = await eslint.lintText(code, { filePath });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('one-way layers', () => {
  it.each([
    ['src/main/core/services/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['src/main/core/domain/x.ts', "import { openEncrypted } from '../store/db'; export const a = openEncrypted;"],
    ['src/main/core/domain/x.ts', "import Database from 'better-sqlite3'; export const a = Database;"],
    ['src/renderer/src/x.ts', "import { Core } from '../../main/core/core'; export const a = Core;"],
    ['src/renderer/src/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['src/shared/x.ts', "import { Core } from '../main/core/core'; export const a = Core;"],
    ['src/preload/x.ts', "import { z } from 'zod'; export const a = z;"],
  ])('%s may not: %s', async (file, code) => expect(await restricted(file, code)).toBeGreaterThan(0));

  it.each([
    ['src/main/core/services/x.ts', "import { AppError } from '../../../shared/errors'; export const a = AppError;"],
    ['src/renderer/src/x.ts', "import { CHANNELS } from '../../shared/channels'; export const a = CHANNELS;"],
    ['src/main/index.ts', "import { app } from 'electron'; export const a = app;"],
  ])('%s may: %s', async (file, code) => expect(await restricted(file, code)).toBe(0));
});
