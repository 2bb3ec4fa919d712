// ESLint flat config. It lives in .ci/ because the project's top level is fixed; with
// `--config`, ESLint evaluates these patterns relative to the working directory (the repo root).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import noLiteralJsxText from './rules/no-literal-jsx-text.js';

/** Every folder a source file could import from; a layer lists the ones it may use. */
const FOLDERS = [
  'db',
  'data',
  'migrations',
  'ipc',
  'main',
  'cli',
  'tools',
  'schema',
  'shared',
  'preload',
  'renderer',
  'test',
];

/** A config object forbidding `files` to import from any folder not in `may` (and from test/ always). */
function layer(files, may, message, extra = {}) {
  const { paths = [], ignores } = extra;
  const forbidden = FOLDERS.filter((folder) => !may.includes(folder));
  return [
    {
      files,
      ...(ignores ? { ignores } : {}),
      rules: {
        'no-restricted-imports': [
          'error',
          // The message catalogs are data every layer may read (main says its sentences from them).
          {
            paths,
            patterns: [
              { regex: `(^|/)(?!renderer/i18n/[a-z]+\\.json$)(${forbidden.join('|')})(/|$)`, message },
            ],
          },
        ],
      },
    },
  ];
}

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
  // Layering: each folder may import only the layers below it, and no source imports a test.
  // A regex, not a glob, so that `../main/x` and `../../migrations/index` match by folder name.
  ...layer(
    ['electron/db/**/*.ts'],
    [],
    'electron/db is the bottom layer: it imports no other folder (pass migrations in).',
    {
      paths: [{ name: 'electron', message: 'electron/db must run without Electron.' }],
    },
  ),
  ...layer(['migrations/**/*.ts'], ['db'], 'A migration imports only the types in electron/db.'),
  ...layer(
    ['electron/shared/**/*.ts'],
    [],
    'electron/shared is used by the tools and imports no other folder.',
  ),
  ...layer(['electron/schema/**/*.ts'], ['db'], 'The schema differ uses only electron/db.'),
  ...layer(
    ['electron/data/**/*.ts'],
    ['db', 'shared'],
    'electron/data (archives, backups) uses electron/db and electron/shared only: the app and the db tool share it.',
    {
      paths: [
        { name: 'electron', message: 'electron/data must run without Electron (the db tool uses it).' },
      ],
    },
  ),
  ...layer(
    ['electron/ipc/**/*.ts'],
    ['db'],
    'electron/ipc uses electron/db only; Electron glue lives in electron/main.',
  ),
  ...layer(
    ['electron/main/**/*.ts', 'electron/main.ts'],
    ['db', 'data', 'ipc', 'main', 'migrations', 'shared'],
    'electron/main is the app: it does not use the command-line tools.',
  ),
  ...layer(['electron/preload.ts'], ['ipc'], 'The preload exposes the IPC contract and nothing else.'),
  ...layer(
    ['electron/cli/**/*.ts'],
    ['db', 'data', 'schema', 'shared'],
    'The database tools use db, data, schema and shared, never the build tools or the app.',
  ),
  ...layer(['electron/tools/**/*.ts'], ['shared'], 'The build tools use electron/shared only.'),
  {
    // The renderer talks to main only through window.microblog; it may import the contract's types and schemas.
    files: ['renderer/**/*.{ts,tsx}'],
    // The Vite config is build tooling run by Node, not renderer code.
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, microblog: { rules: { 'no-literal-jsx-text': noLiteralJsxText } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'microblog/no-literal-jsx-text': 'error',
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
            {
              regex: '(^|/)(test|migrations)(/|$)',
              message: 'The renderer never imports tests or migrations.',
            },
          ],
        },
      ],
    },
  },
);
