import { resourcesTouched, totalCalls } from './bounds.js';
import type { ResourcesTouched } from './bounds.js';
import type { PageSetup } from './pageSetup.js';
import { INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES, invoicePageReplySchema, postQuery } from './queries.js';

/**
 * Benchmark 1: upstream requests for one InvoicePage query, as the simulators counted them,
 * against the lower bound (unique resources the page touches, from the reply and the dataset).
 */

/** Simulator paths of the resources in `ResourcesTouched`. */
const PATHS: Record<keyof ResourcesTouched, string> = {
  distributionPages: '/api/v1/partner/invoice/distribution',
  cases: '/api/v1/partner/invoice/case',
  factoringInvoices: '/api_factor/get-invoice/',
  clients: '/api_factor/get-client/',
};

export interface CallsResult {
  invoices: number;
  recorded: ResourcesTouched & { other: number; total: number };
  lowerBound: ResourcesTouched & { total: number };
  equal: boolean;
}

export async function measureCalls({ simulators, subgraph, dataset }: PageSetup): Promise<CallsResult> {
  await simulators.resetCounts();
  const reply = invoicePageReplySchema.parse(
    await postQuery(subgraph.url, INVOICE_PAGE_QUERY, INVOICE_PAGE_VARIABLES),
  );
  const counts = await simulators.counts();
  const lowerBound = resourcesTouched(reply, dataset);
  const recorded: ResourcesTouched = {
    distributionPages: counts[PATHS.distributionPages] ?? 0,
    cases: counts[PATHS.cases] ?? 0,
    factoringInvoices: counts[PATHS.factoringInvoices] ?? 0,
    clients: counts[PATHS.clients] ?? 0,
  };
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const other = total - totalCalls(recorded);
  return {
    invoices: reply.data.invoices.nodes.length,
    recorded: { ...recorded, other, total },
    lowerBound: { ...lowerBound, total: totalCalls(lowerBound) },
    equal:
      other === 0 &&
      (Object.keys(PATHS) as (keyof ResourcesTouched)[]).every((k) => recorded[k] === lowerBound[k]),
  };
}
