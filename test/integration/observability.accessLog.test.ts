import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONFIRMA_TEST_KEY, caseReply, distributionRecord } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const INVOICE = '260100042';
const SECRETS = [CONFIRMA_TEST_KEY, ...Object.values(FACTORCLOUD_TEST_CREDENTIALS)];

interface AccessLine {
  msg: string;
  requestId: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  operationType: string | null;
  operationName: string | null;
  errorCodes: string[];
  upstreamCalls: number;
  cacheHits: number;
  tenant: string | null;
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(Number(INVOICE)));
  h.confirma.cases.set('480042', caseReply(480042));
});
afterAll(() => h.close());

function accessLines(): AccessLine[] {
  return h.logLines
    .flatMap((chunk) => chunk.split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AccessLine & { msg: string })
    .filter((entry) => entry.msg === 'request');
}

/** The access line is written once the response is out: wait for the one with this id. */
async function lineFor(requestId: string | null): Promise<AccessLine[]> {
  return vi.waitFor(() => {
    const lines = accessLines().filter((line) => line.requestId === requestId);
    expect(lines.length).toBeGreaterThan(0);
    return lines;
  });
}

describe('one access line per request', () => {
  it('names the operation, status, upstream call count, tenant and request id', async () => {
    const before = h.confirma.requests.length;
    const reply = await h.query(
      `query Look($n: ID!) { invoice(invoiceNumber: $n) { distribution { status } paymentControl { case { stage } } } }`,
      { n: INVOICE },
    );
    expect(reply.body.errors).toBeUndefined();
    const lines = await lineFor(reply.headers.get('x-request-id'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationType: 'query',
      operationName: 'Look',
      errorCodes: [],
      upstreamCalls: h.confirma.requests.length - before,
      cacheHits: 0,
      tenant: 'default',
    });
    expect(lines[0]?.upstreamCalls).toBeGreaterThanOrEqual(2);
    expect(typeof lines[0]?.durationMs).toBe('number');
  });

  it('carries the error codes of a failed request', async () => {
    const parseFailure = await h.query('{ invoice(');
    const [failed] = await lineFor(parseFailure.headers.get('x-request-id'));
    expect(failed).toMatchObject({
      errorCodes: ['GRAPHQL_PARSE_FAILED'],
      upstreamCalls: 0,
      operationName: null,
    });

    const missing = await fetch(h.url.replace('/graphql', '/nowhere'));
    const [notFound] = await lineFor(missing.headers.get('x-request-id'));
    expect(notFound).toMatchObject({ status: 404, path: '/nowhere', errorCodes: ['NOT_FOUND'] });
  });

  it('writes exactly one line for each of several requests, and no secret or variable in any', async () => {
    const ids: Array<string | null> = [];
    for (let i = 0; i < 3; i += 1) {
      const reply = await h.query('query Ping { __typename }', undefined, {
        authorization: 'Bearer token-canary-77',
      });
      ids.push(reply.headers.get('x-request-id'));
    }
    for (const id of ids) expect(await lineFor(id)).toHaveLength(1);
    const text = accessLines()
      .map((line) => JSON.stringify(line))
      .join('\n');
    for (const secret of [...SECRETS, 'token-canary-77', INVOICE]) expect(text).not.toContain(secret);
  });
});
