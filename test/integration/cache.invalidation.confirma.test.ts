import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/** Read, write, read: the second read reaches Confirma, since the write invalidated the first. */
let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  confirma.records.push(distributionRecord(260100001));
  confirma.cases.set('480001', caseReply(480001));
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

const lookups = (n: string) =>
  confirma.requestsTo('/invoice/distribution').filter((r) => r.query.invoiceNumber === n).length;
const listReads = () =>
  confirma.requestsTo('/invoice/distribution').filter((r) => r.query.invoiceNumber === undefined).length;

describe('after createInvoice', () => {
  it("reads that invoice's distribution and the distribution lists afresh", async () => {
    const one = `{ invoice(invoiceNumber: "251601000") { invoiceNumber distribution { status } } }`;
    const list = `{ invoices(filter: { from: "2025-11-01", to: "2025-12-31" }) { totalCount } }`;
    expect(await ok(one)).toEqual({ invoice: null });
    expect(await ok(list)).toEqual({ invoices: { totalCount: 1 } });
    await ok(one);
    await ok(list);
    expect([lookups('251601000'), listReads()]).toEqual([1, 1]);

    const created = await ok(
      `mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoice { invoiceNumber } userErrors { code } } }`,
      { input: validInvoiceInput('251601000') },
    );
    expect(created).toEqual({ createInvoice: { invoice: { invoiceNumber: '251601000' }, userErrors: [] } });

    expect(await ok(one)).toEqual({
      invoice: { invoiceNumber: '251601000', distribution: { status: 'PENDING' } },
    });
    expect(await ok(list)).toEqual({ invoices: { totalCount: 2 } });
    expect([lookups('251601000'), listReads()]).toEqual([2, 2]);
  });
});

describe('after createInvoiceActions', () => {
  it('reads the case and the invoice it names afresh', async () => {
    const kase = `{ collectionCase(caseId: "480001") { caseId stage } }`;
    const one = `{ invoice(invoiceNumber: "260100001") { paymentControl { status } } }`;
    await ok(kase);
    await ok(one);
    await ok(kase);
    expect(confirma.requestsTo('/invoice/case')).toHaveLength(1);
    const lookupsBefore = lookups('260100001');

    const queued = await ok(
      `mutation ($input: CreateInvoiceActionsInput!) { createInvoiceActions(input: $input) { userErrors { code } } }`,
      { input: { actions: [{ withdraw: { invoiceNumber: '260100001', caseId: '480001' } }] } },
    );
    expect(queued).toEqual({ createInvoiceActions: { userErrors: [] } });
    expect(confirma.requestsTo('/invoice/action')).toHaveLength(1);

    await ok(kase);
    await ok(one);
    expect(confirma.requestsTo('/invoice/case')).toHaveLength(2);
    expect(lookups('260100001')).toBe(lookupsBefore + 1);
  });
});

describe('after accounting submits', () => {
  it('reads the sync status afresh', async () => {
    confirma.paymentStatusJson =
      '{"payments":[{"sourceIdentifier":"P-0","status":1,"description":"Synced"}]}';
    const status = `{ accountingPaymentSyncStatus { nodes { sourceIdentifier state } } }`;
    const reads = () => confirma.requestsTo('/accounting/payment').filter((r) => r.method === 'GET').length;
    await ok(status);
    await ok(status);
    expect(reads()).toBe(1);

    const submitted = await ok(
      `mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { userErrors { code } } }`,
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'P-1',
              invoiceNumber: '260100001',
              paymentDate: '2026-11-20',
              amount: '10.00',
              currency: 'EUR',
            },
          ],
        },
      },
    );
    expect(submitted).toEqual({ submitAccountingPayments: { userErrors: [] } });
    await ok(status);
    expect(reads()).toBe(2);
  });
});
