import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amountToCents, centsToAmount, type ConfirmaInvoice } from '../../src/simulators/dataset.js';
import { listOf, TODAY, type Json } from '../support/simulatorHttp.js';
import { DELAY_MS, obj, startConfirmaHarness, type ConfirmaHarness } from './simulators.confirma.support.js';

describe('Confirma simulator: invoice actions', () => {
  let sim: ConfirmaHarness;
  beforeEach(async () => {
    sim = await startConfirmaHarness();
  });
  afterEach(async () => {
    await sim.close();
  });

  /** A generated invoice whose case has the given status, with its case id. */
  const invoiceWithCase = (status: string): { invoice: ConfirmaInvoice; caseId: number } => {
    for (const invoice of sim.dataset.confirmaInvoices.values()) {
      const { caseId, status: current } = invoice.distribution.paymentControl;
      if (caseId !== null && current === status) return { invoice, caseId };
    }
    throw new Error(`no generated case with status ${status}`);
  };
  const act = (...actions: Json[]) => sim.call('POST', '/invoice/action', { body: { actions } });
  const readCase = async (caseId: number) => {
    const reply = await sim.call('GET', `/invoice/case?caseId=${caseId}`);
    expect(reply.status).toBe(200);
    return { text: reply.text, found: obj(obj(reply.body).case) };
  };

  it('queues an action as PENDING on the case and applies it once the delay has passed', async () => {
    const { invoice, caseId } = invoiceWithCase('REMINDER');
    const data = { invoiceNumber: invoice.invoiceNumber, caseId };
    const accepted = await act({ code: 'PAUSE', comment: 'Customer would like to pause', data });
    expect(accepted.status).toBe(202);
    const [echo] = listOf(obj(accepted.body).actions);
    expect(echo).toMatchObject({ actionId: 700001, code: 'PAUSE', status: 'PENDING', data, appliedAt: null });

    const before = await readCase(caseId);
    expect(obj(before.found.summary).status).toBe('REMINDER');
    expect(listOf(before.found.actions)).toEqual([
      expect.objectContaining({
        actionId: 700001,
        code: 'PAUSE',
        status: 'PENDING',
        comment: 'Customer would like to pause',
      }),
    ]);

    sim.advance(DELAY_MS);
    const after = await readCase(caseId);
    expect(obj(after.found.summary).status).toBe('PAUSED');
    expect(listOf(after.found.actions)[0]).toMatchObject({
      status: 'APPLIED',
      appliedAt: `${TODAY}T09:00:05.000Z`,
    });
    expect(listOf(after.found.events).at(-1)).toMatchObject({ date: TODAY, type: 'CASE_PAUSED' });
    const listing = await sim.call('GET', `/invoice/distribution?invoiceNumber=${invoice.invoiceNumber}`);
    expect(listOf(obj(listing.body).invoices)[0]?.paymentControl).toMatchObject({ status: 'PAUSED', caseId });
  });

  it('refuses DUEDATE without data.dueDate, naming the field, and stores nothing', async () => {
    const { invoice, caseId } = invoiceWithCase('ACTIVE');
    const data = { invoiceNumber: invoice.invoiceNumber, caseId };
    const reply = await act({ code: 'COMMENT', comment: 'ok', data }, { code: 'DUEDATE', data });
    expect(reply).toMatchObject({
      status: 400,
      body: { message: 'actions[1].data.dueDate is required for DUEDATE' },
    });
    expect((await readCase(caseId)).found.actions).toEqual([]);
  });

  it('moves the case due date with DUEDATE', async () => {
    const { invoice, caseId } = invoiceWithCase('ACTIVE');
    const data = { invoiceNumber: invoice.invoiceNumber, caseId, dueDate: '2026-11-15' };
    expect((await act({ code: 'DUEDATE', comment: 'extension', data })).status).toBe(202);
    expect(obj((await readCase(caseId)).found.summary).dueDate).toBe(invoice.dueDate);
    sim.advance(DELAY_MS);
    expect(obj((await readCase(caseId)).found.summary).dueDate).toBe('2026-11-15');
  });

  it('refuses unknown codes (400), unknown cases (404), foreign cases (400) and closed cases (402)', async () => {
    const { invoice, caseId } = invoiceWithCase('ACTIVE');
    const closed = invoiceWithCase('CLOSED');
    const unknownCode = await act({ code: 'CANCEL', data: { invoiceNumber: invoice.invoiceNumber, caseId } });
    expect(unknownCode.status).toBe(400);
    expect(String(obj(unknownCode.body).message)).toMatch(/^actions\[0\]\.code /);
    const unknownCase = await act({
      code: 'COMMENT',
      data: { invoiceNumber: invoice.invoiceNumber, caseId: 1 },
    });
    expect(unknownCase).toMatchObject({
      status: 404,
      body: { message: 'actions[0].data.caseId 1: case not found' },
    });
    const foreign = await act({
      code: 'COMMENT',
      data: { invoiceNumber: closed.invoice.invoiceNumber, caseId },
    });
    expect(foreign.status).toBe(400);
    expect(String(obj(foreign.body).message)).toMatch(/does not belong to invoice/);
    const onClosed = await act({
      code: 'PAUSE',
      data: { invoiceNumber: closed.invoice.invoiceNumber, caseId: closed.caseId },
    });
    expect(onClosed.status).toBe(402);
    const comment = await act({
      code: 'COMMENT',
      comment: 'noted',
      data: { invoiceNumber: closed.invoice.invoiceNumber, caseId: closed.caseId },
    });
    expect(comment.status).toBe(202);
    expect((await act()).status).toBe(400);
  });

  it('withdraws a case: closed today, and later actions on it are refused', async () => {
    const { invoice, caseId } = invoiceWithCase('COLLECTION');
    const data = { invoiceNumber: invoice.invoiceNumber, caseId };
    expect((await act({ code: 'WITHDRAW', comment: 'settled out of court', data })).status).toBe(202);
    // A second action queued behind the withdrawal is rejected when its turn comes.
    expect((await act({ code: 'PAYMENTPLAN', data })).status).toBe(202);
    sim.advance(DELAY_MS);
    const { found } = await readCase(caseId);
    expect(found.summary).toMatchObject({ status: 'CLOSED', closedAt: TODAY });
    expect(listOf(found.actions).map((a) => [a.code, a.status, a.statusMessage])).toEqual([
      ['WITHDRAW', 'APPLIED', null],
      ['PAYMENTPLAN', 'REJECTED', 'Case is closed'],
    ]);
    expect((await act({ code: 'PAUSE', data })).status).toBe(402);
  });

  it('records a DIRECTPAYMENT: exact balance, a case payment, and a row in GET /payments', async () => {
    const { invoice, caseId } = invoiceWithCase('ACTIVE');
    const opening = sim.dataset.confirmaCases.get(caseId)?.balance.totalAmount ?? '0.00';
    const data = {
      invoiceNumber: invoice.invoiceNumber,
      caseId,
      paymentMethod: 'Bankgiro',
      amount: 0.3,
      currency: 'EUR',
      paymentDate: '2026-09-30',
      reference: 'BANKREF-88921',
    };
    // 0.1 + 0.2 three ways: the balance must move by exactly 0.30.
    expect((await act({ code: 'DIRECTPAYMENT', comment: 'Paid by bank transfer', data })).status).toBe(202);
    const wrongCurrency = await act({ code: 'DIRECTPAYMENT', data: { ...data, currency: 'SEK' } });
    expect(wrongCurrency.status).toBe(402);
    const missing = await act({
      code: 'DIRECTPAYMENT',
      data: { invoiceNumber: invoice.invoiceNumber, caseId, currency: 'EUR', paymentDate: '2026-09-30' },
    });
    expect(missing.body).toEqual({ message: 'actions[0].data.amount is required for DIRECTPAYMENT' });
    sim.advance(DELAY_MS);

    const { found, text } = await readCase(caseId);
    expect(text).toContain(`"totalAmount":${centsToAmount(amountToCents(opening) - 30)}}`);
    expect(listOf(found.payments).at(-1)).toEqual({
      paymentDate: '2026-09-30',
      amount: 0.3,
      currency: 'EUR',
      reference: 'BANKREF-88921',
    });
    const payments = await sim.call('GET', '/payments?fromDate=2026-09-30&toDate=2026-09-30');
    expect(listOf(payments.body)).toContainEqual({
      caseId,
      invoiceNumber: String(invoice.invoiceNumber),
      invoicePaymentReference: invoice.paymentReference,
      originalPaymentReference: 'BANKREF-88921',
      accountName: expect.any(String),
      bookingDate: `${TODAY}T00:00:00Z`,
      paymentDate: '2026-09-30T00:00:00Z',
      amount: 0.3,
      currency: 'EUR',
    });
    expect(payments.text).toContain('"amount":0.30,');
  });

  it('sets the balance to the outstanding amounts sent, and closes a case paid in full', async () => {
    const { invoice, caseId } = invoiceWithCase('ACTIVE');
    const zero = { outstandingCapitalAmount: 0, outstandingInterestAmount: 0, outstandingCostsAmount: 0 };
    const data = {
      invoiceNumber: invoice.invoiceNumber,
      caseId,
      amount: 250.75,
      currency: 'EUR',
      paymentDate: TODAY,
    };
    const half = await act({ code: 'DIRECTPAYMENT', data: { ...data, outstandingCapitalAmount: 0 } });
    expect(String(obj(half.body).message)).toMatch(
      /^actions\[0\]\.data\.outstandingInterestAmount is required/,
    );
    expect((await act({ code: 'DIRECTPAYMENT', data: { ...data, ...zero } })).status).toBe(202);
    sim.advance(DELAY_MS);
    const { found } = await readCase(caseId);
    expect(found.balance).toEqual({ capitalAmount: 0, interestAmount: 0, costsAmount: 0, totalAmount: 0 });
    expect(found.summary).toMatchObject({ status: 'CLOSED', closedAt: TODAY });
    expect(listOf(found.events).at(-1)).toMatchObject({ type: 'CASE_CLOSED' });
  });
});
