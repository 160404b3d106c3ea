import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client } from '../fakes/factorcloud.js';
import { CREATE_SCHEDULE as CREATE, docsExample, postsTo } from '../fakes/factorcloudInputs.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const posts = (call: string) => postsTo(h.factorCloud, call);

describe('createFactoringSchedule (create-sched)', () => {
  it('checks get-sched first, then sends the docs body with exact string amounts', async () => {
    const { body } = await h.query(CREATE, { input: docsExample('S-1') });
    expect(body.errors).toBeUndefined();
    expect(h.factorCloud.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api_factor/get-sched/S-1.json',
      'POST /api_factor/create-sched/',
    ]);
    expect(JSON.parse(posts('create-sched')[0]?.body ?? '')).toEqual({
      ClientKey: 'CL-1',
      Amount: '725.00',
      InvoiceArray: [
        {
          DebtorKey: 'EXAMPLE_DEBTOR',
          InvoiceDate: '2020-01-01',
          InvoiceNumber: 'S-1_1',
          RefNum: 'ExampleA',
          DueDate: '2020-01-30',
          InvoiceAr: '100.00',
          InvoiceIntegrationId: 'S-1-1',
        },
        {
          DebtorKey: 'EXAMPLE_DEBTOR',
          InvoiceNumber: 'S-1_2',
          InvoiceAr: '250.00',
          InvoiceIntegrationId: 'S-1-2',
        },
        {
          DebtorKey: 'EXAMPLE_DEBTOR2',
          InvoiceNumber: 'S-1_3',
          InvoiceAr: '375.00',
          InvoiceIntegrationId: 'S-1-3',
        },
      ],
      Label: 'Example Label',
      Notes: 'Example Notes',
      PaymentMethod: 'W',
      IntegrationBatchId: 'S-1',
    });
    // The echo (create names InvoiceAr/RefNum/DueDate) is read into the returned schedule.
    expect(body.data?.createFactoringSchedule).toEqual({
      schedule: {
        integrationBatchId: 'S-1',
        amount: { amount: '725.00' },
        paymentMethod: 'WIRE',
        invoices: [
          {
            integrationInvoiceId: 'S-1-1',
            invoiceNumber: 'S-1_1',
            amount: { amount: '100.00' },
            refNumber: 'ExampleA',
            dueDate: '2020-01-30',
            status: 'PENDING',
          },
          expect.objectContaining({ integrationInvoiceId: 'S-1-2', amount: { amount: '250.00' } }),
          expect.objectContaining({ integrationInvoiceId: 'S-1-3', amount: { amount: '375.00' } }),
        ],
      },
      userErrors: [],
    });
  });

  it('refuses a second schedule with the same integrationBatchId as CONFLICT, sending nothing', async () => {
    await h.query(CREATE, { input: docsExample('S-2') });
    h.resetRequests();
    // A new idempotencyKey: a deliberate second write, which meets FactorCloud's own record.
    const { body } = await h.query(CREATE, { input: docsExample('S-2'), idempotencyKey: 'second-try' });
    expect(body.data?.createFactoringSchedule).toEqual({
      schedule: null,
      userErrors: [
        {
          field: ['input', 'integrationBatchId'],
          code: 'CONFLICT',
          message: expect.stringContaining('already has'),
        },
      ],
    });
    expect(posts('create-sched')).toHaveLength(0);
    expect(h.factorCloud.schedules.size).toBeGreaterThan(0);
  });

  it('maps an upstream 409 to CONFLICT when get-sched did not see the batch', async () => {
    h.factorCloud.override = (r) =>
      r.path.includes('create-sched') ? { status: 409, json: { message: 'dup' } } : undefined;
    const { body } = await h.query(CREATE, { input: docsExample('S-3') });
    expect(body.data?.createFactoringSchedule).toEqual({
      schedule: null,
      userErrors: [
        {
          field: ['input', 'integrationBatchId'],
          code: 'CONFLICT',
          message: expect.stringContaining('HTTP 409'),
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain('dup');
  });

  it('creates one schedule when the same batch is submitted twice at once', async () => {
    h.factorCloud.override = (r) =>
      r.path.includes('create-sched') ? { delayMs: 150, json: { message: 'OK' } } : undefined;
    const [a, b] = await Promise.all([
      h.query(CREATE, { input: docsExample('S-4') }),
      h.query(CREATE, { input: docsExample('S-4') }),
    ]);
    // One is created; the other is refused by the duplicate guard before anything is sent.
    const outcomes = [a, b].map((r) => r.body.errors?.[0]?.extensions?.code ?? 'created').sort();
    expect(outcomes).toEqual(['CONFLICT', 'created']);
    expect(posts('create-sched')).toHaveLength(1);
  });

  it('re-reads the schedule with get-sched when the echo is unusable', async () => {
    h.factorCloud.override = (r) => {
      if (r.method !== 'POST') return undefined;
      // Store it, then answer with an echo that says nothing.
      h.factorCloud.schedules.set('S-5', { ...JSON.parse(r.body), InvoiceArray: [] });
      return { json: {} };
    };
    const { body } = await h.query(CREATE, { input: docsExample('S-5') });
    expect(body.data?.createFactoringSchedule).toMatchObject({
      schedule: { integrationBatchId: 'S-5' },
      userErrors: [],
    });
    expect(h.factorCloud.requestsTo('get-sched')).toHaveLength(2);
  });
});

describe('createBrokerSchedule (create-sched-broker)', () => {
  it('sends vendor, advance and vendor reference per invoice and reads get-broker-sched back', async () => {
    const input = {
      integrationBatchId: 'BR-1',
      clientKey: 'CL-1',
      amount: '1200.50',
      paymentMethod: 'ACH',
      invoices: [
        {
          debtorKey: 'DB-1',
          vendorKey: 'VN-1',
          invoiceNumber: 'L-1',
          amount: '1200.5',
          advanceAmount: '1000',
          vendorInvoiceNumber: 'V-77',
        },
      ],
    };
    const { body } = await h.query(
      `mutation ($input: CreateBrokerScheduleInput!) { createBrokerSchedule(input: $input) {
        schedule { integrationBatchId invoices { vendorKey advanceAmount { amount } vendorInvoiceNumber clientKey } } userErrors { code } } }`,
      { input },
    );
    expect(body.errors).toBeUndefined();
    expect(h.factorCloud.requestsTo('get-broker-sched')[0]).toMatchObject({
      path: '/api_factor/get-broker-sched/BR-1.json',
      query: { IntegrationBatchId: 'BR-1' },
    });
    expect(JSON.parse(posts('create-sched-broker')[0]?.body ?? '')).toEqual({
      ClientKey: 'CL-1',
      Amount: '1200.50',
      InvoiceArray: [
        {
          DebtorKey: 'DB-1',
          VendorKey: 'VN-1',
          InvoiceNumber: 'L-1',
          InvoiceAr: '1200.50',
          AdvanceAmount: '1000.00',
          VendorInvoiceNumber: 'V-77',
        },
      ],
      PaymentMethod: 'A',
      IntegrationBatchId: 'BR-1',
    });
    expect(body.data?.createBrokerSchedule).toEqual({
      schedule: {
        integrationBatchId: 'BR-1',
        invoices: [
          {
            vendorKey: 'VN-1',
            advanceAmount: { amount: '1000.00' },
            vendorInvoiceNumber: 'V-77',
            clientKey: 'CL-1',
          },
        ],
      },
      userErrors: [],
    });
    h.resetRequests();
    const read = await h.query(
      '{ brokerSchedule(integrationBatchId: "BR-1") { amount { amount } invoices { advanceAmount { amount } } } }',
    );
    expect(read.body.data?.brokerSchedule).toEqual({
      amount: { amount: '1200.50' },
      invoices: [{ advanceAmount: { amount: '1000.00' } }],
    });
  });
});
