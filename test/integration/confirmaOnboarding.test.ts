import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIRMA_PROVISIONING_TEST_TOKEN, CONFIRMA_TEST_KEY } from '../fakes/confirma.js';
import { onboardingClientDocsExample } from '../fixtures/confirma.js';
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

  it('sends the docs’ example client, its six-digit business code and empty texts included', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/client') ? { status: 201, json: { clientId: 'C-78' } } : undefined;
    const client = onboardingClientDocsExample;
    const { body } = await h.query(ONBOARD, { input: { ...onboardInput, client } });
    expect(body.data?.onboardClient).toMatchObject({ client: { clientId: 'C-78' }, userErrors: [] });
    expect(JSON.parse(h.confirma.requests[0]?.body ?? '{}').client).toEqual(client);
  });

  it.each(['www.example.fi', 'example.fi/yhteystiedot', 'https://www.example.fi/'])(
    'accepts the web site %s',
    async (website) => {
      h.confirma.override = (request) =>
        request.path.endsWith('/client') ? { status: 201, json: { clientId: 'C-79' } } : undefined;
      const input = { ...onboardInput, client: { ...onboardInput.client, website } };
      const { body } = await h.query(ONBOARD, { input });
      expect(body.data?.onboardClient).toMatchObject({ userErrors: [] });
      expect(JSON.parse(h.confirma.requests[0]?.body ?? '{}').client.website).toBe(website);
    },
  );

  it.each([
    ['businessCode', '12345-6', 'INVALID_FORMAT'],
    ['businessCode', '12345678-9', 'INVALID_FORMAT'],
    ['website', 'example', 'INVALID_FORMAT'],
    ['website', 'www.example.fi extra', 'INVALID_FORMAT'],
  ])('refuses the %s %j before calling Confirma', async (field, value, code) => {
    const input = { ...onboardInput, client: { ...onboardInput.client, [field]: value } };
    const { body } = await h.query(ONBOARD, { input });
    expect(body.data?.onboardClient).toMatchObject({
      client: null,
      userErrors: [{ field: ['input', 'client', field], code }],
    });
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
