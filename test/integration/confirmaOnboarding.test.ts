import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { buildSchema } from '../../src/schema.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

describe('tokens on the graph', () => {
  it('reports whether the access token is valid', async () => {
    const ok = await h.query('{ accessTokenStatus { valid message } }');
    expect(ok.body.data).toEqual({ accessTokenStatus: { valid: true, message: 'Token is valid' } });
    h.confirma.override = () => ({ status: 401, json: {} });
    const refused = await h.query('{ accessTokenStatus { valid } }');
    expect(refused.body.data).toEqual({ accessTokenStatus: { valid: false } });
  });

  it('offers no way to renew the key or onboard a client: no caller can trigger a rotation', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/renew') ? { json: { Message: 'renewed-token-canary-77aa' } } : undefined;
    for (const mutation of [
      'mutation { renewAccessToken { accessToken } }',
      'mutation { onboardClient(input: {}) { client { accessToken } } }',
    ]) {
      const { body } = await h.query(mutation);
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('has no output field that could carry a credential', () => {
    const document = parse(printSubgraphSchema(buildSchema()));
    const suspicious: string[] = [];
    for (const definition of document.definitions) {
      if (definition.kind !== 'ObjectTypeDefinition' && definition.kind !== 'ObjectTypeExtension') continue;
      for (const field of definition.fields ?? []) {
        const name = field.name.value;
        // `accessTokenStatus` answers whether the key works, never the key.
        if (/token|apikey|secret|password|credential/i.test(name) && name !== 'accessTokenStatus') {
          suspicious.push(`${definition.name.value}.${name}`);
        }
      }
    }
    expect(suspicious).toEqual([]);
  });
});
