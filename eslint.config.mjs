import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.tools/', '.data/', 'coverage/', 'admin-ui/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox: no Node built-ins, no clock, no randomness.
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      // Types may cross the boundary (they vanish at compile time); code may not.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'crypto',
                'http',
                'https',
                'mongoose',
                '**/store/**',
                '**/activities/**',
                '**/server/**',
              ],
              allowTypeImports: true,
              message: 'domain/ and workflows/ do no I/O: call an activity instead.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use Temporal timers in workflows; domain/ takes time as input.' },
      ],
    },
  },
  {
    // Temporal makes Date and Math.random deterministic inside workflows; domain/ has no such sandbox.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'Pass the time in; domain/ and workflows/ must be deterministic.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Pass randomness in; domain/ and workflows/ must be deterministic.',
        },
      ],
    },
  },
  {
    files: ['admin-ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
