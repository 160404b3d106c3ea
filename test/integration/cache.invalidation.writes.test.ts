import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema.js';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { client, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * Every mutation that writes upstream, audited: read (cached), write, read again. The read the
 * write can change reaches the upstream again and shows the change; a read it cannot change
 * stays cached. The writes not listed here are covered, the same way, in
 * cache.invalidation.confirma.test.ts and cache.invalidation.factorcloud.test.ts.
 */
const COVERED_ELSEWHERE = [
  'createInvoice',
  'upsertClient',
  'upsertDebtor',
  'createFactoringSchedule',
  'postFactoringPayments',
];
const COVERED_HERE = [
  'createInvoiceActions',
  'fetchNewSettlements',
  'submitLedger',
  'submitAccountingPayments',
  'upsertVendor',
  'createBrokerSchedule',
  'storeFactoringDocument',
  'testFactorCloudConnection',
];

let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  confirma.records.push(distributionRecord(260100001));
  confirma.cases.set('480001', caseReply(480001));
  factorCloud.clients.set('CL-1', client('CL-1', 'Old Name LLC'));
  caching = testCaching({ mode: 'memory' });
  h = await startCachedSubgraph({ caching, confirma, factorCloud });
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => {
  h.resetRequests();
  factorCloud.override = undefined;
});

