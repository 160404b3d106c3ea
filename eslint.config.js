// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Correctness rules plus the layer rule: http/, upstreams/ and loaders/ never import graphql. */
export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'src/__generated__/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/index.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: [
      'src/http/**/*.ts',
      'src/upstreams/**/*.ts',
      'src/loaders/**/*.ts',
      'src/simulators/**/*.ts',
      'src/lib/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['graphql', 'graphql/*', '@apollo/*'], message: 'Lower layers stay free of GraphQL.' },
            {
              group: [
                '../resolvers/*',
                '../../resolvers/*',
                '../server.js',
                '../../server.js',
                '../serve/*',
                '../../serve/*',
              ],
              message: 'Imports point down the layers only.',
            },
          ],
        },
      ],
    },
  },
);
