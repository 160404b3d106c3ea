import { Pool } from 'undici';
import {
  CONFIRMA_HEADERS,
  FACTORCLOUD_HEADERS,
  UPSTREAM_MAX_CONCURRENCY,
  WINDOW,
  factoringInvoiceId,
} from './config.js';
import { clientKeyOf } from './naiveClient.js';

/**
 * The best a hand-written client could do on this machine: the InvoicePage's calls with nothing
 * in between. Bare undici, one pool per upstream with the subgraph's concurrency bound (the pool
 * queues the rest in order), every case and get-invoice started as soon as the page is in, each
 * client's get-client as soon as the first of its invoices is, no validation, no GraphQL. Its
 * wall time is the floor the simulators and the machine set under the same concurrency, which a
 * one-call-at-a-time latency does not show. Returns how many upstream calls it made.
 */

export interface IdealClient {
  invoicePage(): Promise<number>;
  close(): Promise<void>;
}

interface PageEntry {
  invoiceNumber?: unknown;
  paymentControl?: { caseId?: unknown } | null;
}

export function idealClient(urls: { confirma: string; factorCloud: string }): IdealClient {
  const confirma = new Pool(urls.confirma, { connections: UPSTREAM_MAX_CONCURRENCY });
  const factorCloud = new Pool(urls.factorCloud, { connections: UPSTREAM_MAX_CONCURRENCY });
  return {
    async invoicePage() {
      let calls = 0;
      const get = async (pool: Pool, path: string, headers: Record<string, string>): Promise<unknown> => {
        calls += 1;
        const response = await pool.request({ method: 'GET', path, headers });
        const text = await response.body.text();
        if (response.statusCode === 404) return null;
        if (response.statusCode !== 200) throw new Error(`${path} answered ${response.statusCode}`);
        return JSON.parse(text);
      };
      const page = (await get(
        confirma,
        `/api/v1/partner/invoice/distribution?fromInvDate=${WINDOW.from}&toInvDate=${WINDOW.to}`,
        CONFIRMA_HEADERS,
      )) as { invoices?: PageEntry[] };
      const entries = page.invoices ?? [];
      const caseIds = new Set<string>();
      for (const entry of entries) {
        const caseId = entry.paymentControl?.caseId;
        if (caseId !== null && caseId !== undefined) caseIds.add(String(caseId));
      }
      const clientsAsked = new Set<string>();
      const clientCalls: Promise<unknown>[] = [];
      const cases = [...caseIds].map((caseId) =>
        get(confirma, `/api/v1/partner/invoice/case?caseId=${encodeURIComponent(caseId)}`, CONFIRMA_HEADERS),
      );
      const invoices = entries.map(async (entry) => {
        const id = encodeURIComponent(factoringInvoiceId(String(entry.invoiceNumber)));
        const record = await get(
          factorCloud,
          `/api_factor/get-invoice/?InvoiceIntegrationId=${id}`,
          FACTORCLOUD_HEADERS,
        );
        const clientKey = clientKeyOf(record);
        if (clientKey !== undefined && !clientsAsked.has(clientKey)) {
          clientsAsked.add(clientKey);
          const key = encodeURIComponent(clientKey);
          clientCalls.push(get(factorCloud, `/api_factor/get-client/?clientkey=${key}`, FACTORCLOUD_HEADERS));
        }
      });
      await Promise.all([...cases, ...invoices]);
      await Promise.all(clientCalls);
      return calls;
    },
    async close() {
      await Promise.all([confirma.close(), factorCloud.close()]);
    },
  };
}
