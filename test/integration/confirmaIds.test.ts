import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { createActions } from '../support/confirmaMutations.js';

/** A case id past 64 bits, as the docs' own examples have. */
const LONG_CASE_ID = '1234567890123456789012345';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(
    distributionRecord(901),
    distributionRecord(903, {
      paymentControl: { enabled: true, agency: 'CASH-IN', status: 'ACTIVE', caseId: LONG_CASE_ID },
    }),
  );
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

async function collectionCaseErrors(caseId: string): Promise<unknown[]> {
  const { body } = await h.query('query ($id: ID!) { collectionCase(caseId: $id) { caseId } }', {
    id: caseId,
  });
  return body.errors ?? [];
}

describe('one rule for Confirma case ids', () => {
  it.each([
    ['written with leading zeros', '901', '0480901'],
    ['longer than 64 bits', '903', LONG_CASE_ID],
  ])(
    'a case id %s that collectionCase accepts is accepted by createInvoiceActions',
    async (_name, invoiceNumber, caseId) => {
      expect(await collectionCaseErrors(caseId)).toEqual([]);
      h.resetRequests();
      const payload = await createActions(h, [{ withdraw: { invoiceNumber, caseId } }]);
      expect(payload.userErrors).toEqual([]);
      expect(payload.actions).toEqual([
        expect.objectContaining({
          code: 'WITHDRAW',
          caseId: caseId.replace(/^0+/, ''),
          status: expect.any(String),
        }),
      ]);
      const sent = h.confirma.requests.filter((request) => request.method === 'POST');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.body).toContain(`"caseId":${caseId.replace(/^0+/, '')}`);
    },
  );

  it.each(['0', 'abc', '12.5', '1'.repeat(31)])('both refuse %j with the same rule', async (caseId) => {
    const errors = (await collectionCaseErrors(caseId)) as Array<{ message: string }>;
    expect(errors[0]?.message).toContain('a positive whole number of at most 30 digits');
    const payload = await createActions(h, [{ withdraw: { invoiceNumber: '901', caseId } }]);
    expect(payload.userErrors).toEqual([
      expect.objectContaining({
        field: ['input', 'actions', '0', 'withdraw', 'caseId'],
        code: 'INVALID_FORMAT',
        message: expect.stringContaining('a positive whole number of at most 30 digits'),
      }),
    ]);
  });
});
