import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { onboardConfirmaClient } from '../../src/ops/onboardConfirmaClient.js';
import { onboardingClientDocsExample } from '../fixtures/confirma.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../support/fakeUpstream.js';
import { captureOutput, jsonFile } from '../support/opsCommand.js';

/** `npm run confirma:onboard-client`: onboarding is an operator action, against a fake Confirma. */
const PROVISIONING = 'provisioning-canary-5b7e';
const NEW_CLIENT_TOKEN = 'new-client-token-canary-0042';

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

let confirma: FakeUpstream;
let answer: (request: RecordedRequest) => FakeReply;
beforeAll(async () => {
  confirma = await startFakeUpstream((request) => answer(request));
});
afterAll(() => confirma.close());
beforeEach(() => {
  confirma.requests.length = 0;
  answer = (request) =>
    request.path === '/api/v1/partner/client' && request.headers['x-api-key'] === PROVISIONING
      ? {
          status: 201,
          json: {
            clientId: 'C-77',
            customerCode: '10077',
            paymentReferencePrefix: '1007',
            accessToken: NEW_CLIENT_TOKEN,
          },
        }
      : { status: 401, json: {} };
});

async function onboard(input: unknown) {
  const config = loadConfig({
    CONFIRMA_BASE_URL: confirma.url,
    CONFIRMA_API_KEY: 'confirma-key-canary-1',
    CONFIRMA_PROVISIONING_TOKEN: PROVISIONING,
  });
  const output = captureOutput();
  const code = await onboardConfirmaClient(config, [jsonFile(input)], output);
  return { code, ...output };
}

describe('npm run confirma:onboard-client', () => {
  it('onboards with the provisioning token, once, and prints the new token on stdout alone', async () => {
    const run = await onboard(onboardInput);
    expect(run.code).toBe(0);
    expect(run.secrets).toEqual([NEW_CLIENT_TOKEN]);
    expect(run.said.join('\n')).toContain('"clientId":"C-77"');
    expect(run.said.join('\n')).not.toContain(NEW_CLIENT_TOKEN);
    expect(confirma.requests).toHaveLength(1);
    const sent = JSON.parse(confirma.requests[0]?.body ?? '{}');
    expect(sent.service).toEqual({ type: 'LIFECYCLE', partnerCode: 'QUICK3' });
    expect(sent.client).toMatchObject({
      name: 'Test Customer Oy',
      businessCode: '1234567-8',
      countryCode: 'FI',
    });
  });

  it('sends the docs’ example client, its six-digit business code and empty texts included', async () => {
    const run = await onboard({ ...onboardInput, client: onboardingClientDocsExample });
    expect(run.code).toBe(0);
    expect(JSON.parse(confirma.requests[0]?.body ?? '{}').client).toEqual(onboardingClientDocsExample);
  });

  it.each([
    ['businessCode', '12345-6', 'INVALID_FORMAT'],
    ['website', 'www.example.fi extra', 'INVALID_FORMAT'],
    ['email', 'nope', 'INVALID_EMAIL'],
  ])('refuses the %s %j before calling Confirma', async (field, value, code) => {
    const run = await onboard({ ...onboardInput, client: { ...onboardInput.client, [field]: value } });
    expect(run.code).toBe(2);
    expect(run.said.join('\n')).toContain(`client.${field}`);
    expect(run.said.join('\n')).toContain(code);
    expect(confirma.requests).toHaveLength(0);
  });

  it('reports a business code Confirma already knows, once, printing no token', async () => {
    answer = () => ({ status: 409, json: { message: 'exists' } });
    const run = await onboard(onboardInput);
    expect(run.code).toBe(1);
    expect(run.secrets).toEqual([]);
    expect(run.said.join('\n')).toContain('already a client');
    expect(confirma.requests).toHaveLength(1);
  });
});
