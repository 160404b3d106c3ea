import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // graphql 16 has no "exports": Node loads its CommonJS build for a package and Vite its ESM
    // build for our code. Transforming @graphql-inspector like our code gives both one graphql.
    server: { deps: { inline: [/@graphql-inspector\//] } },
  },
});
