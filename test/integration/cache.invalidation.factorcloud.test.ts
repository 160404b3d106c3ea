import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { client, factoringInvoice, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { CREATE_SCHEDULE, docsExample } from '../fakes/factorcloudInputs.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/** Read, write, read: the second read reaches FactorCloud, since the write invalidated the first. */
let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  factorCloud.clients.set('CL-1', client('CL-1', 'Old Name LLC'));
  caching = testCaching({ mode: 'memory' });
  h = await startCachedSubgraph({ caching, confirma, factorCloud });
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => h.resetRequests());

async function ok(query: string, variables?: Record<string, unknown>) {
  const { body } = await h.query(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}
const reads = (call: string) => factorCloud.requestsTo(`/${call}/`).filter((r) => r.method === 'GET').length;

describe('FactorCloud writes', () => {
  it('upsertClient: the client is read afresh', async () => {
    const read = () => ok(`{ client(clientKey: "CL-1") { name } }`);
    expect(await read()).toEqual({ client: { name: 'Old Name LLC' } });
    await read();
    await ok(
      `mutation { upsertClient(input: { clientKey: "CL-1", name: "New Name LLC" }) { userErrors { code } } }`,
    );
    expect(await read()).toEqual({ client: { name: 'New Name LLC' } });
    expect(reads('get-client')).toBe(2);
  });

  it('upsertDebtor: the debtor and the client debtor are read afresh', async () => {
    const read = () =>
      ok(
        `{ debtor(debtorKey: "DB-50") { name } clientDebtor(clientKey: "CL-1", debtorKey: "DB-50") { name } }`,
      );
    expect(await read()).toEqual({ debtor: null, clientDebtor: null });
    await read();
    await ok(
      `mutation { upsertDebtor(input: { clientKey: "CL-1", debtorKey: "DB-50", name: "Big Box Retail" }) { userErrors { code } } }`,
    );
    expect(await read()).toEqual({
      debtor: { name: 'Big Box Retail' },
      clientDebtor: { name: 'Big Box Retail' },
    });
    expect([reads('get-debtor-master'), reads('get-client-debtor')]).toEqual([2, 2]);
  });

  it('createFactoringSchedule: the schedule and its invoices are read afresh', async () => {
    const schedule = () => ok(`{ factoringSchedule(integrationBatchId: "B-1") { amount { amount } } }`);
    const invoice = () => ok(`{ factoringInvoice(integrationInvoiceId: "B-1-2") { amount { amount } } }`);
    expect(await schedule()).toEqual({ factoringSchedule: null });
    expect(await invoice()).toEqual({ factoringInvoice: null });
    await schedule();
    await invoice();
    expect([reads('get-sched'), reads('get-invoice')]).toEqual([1, 1]);
    const created = await ok(CREATE_SCHEDULE, { input: docsExample('B-1') });
    expect(created).toMatchObject({ createFactoringSchedule: { userErrors: [] } });
    // Its own read-before-write goes to FactorCloud, never to the cache.
    expect(reads('get-sched')).toBe(2);

    expect(await invoice()).toEqual({ factoringInvoice: { amount: { amount: '250.00' } } });
    expect(await schedule()).toEqual({ factoringSchedule: { amount: { amount: '725.00' } } });
    expect([reads('get-sched'), reads('get-invoice')]).toEqual([3, 2]);
  });

  it('postFactoringPayments: invoices are read afresh (FactorCloud matches payments itself)', async () => {
    factorCloud.invoices.set('INV-7', factoringInvoice('INV-7'));
    const read = () => ok(`{ factoringInvoice(integrationInvoiceId: "INV-7") { paymentMade } }`);
    expect(await read()).toEqual({ factoringInvoice: { paymentMade: false } });
    await read();
    factorCloud.invoices.set('INV-7', factoringInvoice('INV-7', 'CL-1', { PaymentMade: 'Y' }));
    await ok(
      `mutation ($input: PostFactoringPaymentsInput!) { postFactoringPayments(input: $input) { userErrors { code } } }`,
      {
        input: {
          batchReference: 'PB-1',
          batchTotal: '100.00',
          accountNumber: '861495268',
          payments: [
            {
              paymentDate: '2026-11-20',
              paymentType: 'ACH',
              amount: '100.00',
              transactionNumber: 'T-1',
              memoLine: 'INV-7',
            },
          ],
        },
      },
    );
    expect(await read()).toEqual({ factoringInvoice: { paymentMade: true } });
    expect(reads('get-invoice')).toBe(2);
  });

  it('storeFactoringDocument: an updated document is read afresh', async () => {
    const store = (text: string) =>
      ok(
        `mutation ($input: StoreFactoringDocumentInput!) { storeFactoringDocument(input: $input) { uuid created } }`,
        {
          input: {
            fileName: 'bol-9.pdf',
            encodingType: 'BASE64',
            encodedDoc: Buffer.from(text).toString('base64'),
            replace: true,
          },
        },
      );
    expect(await store('%PDF-1.7 first')).toEqual({
      storeFactoringDocument: { uuid: 'doc-1', created: true },
    });
    const read = async () =>
      Buffer.from(
        String(
          (
            (await ok(`{ factoringDocument(uuid: "doc-1") { encodedDoc } }`)) as {
              factoringDocument: { encodedDoc: string };
            }
          ).factoringDocument.encodedDoc,
        ),
        'base64',
      ).toString();
    expect(await read()).toBe('%PDF-1.7 first');
    await read();
    expect(await store('%PDF-1.7 second')).toEqual({
      storeFactoringDocument: { uuid: 'doc-1', created: false },
    });
    expect(await read()).toBe('%PDF-1.7 second');
    expect(factorCloud.requestsTo('/get-docs/')).toHaveLength(2);
  });
});
