import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const CREATE = `mutation ($input: CreateInvoiceInput!) {
  createInvoice(input: $input) {
    invoice { invoiceNumber distribution { status } }
    userErrors { field message code }
  }
}`;

type Payload = { invoice: unknown; userErrors: Array<{ field: string[]; message: string; code: string }> };

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

async function create(input: unknown): Promise<Payload> {
  const { body } = await h.query(CREATE, { input });
  expect(body.errors).toBeUndefined();
  return (body.data as { createInvoice: Payload }).createInvoice;
}

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

  it('refuses an invoice number Confirma already has with a CONFLICT and sends nothing', async () => {
    const payload = await create(validInvoiceInput('700'));
    expect(payload.invoice).toBeNull();
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: ['input', 'invoice', 'header', 'number'] }),
    ]);
    expect(posts()).toHaveLength(0);
  });

  it('creates one invoice when the same number is sent twice at once', async () => {
    // The fake answers POST /invoice only after 50 ms, so the two requests overlap.
    h.confirma.override = (request) =>
      request.method === 'POST' ? { status: 201, json: {}, delayMs: 50 } : undefined;
    const input = validInvoiceInput('800002');
    const [a, b] = await Promise.all([create(input), create(input)]);
    const codes = [a, b].map((p) => p.userErrors.map((e) => e.code).join()).sort();
    expect(codes).toEqual(['', 'CONFLICT']);
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

describe('createInvoice input validation', () => {
  type Edit = (input: ReturnType<typeof validInvoiceInput>) => void;
  const cases: Array<[string, Edit, string[], string]> = [
    [
      'an unknown currency',
      (i) => void (i.invoice.header.currencyCode = 'EURO'),
      ['invoice', 'header', 'currencyCode'],
      'INVALID_CURRENCY',
    ],
    [
      'an unknown language',
      (i) => void (i.invoice.header.languageCode = 'XX'),
      ['invoice', 'header', 'languageCode'],
      'INVALID_LANGUAGE',
    ],
    [
      'an unknown country',
      (i) => void (i.invoice.parties.buyerParty.address.countryCode = 'ZZ'),
      ['invoice', 'parties', 'buyerParty', 'address', 'countryCode'],
      'INVALID_COUNTRY',
    ],
    [
      'a Finnish postal code of the wrong shape',
      (i) => void (i.invoice.parties.buyerParty.address.postalCode = '1234'),
      ['invoice', 'parties', 'buyerParty', 'address', 'postalCode'],
      'INVALID_FORMAT',
    ],
    [
      'a due date before the invoice date',
      (i) => void (i.invoice.header.dueDate = '2025-11-30'),
      ['invoice', 'header', 'dueDate'],
      'INCONSISTENT',
    ],
    [
      'an amount with three decimals',
      (i) => void ((i.invoice.rows[0] as { netAmount: string }).netAmount = '1000.001'),
      ['invoice', 'rows', '0', 'netAmount'],
      'TOO_MANY_DECIMALS',
    ],
    [
      'totals that are not the sum of the rows',
      (i) => void (i.invoice.amounts.netAmount = '1040.11'),
      ['invoice', 'amounts', 'netAmount'],
      'INCONSISTENT',
    ],
    [
      'a row whose gross is not net plus VAT',
      (i) => void ((i.invoice.rows[1] as { grossAmount: string }).grossAmount = '50.34'),
      ['invoice', 'rows', '1', 'grossAmount'],
      'INCONSISTENT',
    ],
    [
      'a bad e-mail',
      (i) => void (i.invoice.parties.buyerParty.contact.email = 'not-an-email'),
      ['invoice', 'parties', 'buyerParty', 'contact', 'email'],
      'INVALID_EMAIL',
    ],
    [
      'a payment reference that is neither Finnish nor RF',
      (i) => void (i.invoice.references.payment = 'INV-2026-7'),
      ['invoice', 'references', 'payment'],
      'INVALID_FORMAT',
    ],
    [
      'an invoice number that is not an integer',
      (i) => void (i.invoice.header.number = 'INV-1'),
      ['invoice', 'header', 'number'],
      'INVALID_FORMAT',
    ],
  ];
  it.each(cases)('refuses %s, naming the path, before any upstream call', async (_name, edit, path, code) => {
    const input = validInvoiceInput('800100');
    edit(input);
    const payload = await create(input);
    expect(payload.invoice).toBeNull();
    const match = payload.userErrors.find((e) => e.field.join('.') === ['input', ...path].join('.'));
    expect(match?.code).toBe(code);
    expect(match?.message).toContain(['input', ...path].join('.'));
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('refuses an impossible date with BAD_USER_INPUT naming the variable path', async () => {
    const input = validInvoiceInput('800101');
    input.invoice.header.date = '2025-02-30';
    const { body } = await h.query(CREATE, { input });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('input.invoice.header.date');
    expect(h.confirma.requests).toHaveLength(0);
  });
});
