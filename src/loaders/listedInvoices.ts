import type { FactoringInvoiceRecord } from '../upstreams/factorcloud/client.js';

/**
 * Invoices that arrived inside a list (get-sched's InvoiceArray) during one GraphQL request, and
 * the list loads still on their way. The invoice loader asks here before calling get-invoice: a
 * query that selects `factoringSchedule { invoices }` and `factoringInvoice(integrationId)` side
 * by side issues both loads in the same tick, too early for priming alone to help.
 */
export class ListedInvoices {
  readonly #found = new Map<string, FactoringInvoiceRecord>();
  readonly #pending = new Set<Promise<unknown>>();

  /** Registers a list load; `find` waits for it. */
  track<T>(load: Promise<T>): Promise<T> {
    const settled = load.then(
      () => undefined,
      () => undefined,
    );
    this.#pending.add(settled);
    void settled.then(() => this.#pending.delete(settled));
    return load;
  }

  add(invoice: FactoringInvoiceRecord): void {
    this.#found.set(invoice.integrationId, invoice);
  }

  /** The invoice as a list brought it, once every list load in flight has settled. */
  async find(integrationId: string): Promise<FactoringInvoiceRecord | undefined> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
    return this.#found.get(integrationId);
  }
}
