import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRMA_PATH,
  FACTORCLOUD_PATH,
  SIM_INVOICE_ID_TEMPLATE,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * `Invoice.factoring` across both simulators: a Confirma invoice is joined to the FactorCloud
 * invoice whose InvoiceIntegrationId the template gives for its number (`CF-<number>` here).
 */

type Factoring = {
  integrationInvoiceId: string;
  invoiceNumber: string;
  amount: { amount: string };
  clientKey: string;
} | null;
type Node = { invoiceNumber: string; factoring: Factoring };

const idOf = (invoiceNumber: string | number): string =>
  SIM_INVOICE_ID_TEMPLATE.replace('{invoiceNumber}', String(invoiceNumber));

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('Invoice.factoring on the simulators', () => {
  it('joins a factored Confirma invoice to its FactorCloud record, and gives null for one the factor lacks', async () => {
    const invoices = [...h.dataset.confirmaInvoices.values()];
    const factored = invoices.find((i) => h.dataset.factorCloudInvoices.has(idOf(i.invoiceNumber)));
    const notFactored = invoices.find((i) => !h.dataset.factorCloudInvoices.has(idOf(i.invoiceNumber)));
    if (!factored || !notFactored) throw new Error('the seeded dataset should hold both kinds of invoice');
    const held = h.dataset.factorCloudInvoices.get(idOf(factored.invoiceNumber))!.invoice;

    h.resetRequests();
    const data = dataOf<{ a: Node & { distribution: { status: string } }; b: Node }>(
      await h.query(
        `query ($a: ID!, $b: ID!) {
          a: invoice(invoiceNumber: $a) { invoiceNumber distribution { status } factoring { integrationInvoiceId invoiceNumber amount { amount } clientKey } }
          b: invoice(invoiceNumber: $b) { invoiceNumber factoring { integrationInvoiceId invoiceNumber amount { amount } clientKey } }
        }`,
        { a: String(factored.invoiceNumber), b: String(notFactored.invoiceNumber) },
      ),
    );
    expect(data.a).toEqual({
      invoiceNumber: String(factored.invoiceNumber),
      distribution: { status: factored.distribution.distributionStatus },
      factoring: {
        integrationInvoiceId: idOf(factored.invoiceNumber),
        invoiceNumber: String(factored.invoiceNumber),
        // The factor holds the same face value Confirma invoiced.
        amount: { amount: factored.amount },
        clientKey: held.ClientKey,
      },
    });
    expect(data.b).toEqual({ invoiceNumber: String(notFactored.invoiceNumber), factoring: null });

    const asked = h.requestsTo(`${FACTORCLOUD_PATH}/get-invoice/`).map((r) => r.query.InvoiceIntegrationId);
    expect(asked.sort()).toEqual([idOf(factored.invoiceNumber), idOf(notFactored.invoiceNumber)].sort());
  });

  it('asks FactorCloud once per invoice of a list, and only when factoring is selected', async () => {
    const window = { from: '2026-11-10', to: '2026-11-20' };
    const LIST = (fields: string) =>
      `query ($f: InvoiceFilter) { invoices(filter: $f) { totalCount nodes { invoiceNumber ${fields} } } }`;

    h.resetRequests();
    const plain = dataOf<{ invoices: { totalCount: number; nodes: Node[] } }>(
      await h.query(LIST(''), { f: window }),
    );
    const expected = [...h.dataset.confirmaInvoices.values()].filter(
      (i) => i.invoiceDate >= window.from && i.invoiceDate <= window.to,
    );
    expect(plain.invoices.totalCount).toBe(expected.length);
    expect(plain.invoices.nodes.map((n) => n.invoiceNumber).sort()).toEqual(
      expected.map((i) => String(i.invoiceNumber)).sort(),
    );
    expect(h.requestsTo(FACTORCLOUD_PATH)).toEqual([]);
    expect(h.requestsTo(`${CONFIRMA_PATH}/invoice/distribution`).map((r) => r.query)).toEqual([
      { fromInvDate: window.from, toInvDate: window.to },
    ]);

    h.resetRequests();
    const joined = dataOf<{ invoices: { nodes: Node[] } }>(
      await h.query(LIST('factoring { integrationInvoiceId amount { amount } }'), { f: window }),
    );
    const { nodes } = joined.invoices;
    expect(nodes.length).toBeGreaterThan(2);
    for (const node of nodes) {
      const held = h.dataset.factorCloudInvoices.get(idOf(node.invoiceNumber));
      expect(node.factoring).toEqual(
        held
          ? { integrationInvoiceId: idOf(node.invoiceNumber), amount: { amount: held.invoice.InvoiceAmount } }
          : null,
      );
    }
    expect(nodes.some((n) => n.factoring !== null) && nodes.some((n) => n.factoring === null)).toBe(true);
    const asked = h.requestsTo(`${FACTORCLOUD_PATH}/get-invoice/`).map((r) => r.query.InvoiceIntegrationId);
    expect(asked.sort()).toEqual(nodes.map((n) => idOf(n.invoiceNumber)).sort());
  });
});
