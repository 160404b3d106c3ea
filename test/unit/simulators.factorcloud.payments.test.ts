import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SimulatorDataset } from '../../src/simulators/dataset.js';
import { startFactorCloudSimulator, type RunningServer } from '../../src/simulators/index.js';
import {
  FC,
  FC_HEADERS,
  factoringInvoiceId,
  getJson,
  isJson,
  listOf,
  TODAY,
  type Json,
} from '../support/simulatorHttp.js';

/** post-payments and its effect on invoices, over real HTTP. */

async function send(
  url: string,
  body: unknown,
  contentType = 'text/plain',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...FC_HEADERS, 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!isJson(parsed)) throw new Error(`expected a JSON object, got ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

const PDF = Buffer.from('%PDF-1.4\n% simulated\n').toString('base64');

describe('FactorCloud simulator: payments', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  // New invoices arrive funded, so payments can be applied to them (only F invoices match).
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    server = await startFactorCloudSimulator({ dataset, ...FC, newInvoiceStatus: 'F' });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (call: string, body: unknown, contentType?: string) =>
    send(`${server.url}/api_factor/${call}/`, body, contentType);
  const get = (pathAndQuery: string) => getJson(`${server.url}/api_factor/${pathAndQuery}`, FC_HEADERS);

  it('applies payments: partial, then in full, releasing escrow; the invoice reads back paid', async () => {
    await post('create-client', { ClientKey: 'PAY-C', Name: 'Paying Carrier LLC' });
    await post('create-debtor', { ClientKey: 'PAY-C', DebtorKey: 'PAY-D', Name: 'Paying Debtor Inc' });
    const schedule = await post('create-sched', {
      ClientKey: 'PAY-C',
      Amount: '1500.00',
      PaymentMethod: 'A',
      IntegrationBatchId: 'PAY-B',
      InvoiceArray: [
        {
          DebtorKey: 'PAY-D',
          InvoiceNumber: 'PN-1',
          InvoiceAr: '1500.00',
          InvoiceDate: '2026-09-01',
          InvoiceIntegrationId: 'PAY-1',
        },
      ],
    });
    expect(listOf(schedule.body.InvoiceArray)[0]).toMatchObject({
      InvoiceStatus: 'F',
      EscrowReserveAmount: 150,
      PaidInFull: false,
    });
    const item = { PaymentType: 'ACH', TransactionNumber: 'T-1', InvoiceRefNumber: 'PN-1' };

    const partial = await post(
      'post-payments',
      {
        BatchReference: 'mmm-111',
        BatchTotal: '500.00',
        AccountNumber: '861495268',
        PaymentDetails: [{ ...item, PaymentDate: '09-20-26', Amount: '500.00' }],
      },
      'application/x-www-form-urlencoded',
    );
    expect(partial.status).toBe(201);
    const [applied] = listOf(partial.body.PaymentDetails);
    expect(applied).toMatchObject({ PaymentDate: '2026-09-20', Amount: '500.00', FinancialDocs: null });
    expect(applied?.MatchedInvoice).toMatchObject({
      InvoiceIntegrationId: 'PAY-1',
      PaymentMade: 'Y',
      PaidInFull: false,
    });

    const rest = await post('post-payments', {
      BatchReference: 'mmm-112',
      BatchTotal: 1000,
      AccountNumber: '861495268',
      PaymentDetails: [
        {
          ...item,
          PaymentType: 'check',
          InvoiceRefNumber: '',
          MemoLine: 'PN-1',
          PaymentDate: '2026-09-25',
          Amount: '1000',
          FinancialDocs: PDF,
        },
      ],
    });
    expect(rest.status).toBe(201);
    expect(listOf(rest.body.PaymentDetails)[0]).toMatchObject({
      PaymentType: 'CHECK',
      FinancialDocs: PDF.length,
    });
    const invoice = await get('get-invoice/?InvoiceIntegrationId=PAY-1');
    expect(invoice.body).toMatchObject({
      PaymentMade: 'Y',
      LastPaymentMadeOn: '2026-09-25',
      PaidInFull: true,
      PaidInFullOn: '2026-09-25',
      EscrowReserveAmount: 0,
    });
  });

  it('answers 409 to a reused BatchReference and 400 when BatchTotal is not the sum', async () => {
    const batch = {
      BatchReference: 'mmm-200',
      BatchTotal: '75.50',
      AccountNumber: '1',
      PaymentDetails: [
        {
          PaymentDate: '2026-09-30',
          PaymentType: 'WIRE',
          Amount: '50.25',
          TransactionNumber: 'W-1',
          MemoLine: 'no such invoice',
        },
        { PaymentDate: '2026-09-30', PaymentType: 'WIRE', Amount: '25.25', TransactionNumber: 'W-2' },
      ],
    };
    const first = await post('post-payments', batch);
    expect(first.status).toBe(201);
    expect(listOf(first.body.PaymentDetails).map((detail) => detail.MatchedInvoice)).toEqual([null, null]);
    expect(await post('post-payments', batch)).toEqual({
      status: 409,
      body: { message: 'BatchReference: batch "mmm-200" was already posted' },
    });
    const wrongTotal = await post('post-payments', {
      ...batch,
      BatchReference: 'mmm-201',
      BatchTotal: '75.49',
    });
    expect(wrongTotal.body.message).toBe('BatchTotal: must equal the sum of PaymentDetails Amount (75.50)');
    const future = await post('post-payments', {
      ...batch,
      BatchReference: 'mmm-202',
      PaymentDetails: [
        { PaymentDate: '10-02-26', PaymentType: 'EFT', Amount: 'ten', TransactionNumber: 'X' },
      ],
    });
    expect(future.body.message).toBe(
      'PaymentDetails[0].PaymentDate: must not be after today (2026-10-01); ' +
        'PaymentDetails[0].PaymentType: must be one of ACH, CHECK, WIRE; ' +
        'PaymentDetails[0].Amount: must be an amount with at most two decimals',
    );
    expect(dataset.factorCloud.paymentBatches.has('mmm-201')).toBe(false);
  });
});
