// ESLint flat config. It lives in .ci/ because the project's top level is fixed; with
// `--config`, ESLint evaluates these patterns relative to the working directory (the repo root).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'umzug', 'electron'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'docs/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': ['error', { 'ts-expect-error': 'allow-with-description' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The data layer runs under plain Node: no Electron, no IPC, no UI.
    files: ['electron/db/**/*.ts', 'migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/db must run without Electron.' }],
          patterns: [
            {
              group: ['**/ipc/**', '**/main/**', '**/renderer/**'],
              message: 'Data flows one way: db imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to main only through window.microblog; it may import the contract's types and schemas.
    files: ['renderer/**/*.{ts,tsx}'],
    // The Vite config is build tooling run by Node, not renderer code.
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: nodeOnly
            .filter((n) => !n.includes('*'))
            .map((name) => ({ name, message: 'The renderer never imports Node or Electron modules.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer never imports Node modules.' },
            {
              // A regex, because a gitignore-style `!` cannot re-include a file under an excluded folder.
              regex: '(^|/)electron/(?!ipc/contract$)',
              message: 'The renderer may import only electron/ipc/contract (types and schemas).',
            },
          ],
        },
      ],
    },
  },
);
