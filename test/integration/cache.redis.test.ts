import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIRMA_TEST_KEY, caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import {
  FACTORCLOUD_TEST_CREDENTIALS,
  factoringInvoice,
  startFactorCloudFake,
} from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { skipWithoutRedis, startRedisServer } from '../support/redisServer.js';
import type { RedisServer } from '../support/redisServer.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

describe.skipIf(skipWithoutRedis('cache.redis.test.ts'))('shared cache in a real Redis', () => {
  /** Two subgraph instances, each with its own Redis connection, over one redis-server. */
  let redis: RedisServer;
  let confirma: ConfirmaFake;
  let factorCloud: FactorCloudFake;
  let cachings: TestCaching[];
  let one: Harness;
  let two: Harness;

  beforeAll(async () => {
    redis = await startRedisServer();
    confirma = await startConfirmaFake();
    factorCloud = await startFactorCloudFake();
    confirma.records.push(distributionRecord(260100001));
    // 64-bit-looking case id and amounts a double would round: they must come back exactly.
    confirma.cases.set('9007199254740993', {
      case: { ...caseReply(1).case, summary: { ...caseReply(1).case.summary, caseId: '9007199254740993' } },
    });
    confirma.cases.set('480001', caseReply(480001));
    confirma.override = (request) =>
      request.query.caseId === '9007199254740993'
        ? {
            raw: JSON.stringify(confirma.cases.get('9007199254740993')).replace(
              '"balance":{"capitalAmount":900.1',
              '"balance":{"capitalAmount":12345678901234567.89',
            ),
          }
        : undefined;
    factorCloud.invoices.set('260100001', factoringInvoice('260100001'));
    cachings = [
      testCaching({ mode: 'redis', redisUrl: redis.url }),
      testCaching({ mode: 'redis', redisUrl: redis.url }),
    ];
    for (const caching of cachings) expect(await caching.ready(10_000)).toBe(true);
    [one, two] = (await Promise.all(
      cachings.map((caching) => startCachedSubgraph({ caching, confirma, factorCloud })),
    )) as [Harness, Harness];
  });

  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await Promise.all((cachings ?? []).map((caching) => caching.close()));
    await Promise.all([confirma?.close(), factorCloud?.close(), redis?.close()]);
  });

  beforeEach(() => one.resetRequests());

  const INVOICE = `query ($n: ID!) { invoice(invoiceNumber: $n) {
    invoiceNumber distribution { status } paymentControl { caseId } factoring { status amount { amount } } } }`;

  describe('two instances sharing one Redis', () => {
    it('serves instance two from what instance one cached: no upstream call at all', async () => {
      const first = await one.query(INVOICE, { n: '260100001' });
      expect(first.body.errors).toBeUndefined();
      const upstreamCalls = confirma.requests.length + factorCloud.requests.length;
      expect(upstreamCalls).toBe(2);

      const second = await two.query(INVOICE, { n: '260100001' });
      expect(second.body).toEqual(first.body);
      expect(confirma.requests.length + factorCloud.requests.length).toBe(upstreamCalls);
      expect(
        cachings[1]?.events
          .filter((e) => e.result === 'hit')
          .map((e) => e.cache)
          .sort(),
      ).toEqual(['confirma.distribution', 'factorcloud.invoice']);
    });

    it('keeps money and 64-bit ids exact through Redis', async () => {
      const query = `query ($id: ID!) { collectionCase(caseId: $id) { caseId balance { capitalAmount { amount } totalAmount { amount } } } }`;
      const first = await one.query(query, { id: '9007199254740993' });
      expect(first.body.data?.collectionCase).toEqual({
        caseId: '9007199254740993',
        balance: {
          capitalAmount: { amount: '12345678901234567.89' },
          totalAmount: { amount: '1000.15' },
        },
      });
      const calls = confirma.requestsTo('/invoice/case').length;
      const second = await two.query(query, { id: '9007199254740993' });
      expect(second.text).toBe(first.text);
      expect(confirma.requestsTo('/invoice/case')).toHaveLength(calls);
    });

    it('sees a write made through one instance from the other (shared invalidation)', async () => {
      const query = `query ($id: ID!) { collectionCase(caseId: $id) { caseId stage } }`;
      await one.query(query, { id: '480001' });
      await two.query(query, { id: '480001' });
      expect(confirma.requestsTo('/invoice/case')).toHaveLength(1);

      const actions = await one.query(
        `mutation ($input: CreateInvoiceActionsInput!) { createInvoiceActions(input: $input) { userErrors { code } } }`,
        { input: { actions: [{ pause: { invoiceNumber: '260100001', caseId: '480001' } }] } },
      );
      expect(actions.body.errors).toBeUndefined();
      await two.query(query, { id: '480001' });
      expect(confirma.requestsTo('/invoice/case')).toHaveLength(2);
    });
  });

  describe('what is stored in Redis', () => {
    it('keys name the tenant and a hash of the credentials, never a credential', async () => {
      await one.query(INVOICE, { n: '260100001' });
      const inspector = new Redis(redis.url);
      try {
        const keys = await inspector.keys('*');
        const entries = keys.filter((key) => key.includes(':r2:'));
        expect(entries.length).toBeGreaterThan(0);
        for (const key of entries) expect(key).toMatch(/^invoice-graph:r2:default:[cf][0-9a-f]{16}:/);
        const values = await Promise.all(keys.map((key) => inspector.get(key).catch(() => '')));
        const stored = [...keys, ...values].join('\n');
        for (const secret of [CONFIRMA_TEST_KEY, ...Object.values(FACTORCLOUD_TEST_CREDENTIALS)]) {
          expect(stored).not.toContain(secret);
        }
        // Every entry expires by itself; only the list generations are kept without a TTL.
        const ttls = await Promise.all(entries.map((key) => inspector.pttl(key)));
        expect(entries.filter((key, i) => !key.includes(':gen:') && (ttls[i] ?? -1) <= 0)).toEqual([]);
      } finally {
        inspector.disconnect();
      }
    });
  });

  describe('automatic persisted queries in Redis', () => {
    it('registers a query through one instance and runs it by hash on the other', async () => {
      const query = `query PersistedInvoice { invoice(invoiceNumber: "260100001") { invoiceNumber } }`;
      const sha256Hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash } };
      const post = (url: string, body: unknown) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
          body: JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, unknown> }));

      const unknown = await post(two.url, { extensions });
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
        }),
      ]);
      const registered = await post(one.url, { query, extensions });
      expect(registered.body).toEqual({ data: { invoice: { invoiceNumber: '260100001' } } });
      const byHash = await post(two.url, { extensions });
      expect(byHash.body).toEqual({ data: { invoice: { invoiceNumber: '260100001' } } });
      expect(cachings[1]?.events.filter((e) => e.cache === 'apq').map((e) => e.result)).toEqual([
        'miss',
        'hit',
      ]);
    });
  });
});
