import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CLIENT_KEY,
  PROVISIONING_TOKEN,
  obj,
  startConfirmaHarness,
  type ConfirmaHarness,
} from './simulators.confirma.support.js';
import { onboardingClientDocsExample } from '../fixtures/confirma.js';

const newClient = (businessCode: string, client: Record<string, unknown> = {}) => ({
  service: { type: 'LIFECYCLE', partnerCode: 'QUICK3' },
  client: { ...onboardingClientDocsExample, businessCode, ...client },
  contacts: [{ type: 'TECHNICAL', name: 'Tea Tekninen', email: 'tea@testcustomer.fi' }],
});

describe('Confirma simulator: keys and onboarding', () => {
  let sim: ConfirmaHarness;
  beforeEach(async () => {
    sim = await startConfirmaHarness();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('lets the provisioning token call POST /client and nothing else', async () => {
    const validate = await sim.call('GET', '/validate', { key: PROVISIONING_TOKEN });
    expect(validate.status).toBe(401);
    expect(validate.body).toEqual({ message: 'The partner provisioning token may only call POST /client' });
    expect((await sim.call('GET', '/invoice/distribution', { key: PROVISIONING_TOKEN })).status).toBe(401);
    expect((await sim.call('GET', '/client', { key: PROVISIONING_TOKEN })).status).toBe(401);
    const created = await sim.call('POST', '/client', {
      key: PROVISIONING_TOKEN,
      body: newClient('1234567-8'),
    });
    expect(created.status).toBe(201);
  });

  it('refuses POST /client with a client key or without any key', async () => {
    const withClientKey = await sim.call('POST', '/client', { body: newClient('1234567-8') });
    expect(withClientKey.status).toBe(401);
    expect(obj(withClientKey.body).message).toMatch(/provisioning token/);
    expect((await sim.call('POST', '/client', { key: null, body: newClient('1234567-8') })).status).toBe(401);
  });

  it('onboards a client whose new token validates and reads the API at once', async () => {
    const created = await sim.call('POST', '/client', {
      key: PROVISIONING_TOKEN,
      body: newClient('1234567-8'),
    });
    expect(created.status).toBe(201);
    const client = obj(created.body);
    expect(client).toEqual({
      clientId: 10001,
      customerCode: 'CF010001',
      paymentReferencePrefix: '2601',
      accessToken: expect.stringMatching(/^sim-confirma-[0-9a-f-]{36}$/),
    });
    const token = String(client.accessToken);
    const validate = await sim.call('GET', '/validate', { key: token });
    expect(validate).toMatchObject({ status: 200, body: { isValid: true, message: 'Token is valid' } });
    expect((await sim.call('GET', '/invoice/distribution', { key: token })).status).toBe(200);
    // The configured key keeps working alongside the issued one.
    expect((await sim.call('GET', '/validate')).status).toBe(200);
  });

  it('refuses a business code that is already onboarded, in either the 6- or 7-digit form', async () => {
    const first = await sim.call('POST', '/client', {
      key: PROVISIONING_TOKEN,
      body: newClient('0123456-7'),
    });
    expect(first.status).toBe(201);
    const again = await sim.call('POST', '/client', { key: PROVISIONING_TOKEN, body: newClient('123456-7') });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ message: 'A client with businessCode 0123456-7 is already onboarded' });
  });

  it.each([
    [{ businessCode: '1234567' }, /^client\.businessCode must be a Finnish business ID/],
    [
      { countryCode: 'FIN' },
      /^client\.countryCode must be an ISO 3166-1 alpha-2 country code.*\(got "FIN"\)$/,
    ],
    [{ email: 'not-an-email' }, /^client\.email must be an e-mail address/],
    [{ postalCode: '1234' }, /^client\.postalCode is not a valid FI postal code/],
    [{ name: undefined }, /^client\.name is required$/],
    [{ languageCode: 'XX' }, /^client\.languageCode must be an ISO 639-1 language code/],
  ])('refuses an invalid client field with 400 naming it (%o)', async (change, message) => {
    const body = newClient('7654321-0', change);
    const reply = await sim.call('POST', '/client', { key: PROVISIONING_TOKEN, body });
    expect(reply.status).toBe(400);
    expect(String(obj(reply.body).message)).toMatch(message);
  });

  it('refuses an unknown service type and a missing body with 400', async () => {
    const body = { ...newClient('7654321-0'), service: { type: 'FACTORING' } };
    const reply = await sim.call('POST', '/client', { key: PROVISIONING_TOKEN, body });
    expect(reply.status).toBe(400);
    expect(String(obj(reply.body).message)).toMatch(/^service\.type /);
    const empty = await sim.call('POST', '/client', { key: PROVISIONING_TOKEN });
    expect(empty).toMatchObject({ status: 400, body: { message: 'Request body must be a JSON document' } });
  });

  it('answers 401 to validate for an unknown key', async () => {
    expect((await sim.call('GET', '/validate', { key: 'no-such-key' })).body).toEqual({
      message: 'Unauthorized',
    });
  });

  it('renews the configured key: the old key gets 401 afterwards, the new one works', async () => {
    const renewed = await sim.call('GET', '/renew');
    expect(renewed.status).toBe(200);
    const token = String(obj(renewed.body).Message);
    expect(token).toMatch(/^sim-confirma-/);
    expect((await sim.call('GET', '/validate')).status).toBe(401);
    expect((await sim.call('GET', '/invoice/distribution')).status).toBe(401);
    expect((await sim.call('GET', '/validate', { key: token })).status).toBe(200);
    // A renewed token can itself be renewed.
    const again = await sim.call('GET', '/renew', { key: token });
    expect((await sim.call('GET', '/validate', { key: token })).status).toBe(401);
    expect((await sim.call('GET', '/validate', { key: String(obj(again.body).Message) })).status).toBe(200);
    expect(CLIENT_KEY).not.toBe(token);
  });
});
