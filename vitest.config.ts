import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Most test files wait on HTTP to 127.0.0.1 rather than compute, so more files than cores run
    // at once (vitest's default is cores - 1: a single file at a time on a 2-core machine).
    maxWorkers: Math.max(3, availableParallelism()),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // graphql 16 has no "exports": Node loads its CommonJS build for a package and Vite its ESM
    // build for our code. Transforming @graphql-inspector like our code gives both one graphql.
    server: { deps: { inline: [/@graphql-inspector\//] } },
  },
});
