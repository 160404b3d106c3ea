import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { CREATE_INVOICE as CREATE, createInvoice } from '../support/confirmaMutations.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

const create = (input: unknown) => createInvoice(h, input);
type Input = ReturnType<typeof validInvoiceInput>;

/** Input refused before anything is sent (createInvoice's happy paths: confirmaInvoicing.test.ts). */
describe('createInvoice input validation', () => {
  type Edit = (input: ReturnType<typeof validInvoiceInput>) => void;
  const cases: Array<[string, Edit, string[], string]> = [
    [
      'the currency UNKNOWN',
      (i) => void (i.invoice.header.currency = 'UNKNOWN'),
      ['invoice', 'header', 'currency'],
      'INVALID_CURRENCY',
    ],
    [
      'the distribution method UNKNOWN',
      (i) => void (i.distribution.method = 'UNKNOWN'),
      ['distribution', 'method'],
      'INVALID_VALUE',
    ],
    [
      'a recipient postal code that does not fit its country',
      (i) =>
        void Object.assign(i.invoice.parties, {
          invoiceRecipientParty: { address: { postalCode: '1234', countryCode: 'FI' } },
        }),
      ['invoice', 'parties', 'invoiceRecipientParty', 'address', 'postalCode'],
      'INVALID_FORMAT',
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
      (i) => void (i.invoice.header.invoiceNumber = 'INV-1'),
      ['invoice', 'header', 'invoiceNumber'],
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

  // Codes outside the schema's enums never reach a resolver: GraphQL refuses the variable.
  it.each([
    ['an unknown currency', (i: Input) => void (i.invoice.header.currency = 'EURO'), 'header.currency'],
    ['an unknown language', (i: Input) => void (i.invoice.header.languageCode = 'XX'), 'header.languageCode'],
    [
      'an unknown country',
      (i: Input) => void (i.invoice.parties.buyerParty.address.countryCode = 'ZZ'),
      'buyerParty.address.countryCode',
    ],
    [
      'an unknown recipient country',
      (i: Input) =>
        void Object.assign(i.invoice.parties, {
          invoiceRecipientParty: { address: { street: null, countryCode: 'ZZ' } },
        }),
      'invoiceRecipientParty.address.countryCode',
    ],
    ['a lower-case code', (i: Input) => void (i.invoice.header.languageCode = 'fi'), 'header.languageCode'],
    [
      'an unknown entity type',
      (i: Input) => void (i.invoice.parties.buyerParty.entityType = 'SOLE'),
      'entityType',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the variable path', async (_name, change, path) => {
    const input = validInvoiceInput('800102');
    change(input);
    const { body } = await h.query(CREATE, { input });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain(path);
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
