import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOf, TODAY, type Json } from '../support/simulatorHttp.js';
import { DELAY_MS, obj, startConfirmaHarness, type ConfirmaHarness } from './simulators.confirma.support.js';

/** The docs' ledger example (confirma.md §4.12): 2990 − 2990 = 0, the −607.53 VAT row left out. */
const ledger = (ledgerIdentifier: string, rows: Json[] = docsRows()): Json => ({
  ledgers: {
    ledgerIdentifier,
    companyIdentifier: '123456-7',
    documentType: 'ML',
    documentName: '1001',
    documentDate: '2025-12-13',
    documentDescription: 'Here comes the description, max 210 chars long',
    calculationMode: 'GROSS',
    ledgerRows: rows,
  },
});

function docsRows(): Json[] {
  const row = (
    accountNumber: string,
    amount: number,
    netAmount: number,
    vatPercentage: number,
    isVatRow: number,
  ): Json => ({
    bookingDate: '2025-12-12',
    accountNumber,
    vatAccountNumber: null,
    vatType: null,
    vatPercentage,
    vatCode: '',
    amount,
    netAmount,
    isVatRow,
    projectNumber: 'PN12345',
    transactionType: null,
    transactionDescription: '1763',
    ledgerDimensions: [{ dimensionType: 'COST_CENTER', dimensionValue: '1000' }],
  });
  return [
    row('1701', 2990.0, 2990.0, 0, 0),
    row('3000', -2990.0, -2382.47, 25.5, 0),
    row('2939', -607.53, -607.53, 0, 1),
  ];
}

