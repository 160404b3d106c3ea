import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRMA_PATH,
  SIM_CONFIRMA,
  bodyOf,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * The first steps of a creditor on the Confirma simulator: onboarding with the partner
 * provisioning token, and the subgraph's own access token checked with Confirma.
 */

const ONBOARD = `mutation ($input: OnboardClientInput!, $idempotencyKey: String) {
  onboardClient(input: $input, idempotencyKey: $idempotencyKey) {
    client { clientId customerCode paymentReferencePrefix accessToken }
    userErrors { field code message }
  }
}`;

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('Confirma onboarding on the simulator', () => {
  it('onboards a client with the provisioning token and returns its new token once', async () => {
    h.resetRequests();
    const input = {
      service: { type: 'LIFECYCLE', partnerCode: 'QUICK3' },
      client: {
        name: 'Workflow Customer Oy',
        businessCode: '2611201-4',
        vatRegNbr: 'FI26112014',
        postalAddress: 'Testikuja 7',
        postalCode: '00100',
        postalDistrict: 'HELSINKI',
        countryCode: 'FI',
        email: 'billing@workflow.example',
        languageCode: 'FI',
      },
      contacts: [
        { role: 'PRIMARY', name: 'Paula Primary', email: 'paula@workflow.example' },
        {
          role: 'ONBOARDING',
          name: 'Olli Onboarder',
          email: 'olli@workflow.example',
          phone: '+358401112223',
        },
      ],
    };
    const { onboardClient } = dataOf<{
      onboardClient: { client: Record<string, string>; userErrors: unknown[] };
    }>(await h.query(ONBOARD, { input }));
    expect(onboardClient.userErrors).toEqual([]);
    expect(onboardClient.client).toMatchObject({
      clientId: expect.stringMatching(/^\d+$/),
      customerCode: expect.stringMatching(/^CF\d{6}$/),
      paymentReferencePrefix: expect.stringMatching(/^\d{4}$/),
      accessToken: expect.stringMatching(/\S{16,}/),
    });
    const [post] = h.requestsTo(`${CONFIRMA_PATH}/client`);
    expect(h.requests).toHaveLength(1);
    expect(post?.method).toBe('POST');
    expect(post?.headers['x-api-key']).toBe(SIM_CONFIRMA.provisioningToken);
    expect(bodyOf(post)).toMatchObject({
      service: { type: 'LIFECYCLE', partnerCode: 'QUICK3' },
      client: { businessCode: '2611201-4', countryCode: 'FI' },
      contacts: [{ type: 'PRIMARY' }, { type: 'ONBOARDING', telephone: '+358401112223' }],
    });

    // The token is live at once: Confirma accepts it on a client endpoint.
    const validate = await fetch(`${h.confirmaUrl}${CONFIRMA_PATH}/validate`, {
      headers: { 'X-Api-Key': onboardClient.client.accessToken ?? '' },
    });
    expect(validate.status).toBe(200);
    await validate.body?.cancel();

    // The same company again: Confirma refuses it and no second token is issued.
    const again = dataOf<{ onboardClient: { client: unknown; userErrors: Array<{ code: string }> } }>(
      await h.query(ONBOARD, { input, idempotencyKey: 'resend' }),
    );
    expect(again.onboardClient.client).toBeNull();
    expect(again.onboardClient.userErrors.map((e) => e.code)).toEqual(['CONFLICT']);
  });

  it('reports the configured access token as valid', async () => {
    h.resetRequests();
    const data = dataOf(await h.query('{ accessTokenStatus { valid message } }'));
    expect(data).toEqual({ accessTokenStatus: { valid: true, message: 'Token is valid' } });
    expect(h.requests.map((r) => `${r.method} ${r.path} ${r.headers['x-api-key']}`)).toEqual([
      `GET ${CONFIRMA_PATH}/validate ${SIM_CONFIRMA.apiKey}`,
    ]);
  });
});
