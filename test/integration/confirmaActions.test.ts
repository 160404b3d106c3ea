import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';
import { ACTION_TARGET, createActions, seedActionInvoices } from '../support/confirmaMutations.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  seedActionInvoices(h);
  h.confirma.cases.set('480901', caseReply(480901));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
});

const act = (actions: unknown[]) => createActions(h, actions);

const target = ACTION_TARGET;

describe('createInvoiceActions', () => {
  it('queues each action with its own typed data in the documented body', async () => {
    const payload = await act([
      { dueDate: { ...target, comment: 'Extension agreed', dueDate: '2026-12-31' } },
      {
        directPayment: {
          ...target,
          paymentMethod: 'Bankgiro',
          amount: '250.75',
          currency: 'SEK',
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
    // The docs' DIRECTPAYMENT data (confirma.md §4.5), member for member.
    expect(sent.actions[1].data).toEqual({
      invoiceNumber: 901,
      caseId: 480901,
      paymentMethod: 'Bankgiro',
      amount: 250.75,
      currency: 'SEK',
      paymentDate: '2026-11-20',
      reference: 'BANKREF-88921',
      outstandingCapitalAmount: 0,
      outstandingInterestAmount: 0,
      outstandingCostsAmount: 0,
    });
    expect(post?.body).toContain(
      '"outstandingCapitalAmount":0.00,"outstandingInterestAmount":0.00,"outstandingCostsAmount":0.00',
    );
  });

  it('sends a direct payment’s outstanding amounts exactly and a missing method or reference as ""', async () => {
    const payload = await act([
      {
        directPayment: {
          ...target,
          amount: '100.00',
          currency: 'EUR',
          paymentDate: '2026-11-20',
          outstandingCapitalAmount: '800.10',
          outstandingInterestAmount: '75.05',
          outstandingCostsAmount: '0',
        },
      },
    ]);
    expect(payload.userErrors).toEqual([]);
    const [post] = h.confirma.requestsTo('/invoice/action');
    expect(post?.body).toContain(
      '"outstandingCapitalAmount":800.10,"outstandingInterestAmount":75.05,"outstandingCostsAmount":0.00',
    );
    const data = JSON.parse(post?.body ?? '{}').actions[0].data;
    expect(data).toMatchObject({ paymentMethod: '', reference: '' });
  });

  it('reads the case again after acting on it', async () => {
    await act([{ pause: target }]);
    expect(h.confirma.requestsTo('/invoice/case')).toHaveLength(1);
  });

  it.each([
    ['a JSON string', '"queued"'],
    ['a number', '1'],
    ['actions that are not a list', '{"actions":"queued"}'],
  ])('takes a 200 whose body is %s as queued, without receipts', async (_name, raw) => {
    h.confirma.override = (request) => (request.method === 'POST' ? { status: 200, raw } : undefined);
    const payload = await act([{ pause: target }, { comment: { ...target, comment: 'Called' } }]);
    expect(payload.userErrors).toEqual([]);
    expect(payload.actions.map((a) => [a.code, a.status])).toEqual([
      ['PAUSE', 'PENDING'],
      ['COMMENT', 'PENDING'],
    ]);
    expect(h.confirma.requestsTo('/invoice/action')).toHaveLength(1);
  });

  it('uses receipts that line up with the actions sent', async () => {
    h.confirma.override = (request) =>
      request.method === 'POST'
        ? { status: 200, json: { actions: [{ actionId: 'A-1', code: 'PAUSE', status: 'QUEUED' }] } }
        : undefined;
    const payload = await act([{ pause: target }]);
    // A state this graph does not know reads UNKNOWN, with Confirma's text beside it.
    expect(payload.actions.map((a) => [a.code, a.status, a.statusRaw])).toEqual([
      ['PAUSE', 'UNKNOWN', 'QUEUED'],
    ]);
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
      '{ collectionCase(caseId: "480901") { caseId stage balance { totalAmount { amount currency } } payments { amount { amount } } events { type } } }',
    );
    expect(body.data).toEqual({
      collectionCase: {
        caseId: '480901',
        stage: 'REMINDER',
        balance: { totalAmount: { amount: '1000.15', currency: 'EUR' } },
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
