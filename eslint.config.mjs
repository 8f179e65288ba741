import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/vscode-host/node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  {
    // The analysis core must stay usable outside the editor: no LSP or VS Code imports.
    files: ['server/src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'], message: 'The analysis core must not depend on LSP or VS Code.' },
            { group: ['#core'], message: 'Inside the core, import the module itself: its public entry would make an import cycle.' },
          ],
        },
      ],
    },
  },
  {
    // Everything outside the core uses its one entry, `#core` (server/src/core/index.ts); tests may reach internals.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/core/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/core', '**/core/**', '!#core'], message: "Import the analysis core from '#core' (server/src/core/index.ts), not its internal modules." }] },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
