import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FACTORCLOUD_PATH,
  SIM_FACTORCLOUD,
  bodyOf,
  dataOf,
  startSimulatorHarness,
} from '../support/simulatorHarness.js';
import type { SimulatorHarness } from '../support/simulatorHarness.js';

/**
 * A factor's first steps in FactorCloud on the embedded simulator: check the connection, set up
 * a client and its debtor, and read them back (schedules: workflow.factoring.schedule). Steps
 * run in order and build on each other; each checks the graph's answer and the calls FactorCloud
 * saw.
 */

const CLIENT = 'E2E-CL-1';
const DEBTOR = 'E2E-DB-1';

const UPSERT_CLIENT = `mutation ($input: UpsertClientInput!) {
  upsertClient(input: $input) { client { clientKey uuid name city state type industry creditLimit { amount } } userErrors { code message } }
}`;
const UPSERT_DEBTOR = `mutation ($input: UpsertDebtorInput!) {
  upsertDebtor(input: $input) { clientDebtor { clientKey debtorKey name city state country } userErrors { code message } }
}`;

const calls = (h: SimulatorHarness): string[] =>
  h.requestsTo(FACTORCLOUD_PATH).map((r) => `${r.method} ${r.path.slice(FACTORCLOUD_PATH.length)}`);

let h: SimulatorHarness;
beforeAll(async () => {
  h = await startSimulatorHarness();
});
afterAll(() => h.close());

describe('FactorCloud workflow on the simulator', () => {
  it('tests the connection with test-post and the configured credentials', async () => {
    h.resetRequests();
    const data = dataOf(
      await h.query(
        `mutation { testFactorCloudConnection(input: { testValue: "42", testLabel: "E2E" }) {
          check { ok endpoint httpStatus errorCode } echo { testValue testLabel } userErrors { code } } }`,
      ),
    );
    expect(data).toEqual({
      testFactorCloudConnection: {
        check: { ok: true, endpoint: 'test-post', httpStatus: 201, errorCode: null },
        echo: { testValue: '42', testLabel: 'E2E' },
        userErrors: [],
      },
    });
    const [post] = h.requestsTo(`${FACTORCLOUD_PATH}/test-post/`);
    expect(post?.headers).toMatchObject({
      'auth-factorid': SIM_FACTORCLOUD.factorId,
      'auth-systemkey': SIM_FACTORCLOUD.systemKey,
      'auth-apikey': SIM_FACTORCLOUD.apiKey,
    });
    expect(bodyOf(post)).toEqual({ TestValue: '42', TestLabel: 'E2E' });
  });

  it('creates a client, then updates it in place on a second upsert', async () => {
    const before = h.dataset.factorCloudClients.size;
    const input = { clientKey: CLIENT, name: 'Workflow Freight LLC', city: 'Louisville', state: 'ky' };
    type Reply = { upsertClient: { client: Record<string, unknown>; userErrors: unknown[] } };
    const created = dataOf<Reply>(
      await h.query(UPSERT_CLIENT, {
        input: { ...input, type: 'CARRIER', industry: 'TRANSPORTATION', creditLimit: '50000.00' },
      }),
    ).upsertClient;
    expect(created.userErrors).toEqual([]);
    expect(created.client).toMatchObject({
      clientKey: CLIENT,
      name: 'Workflow Freight LLC',
      state: 'KY',
      type: 'CARRIER',
      industry: 'TRANSPORTATION',
      creditLimit: { amount: '50000.00' },
    });

    h.resetRequests();
    const updated = dataOf<Reply>(
      await h.query(UPSERT_CLIENT, {
        input: { ...input, name: 'Workflow Freight Holdings LLC', city: 'Lexington' },
      }),
    ).upsertClient;
    expect(updated.client).toMatchObject({
      clientKey: CLIENT,
      uuid: created.client.uuid,
      name: 'Workflow Freight Holdings LLC',
      city: 'Lexington',
      // Fields left out of the second upsert are not sent, so FactorCloud keeps them.
      type: 'CARRIER',
      creditLimit: { amount: '50000.00' },
    });
    expect(calls(h)[0]).toBe('POST /create-client/');
    expect(bodyOf(h.requests[0])).not.toHaveProperty('Type');
    expect(h.dataset.factorCloudClients.size).toBe(before + 1);

    const read = dataOf<{ client: Record<string, unknown> }>(
      await h.query('query ($k: ID!) { client(clientKey: $k) { clientKey uuid name city } }', { k: CLIENT }),
    );
    expect(read.client).toEqual({
      clientKey: CLIENT,
      uuid: created.client.uuid,
      name: 'Workflow Freight Holdings LLC',
      city: 'Lexington',
    });
  });

  it('links a debtor to the client and reads it back as sub-debtor and master Debtor', async () => {
    h.resetRequests();
    const input = {
      clientKey: CLIENT,
      debtorKey: DEBTOR,
      name: 'Acme Receiving Inc',
      address1: '100 Main St',
      city: 'Nashville',
      state: 'TN',
      zipCode: '37201',
      country: 'USA',
      phone: '615-555-0100',
      email: 'ap@acme.example',
    };
    const { upsertDebtor } = dataOf<{ upsertDebtor: { clientDebtor: unknown; userErrors: unknown[] } }>(
      await h.query(UPSERT_DEBTOR, { input }),
    );
    expect(upsertDebtor).toEqual({
      clientDebtor: {
        clientKey: CLIENT,
        debtorKey: DEBTOR,
        name: 'Acme Receiving Inc',
        city: 'Nashville',
        state: 'TN',
        country: 'USA',
      },
      userErrors: [],
    });
    expect(bodyOf(h.requests[0])).toMatchObject({ ClientKey: CLIENT, DebtorKey: DEBTOR, Zipcode: '37201' });

    h.resetRequests();
    const read = dataOf<{ clientDebtor: Record<string, unknown>; debtor: Record<string, unknown> }>(
      await h.query(
        `query ($c: ID!, $d: ID!) {
          clientDebtor(clientKey: $c, debtorKey: $d) { clientKey debtorKey name client { name } debtor { debtorKey name } }
          debtor(debtorKey: $d) { debtorKey name city zipCode email }
        }`,
        { c: CLIENT, d: DEBTOR },
      ),
    );
    expect(read.clientDebtor).toEqual({
      clientKey: CLIENT,
      debtorKey: DEBTOR,
      name: 'Acme Receiving Inc',
      client: { name: 'Workflow Freight Holdings LLC' },
      debtor: { debtorKey: DEBTOR, name: 'Acme Receiving Inc' },
    });
    expect(read.debtor).toEqual({
      debtorKey: DEBTOR,
      name: 'Acme Receiving Inc',
      city: 'Nashville',
      zipCode: '37201',
      email: 'ap@acme.example',
    });
    // The master debtor is read once although two fields select it.
    expect(calls(h).sort()).toEqual([
      'GET /get-client-debtor/',
      'GET /get-client/',
      'GET /get-debtor-master/',
    ]);
  });
});
