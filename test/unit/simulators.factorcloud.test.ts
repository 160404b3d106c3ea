import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amountToCents, FACTORCLOUD_INVOICE_STATUSES } from '../../src/simulators/dataset.js';
import { linkKey } from '../../src/simulators/dataset/types.js';
import type { RecordedRequest, RunningSimulators } from '../../src/simulators/index.js';
import {
  FC,
  FC_HEADERS,
  factoringInvoiceId,
  getJson,
  listOf,
  startTestSimulators,
} from '../support/simulatorHttp.js';

describe('FactorCloud simulator', () => {
  let sims: RunningSimulators;
  const recorded: RecordedRequest[] = [];
  beforeAll(async () => {
    sims = await startTestSimulators(recorded);
  });
  afterAll(async () => {
    await sims.close();
  });

  const knownId = (): string => [...sims.dataset.factorCloudInvoices.keys()][0] ?? 'none';
  const fc = (pathAndQuery: string, headers: Record<string, string> = FC_HEADERS) =>
    getJson(`${sims.factorCloudUrl}/api_factor/${pathAndQuery}`, headers);

  it('answers 401 when an auth header is missing or wrong', async () => {
    expect((await fc('test-get/', {})).status).toBe(401);
    const wrong = await fc(`get-invoice/?InvoiceIntegrationId=${knownId()}`, {
      ...FC_HEADERS,
      'Auth-APIKey': 'nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ message: 'Unauthorized' });
  });

  it('accepts auth headers, paths and parameter names in any casing', async () => {
    const odd = { 'Auth-Factorid': FC.factorId, 'auth-systemkey': FC.systemKey, 'AUTH-APIKEY': FC.apiKey };
    const byQuery = await getJson(
      `${sims.factorCloudUrl}/API_FACTOR/Get-Invoice?invoiceintegrationID=${knownId()}`,
      odd,
    );
    const byHeader = await fc('get-invoice/', { ...FC_HEADERS, InvoiceIntegrationID: knownId() });
    const byPath = await fc(`get-invoice/${knownId()}.json`);
    expect(byQuery.status).toBe(200);
    expect(byQuery.body.ClientKey).toMatch(/^CL-\d{4}$/);
    expect(byHeader.body).toEqual(byQuery.body);
    expect(byPath.body).toEqual(byQuery.body);
    expect(
      recorded.some(
        (r) => r.headers['auth-factorid'] === FC.factorId && r.path === '/API_FACTOR/Get-Invoice',
      ),
    ).toBe(true);
  });

  it("answers an unknown invoice id with the docs' all-empty body and its InvoiceNumbe key", async () => {
    const { status, body } = await fc('get-invoice/?InvoiceIntegrationId=INV-000');
    expect(status).toBe(200);
    expect(Object.keys(body)).toContain('InvoiceNumbe');
    expect(Object.keys(body)).not.toContain('InvoiceNumber');
    expect(Object.keys(body)).toHaveLength(15);
    expect(Object.values(body).every((value) => value === '')).toBe(true);
    expect((await fc('get-invoice/')).status).toBe(400);
  });

  it('knows roughly 70% of the Confirma invoices, under factoringInvoiceId', () => {
    const numbers = [...sims.dataset.confirmaInvoices.keys()];
    const known = numbers.filter((n) => sims.dataset.factorCloudInvoices.has(factoringInvoiceId(String(n))));
    expect(known.length / numbers.length).toBeGreaterThanOrEqual(0.6);
    expect(known.length / numbers.length).toBeLessThanOrEqual(0.8);
    for (const n of known) {
      expect(sims.dataset.factorCloudInvoices.get(factoringInvoiceId(String(n)))?.invoice.InvoiceNumber).toBe(
        String(n),
      );
    }
  });

  it('answers some invoices docs-faithfully (InvoiceNumbe, strings) and the rest typed', async () => {
    let faithful = 0;
    let typed = 0;
    const statuses = new Set<unknown>();
    for (const id of sims.dataset.factorCloudInvoices.keys()) {
      const { body } = await fc(`get-invoice/?InvoiceIntegrationId=${id}`);
      statuses.add(body.InvoiceStatus);
      if ('InvoiceNumbe' in body) {
        faithful += 1;
        expect(Object.values(body).every((value) => typeof value === 'string')).toBe(true);
      } else {
        typed += 1;
        expect(typeof body.InvoiceAmount).toBe('number');
        expect(typeof body.PaidInFull).toBe('boolean');
      }
    }
    expect(faithful / (faithful + typed)).toBeGreaterThan(0.2);
    expect(faithful / (faithful + typed)).toBeLessThan(0.5);
    expect(statuses).toEqual(new Set(FACTORCLOUD_INVOICE_STATUSES));
  });

  it('keeps each stored invoice consistent with its status', () => {
    for (const { invoice } of sims.dataset.factorCloudInvoices.values()) {
      const funded = invoice.InvoiceStatus === 'F';
      expect(invoice.InvoicePurchaseDate !== null && invoice.InvoiceFundDate !== null).toBe(funded);
      expect(invoice.PaidInFull).toBe(invoice.PaidInFullOn !== null);
      expect(invoice.PaymentMade === 'Y').toBe(invoice.LastPaymentMadeOn !== null);
      if (invoice.PaidInFull) expect(funded && invoice.PaymentMade === 'Y').toBe(true);
    }
  });

  it('returns clients by clientkey, and every key empty for an unknown one', async () => {
    const known = await fc('get-client/?ClientKey=CL-1001');
    expect(known.body).toMatchObject({ ClientKey: 'CL-1001', Country: 'USA' });
    expect(Object.keys(known.body)).toHaveLength(26);
    const unknown = await fc('get-client/?clientkey=CL-9999');
    expect(unknown.status).toBe(200);
    expect(Object.keys(unknown.body)).toEqual(Object.keys(known.body));
    expect(Object.values(unknown.body).every((value) => value === '')).toBe(true);
  });

  it('groups the seeded invoices into a few schedules per client that get-sched serves', async () => {
    const schedules = [...sims.dataset.factorCloud.schedules.values()];
    const ids = schedules.flatMap((schedule) => schedule.invoiceIds);
    expect(ids).toHaveLength(sims.dataset.factorCloudInvoices.size);
    expect(new Set(ids)).toEqual(new Set(sims.dataset.factorCloudInvoices.keys()));
    const perClient = new Map<string, number>();
    for (const { ClientKey } of schedules) perClient.set(ClientKey, (perClient.get(ClientKey) ?? 0) + 1);
    expect(perClient.size).toBe(sims.dataset.factorCloudClients.size);
    expect([...perClient.values()].every((count) => count >= 2 && count <= 5)).toBe(true);
    for (const schedule of schedules.slice(0, 6)) {
      const { status, body } = await fc(`get-sched/${schedule.IntegrationBatchId}.json`);
      expect(status).toBe(200);
      const invoices = listOf(body.InvoiceArray);
      expect(invoices.map((invoice) => invoice.InvoiceIntegrationId)).toEqual(schedule.invoiceIds);
      const sum = schedule.invoiceIds.reduce(
        (total, id) =>
          total + amountToCents(sims.dataset.factorCloudInvoices.get(id)?.invoice.InvoiceAmount ?? '0.00'),
        0,
      );
      expect(amountToCents(schedule.Amount)).toBe(sum);
      expect(invoices.every((invoice) => invoice.ClientKey === schedule.ClientKey)).toBe(true);
    }
  });

  it('writes a docs-faithful schedule all in strings, keeping InvoiceNumber spelled right', async () => {
    const faithful = [...sims.dataset.factorCloud.schedules.values()].find(
      (s) => s.replyStyle.kind !== 'typed',
    );
    if (!faithful) throw new Error('no docs-faithful seeded schedule');
    const { body } = await fc(`get-sched/?IntegrationBatchId=${faithful.IntegrationBatchId}`);
    const invoices = listOf(body.InvoiceArray);
    expect(typeof body.Amount).toBe('string');
    expect(
      invoices.every((invoice) => Object.values(invoice).every((value) => typeof value === 'string')),
    ).toBe(true);
    expect(invoices.every((invoice) => 'InvoiceNumber' in invoice && !('InvoiceNumbe' in invoice))).toBe(
      true,
    );
  });

  it('links every seeded invoice to a sub-debtor of its client and a master debtor', async () => {
    for (const { invoice } of sims.dataset.factorCloudInvoices.values()) {
      const link = sims.dataset.factorCloud.subDebtors.get(linkKey(invoice.ClientKey, invoice.DebtorKey));
      expect(link?.debtor.ClientKey).toBe(invoice.ClientKey);
    }
    const { invoice } = [...sims.dataset.factorCloudInvoices.values()][0] ?? {};
    if (!invoice) throw new Error('no seeded invoice');
    const sub = await fc(`get-client-debtor/?clientkey=${invoice.ClientKey}&debtorkey=${invoice.DebtorKey}`);
    expect(sub.body).toMatchObject({ ClientKey: invoice.ClientKey, DebtorKey: invoice.DebtorKey });
    const master = await fc(`get-debtor-master/?clientkey=${invoice.DebtorKey}`);
    expect(master.body).toMatchObject({ DebtorKey: invoice.DebtorKey, Name: sub.body.Name });
    expect(master.body.ClientKey === null || master.body.ClientKey === '').toBe(true);
  });

  it('serves test-get, echoes test-post as 201 whatever the Content-Type, and 404s unknown calls', async () => {
    expect((await fc('test-get/')).body).toEqual({ message: 'OK' });
    const echo = await fetch(`${sims.factorCloudUrl}/api_factor/test-post/`, {
      method: 'POST',
      headers: { ...FC_HEADERS, 'Content-Type': 'text/plain' },
      body: '{"TestValue":"1","TestLabel":"Test"}',
    });
    expect(echo.status).toBe(201);
    expect(await echo.json()).toEqual({ TestValue: '1', TestLabel: 'Test' });
    expect((await fc('no-such-call/')).status).toBe(404);
  });
});
