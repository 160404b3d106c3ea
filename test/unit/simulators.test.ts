import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConfirmaSimulator } from '../../src/simulators/confirma/server.js';
import {
  DISTRIBUTION_STATUSES,
  generateDataset,
  PAYMENT_CONTROL_STATUSES,
} from '../../src/simulators/dataset.js';
import type { RunningSimulators } from '../../src/simulators/index.js';
import {
  CONFIRMA_KEY,
  factoringInvoiceId,
  getJson,
  isJson,
  listOf,
  SIXTY_DAYS_AGO,
  startTestSimulators,
  THIRTY_DAYS_AGO,
  TODAY,
  type Json,
} from '../support/simulatorHttp.js';

describe('Confirma simulator', () => {
  let sims: RunningSimulators;
  const confirma = (pathAndQuery: string, headers: Record<string, string> = { 'X-Api-Key': CONFIRMA_KEY }) =>
    getJson(`${sims.confirmaUrl}/api/v1/partner${pathAndQuery}`, headers);
  const distribution = async (query: string): Promise<{ meta: Json; filters: Json; invoices: Json[] }> => {
    const { status, body } = await confirma(`/invoice/distribution${query}`);
    expect(status).toBe(200);
    const meta = isJson(body.metaData) ? body.metaData : {};
    return {
      meta,
      filters: isJson(meta.filtersApplied) ? meta.filtersApplied : {},
      invoices: listOf(body.invoices),
    };
  };

  beforeAll(async () => {
    sims = await startTestSimulators();
  });
  afterAll(async () => {
    await sims.close();
  });

  describe('over HTTP', () => {
    it('answers 401 without an X-Api-Key or with a wrong one', async () => {
      const attempts: Record<string, string>[] = [{}, { 'X-Api-Key': 'not-the-key' }];
      for (const headers of attempts) {
        const listing = await confirma('/invoice/distribution', headers);
        expect(listing.status).toBe(401);
        expect(listing.body).toEqual({ message: 'Unauthorized' });
        expect((await confirma('/invoice/case?caseId=481901', headers)).status).toBe(401);
      }
    });

    it('defaults to the last 30 days and says so in filtersApplied', async () => {
      const { meta, filters, invoices } = await distribution('');
      expect(filters).toEqual({
        invoiceNumber: null,
        fromInvDate: THIRTY_DAYS_AGO,
        toInvDate: TODAY,
        fetchType: null,
        defaultLast30DaysApplied: true,
      });
      const expected = [...sims.dataset.confirmaInvoices.values()]
        .filter((invoice) => invoice.invoiceDate >= THIRTY_DAYS_AGO)
        .map((invoice) => invoice.invoiceNumber);
      expect(invoices.map((invoice) => invoice.invoiceNumber)).toEqual(expected);
      const failed = invoices.filter((invoice) => invoice.distributionStatus === 'FAILED').length;
      expect(meta).toMatchObject({
        totalCount: expected.length,
        successfulCount: expected.length - failed,
        failedCount: failed,
      });
      expect(expected.length).toBeLessThan(sims.dataset.confirmaInvoices.size);
    });

    it('serves every distribution status and payment-control status across the 60 days', async () => {
      const { invoices, filters } = await distribution(`?fromInvDate=${SIXTY_DAYS_AGO}&fetchType=ALL`);
      expect(filters).toMatchObject({
        fromInvDate: SIXTY_DAYS_AGO,
        toInvDate: TODAY,
        fetchType: 'ALL',
        defaultLast30DaysApplied: false,
      });
      expect(invoices.length).toBeGreaterThanOrEqual(240);
      expect(new Set(invoices.map((i) => i.distributionStatus))).toEqual(new Set(DISTRIBUTION_STATUSES));
      const controls = invoices.map((i) => (isJson(i.paymentControl) ? i.paymentControl : {}));
      expect(new Set(controls.filter((c) => c.enabled === true).map((c) => c.status))).toEqual(
        new Set(PAYMENT_CONTROL_STATUSES),
      );
      expect(controls.filter((c) => c.enabled === false)).toContainEqual({
        enabled: false,
        agency: null,
        status: null,
        caseId: null,
      });
      for (const invoice of invoices) {
        const errors = listOf(invoice.errors);
        if (invoice.distributionStatus === 'FAILED') expect(errors.length).toBeGreaterThanOrEqual(1);
        else expect(errors).toEqual([]);
      }
    });

    it('finds one invoice by number, even outside the default window, and nothing for an unknown one', async () => {
      const oldest = await distribution('?invoiceNumber=260100001');
      expect(oldest.invoices.map((i) => i.invoiceNumber)).toEqual([260100001]);
      expect(oldest.filters).toMatchObject({ invoiceNumber: 260100001, defaultLast30DaysApplied: false });
      const unknown = await distribution('?invoiceNumber=999999999');
      expect(unknown.invoices).toEqual([]);
      expect(unknown.meta).toMatchObject({ totalCount: 0, successfulCount: 0, failedCount: 0 });
    });

    it('reads a lone toInvDate as the 30 days up to it, and a lone fromInvDate as up to today', async () => {
      const upTo = await distribution('?toInvDate=2026-09-10');
      expect(upTo.filters).toMatchObject({ fromInvDate: '2026-08-11', toInvDate: '2026-09-10' });
      expect(upTo.invoices.length).toBeGreaterThan(0);
      const since = await distribution('?fromInvDate=2026-09-25');
      expect(since.filters).toMatchObject({ fromInvDate: '2026-09-25', toInvDate: TODAY });
      const inWindow = [...sims.dataset.confirmaInvoices.values()].filter(
        (i) => i.invoiceDate >= '2026-09-25',
      );
      expect(since.invoices).toHaveLength(inWindow.length);
    });

    it('rejects a date that is not a real YYYY-MM-DD with 400', async () => {
      const { status, body } = await confirma('/invoice/distribution?fromInvDate=2026-02-30');
      expect(status).toBe(400);
      expect(body).toEqual({ message: 'fromInvDate must be a date in YYYY-MM-DD format' });
    });

    it('returns a case by caseId with amounts that add up, 404 for an unknown one, 400 without one', async () => {
      const caseId = [...sims.dataset.confirmaCases.keys()][0];
      const { status, text, body } = await confirma(`/invoice/case?caseId=${caseId}`);
      expect(status).toBe(200);
      const found = isJson(body.case) ? body.case : {};
      expect(found.summary).toMatchObject({ caseId, currency: 'EUR' });
      expect(text).toMatch(/"totalAmount":\d+\.\d{2}[,}]/);
      expect((await confirma('/invoice/case?caseId=1')).body).toEqual({ message: 'Case not found' });
      expect((await confirma('/invoice/case?caseId=1')).status).toBe(404);
      expect((await confirma('/invoice/case')).status).toBe(400);
      expect((await confirma('/invoice/case?caseId=abc')).status).toBe(400);
    });

    it('answers unknown routes with 404 and wrong methods with 405', async () => {
      expect((await confirma('/invoice/nothing')).status).toBe(404);
      const post = await fetch(`${sims.confirmaUrl}/api/v1/partner/invoice/case`, {
        method: 'POST',
        headers: { 'X-Api-Key': CONFIRMA_KEY },
      });
      expect(post.status).toBe(405);
      await post.body?.cancel();
    });
  });
});

describe('simulator lifecycle', () => {
  it('closes even while a client is half-way through sending a request', async () => {
    const dataset = generateDataset({ today: TODAY, invoiceCount: 5, factoringInvoiceId });
    const server = await startConfirmaSimulator({ dataset, apiKey: 'k', today: TODAY });
    const request = httpRequest(`${server.url}/api/v1/partner/invoice/distribution`, {
      method: 'GET',
      headers: { 'X-Api-Key': 'k', 'Content-Length': '100' },
    });
    request.on('error', () => undefined); // the server drops the socket on close; that is the point
    try {
      const [socket] = await once(request, 'socket');
      if (socket instanceof Socket && socket.connecting) await once(socket, 'connect');
      request.write('{"never":'); // the server now waits for the remaining bytes
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 2000).unref());
      expect(await Promise.race([server.close().then(() => 'closed' as const), timeout])).toBe('closed');
      request.destroy();
    }
  });
});
