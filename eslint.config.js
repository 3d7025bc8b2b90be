import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers are one-way (style.md): domain ← services ← router ← main; the
// renderer talks only through src/shared. A wrong import fails `npm test`.
const noElectron = { name: 'electron', message: 'The core runs in a worker and in the CLI: it must not import electron.' };
const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'artifacts/**', 'node_modules/**', '.cache/**', 'tools/**', 'src/main/core/store/migrations/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'The core imports only shared/ and itself.' }] }],
    },
  },
  {
    files: ['src/main/core/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, { name: 'better-sqlite3', message: 'Domain functions are pure: no database.' }],
          patterns: [
            { group: ['**/store/**', '**/services/**', '**/router', 'drizzle-orm', 'drizzle-orm/*'], message: 'Domain functions are pure: no store, no services.' },
            { group: ['**/renderer/**', '**/preload/**', '**/cli/**'], message: 'The core imports only shared/ and itself.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'The renderer is sandboxed: no Node APIs.' }))],
          patterns: [
            { group: ['**/main/**', '**/preload/**', '**/cli/**'], message: 'The renderer talks to the core only through window.rm and src/shared types.' },
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node APIs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/cli/**', 'node:*'], message: 'shared/ is the contract: it depends on nothing of ours and runs in every process.' }] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', '**/cli/**', 'zod'], message: 'The preload exposes only the contract names: keep it tiny.' }] }],
    },
  },
);
