import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client, debtor, linkKey, schedule, scheduleInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.factorCloud.clients.set('CL-1', client('CL-1', 'One Freight LLC'));
  const invoices = [
    scheduleInvoice('INT-1', 'INV-1', '100.00'),
    scheduleInvoice('INT-2', 'INV-2', '250.5'),
    { ...scheduleInvoice('INT-3', 'INV-3', '374.50'), DebtorKey: 'DB-2' },
    scheduleInvoice('INT-4', 'INV-4', '0.10'),
  ];
  h.factorCloud.schedules.set('B-1', schedule('B-1', invoices, { Amount: '725.10', PaymentMethod: 'W' }));
  h.factorCloud.clientDebtors.set(linkKey('CL-1', 'DB-1'), debtor('DB-1', 'CL-1', { BuyStatus: 't' }));
  h.factorCloud.clientDebtors.set(linkKey('CL-1', 'DB-2'), debtor('DB-2', 'CL-1', { CreditLimit: '' }));
  h.factorCloud.masterDebtors.set(
    'DB-1',
    debtor('DB-1', '', { Zipcode: '40202', ZipCode: '', McNumber: 'MC9' }),
  );
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

describe('factoringSchedule', () => {
  it('reads get-sched by IntegrationBatchId (path suffix, query parameter and header) with every invoice', async () => {
    const { body } = await h.query(`{ factoringSchedule(integrationBatchId: "B-1") {
      integrationBatchId clientKey amount { amount currency } paymentMethod paymentMethodRaw label
      invoices { integrationInvoiceId invoiceNumber amount { amount } status clientKey } client { name } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.factoringSchedule).toMatchObject({
      integrationBatchId: 'B-1',
      amount: { amount: '725.10', currency: 'USD' },
      paymentMethod: 'WIRE',
      paymentMethodRaw: 'W',
      client: { name: 'One Freight LLC' },
    });
    const invoices = (body.data?.factoringSchedule as { invoices: unknown[] }).invoices;
    expect(invoices).toHaveLength(4);
    expect(invoices[1]).toEqual({
      integrationInvoiceId: 'INT-2',
      invoiceNumber: 'INV-2',
      amount: { amount: '250.50' },
      status: 'PENDING',
      clientKey: 'CL-1',
    });
    const [request, ...others] = h.factorCloud.requestsTo('get-sched');
    expect(others).toHaveLength(0);
    expect(request).toMatchObject({ method: 'GET', path: '/api_factor/get-sched/B-1.json' });
    expect(request?.query).toEqual({ IntegrationBatchId: 'B-1' });
    expect(request?.headers.integrationbatchid).toBe('B-1');
    expect(h.factorCloud.requestsTo('get-client')).toHaveLength(1);
  });

  it('primes the invoice loader: factoringInvoice for a scheduled invoice costs no get-invoice call', async () => {
    const { body } = await h.query(`{
      one: factoringInvoice(integrationInvoiceId: "INT-3") { invoiceNumber amount { amount } debtorKey }
      factoringSchedule(integrationBatchId: "B-1") { invoices { integrationInvoiceId amount { amount } } }
      two: factoringInvoice(integrationInvoiceId: "INT-4") { amount { amount } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.one).toEqual({
      invoiceNumber: 'INV-3',
      amount: { amount: '374.50' },
      debtorKey: 'DB-2',
    });
    expect(body.data?.two).toEqual({ amount: { amount: '0.10' } });
    expect(h.factorCloud.requestsTo('get-sched')).toHaveLength(1);
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(0);
  });

  it('still calls get-invoice for an id the schedule does not hold', async () => {
    const { body } = await h.query(`{
      factoringSchedule(integrationBatchId: "B-1") { amount { amount } }
      factoringInvoice(integrationInvoiceId: "OTHER") { amount { amount } }
    }`);
    expect(body).toEqual({
      data: { factoringSchedule: { amount: { amount: '725.10' } }, factoringInvoice: null },
    });
    expect(h.factorCloud.requestsTo('get-invoice').map((r) => r.query.InvoiceIntegrationId)).toEqual([
      'OTHER',
    ]);
  });

  it('gives null for an unknown batch (an all-empty reply or a 404)', async () => {
    h.factorCloud.override = (request) =>
      request.query.IntegrationBatchId === 'GONE' ? { status: 404, json: { message: 'no' } } : undefined;
    const { body } = await h.query(`{
      a: factoringSchedule(integrationBatchId: "NOPE") { label }
      b: factoringSchedule(integrationBatchId: "GONE") { label }
    }`);
    expect(body).toEqual({ data: { a: null, b: null } });
  });

  it('reads an unknown PaymentMethod letter as UNKNOWN with the letter in paymentMethodRaw, no error', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('get-sched') ? { json: schedule('B-9', [], { PaymentMethod: 'Z' }) } : undefined;
    const { body } = await h.query(
      '{ factoringSchedule(integrationBatchId: "B-9") { paymentMethod paymentMethodRaw } client(clientKey: "CL-1") { name } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      factoringSchedule: { paymentMethod: 'UNKNOWN', paymentMethodRaw: 'Z' },
      client: { name: 'One Freight LLC' },
    });
  });
});

