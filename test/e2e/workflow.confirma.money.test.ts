import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRMA_PATH, dataOf, startSimulatorHarness } from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * Money on the Confirma simulator: payments the agency received and settlements paid out, read
 * over a date window, checked against the simulator's seeded dataset and the requests it saw.
 */

const WINDOW = { from: '2026-10-01', to: '2026-11-20' };

type Payment = {
  caseId: string;
  invoiceNumber: string;
  paymentDate: string;
  amount: { amount: string; currency: string };
};
type Allocation = {
  allocationId: string;
  allocatedTotalAmount: { amount: string };
  caseId: string | null;
  originalInvoiceNumber: string;
  breakdown: Array<{ type: string; amount: { amount: string } }>;
};
type Settlement = {
  settlementId: string;
  settlementDate: string;
  settlementAmount: { amount: string };
  apiFetchDate: string | null;
  allocations: Allocation[];
};

const PAYMENT_FIELDS = 'caseId invoiceNumber paymentDate amount { amount currency }';
const SETTLEMENT = `settlementId settlementDate settlementAmount { amount } apiFetchDate
      allocations { allocationId allocatedTotalAmount { amount } caseId originalInvoiceNumber breakdown { type amount { amount } } }`;
const SETTLEMENTS = `query ($filter: SettlementFilter) { settlements(filter: $filter, first: 200) {
  createdAt totalCount pageInfo { hasNextPage } nodes { ${SETTLEMENT} } } }`;
const FETCH_NEW = `mutation ($filter: SettlementFilter) { fetchNewSettlements(filter: $filter) { createdAt settlements { ${SETTLEMENT} } } }`;

const cents = (amount: string): number => Math.round(Number(amount) * 100);

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

/** Payments the seeded cases hold in the window, as sorted `invoiceNumber date amount` rows. */
function seededPayments(): string[] {
  const rows: string[] = [];
  for (const invoice of h.dataset.confirmaInvoices.values()) {
    const caseId = invoice.distribution.paymentControl.caseId;
    const found = caseId === null ? undefined : h.dataset.confirmaCases.get(caseId);
    for (const payment of found?.payments ?? []) {
      if (payment.paymentDate >= WINDOW.from && payment.paymentDate <= WINDOW.to) {
        rows.push(`${invoice.invoiceNumber} ${payment.paymentDate} ${payment.amount}`);
      }
    }
  }
  return rows.sort();
}

const asRow = (p: Payment): string => `${p.invoiceNumber} ${p.paymentDate} ${p.amount.amount}`;

describe('Confirma payments and settlements on the simulator', () => {
  it('lists every payment of the window, at the root and per invoice', async () => {
    h.resetRequests();
    const page = dataOf<{ payments: { totalCount: number; nodes: Payment[] } }>(
      await h.query(
        `query ($f: PaymentFilter) { payments(filter: $f, first: 200) { totalCount nodes { ${PAYMENT_FIELDS} } } }`,
        { f: WINDOW },
      ),
    ).payments;
    const payments = page.nodes;
    expect(page.totalCount).toBe(payments.length);
    expect(payments.every((p) => p.amount.currency === 'EUR')).toBe(true);
    const expected = seededPayments();
    expect(expected.length).toBeGreaterThan(3);
    expect(payments.map(asRow).sort()).toEqual(expected);
    expect(h.requestsTo(`${CONFIRMA_PATH}/payments`).map((r) => r.query)).toEqual([
      { fromDate: WINDOW.from, toDate: WINDOW.to },
    ]);

    // One invoice's payments through the Invoice entity: the same rows, nothing else.
    const number = payments[0]!.invoiceNumber;
    h.resetRequests();
    const { invoice } = dataOf<{ invoice: { payments: Payment[] } }>(
      await h.query(
        `query ($n: ID!, $f: PaymentFilter) { invoice(invoiceNumber: $n) { payments(filter: $f) { ${PAYMENT_FIELDS} } } }`,
        { n: number, f: WINDOW },
      ),
    );
    expect(invoice.payments.map(asRow).sort()).toEqual(
      expected.filter((row) => row.startsWith(`${number} `)),
    );
    expect(invoice.payments.every((p) => p.caseId === payments[0]!.caseId)).toBe(true);
    expect(h.requestsTo(`${CONFIRMA_PATH}/payments`)).toHaveLength(1);
  });

  it('fetches new settlements once by mutation, then finds them marked as fetched', async () => {
    h.resetRequests();
    const first = dataOf<{ fetchNewSettlements: { settlements: Settlement[] } }>(
      await h.query(FETCH_NEW, { filter: WINDOW }),
    ).fetchNewSettlements.settlements;
    expect(first.length).toBeGreaterThan(1);
    for (const settlement of first) {
      expect(settlement.settlementDate >= WINDOW.from && settlement.settlementDate <= WINDOW.to).toBe(true);
      expect(settlement.apiFetchDate).toBeNull();
      const allocated = settlement.allocations.reduce(
        (sum, a) => sum + cents(a.allocatedTotalAmount.amount),
        0,
      );
      expect(allocated).toBe(cents(settlement.settlementAmount.amount));
      for (const allocation of settlement.allocations) {
        const parts = allocation.breakdown.reduce((sum, part) => sum + cents(part.amount.amount), 0);
        expect(parts).toBe(cents(allocation.allocatedTotalAmount.amount));
      }
    }

    const second = dataOf<{ fetchNewSettlements: { settlements: Settlement[] } }>(
      await h.query(FETCH_NEW, { filter: WINDOW }),
    ).fetchNewSettlements.settlements;
    expect(second).toEqual([]);

    const window = dataOf<{
      settlements: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Settlement[] };
    }>(await h.query(SETTLEMENTS, { filter: WINDOW })).settlements;
    expect(window.pageInfo.hasNextPage).toBe(false);
    const all = window.nodes;
    expect(all.map((s) => s.settlementId)).toEqual(first.map((s) => s.settlementId));
    expect(all.every((s) => s.apiFetchDate !== null)).toBe(true);
    expect(h.requestsTo(`${CONFIRMA_PATH}/settlements`).map((r) => r.query)).toEqual([
      { fromDate: WINDOW.from, toDate: WINDOW.to, unfetchedOnly: 'true' },
      { fromDate: WINDOW.from, toDate: WINDOW.to, unfetchedOnly: 'true' },
      { fromDate: WINDOW.from, toDate: WINDOW.to },
    ]);

    // The Invoice entity finds its own allocation in the same window.
    const allocation = all.flatMap((s) => s.allocations).find((a) => a.caseId !== null)!;
    const { invoice } = dataOf<{ invoice: { settlementAllocations: Array<{ allocationId: string }> } }>(
      await h.query(
        `query ($n: ID!, $f: SettlementFilter) { invoice(invoiceNumber: $n) { settlementAllocations(filter: $f) { allocationId } } }`,
        { n: allocation.originalInvoiceNumber, f: WINDOW },
      ),
    );
    expect(invoice.settlementAllocations.map((a) => a.allocationId)).toContain(allocation.allocationId);
  });
});