describe('Confirma simulator: accounting sync', () => {
  let sim: ConfirmaHarness;
  beforeEach(async () => {
    sim = await startConfirmaHarness();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers the ledger status with 204 and no body while there is nothing to report', async () => {
    const empty = await sim.call('GET', '/accounting/ledger');
    expect(empty).toEqual({ status: 204, text: '', body: undefined });
    expect((await sim.call('GET', '/accounting/payment')).status).toBe(204);
  });

  it('takes a ledger as Pending, then reports it Successfully synced', async () => {
    const submitted = await sim.call('POST', '/accounting/ledger', { body: ledger('abc-123-def-456') });
    expect(submitted).toMatchObject({
      status: 202,
      body: { ledgerIdentifier: 'abc-123-def-456', status: 0, description: 'Pending' },
    });
    const pending = await sim.call('GET', '/accounting/ledger');
    expect(pending.body).toEqual({
      ledgers: [
        {
          sourceIdentifier: 'abc-123-def-456',
          documentDate: '2025-12-13',
          documentName: '1001',
          documentStatus: null,
          syncDate: null,
          status: 0,
          description: 'Pending',
        },
      ],
    });
    sim.advance(DELAY_MS);
    const synced = obj((await sim.call('GET', '/accounting/ledger?sourceIdentifier=abc-123-def-456')).body);
    expect(listOf(synced.ledgers)[0]).toMatchObject({
      documentStatus: 'Approved',
      syncDate: TODAY,
      status: 1,
      description: 'Successfully synced',
    });
    expect((await sim.call('GET', '/accounting/ledger?sourceIdentifier=other')).status).toBe(204);
  });

  it('refuses unbalanced, over-long, duplicate and array-shaped ledgers', async () => {
    const rows = docsRows();
    rows[0] = { ...rows[0], amount: 2990.01 };
    const unbalanced = await sim.call('POST', '/accounting/ledger', { body: ledger('L-1', rows) });
    expect(unbalanced).toMatchObject({
      status: 400,
      body: { message: 'ledgers.ledgerRows amounts must balance to zero, but they sum to 0.01' },
    });
    const long = ledger('L-2');
    obj(long.ledgers).documentDescription = 'x'.repeat(211);
    const tooLong = await sim.call('POST', '/accounting/ledger', { body: long });
    expect(String(obj(tooLong.body).message)).toMatch(
      /^ledgers\.documentDescription must be at most 210 characters/,
    );
    const threeDecimals = docsRows();
    threeDecimals[1] = { ...threeDecimals[1], amount: -2990.005 };
    const precise = await sim.call('POST', '/accounting/ledger', { body: ledger('L-3', threeDecimals) });
    expect(String(obj(precise.body).message)).toMatch(
      /^ledgers\.ledgerRows\[1\]\.amount must be a number with at most 2 decimals/,
    );
    const asArray = await sim.call('POST', '/accounting/ledger', {
      body: { ledgers: [obj(ledger('L-4').ledgers)] },
    });
    expect(asArray.status).toBe(400);
    expect((await sim.call('POST', '/accounting/ledger', { body: ledger('L-5') })).status).toBe(202);
    const duplicate = await sim.call('POST', '/accounting/ledger', { body: ledger('L-5') });
    expect(duplicate).toMatchObject({
      status: 409,
      body: { message: 'Ledger L-5 has already been submitted' },
    });
  });

  it('fails the sync of a ledger booked to an account the target system does not know', async () => {
    const rows = docsRows();
    rows[0] = { ...rows[0], accountNumber: '17X1' };
    expect((await sim.call('POST', '/accounting/ledger', { body: ledger('L-bad', rows) })).status).toBe(202);
    sim.advance(DELAY_MS);
    const [status] = listOf(obj((await sim.call('GET', '/accounting/ledger')).body).ledgers);
    expect(status).toMatchObject({
      status: 2,
      description: 'Synchronization failed: account 17X1 is not in the target chart of accounts',
      documentStatus: null,
    });
  });

  it('takes payments as Pending, then syncs the ones that match a receivable', async () => {
    const known = sim.dataset.confirmaInvoices.get(260100010);
    const payment = (paymentIdentifier: string, invoiceNumber: string): Json => ({
      paymentIdentifier,
      invoiceNumber,
      paymentDate: '2026-09-25',
      bookingDate: null,
      amount: 110.0,
      currency: 'EUR',
      targetIdentifier: 'invoicenumber',
      paymentReference: '1337109',
      sourceName: 'Matti Meikäläinen',
    });
    const byReference = {
      ...payment('p-3', '1'),
      targetIdentifier: 'paymentreference',
      paymentReference: known?.paymentReference,
    };
    const body = { payments: [payment('p-1', '260100010'), payment('p-2', '133720800'), byReference] };
    const submitted = await sim.call('POST', '/accounting/payment', { body });
    expect(submitted.status).toBe(202);
    expect(listOf(obj(submitted.body).payments).map((p) => [p.paymentIdentifier, p.status])).toEqual([
      ['p-1', 0],
      ['p-2', 0],
      ['p-3', 0],
    ]);
    sim.advance(DELAY_MS);
    const statuses = listOf(obj((await sim.call('GET', '/accounting/payment')).body).payments);
    expect(statuses.map((s) => [s.sourceIdentifier, s.status, s.syncDate])).toEqual([
      ['p-1', 1, TODAY],
      ['p-2', 2, TODAY],
      ['p-3', 1, TODAY],
    ]);
    expect(statuses[1]?.description).toBe(
      'Synchronization failed: no receivable with invoice number 133720800 in the target system',
    );
    const filtered = listOf(
      obj((await sim.call('GET', '/accounting/payment?invoiceNumber=260100010')).body).payments,
    );
    expect(filtered).toEqual([
      {
        sourceIdentifier: 'p-1',
        invoiceNumber: '260100010',
        paymentDate: '2026-09-25',
        syncDate: TODAY,
        status: 1,
        description: 'Successfully synced',
      },
    ]);
    expect((await sim.call('GET', '/accounting/payment?sourceIdentifier=p-9')).status).toBe(204);
  });

  it('refuses duplicate payment identifiers and malformed payments without storing any', async () => {
    const item = {
      paymentIdentifier: 'dup',
      invoiceNumber: '12345',
      paymentDate: '2026-09-25',
      amount: 10,
      currency: 'EUR',
      targetIdentifier: 'invoicenumber',
    };
    const twice = await sim.call('POST', '/accounting/payment', { body: { payments: [item, item] } });
    expect(twice).toMatchObject({ status: 409, body: { message: 'Payment dup has already been submitted' } });
    const byRef = await sim.call('POST', '/accounting/payment', {
      body: { payments: [{ ...item, targetIdentifier: 'paymentreference' }] },
    });
    expect(byRef.body).toEqual({
      message: 'payments[0].paymentReference is required when targetIdentifier is paymentreference',
    });
    const currency = await sim.call('POST', '/accounting/payment', {
      body: { payments: [{ ...item, currency: 'XYZ' }] },
    });
    expect(String(obj(currency.body).message)).toMatch(/^payments\[0\]\.currency must be an ISO 4217/);
    expect((await sim.call('GET', '/accounting/payment')).status).toBe(204);
  });
});