describe('debtors', () => {
  it('joins FactoringInvoice.clientDebtor once per (client, debtor) pair', async () => {
    const { body } = await h.query(`{ factoringSchedule(integrationBatchId: "B-1") {
      invoices { clientDebtor { clientKey debtorKey name creditLimit { amount currency } buyStatus } } } }`);
    expect(body.errors).toBeUndefined();
    const debtors = (
      body.data?.factoringSchedule as { invoices: Array<{ clientDebtor: unknown }> }
    ).invoices.map((invoice) => invoice.clientDebtor);
    expect(debtors[0]).toEqual({
      clientKey: 'CL-1',
      debtorKey: 'DB-1',
      name: 'Debtor DB-1',
      creditLimit: { amount: '25000.00', currency: 'USD' },
      buyStatus: true,
    });
    expect(debtors[2]).toMatchObject({ debtorKey: 'DB-2', creditLimit: null, buyStatus: false });
    const calls = h.factorCloud.requestsTo('get-client-debtor').map((r) => r.query);
    expect(calls).toHaveLength(2);
    expect(calls).toEqual(
      expect.arrayContaining([
        { clientkey: 'CL-1', debtorkey: 'DB-1' },
        { clientkey: 'CL-1', debtorkey: 'DB-2' },
      ]),
    );
  });

  it('reads the master debtor with the debtor key in clientkey (as documented) and debtorkey', async () => {
    const { body } = await h.query(`{ clientDebtor(clientKey: "CL-1", debtorKey: "DB-1") {
      name client { clientKey } debtor { debtorKey zipCode mcNumber buyStatus } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.clientDebtor).toEqual({
      name: 'Debtor DB-1',
      client: { clientKey: 'CL-1' },
      debtor: { debtorKey: 'DB-1', zipCode: '40202', mcNumber: 'MC9', buyStatus: false },
    });
    expect(h.factorCloud.requestsTo('get-debtor-master').map((r) => r.query)).toEqual([
      { clientkey: 'DB-1', debtorkey: 'DB-1' },
    ]);
  });

  it('resolves Debtor representations through _entities, one call per unique key', async () => {
    const representations = ['DB-1', 'DB-1', 'DB-404'].map((debtorKey) => ({
      __typename: 'Debtor',
      debtorKey,
    }));
    const { body } = await h.query(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Debtor { debtorKey name } } }',
      { r: representations },
    );
    expect(body.errors).toBeUndefined();
    const one = { debtorKey: 'DB-1', name: 'Debtor DB-1' };
    expect(body.data?._entities).toEqual([one, one, null]);
    expect(h.factorCloud.requestsTo('get-debtor-master')).toHaveLength(2);
    const sdl = await h.query('{ _service { sdl } }');
    expect((sdl.body.data?._service as { sdl: string }).sdl).toMatch(
      /type Debtor\s+@key\(fields: "debtorKey"\)/,
    );
  });

  it('answers null for a debtor not linked to the client and for an unknown client', async () => {
    const { body } = await h.query(`{
      clientDebtor(clientKey: "CL-1", debtorKey: "DB-404") { name }
      client(clientKey: "CL-404") { name }
      debtor(debtorKey: "DB-404") { name }
    }`);
    expect(body).toEqual({ data: { clientDebtor: null, client: null, debtor: null } });
  });

  it('refuses an empty key before any call', async () => {
    const { body } = await h.query('{ debtor(debtorKey: "  ") { name } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.factorCloud.requests).toHaveLength(0);
  });
});

describe('factorCloudConnectionCheck', () => {
  it('reports ok from test-get', async () => {
    const { body } = await h.query('{ factorCloudConnectionCheck { ok endpoint httpStatus errorCode } }');
    expect(body.data?.factorCloudConnectionCheck).toEqual({
      ok: true,
      endpoint: 'test-get',
      httpStatus: 200,
      errorCode: null,
    });
    expect(h.factorCloud.requestsTo('test-get')[0]?.method).toBe('GET');
  });

  it('reports refused credentials as ok: false with a code, not as an error', async () => {
    h.factorCloud.override = () => ({ status: 401, json: { message: 'secret detail' } });
    const { body } = await h.query('{ factorCloudConnectionCheck { ok httpStatus errorCode message } }');
    expect(body.errors).toBeUndefined();
    expect(body.data?.factorCloudConnectionCheck).toMatchObject({
      ok: false,
      httpStatus: 401,
      errorCode: 'UPSTREAM_UNAUTHORIZED',
    });
    expect(JSON.stringify(body)).not.toContain('secret detail');
  });
});
