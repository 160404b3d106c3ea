import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { factoringInvoice, schedule, scheduleInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Reply values the docs leave open must not fail a whole read (factorcloud.md §1.5, §3, §4.1):
 * `PaymentMade` is text with an undocumented value set, `""` stands for an empty `InvoiceArray`, and
 * an InvoiceArray row nobody can identify is left out rather than hiding the schedule.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const INVOICE_FIELDS = 'invoiceNumber amount { amount } status refNumber paymentMade paidInFull';

describe('PaymentMade', () => {
  it('reads "100.00" as null on get-invoice and keeps every other field', async () => {
    h.factorCloud.invoices.set('PM-1', factoringInvoice('INV-1', 'CL-1', { PaymentMade: '100.00' }));
    h.factorCloud.invoices.set('PM-2', factoringInvoice('INV-2', 'CL-1', { PaymentMade: 'Y' }));
    const { body } = await h.query(`{
      a: factoringInvoice(integrationInvoiceId: "PM-1") { ${INVOICE_FIELDS} }
      b: factoringInvoice(integrationInvoiceId: "PM-2") { paymentMade }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: {
        invoiceNumber: 'INV-1',
        amount: { amount: '1250.50' },
        status: 'FUNDED',
        refNumber: 'BOL-INV-1',
        paymentMade: null,
        paidInFull: false,
      },
      b: { paymentMade: true },
    });
  });

  it('reads "Partial" as null in get-sched and get-broker-sched invoices', async () => {
    const partial = { ...scheduleInvoice('PM-3', 'INV-3', '10'), PaymentMade: 'Partial' };
    const paid = { ...scheduleInvoice('PM-4', 'INV-4', '5'), PaymentMade: 'yes' };
    h.factorCloud.schedules.set('PM-B', schedule('PM-B', [partial, paid], { Amount: '15' }));
    h.factorCloud.brokerSchedules.set(
      'PM-BR',
      schedule('PM-BR', [{ ...partial, VendorKey: 'VN-1', AdvanceAmount: '8' }], { Amount: '10' }),
    );
    const { body } = await h.query(`{
      factoringSchedule(integrationBatchId: "PM-B") { invoices { integrationInvoiceId paymentMade amount { amount } } }
      brokerSchedule(integrationBatchId: "PM-BR") { invoices { vendorKey paymentMade advanceAmount { amount } } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      factoringSchedule: {
        invoices: [
          { integrationInvoiceId: 'PM-3', paymentMade: null, amount: { amount: '10.00' } },
          { integrationInvoiceId: 'PM-4', paymentMade: true, amount: { amount: '5.00' } },
        ],
      },
      brokerSchedule: {
        invoices: [{ vendorKey: 'VN-1', paymentMade: null, advanceAmount: { amount: '8.00' } }],
      },
    });
  });
});

describe('get-sched InvoiceArray', () => {
  it('reads "InvoiceArray": "" as a schedule with no invoices', async () => {
    h.factorCloud.schedules.set('EMPTY-ARR', schedule('EMPTY-ARR', [], { InvoiceArray: '', Amount: '0.00' }));
    const { body } = await h.query(
      '{ factoringSchedule(integrationBatchId: "EMPTY-ARR") { integrationBatchId label invoices { amount { amount } } } }',
    );
    expect(body).toEqual({
      data: {
        factoringSchedule: { integrationBatchId: 'EMPTY-ARR', label: 'Batch EMPTY-ARR', invoices: [] },
      },
    });
  });

  it('leaves out a row with neither InvoiceIntegrationId nor InvoiceNumber and keeps the others', async () => {
    const anonymous = { ...scheduleInvoice(undefined, '', '99'), InvoiceNumber: '' };
    // The third row has a number but no id: the graph derives its id from the number.
    const invoices = [
      scheduleInvoice('ID-1', 'INV-1', '1'),
      anonymous,
      scheduleInvoice(undefined, 'INV-2', '2'),
    ];
    h.factorCloud.schedules.set('ANON', schedule('ANON', invoices, { Amount: '102' }));
    const { body } = await h.query(
      '{ factoringSchedule(integrationBatchId: "ANON") { amount { amount } invoices { integrationInvoiceId invoiceNumber amount { amount } } } }',
    );
    expect(body).toEqual({
      data: {
        factoringSchedule: {
          amount: { amount: '102.00' },
          invoices: [
            { integrationInvoiceId: 'ID-1', invoiceNumber: 'INV-1', amount: { amount: '1.00' } },
            { integrationInvoiceId: 'INV-2', invoiceNumber: 'INV-2', amount: { amount: '2.00' } },
          ],
        },
      },
    });
  });
});
