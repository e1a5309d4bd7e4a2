// Lint with layer fences: core/ is isomorphic (no server, no web, no node:*), web/ never reaches into server/.
// The order of the modules themselves (and no import cycles) is .dependency-cruiser.cjs, run by `npm run lint` too.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const fence = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'web/dist/',
      'build/',
      'data/',
      'server/db/migrations/',
      '.test-results/',
      '.scratch/',
    ],
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
    // One i18n (docs/decisions/0012-one-i18n.md): the language is never decided at a call site
    files: ['core/**', 'server/**', 'web/**'],
    ignores: ['core/i18n/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:matches([left.name='locale'], [left.property.name='locale'], [right.name='locale'], [right.property.name='locale']):matches([left.type='Literal'], [right.type='Literal'])",
          message:
            'Say it through the catalogue (t / useT) and format through core/i18n/format.ts, never `locale === …` (docs/decisions/0012-one-i18n.md).',
        },
      ],
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
    // Pages write through the mutation hooks of web/api/<area>.ts, which declare what each write reloads. The
    // report saver (use-report-saver.ts) is the one exception; it keeps the web/ fence above (a later rule
    // replaces an earlier one for the same files).
    files: ['web/features/**', 'web/components/**'],
    ignores: ['web/features/reports/use-report-saver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@tanstack/react-query',
              importNames: ['useMutation'],
              message:
                'write through a mutation hook of web/api/<area>.ts (it declares what the write reloads).',
            },
          ],
          patterns: [
            {
              group: ['**/server/**', 'node:*', 'drizzle-orm', 'drizzle-orm/*', 'pg'],
              message: 'web/ never imports server/.',
            },
            {
              group: ['**/api/write', '**/api/write.js'],
              message: 'write through a mutation hook of web/api/<area>.ts, not apiSend.',
            },
            {
              group: ['**/api/*'],
              importNames: ['apiSend', 'patchReport'],
              message:
                'write through a mutation hook of web/api/<area>.ts (patchReport is the report saver’s).',
            },
          ],
        },
      ],
    },
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
