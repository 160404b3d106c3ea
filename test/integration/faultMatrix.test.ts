import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { client } from '../fakes/factorcloud.js';
import type { FakeReply } from '../support/fakeUpstream.js';
import { always, faultSchedule, pathEndsWith } from '../support/faults.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { BOTH, HEALTHY, expectHealthy, seed } from '../support/faultsQueries.js';

/**
 * Every query asks Confirma (invoice 201) and FactorCloud (client CL-1) together and faults one of
 * them, so each case also shows the other field intact. Counts are read from the fakes.
 */
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    upstream: {
      // The breaker is covered below with its own harness; here it must stay out of the way.
      breaker: { failureThreshold: 1_000, cooldownMs: 60_000 },
      overrides: {
        // Headers timeout well inside the whole-call budget: a slow attempt can be retried.
        factorCloud: { headersTimeoutMs: 300, totalTimeoutMs: 10_000 },
        // Whole-call budget shorter than the headers timeout: only the deadline can end it.
        confirma: { headersTimeoutMs: 5_000, totalTimeoutMs: 400 },
      },
    },
  });
  seed(h);
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
  h.factorCloud.override = undefined;
});

const getClient = pathEndsWith('/get-client/');
const clientCalls = () => h.factorCloud.requestsTo('/get-client/').length;
const slow: FakeReply = { json: client('CL-1'), delayMs: 2_000 };

describe('reads of a faulty upstream', () => {
  const recovered: Array<[string, Array<FakeReply | 'normal'>]> = [
    ['a 503, then 200', [{ status: 503, json: {} }, 'normal']],
    ['a 429 with Retry-After: 1, then 200', [{ status: 429, headers: { 'retry-after': '1' } }, 'normal']],
    ['a 502 and a 504, then 200', [{ status: 502, raw: '' }, { status: 504, raw: '' }, 'normal']],
    ['a reset connection, then 200', [{ drop: true }, 'normal']],
    ['an attempt slower than the headers timeout, then 200', [slow, 'normal']],
  ];
  it.each(recovered)('retries %s and answers in full', async (_name, replies) => {
    h.factorCloud.override = faultSchedule(getClient, replies);
    const { body } = await h.query(BOTH);
    expect(body).toEqual({ data: HEALTHY });
    expect(clientCalls()).toBe(replies.length);
    expect(h.confirma.requests).toHaveLength(1);
  });

  const failed: Array<[string, FakeReply, string, number, number | undefined]> = [
    ['a 503 on every attempt', { status: 503, json: {} }, 'UPSTREAM_UNAVAILABLE', 3, undefined],
    ['an attempt timeout on every attempt', slow, 'UPSTREAM_TIMEOUT', 3, undefined],
    [
      'malformed JSON (a complete reply: not retried)',
      { raw: '{"Name": "Cl' },
      'UPSTREAM_BAD_RESPONSE',
      1,
      undefined,
    ],
    ['a 400', { status: 400, json: {} }, 'UPSTREAM_BAD_RESPONSE', 1, undefined],
    ['a 500 (a bug, not an overload)', { status: 500, raw: '' }, 'UPSTREAM_UNAVAILABLE', 1, undefined],
    [
      'a Retry-After longer than the time budget',
      { status: 503, headers: { 'retry-after': '3600' }, json: {} },
      'UPSTREAM_UNAVAILABLE',
      1,
      3600,
    ],
  ];
  it.each(failed)('turns %s into a coded field error', async (_name, reply, code, calls, retryAfter) => {
    h.factorCloud.override = always(getClient, reply);
    const { status, body } = await h.query(BOTH);
    expect(status).toBe(200);
    expect(body.data).toEqual({ ...HEALTHY, client: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ['client'],
      extensions: { code, upstream: 'factorcloud', endpoint: 'get-client' },
    });
    expect(body.errors?.[0]?.extensions?.retryAfter).toBe(retryAfter);
    expect(clientCalls()).toBe(calls);
    await expectHealthy(h);
  });

  it('gives up at the whole-call deadline without another attempt', async () => {
    h.confirma.override = always(pathEndsWith('/invoice/distribution'), {
      json: { invoices: [distributionRecord(201)] },
      delayMs: 2_000,
    });
    const { body } = await h.query(BOTH);
    expect(body.data).toEqual({ ...HEALTHY, invoice: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['invoice'], 'UPSTREAM_TIMEOUT'],
    ]);
    expect(h.confirma.requestsTo('/invoice/distribution')).toHaveLength(1);
    await expectHealthy(h);
  });
});

describe('writes', () => {
  // Each query is its own intended write: a fresh idempotency key, so an earlier test's failed
  // attempt (held by the duplicate guard, since it may have been applied) does not answer it.
  const UPSERT_AND_FETCH = `mutation ($k: String) {
    upsertClient(input: { clientKey: "CL-7", name: "Seven" }, idempotencyKey: $k) { client { clientKey } userErrors { code } }
    fetchNewSettlements { settlements { settlementId } }
  }`;

  it.each<[string, FakeReply]>([
    ['a 503', { status: 503, headers: { 'retry-after': '7' }, json: {} }],
    ['a reset connection', { drop: true }],
  ])('sends a FactorCloud write once on %s, even when a retry would have worked', async (_name, reply) => {
    h.factorCloud.override = faultSchedule(pathEndsWith('/create-client/'), [reply, 'normal']);
    const { body } = await h.query(UPSERT_AND_FETCH, { k: randomUUID() });
    expect(body.data).toEqual({
      upsertClient: null,
      fetchNewSettlements: { settlements: [] },
    });
    expect(body.errors?.[0]).toMatchObject({
      path: ['upsertClient'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', endpoint: 'create-client' },
    });
    expect(body.errors?.[0]?.extensions?.retryAfter).toBe(reply.status === 503 ? 7 : undefined);
    expect(h.factorCloud.requestsTo('/create-client/')).toHaveLength(1);
    await expectHealthy(h);
  });

  it('sends Confirma GET /settlements?unfetchedOnly=true once on a 503: a GET can be a write', async () => {
    h.confirma.override = faultSchedule(pathEndsWith('/settlements'), [{ status: 503, json: {} }, 'normal']);
    const { body } = await h.query(UPSERT_AND_FETCH, { k: randomUUID() });
    expect(body.data).toEqual({
      upsertClient: { client: { clientKey: 'CL-7' }, userErrors: [] },
      fetchNewSettlements: null,
    });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['fetchNewSettlements'], 'UPSTREAM_UNAVAILABLE'],
    ]);
    expect(h.confirma.requestsTo('/settlements')).toHaveLength(1);
    await expectHealthy(h);
  });
});
