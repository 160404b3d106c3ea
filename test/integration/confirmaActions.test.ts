import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const ACT = `mutation ($input: CreateInvoiceActionsInput!) {
  createInvoiceActions(input: $input) {
    actions { code invoiceNumber caseId status case { caseId actions { code status } } }
    userErrors { field message code }
  }
}`;

type Payload = {
  actions: Array<Record<string, unknown>>;
  userErrors: Array<{ field: string[]; message: string; code: string }>;
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(
    distributionRecord(901),
    distributionRecord(902, { paymentControl: { enabled: false, agency: null, status: null, caseId: null } }),
  );
  h.confirma.cases.set('480901', caseReply(480901));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

async function act(actions: unknown[]): Promise<Payload> {
  const { body } = await h.query(ACT, { input: { actions } });
  expect(body.errors).toBeUndefined();
  return (body.data as { createInvoiceActions: Payload }).createInvoiceActions;
}

const target = { invoiceNumber: '901', caseId: '480901' };

describe('createInvoiceActions', () => {
  it('queues each action with its own typed data in the documented body', async () => {
    const payload = await act([
      { dueDate: { ...target, comment: 'Extension agreed', dueDate: '2026-12-31' } },
      {
        directPayment: {
          ...target,
          paymentMethod: 'Bankgiro',
          amount: '250.75',
          currency: 'sek',
          paymentDate: '2026-11-20',
          reference: 'BANKREF-88921',
          outstandingCapitalAmount: '0',
          outstandingInterestAmount: '0',
          outstandingCostsAmount: '0',
        },
      },
      { comment: { ...target, comment: 'Customer called' } },
    ]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.actions.map((a) => [a.code, a.status])).toEqual([
      ['DUEDATE', 'PENDING'],
      ['DIRECTPAYMENT', 'PENDING'],
      ['COMMENT', 'PENDING'],
    ]);
    const [post] = h.confirma.requestsTo('/invoice/action');
    expect(post?.method).toBe('POST');
    expect(post?.body).toContain('"amount":250.75');
    expect(post?.body).toContain('"invoiceNumber":901');
    expect(post?.body).toContain('"caseId":480901');
    const sent = JSON.parse(post?.body ?? '{}');
    expect(sent.actions[0]).toEqual({
      code: 'DUEDATE',
      comment: 'Extension agreed',
      data: { invoiceNumber: 901, caseId: 480901, dueDate: '2026-12-31' },
    });
    expect(sent.actions[1].data).toMatchObject({
      currency: 'SEK',
      paymentDate: '2026-11-20',
      paymentMethod: 'Bankgiro',
      outstandingCostsAmount: 0,
    });
  });

  it('reads the case again after acting on it', async () => {
    await act([{ pause: target }]);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(1);
  });

  const refusals: Array<[string, unknown, string[], string]> = [
    [
      'an action with two kinds set',
      { pause: target, withdraw: target },
      ['input', 'actions', '0'],
      'INVALID_VALUE',
    ],
    ['an action with no kind set', {}, ['input', 'actions', '0'], 'INVALID_VALUE'],
    [
      'a direct payment in an unknown currency',
      { directPayment: { ...target, amount: '1.00', currency: 'XYZ', paymentDate: '2026-11-01' } },
      ['input', 'actions', '0', 'directPayment', 'currency'],
      'INVALID_CURRENCY',
    ],
    [
      'a direct payment of zero',
      { directPayment: { ...target, amount: '0', currency: 'EUR', paymentDate: '2026-11-01' } },
      ['input', 'actions', '0', 'directPayment', 'amount'],
      'OUT_OF_RANGE',
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

  it('reports an upstream refusal as a user error', async () => {
    h.confirma.override = (request) =>
      request.method === 'POST' ? { status: 402, json: { message: 'terminal' } } : undefined;
    const payload = await act([{ objection: target }]);
    expect(payload.userErrors.map((e) => e.code)).toEqual(['REJECTED']);
    expect(h.confirma.requestsTo('/invoice/action')).toHaveLength(1);
  });
});

describe('collectionCase', () => {
  it('reads a case by id with its balance', async () => {
    const { body } = await h.query(
      '{ collectionCase(caseId: "480901") { caseId stage balance { totalAmount } payments { amount } events { type } } }',
    );
    expect(body.data).toEqual({
      collectionCase: {
        caseId: '480901',
        stage: 'REMINDER',
        balance: { totalAmount: '1000.15' },
        payments: [],
        events: [],
      },
    });
  });

  it('is null for an unknown case', async () => {
    const { body } = await h.query('{ collectionCase(caseId: "1") { caseId } }');
    expect(body).toEqual({ data: { collectionCase: null } });
  });
});
