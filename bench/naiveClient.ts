import { z } from 'zod';
import { CONFIRMA_HEADERS, FACTORCLOUD_HEADERS, WINDOW, factoringInvoiceId } from './config.js';

/**
 * The baseline a frontend would write without the graph: fetch the distribution page, then for
 * each invoice in turn its case, its factoring record and that record's client, awaiting every
 * call before the next (N+1). Plain `fetch`, no cache, no concurrency. Returns how many upstream
 * calls it made.
 */

const pageSchema = z.object({
  invoices: z.array(
    z.object({
      invoiceNumber: z.union([z.number(), z.string()]),
      paymentControl: z.object({ caseId: z.union([z.number(), z.string()]).nullable() }),
    }),
  ),
});

export async function naiveInvoicePage(urls: { confirma: string; factorCloud: string }): Promise<number> {
  let calls = 0;
  const get = async (url: string, headers: Record<string, string>): Promise<unknown> => {
    calls += 1;
    const response = await fetch(url, { headers });
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
    return response.json();
  };
  const confirma = (path: string) => get(`${urls.confirma}/api/v1/partner${path}`, CONFIRMA_HEADERS);
  const factorCloud = (path: string) => get(`${urls.factorCloud}/api_factor${path}`, FACTORCLOUD_HEADERS);

  const page = pageSchema.parse(
    await confirma(`/invoice/distribution?fromInvDate=${WINDOW.from}&toInvDate=${WINDOW.to}`),
  );
  for (const invoice of page.invoices) {
    const caseId = invoice.paymentControl.caseId;
    if (caseId !== null) await confirma(`/invoice/case?caseId=${caseId}`);
    const id = encodeURIComponent(factoringInvoiceId(String(invoice.invoiceNumber)));
    const factored = await factorCloud(`/get-invoice/?InvoiceIntegrationId=${id}`);
    const clientKey = clientKeyOf(factored);
    if (clientKey) await factorCloud(`/get-client/?clientkey=${encodeURIComponent(clientKey)}`);
  }
  return calls;
}

/** FactorCloud spells keys loosely (`ClientKey`, `clientkey`); a frontend would too. */
export function clientKeyOf(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const entry = Object.entries(record).find(([key]) => key.toLowerCase() === 'clientkey');
  return typeof entry?.[1] === 'string' && entry[1] !== '' ? entry[1] : undefined;
}
