import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client } from '../fakes/factorcloud.js';
import { sentBody as sent } from '../fakes/factorcloudInputs.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const sentBody = (call: string) => sent(h.factorCloud, call);

describe('postFactoringPayments (post-payments)', () => {
  it('sends the batch and its PaymentDetails with amounts as two-decimal strings', async () => {
    const payments = [
      {
        paymentDate: '2026-03-31',
        paymentType: 'ACH',
        amount: '1000',
        transactionNumber: 'T-1',
        memoLine: 'INV-1',
      },
      {
        paymentDate: '2026-04-01',
        paymentType: 'CHECK',
        amount: '500.00',
        transactionNumber: '10023',
        bankRefNumber: '021000021',
        remitterName: 'Big Box Retail',
        clientCode: 'ACME',
      },
    ];
    const { body } = await h.query(
      `mutation ($input: PostFactoringPaymentsInput!) { postFactoringPayments(input: $input) {
        batch { batchReference batchTotal { amount } payments { paymentDate paymentType amount { amount } } } userErrors { code } } }`,
      { input: { batchReference: 'mmm-111', batchTotal: '1500.00', accountNumber: '861495268', payments } },
    );
    expect(body.errors).toBeUndefined();
    expect(sentBody('post-payments')).toEqual({
      BatchReference: 'mmm-111',
      BatchTotal: '1500.00',
      AccountNumber: '861495268',
      PaymentDetails: [
        {
          PaymentDate: '2026-03-31',
          PaymentType: 'ACH',
          Amount: '1000.00',
          TransactionNumber: 'T-1',
          MemoLine: 'INV-1',
        },
        {
          PaymentDate: '2026-04-01',
          PaymentType: 'CHECK',
          Amount: '500.00',
          BankRefNumber: '021000021',
          TransactionNumber: '10023',
          RemitterName: 'Big Box Retail',
          ClientCode: 'ACME',
        },
      ],
    });
    expect(body.data?.postFactoringPayments).toEqual({
      batch: {
        batchReference: 'mmm-111',
        batchTotal: { amount: '1500.00' },
        payments: [
          { paymentDate: '2026-03-31', paymentType: 'ACH', amount: { amount: '1000.00' } },
          { paymentDate: '2026-04-01', paymentType: 'CHECK', amount: { amount: '500.00' } },
        ],
      },
      userErrors: [],
    });
  });
});

describe('testFactorCloudConnection (test-post)', () => {
  it("posts the docs' example values and reads the 201 echo", async () => {
    const { body } = await h.query(
      'mutation { testFactorCloudConnection { check { ok httpStatus } echo { testValue testLabel } userErrors { code } } }',
    );
    expect(body.data?.testFactorCloudConnection).toEqual({
      check: { ok: true, httpStatus: 201 },
      echo: { testValue: '1', testLabel: 'Test' },
      userErrors: [],
    });
    expect(sentBody('test-post')).toEqual({ TestValue: '1', TestLabel: 'Test' });
  });
});
