import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { onboardConfirmaClient } from '../../src/ops/onboardConfirmaClient.js';
import { captureOutput, jsonFile } from '../support/opsCommand.js';
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
 * provisioning token (an operator command, `npm run confirma:onboard-client`), and the
 * subgraph's own access token checked with Confirma.
 */

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('Confirma onboarding on the simulator', () => {
  it('onboards a client with the operator command and prints its new token once', async () => {
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
    const config = loadConfig({
      CONFIRMA_BASE_URL: h.confirmaUrl,
      CONFIRMA_API_KEY: SIM_CONFIRMA.apiKey,
      CONFIRMA_PROVISIONING_TOKEN: SIM_CONFIRMA.provisioningToken,
    });
    const onboard = async () => {
      const output = captureOutput();
      const code = await onboardConfirmaClient(config, [jsonFile(input)], output);
      return { code, ...output };
    };
    const first = await onboard();
    expect(first.code).toBe(0);
    expect(first.secrets).toEqual([expect.stringMatching(/^\S{16,}$/)]);
    const details = first.said.join('\n');
    expect(details).toMatch(/"clientId":"\d+"/);
    expect(details).toMatch(/"customerCode":"CF\d{6}"/);
    expect(details).toMatch(/"paymentReferencePrefix":"\d{4}"/);
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
      headers: { 'X-Api-Key': first.secrets[0] ?? '' },
    });
    expect(validate.status).toBe(200);
    await validate.body?.cancel();

    // The same company again: Confirma refuses it and no second token is issued.
    const again = await onboard();
    expect(again.code).toBe(1);
    expect(again.secrets).toEqual([]);
    expect(again.said.join('\n')).toContain('already a client');
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
