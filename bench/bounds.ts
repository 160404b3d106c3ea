import type { SimulatorDataset } from '../src/simulators/index.js';
import { factoringInvoiceId } from './config.js';
import type { InvoicePageReply } from './queries.js';

/**
 * Lower bounds, derived from the data a page returned and the dataset behind it, never from
 * the calls that were recorded: what any client must fetch, and how long that must take.
 */

/** Upstream resources the InvoicePage query touches; each costs at least one call. */
export interface ResourcesTouched {
  /** GET /invoice/distribution: the page itself (one call, no paging in Confirma). */
  distributionPages: number;
  /** GET /invoice/case: one per unique case id on the page. */
  cases: number;
  /** get-invoice: one per invoice on the page. FactorCloud has no lookup by many ids. */
  factoringInvoices: number;
  /** get-client: one per unique ClientKey among the page's factored invoices. */
  clients: number;
}

export function resourcesTouched(reply: InvoicePageReply, dataset: SimulatorDataset): ResourcesTouched {
  const nodes = reply.data.invoices.nodes;
  const caseIds = new Set<string>();
  const clientKeys = new Set<string>();
  for (const node of nodes) {
    const caseId = node.paymentControl?.caseId;
    if (caseId) caseIds.add(caseId);
    // The dataset names the client even when get-client would answer "unknown" (client: null);
    // that lookup still costs a call, so the key counts either way.
    const factored = dataset.factorCloudInvoices.get(factoringInvoiceId(node.invoiceNumber));
    if (factored) clientKeys.add(factored.invoice.ClientKey);
    const shown = node.factoring?.client?.clientKey;
    if (shown !== undefined && !clientKeys.has(shown)) {
      throw new Error(`reply shows client ${shown} that the dataset does not link to ${node.invoiceNumber}`);
    }
  }
  return {
    distributionPages: 1,
    cases: caseIds.size,
    factoringInvoices: nodes.length,
    clients: clientKeys.size,
  };
}

export function totalCalls(resources: ResourcesTouched): number {
  return resources.distributionPages + resources.cases + resources.factoringInvoices + resources.clients;
}

export interface CriticalPathBound {
  /** The lower bound in ms. */
  boundMs: number;
  /** Waves of `latencyMs` that make up the bound. */
  waves: number;
  /** The round-by-round figure (round 3 only after round 2 is done), in ms; ≥ `boundMs`. */
  roundsMs: number;
}

/**
 * The least wall time the data dependencies allow when each call takes `latencyMs` and each
 * upstream serves at most `concurrency` calls at once:
 *
 *   rounds = L × (1 + max(⌈C/c⌉, ⌈N/c⌉) + ⌈K/c⌉)
 *   bound  = L × (1 + max(⌈C/c⌉, ⌈(N+K)/c⌉, K > 0 ? 2 : 1))
 *
 * with C cases and the distribution page on Confirma, N get-invoice and K get-client calls on
 * FactorCloud. `rounds` waits for every get-invoice before the first get-client; a client that
 * starts a get-client as soon as its invoice is back (into the free slots of the last
 * get-invoice wave) can do better, so the true lower bound is `bound`: FactorCloud must still
 * serve N + K calls c at a time, and a get-client must follow a get-invoice.
 */
export function criticalPathBound(
  resources: ResourcesTouched,
  concurrency: number,
  latencyMs: number,
): CriticalPathBound {
  const waves = (calls: number) => Math.ceil(calls / concurrency);
  const { cases: c, factoringInvoices: n, clients: k } = resources;
  const roundWaves = 1 + Math.max(waves(c), waves(n)) + waves(k);
  const boundWaves = 1 + Math.max(waves(c), waves(n + k), k > 0 ? 2 : 1);
  return { boundMs: boundWaves * latencyMs, waves: boundWaves, roundsMs: roundWaves * latencyMs };
}
