import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { cacheControlPlugins } from '../../src/cache/cacheControl.js';

/** A schema that asks for PUBLIC caching: the subgraph's plugins must still answer `private`. */
const typeDefs = `
  enum CacheControlScope { PUBLIC PRIVATE }
  directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean)
    on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
  type Query { rates: Rates }
  type Rates @cacheControl(maxAge: 120, scope: PUBLIC) { eur: String }
  type Mutation { touch: Rates }
`;

async function cacheControlOf(query: string): Promise<string | undefined> {
  const server = new ApolloServer({
    typeDefs,
    resolvers: { Query: { rates: () => ({ eur: '1.00' }) }, Mutation: { touch: () => ({ eur: '1.00' }) } },
    plugins: cacheControlPlugins(),
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query });
    return response.http.headers.get('cache-control');
  } finally {
    await server.stop();
  }
}

describe('cacheControlPlugins', () => {
  it('turns a PUBLIC hint into private, keeping its maxAge', async () => {
    expect(await cacheControlOf('{ rates { eur } }')).toBe('max-age=120, private');
  });

  it('leaves mutations uncacheable', async () => {
    expect(await cacheControlOf('mutation { touch { eur } }')).toBe('no-store');
  });
});
