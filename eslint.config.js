import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'coverage', 'data', '.tmp', 'test-results', 'src/generated'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The app reaches stored data only through the device (PatrolDevice, DeviceHome): never Dexie, the database
    // module or the device's write primitive itself.
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie/*'], message: 'src/app asks the device for stored data; it never opens IndexedDB.' },
          { group: ['**/device/patrolDb', '**/device/migrations', '**/device/metaToTables', '**/device/commitWrite'], message: 'src/app reaches the database only through the device (PatrolDevice, DeviceHome).' },
          { group: ['**/server/**'], message: 'src/app talks to the server only through the device (sync).' },
        ],
      }],
    },
  },
  {
    // Data flows one way: the device knows nothing of the screens or the server's code.
    files: ['src/device/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '**/server/**', '**/cli/**'], message: 'src/device imports neither the app, the server nor the command line.' }],
      }],
    },
  },
  {
    // The server never runs the tablet's code.
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '**/device/**', '**/cli/**'], message: 'src/server imports neither the app, the device nor the command line.' }],
      }],
    },
  },
  {
    // The words shared by the app, the server's exports and the command line: core data to words, nothing else.
    files: ['src/words/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/app/**', '**/device/**', '**/server/**', '**/cli/**'], message: 'src/words imports only the core (and i18next types): the app, the server and the command line all word results with it.' }],
      }],
    },
  },
  {
    // The shared core runs unchanged on the tablet and the server: it may not reach outside src/core,
    // touch the DOM, Node, storage, the clock or randomness. Pure libraries (yaml, zod) are allowed.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../*', '../../../*', '**/app/**', '**/device/**', '**/server/**', '**/cli/**'], message: 'src/core imports nothing outside src/core.' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto', 'dexie', 'react', 'react-dom', 'hono', 'pg', '@electric-sql/*', 'zustand'], message: 'src/core is pure: no Node, storage or UI libraries.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'fetch', 'process', 'setTimeout', 'setInterval'],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass the time in.' },
        { object: 'Math', property: 'random', message: 'Pass randomness in.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock; pass the time in.' }],
    },
  },
);
