import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { CREATE_SCHEDULE, docsExample, postsTo } from '../fakes/factorcloudInputs.js';
import { ACTION_TARGET, CREATE_ACTIONS, CREATE_INVOICE } from '../support/confirmaMutations.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { startRedisServer } from '../support/redisServer.js';
import type { RedisServer } from '../support/redisServer.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * Issue 13, outcome 10: two replicas over one Redis. The duplicate guards live in Redis
 * (SET NX PX), so identical writes through both replicas at once reach the upstream once.
 */
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
  confirma.records.push(distributionRecord(Number(ACTION_TARGET.invoiceNumber)));
  // The guards live in Redis whatever the read cache's mode: here reads are not cached at all.
  cachings = [
    testCaching({ mode: 'off', redisUrl: redis.url }),
    testCaching({ mode: 'off', redisUrl: redis.url }),
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

beforeEach(() => {
  confirma.requests.length = 0;
  factorCloud.requests.length = 0;
  // Every write answers after 150 ms, so the two replicas' requests overlap.
  confirma.override = (r) => (r.method === 'POST' ? { status: 201, json: {}, delayMs: 150 } : undefined);
  factorCloud.override = (r) =>
    r.path.includes('create-sched') ? { delayMs: 150, json: { message: 'OK' } } : undefined;
});

const confirmaPosts = (path: string) => confirma.requestsTo(path).filter((r) => r.method === 'POST');
const codes = (replies: GraphQLReply[]) =>
  replies.map((r) => r.body.errors?.[0]?.extensions?.code ?? 'sent').sort();

describe('write guards shared by two replicas through Redis', () => {
  it('sends an identical DIRECTPAYMENT sent through both replicas at once exactly once', async () => {
    const input = {
      actions: [
        {
          directPayment: {
            ...ACTION_TARGET,
            amount: '50.00',
            currency: 'EUR',
            paymentDate: '2026-11-20',
            reference: 'REF-REPLICAS',
            outstandingCapitalAmount: '0',
            outstandingInterestAmount: '0',
            outstandingCostsAmount: '0',
          },
        },
      ],
    };
    const replies = await Promise.all([
      one.query(CREATE_ACTIONS, { input }),
      two.query(CREATE_ACTIONS, { input }),
    ]);
    expect(codes(replies)).toEqual(['CONFLICT', 'sent']);
    expect(confirmaPosts('/invoice/action')).toHaveLength(1);
    // Just applied: the other replica still refuses it afterwards.
    const again = await two.query(CREATE_ACTIONS, { input });
    expect(again.body.errors?.[0]?.extensions?.reason).toBe('RECENTLY_APPLIED');
    expect(confirmaPosts('/invoice/action')).toHaveLength(1);
  });

  it('replays a keyed write on the other replica without sending it again', async () => {
    const input = validInvoiceInput('800950');
    const first = await one.query(CREATE_INVOICE, { input, idempotencyKey: 'replica-key' });
    const replay = await two.query(CREATE_INVOICE, { input, idempotencyKey: 'replica-key' });
    expect(first.body.data?.createInvoice).toMatchObject({ invoice: { invoiceNumber: '800950' } });
    expect(replay.body.data?.createInvoice).toEqual(first.body.data?.createInvoice);
    expect(confirmaPosts('/invoice')).toHaveLength(1);
  });

  it('creates one invoice when both replicas get the same number with different inputs at once', async () => {
    const replies = await Promise.all([
      one.query(CREATE_INVOICE, { input: validInvoiceInput('800951'), idempotencyKey: 'k-1' }),
      two.query(CREATE_INVOICE, { input: validInvoiceInput('800951'), idempotencyKey: 'k-2' }),
    ]);
    expect(codes(replies)).toEqual(['CONFLICT', 'sent']);
    expect(confirmaPosts('/invoice')).toHaveLength(1);
  });

  it('creates one schedule when both replicas get the same batch at once', async () => {
    const input = docsExample('S-R1');
    const replies = await Promise.all([
      one.query(CREATE_SCHEDULE, { input }),
      two.query(CREATE_SCHEDULE, { input }),
    ]);
    expect(codes(replies)).toEqual(['CONFLICT', 'sent']);
    expect(postsTo(factorCloud, 'create-sched')).toHaveLength(1);
  });
});
