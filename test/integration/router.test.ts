import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../../scripts/supergraph/compose.js';
import { startHiveGateway } from '../support/hiveGateway.js';
import type { RunningGateway } from '../support/hiveGateway.js';
import { startOrdersSubgraph } from '../support/ordersSubgraph.js';
import type { OrderRow, OrdersSubgraph } from '../support/ordersSubgraph.js';
import { dataOf, startSimulatorHarness } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * `npm run supergraph` + `npm run router`, offline: the supergraph composed by
 * scripts/supergraph/compose.ts, served by the real Hive Gateway binary, in front of this
 * subgraph (on the embedded simulators) and the example orders subgraph.
 */

const INVOICE_FIELDS = `invoiceNumber distribution { status method }
  paymentControl { caseId } factoring { status amount { amount currency } client { clientKey name } }`;

let h: SimulatorHarness;
let orders: OrdersSubgraph;
let gateway: RunningGateway;
let rows: OrderRow[];

beforeAll(async () => {
  h = await startSimulatorHarness();
  const factored = [...h.dataset.factorCloudInvoices.values()].slice(0, 3);
  rows = factored.map((entry, index) => ({
    id: `order-${index + 1}`,
    invoiceNumber: entry.invoice.InvoiceNumber,
    clientKey: entry.invoice.ClientKey,
  }));
  orders = await startOrdersSubgraph(rows);
  gateway = await startHiveGateway(composeSupergraph({ invoices: h.url, orders: orders.url }));
}, 90_000);

afterAll(async () => {
  await gateway?.close();
  await orders?.close();
  await h?.close();
});

async function viaRouter(query: string): Promise<Record<string, unknown>> {
  const response = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, `${text}\n${gateway.output()}`).toBeUndefined();
  return body.data ?? {};
}

describe('a real router (Hive Gateway) over the composed supergraph', () => {
  it('joins orders from the orders subgraph with invoices and clients from ours', async () => {
    h.resetRequests();
    const data = await viaRouter(`{ orders { id invoice { ${INVOICE_FIELDS} } customer { clientKey name } } }`);

    // What our subgraph answers for the same invoices and clients, asked directly.
    const expected = [];
    for (const row of rows) {
      const direct = dataOf<{ invoice: unknown; client: unknown }>(
        await h.query(
          `query ($n: ID!, $c: ID!) { invoice(invoiceNumber: $n) { ${INVOICE_FIELDS} } client(clientKey: $c) { clientKey name } }`,
          { n: row.invoiceNumber, c: row.clientKey },
        ),
      );
      expect(direct.invoice).not.toBeNull();
      expected.push({ id: row.id, invoice: direct.invoice, customer: direct.client });
    }
    expect(data.orders).toEqual(expected);
    expect(h.requestsTo('/api').length).toBeGreaterThan(0);
  });

  it('answers a query of our subgraph alone through the router', async () => {
    const data = await viaRouter(`{ invoice(invoiceNumber: "${rows[0]?.invoiceNumber}") { invoiceNumber } }`);
    expect(data).toEqual({ invoice: { invoiceNumber: rows[0]?.invoiceNumber } });
  });
});
