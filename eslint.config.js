// Lint with layer fences: core/ is isomorphic (no server, no web, no node:*), web/ never reaches into server/.
// The order of the modules themselves (and no import cycles) is .dependency-cruiser.cjs, run by `npm run lint` too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const fence = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'web/dist/', 'data/', 'server/db/migrations/', '.test-results/', '.scratch/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // CommonJS configuration files (.dependency-cruiser.cjs)
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['core/**'],
    rules: fence(
      [
        '**/server/**',
        '**/web/**',
        'node:*',
        'react',
        'react-dom',
        'drizzle-orm',
        'drizzle-orm/*',
        'fastify',
      ],
      'core/ is isomorphic: it imports neither server/, web/, node:*, React nor Drizzle.',
    ),
  },
  {
    files: ['web/**'],
    rules: fence(
      ['**/server/**', 'node:*', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
      'web/ never imports server/.',
    ),
  },
  {
    files: ['server/**', 'bench/**', 'scripts/**'],
    ignores: ['server/documents/xlsx/exceljs.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'exceljs',
              message:
                'import ExcelJS from server/documents/xlsx/exceljs.js: it fixes the streaming reader’s accents.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**', 'scripts/**', '*.js', '*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
