import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIRMA_PROVISIONING_TEST_TOKEN, CONFIRMA_TEST_KEY } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const ONBOARD = `mutation ($input: OnboardClientInput!) {
  onboardClient(input: $input) { client { clientId customerCode paymentReferencePrefix accessToken } userErrors { field code message } }
}`;
const NEW_CLIENT_TOKEN = 'new-client-token-canary-0042';
const RENEWED_TOKEN = 'renewed-token-canary-77aa';

const onboardInput = {
  service: { type: 'LIFECYCLE', partnerCode: 'QUICK3' },
  client: {
    name: 'Test Customer Oy',
    businessCode: '1234567-8',
    countryCode: 'fi',
    postalCode: '12345',
    email: 'email@testcustomer.fi',
    languageCode: 'FI',
  },
  contacts: [{ role: 'PRIMARY', name: 'Maija Meikäläinen', email: 'maija@testcustomer.fi' }],
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

describe('onboarding and tokens', () => {
  it('onboards with the provisioning token and returns the new token once, never logging it', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/client') && request.headers['x-api-key'] === CONFIRMA_PROVISIONING_TEST_TOKEN
        ? {
            status: 201,
            json: {
              clientId: 'C-77',
              customerCode: '10077',
              paymentReferencePrefix: '1007',
              accessToken: NEW_CLIENT_TOKEN,
            },
          }
        : undefined;
    const { body } = await h.query(ONBOARD, { input: onboardInput });
    expect(body.data?.onboardClient).toEqual({
      client: {
        clientId: 'C-77',
        customerCode: '10077',
        paymentReferencePrefix: '1007',
        accessToken: NEW_CLIENT_TOKEN,
      },
      userErrors: [],
    });
    const sent = JSON.parse(h.confirma.requests[0]?.body ?? '{}');
    expect(sent.service).toEqual({ type: 'LIFECYCLE', partnerCode: 'QUICK3' });
    expect(sent.client).toMatchObject({
      name: 'Test Customer Oy',
      businessCode: '1234567-8',
      countryCode: 'FI',
    });
    expect(h.logLines.join('\n')).not.toContain(NEW_CLIENT_TOKEN);
  });

  it('refuses a malformed Finnish business ID and a bad e-mail before calling Confirma', async () => {
    const input = {
      ...onboardInput,
      client: { ...onboardInput.client, businessCode: '1234567', email: 'nope' },
    };
    const { body } = await h.query(ONBOARD, { input });
    const errors = (body.data?.onboardClient as { userErrors: Array<{ field: string[]; code: string }> })
      .userErrors;
    expect(errors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.client.email', 'INVALID_EMAIL'],
      ['input.client.businessCode', 'INVALID_FORMAT'],
    ]);
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('reports whether the access token is valid', async () => {
    const ok = await h.query('{ accessTokenStatus { valid message } }');
    expect(ok.body.data).toEqual({ accessTokenStatus: { valid: true, message: 'Token is valid' } });
    h.confirma.override = () => ({ status: 401, json: {} });
    const refused = await h.query('{ accessTokenStatus { valid } }');
    expect(refused.body.data).toEqual({ accessTokenStatus: { valid: false } });
  });

  it('renews the token, switches to it for later calls and keeps it out of the logs', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/renew') ? { json: { Message: RENEWED_TOKEN } } : undefined;
    const { body } = await h.query('mutation { renewAccessToken { accessToken userErrors { code } } }');
    expect(body.data?.renewAccessToken).toEqual({ accessToken: RENEWED_TOKEN, userErrors: [] });
    h.confirma.override = (request) =>
      request.headers['x-api-key'] === RENEWED_TOKEN
        ? { json: { isValid: true, message: 'Token is valid' } }
        : { status: 401, json: {} };
    const after = await h.query('{ accessTokenStatus { valid } }');
    expect(after.body.data).toEqual({ accessTokenStatus: { valid: true } });
    expect(h.confirma.requests.at(-1)?.headers['x-api-key']).toBe(RENEWED_TOKEN);
    expect(h.logLines.join('\n')).not.toContain(RENEWED_TOKEN);
    expect(h.logLines.join('\n')).toContain('Confirma access token renewed');
    // Put the original key back for the other tests in this file.
    h.confirma.override = (request) =>
      request.path.endsWith('/renew') ? { json: { Message: CONFIRMA_TEST_KEY } } : undefined;
    await h.query('mutation { renewAccessToken { accessToken } }');
  });
});

