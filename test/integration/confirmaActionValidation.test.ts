import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import {
  ACTION_TARGET,
  CREATE_ACTIONS as ACT,
  createActions,
  seedActionInvoices,
} from '../support/confirmaMutations.js';

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

const act = (actions: unknown[]) => createActions(h, actions);

const target = ACTION_TARGET;

/** Input refused before anything is queued (createInvoiceActions' happy paths: confirmaActions.test.ts). */
describe('createInvoiceActions input validation', () => {
  it('refuses a direct payment without its outstanding amounts before any upstream call', async () => {
    const { body } = await h.query(ACT, {
      input: {
        actions: [
          { directPayment: { ...target, amount: '1.00', currency: 'EUR', paymentDate: '2026-11-01' } },
        ],
      },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toContain('outstandingCapitalAmount');
    expect(h.confirma.requests).toHaveLength(0);
  });

  const payment = {
    ...target,
    amount: '1.00',
    currency: 'EUR',
    paymentDate: '2026-11-01',
    outstandingCapitalAmount: '0',
    outstandingInterestAmount: '0',
    outstandingCostsAmount: '0',
  };
  const refusals: Array<[string, unknown, string[], string]> = [
    [
      'an action with two kinds set',
      { pause: target, withdraw: target },
      ['input', 'actions', '0'],
      'INVALID_VALUE',
    ],
    ['an action with no kind set', {}, ['input', 'actions', '0'], 'INVALID_VALUE'],
    [
      'a direct payment in currency UNKNOWN (the enum refuses any other code itself)',
      { directPayment: { ...payment, currency: 'UNKNOWN' } },
      ['input', 'actions', '0', 'directPayment', 'currency'],
      'INVALID_CURRENCY',
    ],
    [
      'a direct payment of zero',
      { directPayment: { ...payment, amount: '0' } },
      ['input', 'actions', '0', 'directPayment', 'amount'],
      'OUT_OF_RANGE',
    ],
    [
      'a negative outstanding amount',
      { directPayment: { ...payment, outstandingInterestAmount: '-0.01' } },
      ['input', 'actions', '0', 'directPayment', 'outstandingInterestAmount'],
      'OUT_OF_RANGE',
    ],
    [
      'an outstanding amount with three decimals',
      { directPayment: { ...payment, outstandingCostsAmount: '1.005' } },
      ['input', 'actions', '0', 'directPayment', 'outstandingCostsAmount'],
      'TOO_MANY_DECIMALS',
    ],
    [
      'a non-numeric case id',
      { withdraw: { ...target, caseId: 'abc' } },
      ['input', 'actions', '0', 'withdraw', 'caseId'],
      'INVALID_FORMAT',
    ],
    [
      'an empty comment',
      { comment: { ...target, comment: '  ' } },
      ['input', 'actions', '0', 'comment', 'comment'],
      'REQUIRED',
    ],
  ];
  it.each(refusals)('refuses %s before any upstream call', async (_name, action, field, code) => {
    const payload = await act([action]);
    expect(payload.actions).toEqual([]);
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ field, code }));
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('refuses a case that is not the invoice’s own, and an unknown invoice, without posting', async () => {
    const payload = await act([
      { withdraw: { invoiceNumber: '901', caseId: '480999' } },
      { withdraw: { invoiceNumber: '902', caseId: '480902' } },
      { withdraw: { invoiceNumber: '12345', caseId: '480901' } },
    ]);
    expect(payload.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.actions.0.withdraw.caseId', 'INCONSISTENT'],
      ['input.actions.1.withdraw.caseId', 'INCONSISTENT'],
      ['input.actions.2.withdraw.invoiceNumber', 'NOT_FOUND'],
    ]);
    expect(h.confirma.requestsTo('/invoice/action')).toHaveLength(0);
  });
});
