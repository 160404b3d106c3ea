import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

class LedgerMappingBug extends Error {}

let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    // A dependency that fails as a bug would: the caller must see only INTERNAL_SERVER_ERROR.
    factoringInvoiceId: (invoiceNumber) => {
      throw new LedgerMappingBug(`no mapping rule for invoice ${invoiceNumber}`);
    },
  });
  h.confirma.records.push(distributionRecord(610));
});
afterAll(() => h.close());

describe('internal errors', () => {
  it('are logged with class, message and stack under the request id, and none of it is answered', async () => {
    const reply = await h.query('{ invoice(invoiceNumber: "610") { invoiceNumber factoring { amount { amount } } } }');
    const error = reply.body.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error?.message).toBe('Internal server error');
    expect(reply.text).not.toContain('LedgerMappingBug');
    expect(reply.text).not.toContain('no mapping rule');
    const requestId = error?.extensions?.requestId;
    expect(typeof requestId).toBe('string');

    const logged = h.logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.requestId === requestId && line.errorClass !== undefined);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      level: 50,
      path: 'invoice.factoring',
      code: 'INTERNAL_SERVER_ERROR',
      errorClass: 'LedgerMappingBug',
      errorMessage: 'no mapping rule for invoice 610',
    });
    expect(String(logged[0]?.stack)).toContain('internalErrors.test.ts');
  });
});
