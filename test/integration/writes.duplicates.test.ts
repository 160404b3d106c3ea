import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { ACTION_TARGET, CREATE_ACTIONS, seedActionInvoices } from '../support/confirmaMutations.js';

/** The attack of issue 13 (outcome 6): the same DIRECTPAYMENT sent twice. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  seedActionInvoices(h);
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

function payment(reference: string, amount = '50.00') {
  return {
    actions: [
      {
        directPayment: {
          ...ACTION_TARGET,
          amount,
          currency: 'EUR',
          paymentDate: '2026-11-20',
          reference,
          outstandingCapitalAmount: '0',
          outstandingInterestAmount: '0',
          outstandingCostsAmount: '0',
        },
      },
    ],
  };
}

const send = (input: unknown, idempotencyKey?: string): Promise<GraphQLReply> =>
  h.query(CREATE_ACTIONS, { input, ...(idempotencyKey ? { idempotencyKey } : {}) });
const posted = () => h.confirma.requestsTo('/invoice/action').filter((r) => r.method === 'POST');

describe('duplicate writes (createInvoiceActions DIRECTPAYMENT)', () => {
  it('refuses the same payment sent again without a key with CONFLICT, sending it once', async () => {
    const first = await send(payment('REF-DUP-1'));
    expect(first.body.errors).toBeUndefined();
    const second = await send(payment('REF-DUP-1'));
    expect(second.body.data?.createInvoiceActions).toBeNull();
    expect(second.body.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RECENTLY_APPLIED',
      mutation: 'createInvoiceActions',
      retryAfter: 30,
    });
    expect(second.body.errors?.[0]?.message).toContain('new idempotencyKey');
    expect(posted()).toHaveLength(1);
  });

  it('refuses an identical payment while the first is still being sent', async () => {
    h.confirma.override = (r) => (r.method === 'POST' ? { status: 200, json: {}, delayMs: 150 } : undefined);
    const replies = await Promise.all([send(payment('REF-DUP-2')), send(payment('REF-DUP-2'))]);
    const outcomes = replies.map((r) => r.body.errors?.[0]?.extensions?.reason ?? 'sent').sort();
    expect(outcomes).toEqual(['IN_FLIGHT', 'sent']);
    expect(posted()).toHaveLength(1);
  });

  it('replays the first result for the same idempotencyKey and input, sending once', async () => {
    const first = await send(payment('REF-KEY-1'), 'pay-key-1');
    const replay = await send(payment('REF-KEY-1'), 'pay-key-1');
    expect(first.body.errors).toBeUndefined();
    expect(replay.body).toEqual(first.body);
    expect(posted()).toHaveLength(1);
  });

  it('refuses the same idempotencyKey with another input, sending nothing more', async () => {
    await send(payment('REF-KEY-2'), 'pay-key-2');
    const other = await send(payment('REF-KEY-2', '60.00'), 'pay-key-2');
    expect(other.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'KEY_REUSED' });
    expect(other.body.errors?.[0]?.message).toContain('Use a new idempotencyKey');
    expect(posted()).toHaveLength(1);
  });

  it('sends two identical payments when each has its own idempotencyKey (a deliberate second one)', async () => {
    await send(payment('REF-KEY-3'), 'pay-key-3a');
    const second = await send(payment('REF-KEY-3'), 'pay-key-3b');
    expect(second.body.errors).toBeUndefined();
    expect(posted()).toHaveLength(2);
  });

  it('does not hold a refused write against a retry: nothing changed upstream', async () => {
    h.confirma.override = (r) => (r.method === 'POST' ? { status: 400, json: {} } : undefined);
    const refused = await send(payment('REF-400'));
    expect(refused.body.data?.createInvoiceActions).toMatchObject({ userErrors: [{ code: 'REJECTED' }] });
    h.confirma.override = undefined;
    const retried = await send(payment('REF-400'));
    expect(retried.body.errors).toBeUndefined();
    expect(posted()).toHaveLength(2);
  });

  it('refuses an idempotencyKey longer than 200 characters as bad input', async () => {
    const reply = await send(payment('REF-LONG'), 'k'.repeat(201));
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(posted()).toHaveLength(0);
  });
});
