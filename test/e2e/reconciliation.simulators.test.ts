import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatorHarness, SIM_TODAY } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * The embedded simulators hold a few percent of each mismatch kind (deterministic per seed), so
 * the reconciliation is visible in Sandbox on a fresh start.
 */

const WINDOW = { from: '2026-09-22', to: SIM_TODAY };
const KINDS = [
  'COLLECTION_ACTIVE_ON_SETTLED_INVOICE',
  'PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD',
  'FUNDED_BUT_DISTRIBUTION_FAILED',
  'CAPITAL_ABOVE_FACTORED_AMOUNT',
];
const LIST = `query ($f: InvoiceFilter) {
  invoiceMismatches(filter: $f, first: 200) {
    totalCount reconciledCount unknownCount
    nodes { invoiceNumber status notChecked mismatches { kind } }
  }
}`;

interface Listed {
  totalCount: number;
  reconciledCount: number;
  unknownCount: number;
  nodes: Array<{
    invoiceNumber: string;
    status: string;
    notChecked: string[];
    mismatches: Array<{ kind: string }>;
  }>;
}

let h: SimulatorHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function listed(sim: SimulatorHarness): Promise<Listed> {
  const reply = await sim.query(LIST, { f: WINDOW });
  expect(reply.body.errors, reply.text).toBeUndefined();
  return (reply.body.data as { invoiceMismatches: Listed }).invoiceMismatches;
}

describe('reconciliation on the embedded simulators', () => {
  it('finds every kind at a few percent of the invoices when both sides count in the same currency', async () => {
    h = await startSimulatorHarness({ currencies: { confirma: 'EUR', factorCloud: 'EUR' } });
    const found = await listed(h);
    expect(found.reconciledCount).toBe(h.dataset.confirmaInvoices.size);
    expect(found.unknownCount).toBe(0);
    for (const kind of KINDS) {
      const count = found.nodes.filter((node) => node.mismatches.some((m) => m.kind === kind)).length;
      expect(count, kind).toBeGreaterThanOrEqual(2);
      expect(count / found.reconciledCount, kind).toBeLessThanOrEqual(0.07);
    }
    expect(found.totalCount / found.reconciledCount).toBeLessThan(0.25);

    const lastNumber = Math.max(...h.dataset.confirmaInvoices.keys());
    const reply = await h.query(
      `query ($n: ID!) { invoiceReconciliation(invoiceNumber: $n) { status knownToConfirma mismatches { kind } } }`,
      { n: String(lastNumber + 1) },
    );
    expect(reply.body.data).toEqual({
      invoiceReconciliation: {
        status: 'MISMATCHED',
        knownToConfirma: false,
        mismatches: [{ kind: 'ONLY_IN_FACTORCLOUD' }],
      },
    });
  });

  it('leaves the amount check unmade with the default currencies (EUR for Confirma, USD for FactorCloud)', async () => {
    h = await startSimulatorHarness();
    const found = await listed(h);
    expect(
      found.nodes.some((node) => node.mismatches.some((m) => m.kind === 'CAPITAL_ABOVE_FACTORED_AMOUNT')),
    ).toBe(false);
    expect(found.nodes.some((node) => node.notChecked.includes('CAPITAL_ABOVE_FACTORED_AMOUNT'))).toBe(true);
    expect(found.totalCount).toBeGreaterThan(5);
  });
});
