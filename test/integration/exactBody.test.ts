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

/** Posts a body as written: a JSON number such as 12345678901234567.89 has no JavaScript twin. */
async function postRaw(body: string): Promise<GraphQLReply['body']> {
  const response = await fetch(h.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return (await response.json()) as GraphQLReply['body'];
}

describe('a Decimal sent as a JSON number keeps every digit', () => {
  it('reads 12345678901234567.89 in variables exactly', async () => {
    const body = await postRaw(
      `{"query":${JSON.stringify(UPSERT_CLIENT)},"variables":{"input":{"clientKey":"CL-9","name":"Nine","creditLimit":12345678901234567.89}}}`,
    );
    expect(body.errors).toBeUndefined();
    expect(sentBody(h.factorCloud, 'create-client')).toMatchObject({ CreditLimit: '12345678901234567.89' });
  });
});