async function ok(query: string, variables?: Record<string, unknown>) {
  const { body } = await h.query(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** A read and how many upstream calls it has made so far. */
interface Read {
  query: string;
  calls(): number;
}

/**
 * Reads each of `fresh` and `stays` twice (the second from the cache), runs the write, reads
 * them again: each `fresh` read reaches the upstream once more, each `stays` read does not.
 */
async function readWriteRead(write: () => Promise<unknown>, fresh: Read[], stays: Read[] = []) {
  for (const read of [...fresh, ...stays]) {
    await ok(read.query);
    const before = read.calls();
    await ok(read.query);
    expect(read.calls(), `served from the cache before the write: ${read.query}`).toBe(before);
  }
  await write();
  const results: unknown[] = [];
  for (const read of fresh) {
    const before = read.calls();
    results.push(await ok(read.query));
    expect(read.calls(), `read afresh after the write: ${read.query}`).toBe(before + 1);
  }
  for (const read of stays) {
    const before = read.calls();
    await ok(read.query);
    expect(read.calls(), `still cached after the write: ${read.query}`).toBe(before);
  }
  return results;
}

const confirmaGets = (path: string) => () =>
  confirma.requestsTo(path).filter((r) => r.method === 'GET').length;
const factorCloudGets = (call: string) => () =>
  factorCloud.requestsTo(`/${call}/`).filter((r) => r.method === 'GET').length;

const WINDOW = 'filter: { from: "2026-11-01", to: "2026-11-30" }';
const PAYMENTS: Read = {
  query: `{ payments(${WINDOW}) { nodes { invoiceNumber originalPaymentReference } } }`,
  calls: confirmaGets('/partner/payments'),
};
const SETTLEMENTS: Read = {
  query: `{ settlements(${WINDOW}) { nodes { settlementId apiFetchDate } } }`,
  calls: confirmaGets('/partner/settlements'),
};
const LEDGER_SYNC: Read = {
  query: '{ ledgerSyncStatus { nodes { sourceIdentifier } } }',
  calls: confirmaGets('/accounting/ledger'),
};
const PAYMENT_SYNC: Read = {
  query: '{ accountingPaymentSyncStatus { nodes { sourceIdentifier } } }',
  calls: confirmaGets('/accounting/payment'),
};
const CASE: Read = {
  query: '{ collectionCase(caseId: "480001") { caseId } }',
  calls: confirmaGets('/invoice/case'),
};
const lookupsOf = (n: string) => () =>
  confirma.requestsTo('/invoice/distribution').filter((r) => r.query.invoiceNumber === n).length;
const INVOICE: Read = {
  query: '{ invoice(invoiceNumber: "260100001") { invoiceNumber } }',
  calls: lookupsOf('260100001'),
};
const CLIENT: Read = {
  query: '{ client(clientKey: "CL-1") { name } }',
  calls: factorCloudGets('get-client'),
};

function settlement(apiFetchDate: string | null) {
  return JSON.stringify({
    createdAt: '2026-11-22T08:00:00.000Z',
    settlements: [
      {
        settlementId: 202611200001,
        settlementDate: '2026-11-20',
        agency: 'CASH-IN',
        apiFetchDate,
        allocations: [],
      },
    ],
  });
}

function payment(reference: string) {
  return {
    caseId: 480001,
    invoiceNumber: '260100001',
    invoicePaymentReference: 'RF711',
    originalPaymentReference: reference,
    paymentDate: '2026-11-20T00:00:00Z',
    amount: 250.75,
    currency: 'EUR',
  };
}

const ACTIONS = `mutation ($input: CreateInvoiceActionsInput!, $key: String) {
  createInvoiceActions(input: $input, idempotencyKey: $key) { userErrors { code message } } }`;
const target = { invoiceNumber: '260100001', caseId: '480001' };

describe('every write that reaches an upstream', () => {
  it('is audited: each Mutation field is covered by a read-write-read test', () => {
    const mutations = Object.keys(buildSchema().getMutationType()?.getFields() ?? {}).sort();
    expect(mutations).toEqual([...COVERED_ELSEWHERE, ...COVERED_HERE].sort());
  });
});

describe('Confirma writes', () => {
  it('createInvoiceActions with a DIRECTPAYMENT: the payment windows are read afresh', async () => {
    confirma.paymentsJson = JSON.stringify([payment('AGENCY-1')]);
    const [after] = await readWriteRead(
      async () => {
        confirma.paymentsJson = JSON.stringify([payment('AGENCY-1'), payment('BANKREF-88921')]);
        const directPayment = {
          ...target,
          amount: '250.75',
          currency: 'EUR',
          paymentDate: '2026-11-20',
          reference: 'BANKREF-88921',
          outstandingCapitalAmount: '0',
          outstandingInterestAmount: '0',
          outstandingCostsAmount: '0',
        };
        const data = await ok(ACTIONS, { input: { actions: [{ directPayment }] }, key: randomUUID() });
        expect(data).toEqual({ createInvoiceActions: { userErrors: [] } });
      },
      [PAYMENTS, CASE],
      [SETTLEMENTS, LEDGER_SYNC],
    );
    expect(after).toEqual({
      payments: {
        nodes: [
          { invoiceNumber: '260100001', originalPaymentReference: 'AGENCY-1' },
          { invoiceNumber: '260100001', originalPaymentReference: 'BANKREF-88921' },
        ],
      },
    });
  });

  it('createInvoiceActions with only a COMMENT: the case is read afresh, the invoice and payments stay cached', async () => {
    await readWriteRead(
      async () => {
        const comment = { ...target, comment: 'Customer called' };
        const data = await ok(ACTIONS, { input: { actions: [{ comment }] }, key: randomUUID() });
        expect(data).toEqual({ createInvoiceActions: { userErrors: [] } });
      },
      [CASE],
      [INVOICE, PAYMENTS],
    );
  });

  it('fetchNewSettlements: the settlement windows are read afresh (their apiFetchDate)', async () => {
    confirma.settlementsJson = settlement(null);
    const [after] = await readWriteRead(
      async () => {
        // Confirma marks what the incremental read returns as fetched.
        confirma.settlementsJson = settlement('2026-11-22T09:00:00.000Z');
        await ok(`mutation { fetchNewSettlements(${WINDOW}) { settlements { settlementId } } }`);
      },
      [SETTLEMENTS],
      [PAYMENTS],
    );
    expect(after).toMatchObject({
      settlements: { nodes: [{ settlementId: '202611200001', apiFetchDate: expect.any(String) }] },
    });
  });

  it('submitLedger: the ledger sync status is read afresh, the payment sync status stays cached', async () => {
    confirma.ledgerStatusJson = null;
    confirma.paymentStatusJson = '{"payments":[{"sourceIdentifier":"P-0","status":1}]}';
    const [after] = await readWriteRead(
      async () => {
        confirma.ledgerStatusJson = '{"ledgers":[{"sourceIdentifier":"L-1","status":0}]}';
        const data = await ok(
          'mutation ($input: SubmitLedgerInput!) { submitLedger(input: $input) { userErrors { code } } }',
          { input: LEDGER },
        );
        expect(data).toEqual({ submitLedger: { userErrors: [] } });
      },
      [LEDGER_SYNC],
      [PAYMENT_SYNC],
    );
    expect(after).toEqual({ ledgerSyncStatus: { nodes: [{ sourceIdentifier: 'L-1' }] } });
  });

  it('submitAccountingPayments: the payment sync status is read afresh, the ledger sync status stays cached', async () => {
    confirma.ledgerStatusJson = '{"ledgers":[{"sourceIdentifier":"L-0","status":1}]}';
    confirma.paymentStatusJson = null;
    const [after] = await readWriteRead(
      async () => {
        confirma.paymentStatusJson = '{"payments":[{"sourceIdentifier":"P-1","status":0}]}';
        const data = await ok(
          'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { userErrors { code } } }',
          { input: { payments: [ACCOUNTING_PAYMENT] } },
        );
        expect(data).toEqual({ submitAccountingPayments: { userErrors: [] } });
      },
      [PAYMENT_SYNC],
      [LEDGER_SYNC],
    );
    expect(after).toEqual({ accountingPaymentSyncStatus: { nodes: [{ sourceIdentifier: 'P-1' }] } });
  });
});

describe('FactorCloud writes', () => {
  it('upsertVendor: the sub-debtor and master reads of its key are read afresh (§5.13)', async () => {
    const subDebtor: Read = {
      query: '{ clientDebtor(clientKey: "CL-1", debtorKey: "V-1") { name } }',
      calls: factorCloudGets('get-client-debtor'),
    };
    const master: Read = {
      query: '{ debtor(debtorKey: "V-1") { name } }',
      calls: factorCloudGets('get-debtor-master'),
    };
    await readWriteRead(
      () =>
        ok(
          'mutation { upsertVendor(input: { clientKey: "CL-1", vendorKey: "V-1", name: "Haul Co" }) { userErrors { code } } }',
        ),
      [subDebtor, master],
      [CLIENT],
    );
  });

  it('createBrokerSchedule: the broker schedule and its invoices are read afresh', async () => {
    const schedule: Read = {
      query: '{ brokerSchedule(integrationBatchId: "BB-1") { amount { amount } } }',
      calls: factorCloudGets('get-broker-sched'),
    };
    const invoice: Read = {
      query: '{ factoringInvoice(integrationInvoiceId: "BB-1-1") { amount { amount } } }',
      calls: factorCloudGets('get-invoice'),
    };
    const [scheduleAfter, invoiceAfter] = await readWriteRead(
      () =>
        ok(
          'mutation ($input: CreateBrokerScheduleInput!) { createBrokerSchedule(input: $input) { userErrors { code message } } }',
          { input: BROKER_SCHEDULE },
        ),
      [schedule, invoice],
      [CLIENT],
    );
    expect(scheduleAfter).toEqual({ brokerSchedule: { amount: { amount: '100.00' } } });
    expect(invoiceAfter).toEqual({ factoringInvoice: { amount: { amount: '100.00' } } });
  });

  it('storeFactoringDocument: an update whose reply names no UUID (the docs’ example) is read afresh', async () => {
    factorCloud.documents.set('doc-9', {
      FileName: 'pod-9.pdf',
      EncodingType: 'S',
      ContentType: 'application/pdf',
      EncodedDoc: b64('first'),
    });
    const document: Read = {
      query: '{ factoringDocument(uuid: "doc-9") { encodedDoc } }',
      calls: () => factorCloud.requestsTo('/get-docs/').length,
    };
    const [after] = await readWriteRead(
      async () => {
        factorCloud.override = (request) => {
          if (!request.path.toLowerCase().startsWith('/api_factor/store-docs')) return undefined;
          factorCloud.documents.set('doc-9', { ...JSON.parse(request.body), FileName: 'pod-9.pdf' });
          return { status: 200, json: { message: '200' } };
        };
        await ok(
          'mutation ($input: StoreFactoringDocumentInput!) { storeFactoringDocument(input: $input) { created } }',
          {
            input: {
              fileName: 'pod-9.pdf',
              encodingType: 'BASE64',
              encodedDoc: b64('second'),
              replace: true,
            },
          },
        );
      },
      [document],
      [CLIENT],
    );
    expect(after).toEqual({ factoringDocument: { encodedDoc: b64('second') } });
  });

  it('testFactorCloudConnection: a connection check changes nothing, every read stays cached', async () => {
    await readWriteRead(
      () =>
        ok(
          'mutation { testFactorCloudConnection(input: { testValue: "1", testLabel: "Test" }) { __typename } }',
        ),
      [],
      [CLIENT, INVOICE],
    );
  });
});

const b64 = (text: string) => Buffer.from(`%PDF-1.7 ${text}`).toString('base64');

const LEDGER = {
  ledgerIdentifier: 'L-1',
  companyIdentifier: '123456-7',
  documentType: 'ML',
  documentName: '1001',
  documentDate: '2026-11-13',
  calculationMode: 'GROSS',
  ledgerRows: [
    { bookingDate: '2026-11-12', accountNumber: '1701', amount: '10.00' },
    { bookingDate: '2026-11-12', accountNumber: '3000', amount: '-10.00' },
  ],
};

const ACCOUNTING_PAYMENT = {
  paymentIdentifier: 'P-1',
  invoiceNumber: '260100001',
  paymentDate: '2026-11-20',
  amount: '10.00',
  currency: 'EUR',
};

const BROKER_SCHEDULE = {
  integrationBatchId: 'BB-1',
  clientKey: 'CL-1',
  paymentMethod: 'ACH',
  amount: '100',
  invoices: [
    {
      integrationInvoiceId: 'BB-1-1',
      debtorKey: 'DB-1',
      vendorKey: 'V-1',
      invoiceNumber: 'BB-INV-1',
      amount: '100',
      advanceAmount: '80',
    },
  ],
};