describe('accounting', () => {
  const ledger = {
    ledgerIdentifier: 'abc-123-def-456',
    companyIdentifier: '123456-7',
    documentType: 'ML',
    documentName: '1001',
    documentDate: '2025-12-13',
    documentDescription: 'December sales',
    calculationMode: 'GROSS',
    ledgerRows: [
      {
        bookingDate: '2025-12-12',
        accountNumber: '1701',
        amount: '2990.00',
        ledgerDimensions: [{ dimensionType: 'COST_CENTER', dimensionValue: '1000' }],
      },
      {
        bookingDate: '2025-12-12',
        accountNumber: '3000',
        vatPercentage: '25.5',
        vatCode: '20',
        amount: '-2382.47',
      },
      { bookingDate: '2025-12-12', accountNumber: '2939', amount: '-607.53', isVatRow: true },
    ],
  };
  const SUBMIT =
    'mutation ($input: SubmitLedgerInput!) { submitLedger(input: $input) { ledger { sourceIdentifier state } userErrors { field code } } }';

  it('submits a balanced ledger with `ledgers` as an object and reports it pending', async () => {
    const { body } = await h.query(SUBMIT, { input: ledger });
    expect(body.data?.submitLedger).toEqual({
      ledger: { sourceIdentifier: 'abc-123-def-456', state: 'PENDING' },
      userErrors: [],
    });
    const post = h.confirma.requests.find((r) => r.method === 'POST');
    expect(post?.path).toBe('/api/v1/partner/accounting/ledger');
    expect(post?.body).toContain('"amount":-2382.47');
    const sent = JSON.parse(post?.body ?? '{}');
    expect(Array.isArray(sent.ledgers)).toBe(false);
    expect(sent.ledgers.ledgerRows.map((r: { isVatRow: number }) => r.isVatRow)).toEqual([0, 0, 1]);
  });

  it('refuses rows that do not balance to zero, before calling Confirma', async () => {
    const unbalanced = {
      ...ledger,
      ledgerRows: [...ledger.ledgerRows.slice(0, 2), { ...ledger.ledgerRows[2], amount: '-607.52' }],
    };
    const { body } = await h.query(SUBMIT, { input: unbalanced });
    expect(body.data?.submitLedger).toEqual({
      ledger: null,
      userErrors: [{ field: ['input', 'ledgerRows'], code: 'INCONSISTENT' }],
    });
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('reads sync status, with 204 meaning none and unknown codes meaning failed', async () => {
    const empty = await h.query('{ ledgerSyncStatus { sourceIdentifier } }');
    expect(empty.body.data).toEqual({ ledgerSyncStatus: [] });
    h.confirma.paymentStatusJson = JSON.stringify({
      payments: [
        {
          sourceIdentifier: 'p-1',
          invoiceNumber: '12345',
          paymentDate: '2025-10-15',
          syncDate: null,
          status: 0,
          description: 'Pending',
        },
        {
          sourceIdentifier: 'p-2',
          invoiceNumber: '12346',
          paymentDate: '2025-10-14',
          syncDate: '2025-10-16',
          status: 7,
          description: 'Failed',
        },
      ],
    });
    const { body } = await h.query('{ accountingPaymentSyncStatus { sourceIdentifier state statusCode } }');
    expect(body.data?.accountingPaymentSyncStatus).toEqual([
      { sourceIdentifier: 'p-1', state: 'PENDING', statusCode: 0 },
      { sourceIdentifier: 'p-2', state: 'FAILED', statusCode: 7 },
    ]);
  });

  it('refuses accounting payments with bad currency or too many decimals', async () => {
    const { body } = await h.query(
      'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { payments { sourceIdentifier } userErrors { field code } } }',
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'x',
              invoiceNumber: '1',
              paymentDate: '2026-01-01',
              amount: '1.234',
              currency: 'EURO',
            },
          ],
        },
      },
    );
    expect(body.data?.submitAccountingPayments).toEqual({
      payments: [],
      userErrors: [
        { field: ['input', 'payments', '0', 'amount'], code: 'TOO_MANY_DECIMALS' },
        { field: ['input', 'payments', '0', 'currency'], code: 'INVALID_CURRENCY' },
      ],
    });
    expect(h.confirma.requests).toHaveLength(0);
  });
  it('refuses a payment matched by reference that has no reference', async () => {
    const { body } = await h.query(
      'mutation ($input: SubmitAccountingPaymentsInput!) { submitAccountingPayments(input: $input) { userErrors { field code message } } }',
      {
        input: {
          payments: [
            {
              paymentIdentifier: 'x',
              invoiceNumber: '1',
              paymentDate: '2026-01-01',
              amount: '10.00',
              currency: 'EUR',
              targetIdentifier: 'PAYMENT_REFERENCE',
            },
          ],
        },
      },
    );
    const errors = (
      body.data?.submitAccountingPayments as {
        userErrors: { field: string[]; code: string; message: string }[];
      }
    ).userErrors;
    expect(errors).toHaveLength(1);
    expect(errors[0]?.field).toEqual(['input', 'payments', '0', 'paymentReference']);
    expect(errors[0]?.code).toBe('REQUIRED');
    expect(errors[0]?.message).toContain('PAYMENT_REFERENCE');
    expect(h.confirma.requests).toHaveLength(0);
  });
});
