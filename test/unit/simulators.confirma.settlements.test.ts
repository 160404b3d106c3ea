import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amountToCents } from '../../src/simulators/dataset.js';
import { buildSettlements } from '../../src/simulators/dataset/confirmaSettlements.js';
import { listOf, THIRTY_DAYS_AGO, TODAY, type Json } from '../support/simulatorHttp.js';
import { cents, obj, startConfirmaHarness, type ConfirmaHarness } from './simulators.confirma.support.js';

describe('Confirma simulator: payments and settlements', () => {
  let sim: ConfirmaHarness;
  beforeEach(async () => {
    sim = await startConfirmaHarness();
  });
  afterEach(async () => {
    await sim.close();
  });

  const settlements = async (query: string): Promise<{ text: string; items: Json[] }> => {
    const reply = await sim.call('GET', `/settlements${query}`);
    expect(reply.status).toBe(200);
    const body = obj(reply.body);
    expect(body.createdAt).toMatch(/^2026-10-01T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    return { text: reply.text, items: listOf(body.settlements) };
  };

  describe('GET /payments', () => {
    it('lists case payments of the last 30 days by default, oldest first, with date-times and exact amounts', async () => {
      const reply = await sim.call('GET', '/payments');
      expect(reply.status).toBe(200);
      const payments = listOf(reply.body);
      const expected = [...sim.dataset.confirmaCases.values()].flatMap((c) =>
        c.payments.filter((p) => p.paymentDate >= THIRTY_DAYS_AGO),
      );
      expect(payments).toHaveLength(expected.length);
      expect(payments.length).toBeGreaterThan(5);
      const dates = payments.map((p) => String(p.paymentDate));
      expect(dates).toEqual([...dates].sort());
      for (const payment of payments) {
        expect(payment).toMatchObject({
          caseId: expect.any(Number),
          invoiceNumber: expect.stringMatching(/^\d+$/),
          invoicePaymentReference: expect.stringMatching(/^RF\d{2}\d+$/),
          accountName: expect.any(String),
          currency: 'EUR',
        });
        expect(payment.paymentDate).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
        expect(String(payment.paymentDate) >= `${THIRTY_DAYS_AGO}`).toBe(true);
      }
      expect(reply.text).toMatch(/"amount":\d+\.\d{2},"currency"/);
    });

    it('filters on an explicit window and refuses malformed or reversed windows with 400', async () => {
      const all = listOf((await sim.call('GET', '/payments?fromDate=2026-08-01&toDate=2026-10-01')).body);
      const september = listOf(
        (await sim.call('GET', '/payments?fromDate=2026-09-01&toDate=2026-09-30')).body,
      );
      expect(september.length).toBeLessThan(all.length);
      expect(september.every((p) => String(p.paymentDate).startsWith('2026-09'))).toBe(true);
      const bad = await sim.call('GET', '/payments?fromDate=2026-09-31');
      expect(bad).toMatchObject({
        status: 400,
        body: { message: 'fromDate must be a date in YYYY-MM-DD format' },
      });
      const reversed = await sim.call('GET', '/payments?fromDate=2026-09-10&toDate=2026-09-01');
      expect(reversed).toMatchObject({ status: 400, body: { message: 'fromDate must not be after toDate' } });
    });
  });

  describe('GET /settlements', () => {
    it('keeps every settlement exact: amount = Σ allocations, allocation = Σ breakdown', async () => {
      const { items } = await settlements('?fromDate=2026-08-01');
      expect(items.length).toBeGreaterThan(5);
      for (const settlement of items) {
        const allocations = listOf(settlement.allocations);
        expect(allocations.length).toBeGreaterThan(0);
        const sum = allocations.reduce((total, a) => total + cents(a.allocatedTotalAmount), 0);
        expect(cents(settlement.settlementAmount)).toBe(sum);
        for (const allocation of allocations) {
          const breakdown = listOf(allocation.breakdown);
          expect(breakdown.map((b) => b.type)).toEqual(['CAPITAL', 'INTEREST', 'FEES']);
          expect(breakdown.reduce((total, b) => total + cents(b.amount), 0)).toBe(
            cents(allocation.allocatedTotalAmount),
          );
          expect(allocation.allocationDate).toBe(settlement.settlementDate);
          expect(allocation.originalInvoiceNumber).toMatch(/^\d+$/);
        }
        // Run days are Tuesdays and Fridays.
        expect([2, 5]).toContain(new Date(`${String(settlement.settlementDate)}T00:00:00Z`).getUTCDay());
      }
      // Both agency spellings appear, and the legacy one carries null case ids (confirma.md §4.10).
      const legacy = items.filter((s) => s.agency === 'CashIn');
      expect(legacy.length).toBeGreaterThan(0);
      expect(legacy.flatMap((s) => listOf(s.allocations)).every((a) => a.caseId === null)).toBe(true);
      expect(
        items
          .filter((s) => s.agency === 'CASH-IN')
          .flatMap((s) => listOf(s.allocations))
          .every((a) => typeof a.caseId === 'number'),
      ).toBe(true);
    });

    it('writes settlementId as a bare 12-digit JSON integer YYYYMMDDNNNN and money with two decimals', async () => {
      const { text, items } = await settlements('');
      const ids = [...text.matchAll(/"settlementId":(\d+)[,}]/g)].map((match) => match[1]);
      expect(ids.length).toBe(items.length);
      expect(text).not.toMatch(/"settlementId":"/);
      for (const settlement of items) {
        const id = String(settlement.settlementId);
        expect(id).toMatch(/^\d{12}$/);
        expect(id.slice(0, 8)).toBe(String(settlement.settlementDate).replaceAll('-', ''));
      }
      expect(text).toMatch(/"settlementAmount":\d+\.\d{2},/);
    });

    it('marks settlements as fetched, so unfetchedOnly=true returns each one once', async () => {
      const firstRun = await settlements('?unfetchedOnly=true&fromDate=2026-09-15');
      expect(firstRun.items.length).toBeGreaterThan(0);
      expect(firstRun.items.every((s) => s.apiFetchDate === null)).toBe(true);
      expect((await settlements('?unfetchedOnly=true&fromDate=2026-09-15')).items).toEqual([]);
      // Earlier ones were outside that window and are still unfetched.
      const older = await settlements('?unfetchedOnly=TRUE&fromDate=2026-09-01&toDate=2026-09-14');
      expect(older.items.length).toBeGreaterThan(0);
      const everything = await settlements('?unfetchedOnly=false&fromDate=2026-09-01');
      expect(everything.items).toHaveLength(firstRun.items.length + older.items.length);
      expect(everything.items.every((s) => typeof s.apiFetchDate === 'string')).toBe(true);
      const bad = await sim.call('GET', '/settlements?unfetchedOnly=yes');
      expect(bad).toMatchObject({ status: 400, body: { message: 'unfetchedOnly must be true or false' } });
    });
  });

  it('settles only payments dated before the run, and splits them so closed cases repay their capital', () => {
    const built = buildSettlements(sim.dataset);
    const last = built.at(-1);
    expect(last && last.settlementDate <= TODAY).toBe(true);
    const settledCapital = new Map<string, number>();
    for (const settlement of built) {
      for (const allocation of settlement.allocations) {
        const key = allocation.originalInvoiceNumber;
        settledCapital.set(key, (settledCapital.get(key) ?? 0) + allocation.capitalCents);
      }
    }
    let checked = 0;
    for (const invoice of sim.dataset.confirmaInvoices.values()) {
      const found = sim.dataset.confirmaCases.get(invoice.distribution.paymentControl.caseId ?? -1);
      const lastPayment = found?.payments.at(-1)?.paymentDate;
      // A case closed by a payment made before the last run has had all its capital settled.
      if (found?.summary.status !== 'CLOSED' || !lastPayment || !last || lastPayment >= last.settlementDate)
        continue;
      expect(settledCapital.get(String(invoice.invoiceNumber))).toBe(amountToCents(invoice.amount));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
