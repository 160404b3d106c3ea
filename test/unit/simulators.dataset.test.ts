import { describe, expect, it } from 'vitest';
import { amountToCents, generateDataset } from '../../src/simulators/dataset.js';
import { factoringInvoiceId, SIXTY_DAYS_AGO, TODAY } from '../support/simulatorHttp.js';

describe('simulator dataset', () => {
  // The same dataset the servers serve in the HTTP tests (same today, default seed).
  const dataset = generateDataset({ today: TODAY, factoringInvoiceId });

  it('is the same for the same seed and today, and different for another seed', () => {
    const options = { today: TODAY, seed: 7, factoringInvoiceId };
    expect(generateDataset(options)).toEqual(generateDataset(options));
    const other = generateDataset({ ...options, seed: 8 });
    expect(other.confirmaInvoices).not.toEqual(generateDataset(options).confirmaInvoices);
  });

  it('keeps case balances exact: total = capital + interest + costs, to the cent', () => {
    expect(dataset.confirmaCases.size).toBeGreaterThan(50);
    for (const { balance, summary } of dataset.confirmaCases.values()) {
      const parts = [balance.capitalAmount, balance.interestAmount, balance.costsAmount].map(amountToCents);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(amountToCents(balance.totalAmount));
      if (summary.status === 'CLOSED') expect(balance.totalAmount).toBe('0.00');
    }
  });

  it('links every case id on a distribution record to a case that tells the same story', () => {
    for (const invoice of dataset.confirmaInvoices.values()) {
      const { paymentControl, dates } = invoice.distribution;
      if (paymentControl.caseId === null) {
        expect(dates.paymentControlActivatedAt).toBeNull();
        continue;
      }
      const found = dataset.confirmaCases.get(paymentControl.caseId);
      expect(found?.summary).toMatchObject({
        status: paymentControl.status,
        agency: paymentControl.agency,
        createdAt: dates.paymentControlActivatedAt,
      });
    }
  });

  it('spreads invoices over the 60 days up to today, numbered in date order', () => {
    const invoices = [...dataset.confirmaInvoices.values()];
    expect(invoices).toHaveLength(240);
    expect(invoices.map((invoice) => invoice.invoiceNumber)).toEqual(invoices.map((_, i) => 260100001 + i));
    expect(invoices.map((invoice) => invoice.invoiceDate)).toEqual(invoices.map((i) => i.invoiceDate).sort());
    expect(invoices[0]?.invoiceDate).toBe(SIXTY_DAYS_AGO);
    expect(invoices.at(-1)?.invoiceDate).toBe(TODAY);
    expect(
      invoices.every((invoice) => invoice.invoiceDate >= SIXTY_DAYS_AGO && invoice.invoiceDate <= TODAY),
    ).toBe(true);
  });
});
