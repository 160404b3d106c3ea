import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { skipWithoutRedis, startRedisServer } from '../support/redisServer.js';
import type { RedisServer } from '../support/redisServer.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

describe.skipIf(skipWithoutRedis('cache.redisOutage.test.ts'))(
  'Redis outage against a real redis-server',
  () => {
    let redis: RedisServer;
    let confirma: ConfirmaFake;
    let factorCloud: FactorCloudFake;
    let caching: TestCaching;
    let h: Harness;

    beforeAll(async () => {
      redis = await startRedisServer();
      confirma = await startConfirmaFake();
      factorCloud = await startFactorCloudFake();
      confirma.records.push(distributionRecord(260100001), distributionRecord(260100002));
      confirma.cases.set('480001', caseReply(480001));
      caching = testCaching({ mode: 'redis', redisUrl: redis.url });
      expect(await caching.ready(10_000)).toBe(true);
      h = await startCachedSubgraph({ caching, confirma, factorCloud });
    });

    afterAll(async () => {
      await h?.close();
      await caching?.close();
      await Promise.all([confirma?.close(), factorCloud?.close(), redis?.close()]);
    });

    const CASE = `{ collectionCase(caseId: "480001") { caseId stage balance { totalAmount { amount } } } }`;
    const LIST = `{ invoices { totalCount nodes { invoiceNumber } } }`;
    const caseCalls = () => confirma.requestsTo('/invoice/case').length;
    const listCalls = () => confirma.requestsTo('/invoice/distribution').length;
    const logged = (text: string) => caching.lines.filter((line) => line.includes(text)).length;

    describe('a Redis outage', () => {
      it('degrades to uncached reads, warns once, and caches again once Redis is back', async () => {
        const expected = {
          collectionCase: {
            caseId: '480001',
            stage: 'REMINDER',
            balance: { totalAmount: { amount: '1000.15' } },
          },
        };
        expect((await h.query(CASE)).body.data).toEqual(expected);
        expect((await h.query(LIST)).body.data?.invoices).toMatchObject({ totalCount: 2 });
        await h.query(CASE);
        await h.query(LIST);
        expect([caseCalls(), listCalls()]).toEqual([1, 1]);

        await redis.stop();
        for (let round = 1; round <= 3; round += 1) {
          const single = await h.query(CASE);
          const list = await h.query(LIST);
          expect(single.body).toEqual({ data: expected });
          expect(list.body.errors).toBeUndefined();
          expect([caseCalls(), listCalls()]).toEqual([1 + round, 1 + round]);
        }
        expect(logged('cache unavailable')).toBe(1);
        // The log names where Redis is, never more of the URL than host and port.
        expect(caching.lines.join('')).toContain(`127.0.0.1:${redis.port}`);

        await redis.start();
        expect(await caching.ready(20_000)).toBe(true);
        expect(logged('cache reachable again')).toBe(1);
        await h.query(CASE);
        await h.query(LIST);
        const afterRecovery = [caseCalls(), listCalls()];
        expect(afterRecovery).toEqual([5, 5]);
        await h.query(CASE);
        await h.query(LIST);
        expect([caseCalls(), listCalls()]).toEqual(afterRecovery);
        expect(logged('cache unavailable')).toBe(1);
      });
    });
  },
);
