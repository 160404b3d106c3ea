import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listOf, TODAY } from '../support/simulatorHttp.js';
import {
  DELAY_MS,
  invoiceRequest,
  obj,
  startConfirmaHarness,
  type ConfirmaHarness,
} from './simulators.confirma.support.js';

const NUMBER = 251601000;

describe('Confirma simulator: creating invoices', () => {
  let sim: ConfirmaHarness;
  beforeEach(async () => {
    sim = await startConfirmaHarness();
  });
  afterEach(async () => {
    await sim.close();
  });

  const distributionOf = async (invoiceNumber: number) => {
    const reply = await sim.call('GET', `/invoice/distribution?invoiceNumber=${invoiceNumber}`);
    expect(reply.status).toBe(200);
    return listOf(obj(reply.body).invoices);
  };

  it('accepts an invoice, lists it as PENDING, then distributes it and opens a case', async () => {
    const lastGeneratedCaseId = Math.max(...sim.dataset.confirmaCases.keys());
    const created = await sim.call('POST', '/invoice', { body: invoiceRequest(NUMBER) });
    expect(created).toMatchObject({ status: 201, body: { invoiceNumber: NUMBER, status: 'RECEIVED' } });

    // In the default 30-day window, by its invoice date, next to the generated invoices.
    const listing = obj((await sim.call('GET', '/invoice/distribution')).body);
    const record = listOf(listing.invoices).find((item) => item.invoiceNumber === NUMBER);
    expect(record).toMatchObject({
      distributionStatus: 'PENDING',
      distributionMethod: 'EMAIL',
      distributionMessage: null,
      dates: { createdAt: `${TODAY}T09:00:00.000Z`, printedAt: null, distributedAt: null },
      paymentControl: { enabled: true, agency: 'CASH-IN', status: 'PENDING', caseId: null },
      errors: [],
    });
    expect(sim.dataset.confirmaInvoices.get(NUMBER)).toMatchObject({
      invoiceDate: '2026-09-28',
      amount: '1255.20',
    });

    sim.advance(DELAY_MS);
    const [distributed] = await distributionOf(NUMBER);
    const control = obj(distributed?.paymentControl);
    expect(distributed).toMatchObject({
      distributionStatus: 'DELIVERED',
      dates: { distributedAt: `${TODAY}T09:00:05.000Z` },
    });
    expect(control).toMatchObject({ enabled: true, agency: 'CASH-IN', status: 'ACTIVE' });
    expect(control.caseId).toBe(lastGeneratedCaseId + 1);

    const found = await sim.call('GET', `/invoice/case?caseId=${String(control.caseId)}`);
    expect(found.status).toBe(200);
    const summary = obj(obj(obj(found.body).case).summary);
    expect(summary).toMatchObject({
      caseId: control.caseId,
      status: 'ACTIVE',
      stage: 'INVOICE',
      currency: 'EUR',
      dueDate: '2026-10-12',
    });
    expect(found.text).toContain('"capitalAmount":1255.20,');
    expect(found.text).toContain('"totalAmount":1255.20}');
  });

  it('refuses a second invoice with the same number, generated or created, and keeps one', async () => {
    expect((await sim.call('POST', '/invoice', { body: invoiceRequest(NUMBER) })).status).toBe(201);
    const again = await sim.call('POST', '/invoice', {
      body: invoiceRequest(NUMBER, { date: '2026-09-29' }),
    });
    expect(again).toMatchObject({
      status: 409,
      body: { message: `Invoice number ${NUMBER} already exists` },
    });
    expect(await distributionOf(NUMBER)).toHaveLength(1);
    expect(sim.dataset.confirmaInvoices.get(NUMBER)?.invoiceDate).toBe('2026-09-28');
    const generated = await sim.call('POST', '/invoice', { body: invoiceRequest(260100001) });
    expect(generated.status).toBe(409);
  });

  it.each([
    [
      { currencyCode: 'EURO' },
      /^invoice\.header\.currencyCode must be an ISO 4217 currency code.*\(got "EURO"\)$/,
    ],
    [{ currencyCode: 'eur' }, /^invoice\.header\.currencyCode must be an ISO 4217/],
    [
      { date: '2026-02-30' },
      /^invoice\.header\.date must be a real date in YYYY-MM-DD format \(got "2026-02-30"\)$/,
    ],
    [{ dueDate: '2026-09-27' }, /^invoice\.header\.dueDate must not be before header\.date/],
    [{ languageCode: 'XX' }, /^invoice\.header\.languageCode must be an ISO 639-1 language code/],
    [{ number: 12.5 }, /^invoice\.header\.number /],
    [{ number: undefined }, /^invoice\.header\.number is required$/],
  ])('refuses a bad header with 400 naming the field (%o)', async (change, message) => {
    const reply = await sim.call('POST', '/invoice', { body: invoiceRequest(NUMBER, change) });
    expect(reply.status).toBe(400);
    expect(String(obj(reply.body).message)).toMatch(message);
    expect(sim.dataset.confirmaInvoices.has(NUMBER)).toBe(false);
  });

  it('refuses a bad country, e-mail, amount or channel data with 400 naming the field', async () => {
    const cases: [(body: ReturnType<typeof invoiceRequest>) => void, RegExp][] = [
      [
        (b) => (buyer(b).address = { street: 'X 1', postalCode: '00100', countryCode: 'SUOMI' }),
        /^invoice\.parties\.buyerParty\.address\.countryCode must be an ISO 3166-1/,
      ],
      [
        (b) => (buyer(b).contact = { email: 'nobody' }),
        /^invoice\.parties\.buyerParty\.contact\.email must be an e-mail address/,
      ],
      [
        (b) => (obj(b.invoice).amounts = { totalAmount: 10.005 }),
        /^invoice\.amounts\.totalAmount must be a number with at most 2 decimals/,
      ],
      [
        (b) => (obj(b.invoice).amounts = { totalAmount: 99 }),
        /^invoice\.amounts\.totalAmount must equal the sum of invoice\.rows\[\]\.totalAmount \(1255\.20\)$/,
      ],
      [(b) => (buyer(b).contact = null), /buyerParty\.contact\.email .*required for EMAIL distribution/],
      [(b) => (b.distribution = { method: 'FAX', enabled: true }), /^distribution\.method /],
    ];
    for (const [change, message] of cases) {
      const body = invoiceRequest(NUMBER);
      change(body);
      const reply = await sim.call('POST', '/invoice', { body });
      expect(reply.status).toBe(400);
      expect(String(obj(reply.body).message)).toMatch(message);
    }
  });

  it("accepts the docs' DK language code, unknown extra blocks, and amounts from rows alone", async () => {
    const body = invoiceRequest(NUMBER, { languageCode: 'DK', currencyCode: 'SEK' });
    const invoice = obj(body.invoice);
    delete invoice.amounts;
    invoice.factoring = { anything: true };
    invoice.extensions = [{ key: 'x' }];
    expect((await sim.call('POST', '/invoice', { body })).status).toBe(201);
    expect(sim.dataset.confirmaInvoices.get(NUMBER)?.amount).toBe('1255.20');
  });

  it('keeps a non-distributed invoice PENDING, but still opens its case', async () => {
    const body = { ...invoiceRequest(NUMBER), distribution: { method: null, enabled: false } };
    expect((await sim.call('POST', '/invoice', { body })).status).toBe(201);
    sim.advance(DELAY_MS);
    const [record] = await distributionOf(NUMBER);
    expect(record).toMatchObject({
      distributionStatus: 'PENDING',
      distributionMethod: null,
      distributionMessage: 'Distribution disabled: the creditor delivers the invoice',
      dates: { printedAt: null, distributedAt: null },
      paymentControl: { status: 'ACTIVE' },
    });
  });

  it('opens no case without payment control, and holds an invoice that waits for manual approval', async () => {
    const plain = invoiceRequest(NUMBER);
    plain.processing = { paymentControlEnabled: false };
    const held = invoiceRequest(NUMBER + 1);
    held.processing = { paymentControlEnabled: true, manualApprovalEnabled: true };
    expect((await sim.call('POST', '/invoice', { body: plain })).status).toBe(201);
    expect((await sim.call('POST', '/invoice', { body: held })).status).toBe(201);
    sim.advance(DELAY_MS * 10);
    const [delivered] = await distributionOf(NUMBER);
    expect(delivered).toMatchObject({
      distributionStatus: 'DELIVERED',
      paymentControl: { enabled: false, agency: null, status: null, caseId: null },
    });
    const [waiting] = await distributionOf(NUMBER + 1);
    expect(waiting).toMatchObject({
      distributionStatus: 'PENDING',
      distributionMessage: 'Waiting for manual approval',
      paymentControl: { status: 'PENDING', caseId: null },
    });
  });
});

function buyer(body: ReturnType<typeof invoiceRequest>) {
  return obj(obj(obj(body.invoice).parties).buyerParty);
}
