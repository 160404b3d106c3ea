import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sentBody } from '../fakes/factorcloudInputs.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

const UPSERT_CLIENT = `mutation ($input: UpsertClientInput!) {
  upsertClient(input: $input) { client { creditLimit { amount currency } } userErrors { field code message } } }`;

const withLimit = (creditLimit: string) =>
  `mutation { upsertClient(input: { clientKey: "CL-9", name: "Nine", creditLimit: ${creditLimit} }) { userErrors { code } } }`;

/** Posts a body as written: a JSON number such as 12345678901234567.89 has no JavaScript twin. */
async function postRaw(body: string): Promise<GraphQLReply['body']> {
  const response = await fetch(h.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return (await response.json()) as GraphQLReply['body'];
}

function expectRefused(body: GraphQLReply['body'], ...mentions: string[]) {
  expect(body.errors).toHaveLength(1);
  expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  for (const text of mentions) expect(body.errors?.[0]?.message).toContain(text);
  expect(h.factorCloud.requests).toHaveLength(0);
}

describe('Decimal arguments are bounded in digits before the value is written out', () => {
  it.each(['1e50000000', '1e100000000', '1e999999999', '1e-999999999', '123456789012345678901'])(
    'refuses %s given as a variable, naming the variable and the allowed form',
    async (creditLimit) => {
      const { body } = await h.query(UPSERT_CLIENT, {
        input: { clientKey: 'CL-9', name: 'Nine', creditLimit },
      });
      expectRefused(body, '$input', 'creditLimit', 'at most 20 digits before the point and 10 after it');
    },
  );

  it.each(['"1e50000000"', '"1e999999999"', '1e999999999', '0.00000000001'])(
    'refuses the literal %s, naming the argument and the allowed form',
    async (literal) => {
      const { body } = await h.query(withLimit(literal));
      expectRefused(body, 'input.creditLimit', 'at most 20 digits before the point and 10 after it');
    },
  );

  it('refuses a number in the body whose exponent no double can hold', async () => {
    const body = await postRaw(
      `{"query":${JSON.stringify(UPSERT_CLIENT)},"variables":{"input":{"clientKey":"CL-9","name":"Nine","creditLimit":1e999999999}}}`,
    );
    expectRefused(body, '$input', 'creditLimit', 'too many digits before the point');
  });

  it('still takes the widest amount allowed, written with an exponent', async () => {
    const { body } = await h.query(withLimit('"1.5e19"'));
    expect(body.errors).toBeUndefined();
    expect(sentBody(h.factorCloud, 'create-client')).toMatchObject({
      CreditLimit: '15000000000000000000.00',
    });
  });
});
