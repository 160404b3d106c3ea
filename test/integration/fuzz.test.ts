import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { document, rawBody, variables } from '../support/fuzzArbitraries.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * A fixed seed keeps CI deterministic; FUZZ_SEED=<n> explores elsewhere. On failure fast-check
 * prints the seed and the shrunk counterexample, which replays with `{ seed, path }`.
 */
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261122;
const RUNS = { documents: 250, raw: 120, get: 60 };

/** Apollo's request-level codes that may legitimately reach a client besides our own. */
const APOLLO_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
];
const KNOWN_CODES = new Set<string>([...Object.values(ErrorCode), ...APOLLO_CODES]);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  for (const n of [1, 2, 260100001]) {
    h.confirma.records.push(distributionRecord(n));
    h.confirma.cases.set(String(480000 + (n % 1000)), caseReply(480000 + (n % 1000)));
    h.factorCloud.invoices.set(String(n), factoringInvoice(String(n)));
  }
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());

/**
 * A well-formed GraphQL response: JSON, no 5xx, `data` and/or `errors` and nothing else at the
 * top, every error with a message and a known `extensions.code`, never an unexpected failure.
 */
async function expectWellFormed(response: Response): Promise<void> {
  const text = await response.text();
  const context = `HTTP ${response.status}: ${text.slice(0, 300)}`;
  expect(response.status, context).toBeLessThan(500);
  expect(response.headers.get('content-type'), context).toMatch(/^application\/(graphql-response\+)?json/);
  const body: unknown = JSON.parse(text);
  expect(typeof body === 'object' && body !== null && !Array.isArray(body), context).toBe(true);
  const top = body as Record<string, unknown>;
  expect('data' in top || 'errors' in top, context).toBe(true);
  expect(
    Object.keys(top).every((key) => ['data', 'errors', 'extensions'].includes(key)),
    context,
  ).toBe(true);
  if (!('errors' in top)) return;
  expect(Array.isArray(top.errors) && top.errors.length > 0, context).toBe(true);
  for (const error of top.errors as Array<{ message?: unknown; extensions?: { code?: unknown } }>) {
    expect(typeof error.message, context).toBe('string');
    const code = error.extensions?.code;
    expect(typeof code === 'string' && KNOWN_CODES.has(code), context).toBe(true);
    expect(code, context).not.toBe(ErrorCode.INTERNAL_SERVER_ERROR);
  }
}

const post = (body: string) =>
  fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('fuzzing the subgraph over HTTP', () => {
  it('answers random documents with random variables with well-formed GraphQL responses', async () => {
    await fc.assert(
      fc.asyncProperty(document, variables, async (query, vars) => {
        await expectWellFormed(await post(JSON.stringify({ query, variables: vars })));
      }),
      { seed: SEED, numRuns: RUNS.documents },
    );
  });

  it('answers raw bodies with huge numbers, deep nesting and odd shapes', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async (body) => {
        await expectWellFormed(await post(body));
      }),
      { seed: SEED, numRuns: RUNS.raw },
    );
  });

  it('answers random GET requests with query and variables in the URL', async () => {
    await fc.assert(
      fc.asyncProperty(document, variables, async (query, vars) => {
        const url = new URL(h.url);
        url.searchParams.set('query', query);
        if (vars !== undefined) url.searchParams.set('variables', JSON.stringify(vars));
        await expectWellFormed(await fetch(url, { headers: { 'apollo-require-preflight': 'true' } }));
      }),
      { seed: SEED, numRuns: RUNS.get },
    );
  });

  it.each([
    ['a subscription, which the schema does not have', { query: 'subscription { invoices { totalCount } }' }],
    [
      'a persisted-query hash that does not match the query',
      { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '00' } } },
    ],
  ])('answers %s with a request error, not an internal one (found by fuzzing)', async (_name, body) => {
    const response = await post(JSON.stringify(body));
    expect(response.status).toBeLessThan(500);
    const reply = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(reply.errors[0]?.extensions.code).toMatch(/^(GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/);
  });

  it('still answers an ordinary query afterwards', async () => {
    const reply = await h.query('{ invoice(invoiceNumber: "1") { invoiceNumber factoring { status } } }');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: { invoice: { invoiceNumber: '1', factoring: { status: 'FUNDED' } } },
    });
  });
});
