// @ts-check
import tseslint from 'typescript-eslint';

/** Modules the pure engine must never import: Office, exceljs, React, Node built-ins, the DOM's helpers. */
const IMPURE = [
  'exceljs', 'jszip', 'react', 'react-dom', 'react/*', '@fluentui/*', 'office-*', '@microsoft/*', 'office-addin-*',
  'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'stream', 'util', 'url', 'buffer', 'worker_threads', 'node:*',
  'playwright-core', 'hyperformula',
];
const IMPURE_DIRS = ['**/xlsx', '**/xlsx/*', '**/excel', '**/excel/*', '**/cli', '**/cli/*', '**/taskpane', '**/taskpane/*', '**/port', '**/port/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'lib/**', 'dist/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: IMPURE, message: 'src/engine is pure: no Office, exceljs, React, Node or DOM imports.' },
          { group: IMPURE_DIRS, message: 'src/engine must not import adapters, the CLI or the pane.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'Office', 'Excel', 'process', 'require', 'Buffer'],
    },
  },
);
