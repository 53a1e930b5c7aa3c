// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Page text is data: never parse it as HTML (README "Architecture", rules that protect users).
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Render page and user strings with text APIs only.' },
        { property: 'outerHTML', message: 'Render page and user strings with text APIs only.' },
        { property: 'insertAdjacentHTML', message: 'Render page and user strings with text APIs only.' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
);
