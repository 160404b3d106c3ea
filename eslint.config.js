// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importsPointDown } from './scripts/lint/importLayers.js';

/**
 * The layers of src/, lowest (1) first: a folder (or a file directly in src/) imports only from its
 * own layer and the layers before it. Entries in one array share a layer. docs/architecture.md
 * says what each layer is for; `npm run lint` fails on an upward import or an undeclared folder.
 */
const LAYERS = [
  'lib',
  'simulators',
  'logger',
  'http',
  'upstreams',
  'writes',
  'cache',
  'errors',
  'observability',
  'loaders',
  'validation',
  'pagination',
  'reconciliation',
  'security',
  'context',
  'scalars',
  ['resolvers', '__generated__'],
  'schemaFreshness',
  'schema',
  'serve',
  'server',
  'config',
  'ops',
  'index',
];

/** The embedded upstreams are started by index.ts alone: nothing else loads simulator code. */
const IMPORTED_ONLY_BY = { simulators: ['index'] };

/** Correctness rules plus the layer rules: imports point down LAYERS; lower layers never import graphql. */
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
    files: ['src/**/*.ts'],
    plugins: { layers: { rules: { 'imports-point-down': importsPointDown } } },
    rules: {
      'layers/imports-point-down': [
        'error',
        { root: `${import.meta.dirname}/src`, layers: LAYERS, importedOnlyBy: IMPORTED_ONLY_BY },
      ],
    },
  },
  {
    files: [
      'src/lib/**/*.ts',
      'src/simulators/**/*.ts',
      'src/http/**/*.ts',
      'src/upstreams/**/*.ts',
      'src/writes/**/*.ts',
      'src/loaders/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['graphql', 'graphql/*', '@apollo/*'], message: 'Lower layers stay free of GraphQL.' },
          ],
        },
      ],
    },
  },
);
