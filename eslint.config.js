// ESLint: typescript-eslint's recommended rules over src/, test/, bench/, scripts/.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'scratch/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The portal's web UI runs in the browser (its tests and Vite config run in node).
    files: ['web/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    // The pure core does no I/O: model, money, profiles' types, rules, narrative, interpretation.
    files: ['src/model/**', 'src/money/**', 'src/rules/**', 'src/narrative/**', 'src/interpret/**', 'src/render/**', 'src/summary.ts', 'src/glossary.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:fs', 'node:child_process', 'node:net', 'node:http', 'fs', 'child_process'],
              message: '核心模块不做 I/O：请放到 read/、cli/ 等外壳中。',
            },
          ],
        },
      ],
    },
  },
);
