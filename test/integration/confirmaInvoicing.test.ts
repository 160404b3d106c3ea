import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { CREATE_INVOICE as CREATE, createInvoice } from '../support/confirmaMutations.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(700));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

const create = (input: unknown) => createInvoice(h, input);

function posts() {
  return h.confirma.requests.filter((r) => r.method === 'POST');
}

describe('createInvoice', () => {
  it('sends the documented SalesInvoiceRequest and returns the new invoice', async () => {
    const payload = await create(validInvoiceInput('800001'));
    expect(payload.userErrors).toEqual([]);
    expect(payload.invoice).toEqual({ invoiceNumber: '800001', distribution: { status: 'PENDING' } });
    const [post] = posts();
    expect(post?.path).toBe('/api/v1/partner/invoice');
    expect(post?.headers['content-type']).toBe('application/json');
    // Integers and amounts are JSON numbers with their exact text; codes are normalised.
    expect(post?.body).toContain('"number":800001');
    expect(post?.body).toContain('"totalAmount":1305.33');
    expect(post?.body).not.toContain('grossAmount');
    expect(post?.body).toContain('"vatPercentage":25.50');
    const sent = JSON.parse(post?.body ?? '{}');
    expect(sent.processing).toEqual({
      paymentControlEnabled: true,
      manualApprovalEnabled: false,
      accountingInvoiceEnabled: false,
    });
    expect(sent.distribution).toEqual({ method: 'EMAIL', enabled: true });
    expect(sent.invoice.header).toMatchObject({
      currencyCode: 'EUR',
      languageCode: 'FI',
      date: '2025-12-01',
      dueDate: '2025-12-15',
    });
    expect(sent.invoice.parties.sellerParty.address.countryCode).toBe('FI');
  });

  it('sends the docs’ recipient party, its address object with null members included', async () => {
    const input = validInvoiceInput('800005');
    // confirma.md §4.4: every recipient member null but the language; street lines null, the rest cut off.
    const recipient = {
      name: null,
      businessId: null,
      vatCode: null,
      electronicInvoiceAccount: null,
      electronicRoutingAddress: null,
      glnNumber: null,
      email: null,
      languageCode: 'FI',
      address: { street: null, street2: null, street3: null },
    };
    const payload = await create({
      ...input,
      invoice: { ...input.invoice, parties: { ...input.invoice.parties, invoiceRecipientParty: recipient } },
    });
    expect(payload.userErrors).toEqual([]);
    const sent = JSON.parse(posts()[0]?.body ?? '{}');
    expect(sent.invoice.parties.invoiceRecipientParty).toEqual({
      ...recipient,
      address: {
        street: null,
        street2: null,
        street3: null,
        postalCode: null,
        postalDistrict: null,
        countryCode: null,
        countryName: null,
      },
    });
  });

  it('checks the recipient address members that are given', async () => {
    const input = validInvoiceInput('800006');
    const address = { street: 'Postikatu 2', postalCode: '33100', countryCode: 'FI' };
    const payload = await create({
      ...input,
      invoice: {
        ...input.invoice,
        parties: { ...input.invoice.parties, invoiceRecipientParty: { name: 'Receiver Oy', address } },
      },
    });
    expect(payload.userErrors).toEqual([]);
    const sent = JSON.parse(posts()[0]?.body ?? '{}');
    expect(sent.invoice.parties.invoiceRecipientParty.address).toMatchObject({
      street: 'Postikatu 2',
      postalCode: '33100',
      postalDistrict: null,
      countryCode: 'FI',
    });
  });

  it('refuses an invoice number Confirma already has with a CONFLICT and sends nothing', async () => {
    const payload = await create(validInvoiceInput('700'));
    expect(payload.invoice).toBeNull();
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'invoice', 'header', 'invoiceNumber'] }),
    ]);
    expect(posts()).toHaveLength(0);
  });

  it('creates one invoice when the same number is sent twice at once', async () => {
    // The fake answers POST /invoice only after 50 ms, so the two requests overlap.
    h.confirma.override = (request) =>
      request.method === 'POST' ? { status: 201, json: {}, delayMs: 50 } : undefined;
    const input = validInvoiceInput('800002');
    const [a, b] = await Promise.all([h.query(CREATE, { input }), h.query(CREATE, { input })]);
    // One is created; the other is refused by the duplicate guard before anything is sent.
    const outcomes = [a, b].map((r) => r.body.errors?.[0]?.extensions?.code ?? 'created').sort();
    expect(outcomes).toEqual(['CONFLICT', 'created']);
    expect(posts()).toHaveLength(1);
  });

  it('maps an upstream 409 to CONFLICT and never retries the write', async () => {
    h.confirma.override = (request) =>
      request.method === 'POST' ? { status: 409, json: { message: 'exists' } } : undefined;
    const payload = await create(validInvoiceInput('800003'));
    expect(payload.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(posts()).toHaveLength(1);
  });

  it('turns an upstream 503 into a field error, not a retry', async () => {
    h.confirma.override = (request) => (request.method === 'POST' ? { status: 503, json: {} } : undefined);
    const { body } = await h.query(CREATE, { input: validInvoiceInput('800004') });
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(posts()).toHaveLength(1);
  });
});
