import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply } from '../fakes/confirma.js';
import { ACTION_TARGET, createActions, seedActionInvoices } from '../support/confirmaMutations.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Money, enums and calendar days of the Confirma payment, settlement and case types, end to end
 * from the fake's raw JSON to the GraphQL response. CONFIRMA_CURRENCY is NOK here, so an amount
 * whose record states no currency shows that setting, not the EUR default.
 */

const BIG = '12345678901234567.89';

// Raw JSON: amounts as number literals too long for a double.
const PAYMENTS = `[
  {"caseId":481001,"invoiceNumber":"1001","invoicePaymentReference":"RF1","originalPaymentReference":"RF1","accountName":"ACME","bookingDate":"2026-11-02T23:30:00+02:00","paymentDate":"2026-11-01T00:00:00Z","amount":${BIG},"currency":"SEK"},
  {"caseId":481002,"invoiceNumber":"1002","invoicePaymentReference":"RF2","originalPaymentReference":"","accountName":"ACME","bookingDate":"2026-11-03","paymentDate":"2026-11-03","amount":1.50},
  {"caseId":481003,"invoiceNumber":"1003","invoicePaymentReference":"RF3","originalPaymentReference":"","accountName":"ACME","bookingDate":"2026-11-04T00:00:00Z","paymentDate":"2026-11-04T00:00:00Z","amount":2.00,"currency":"EURO"}
]`;
const SETTLEMENTS = `{"createdAt":"2026-11-20T09:34:12.123","settlements":[
  {"settlementId":202611200001,"settlementDate":"2026-11-20T00:00:00Z","agency":"CASH-IN","settlementAmount":${BIG},"currency":"SEK",
   "allocations":[{"allocationId":9001001,"allocatedTotalAmount":${BIG},"allocationDate":"2026-11-20T10:00:00Z","currency":"SEK","caseId":null,"originalInvoiceNumber":"1001",
     "breakdown":[{"type":"CAPITAL","amount":${BIG}}]}]},
  {"settlementId":202611200002,"settlementDate":"2026-11-20","agency":"CASH-IN","settlementAmount":5.00,
   "allocations":[{"allocationId":9001002,"allocatedTotalAmount":5.00,"allocationDate":"2026-11-20","caseId":481002,"originalInvoiceNumber":"1002",
     "breakdown":[{"type":"FEES","amount":5.00}]}]}
]}`;

const sekCase = {
  case: {
    summary: {
      ...caseReply(481001).case.summary,
      status: 'Escalated',
      stage: 'BAILIFF',
      currency: 'SEK',
      createdAt: '2026-11-02T08:00:00',
      closedAt: '2026-11-21T16:00:00Z',
    },
    balance: { capitalAmount: BIG, interestAmount: 0, costsAmount: 1.5, totalAmount: BIG },
    payments: [{ paymentDate: '2026-11-03T00:00:00Z', amount: BIG, reference: 'RF-PAID' }],
    actions: [
      { actionId: 1, code: 'PAUSE', status: 'APPLIED', createdAt: '2026-11-04T10:00:00Z' },
      { actionId: 2, code: 'SETTLE', status: 'DONE', createdAt: '2026-11-05T10:00:00Z' },
    ],
  },
};
const noCurrencyCase = {
  case: {
    summary: { ...caseReply(481002).case.summary, status: 'active', currency: null },
    balance: { capitalAmount: 10, interestAmount: 0, costsAmount: 0, totalAmount: 10 },
    payments: [{ paymentDate: '2026-11-03', amount: 4.25, reference: 'RF-2' }],
  },
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ currencies: { confirma: 'NOK', factorCloud: 'USD' } });
  h.confirma.paymentsJson = PAYMENTS;
  h.confirma.settlementsJson = SETTLEMENTS;
  h.confirma.cases.set('481001', sekCase);
  h.confirma.cases.set('481002', noCurrencyCase);
  seedActionInvoices(h);
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

const money = (amount: string, currency: string, currencyRaw: string | null) => ({
  amount,
  currency,
  currencyRaw,
});
const MONEY = '{ amount currency currencyRaw }';

describe('money of payments, settlements and cases', () => {
  it('keeps amounts exact, uses the stated currency, else CONFIRMA_CURRENCY, and reads a bad code as UNKNOWN', async () => {
    const { body, text } = await h.query(`{ payments { nodes { caseId amount ${MONEY} } } }`);
    expect(body.errors).toBeUndefined();
    expect(text).toContain(`"amount":"${BIG}"`);
    expect(body.data?.payments).toEqual({
      nodes: [
        { caseId: '481001', amount: money(BIG, 'SEK', 'SEK') },
        { caseId: '481002', amount: money('1.50', 'NOK', null) },
        { caseId: '481003', amount: money('2.00', 'UNKNOWN', 'EURO') },
      ],
    });
  });

  it('gives settlements, allocations and breakdown parts the settlement’s or allocation’s currency', async () => {
    const { body } = await h.query(`{ settlements { nodes { settlementId settlementAmount ${MONEY}
      allocations { allocatedTotalAmount ${MONEY} breakdown { type amount ${MONEY} } } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.settlements).toEqual({
      nodes: [
        {
          settlementId: '202611200001',
          settlementAmount: money(BIG, 'SEK', 'SEK'),
          allocations: [
            {
              allocatedTotalAmount: money(BIG, 'SEK', 'SEK'),
              breakdown: [{ type: 'CAPITAL', amount: money(BIG, 'SEK', 'SEK') }],
            },
          ],
        },
        {
          settlementId: '202611200002',
          settlementAmount: money('5.00', 'NOK', null),
          allocations: [
            {
              allocatedTotalAmount: money('5.00', 'NOK', null),
              breakdown: [{ type: 'FEES', amount: money('5.00', 'NOK', null) }],
            },
          ],
        },
      ],
    });
  });

  it('gives a case’s balance and payments the case currency, else CONFIRMA_CURRENCY', async () => {
    const query = (id: string) => `{ collectionCase(caseId: "${id}") {
      balance { capitalAmount ${MONEY} costsAmount ${MONEY} totalAmount ${MONEY} }
      payments { caseId paymentDate originalPaymentReference amount ${MONEY} } } }`;
    const sek = await h.query(query('481001'));
    expect(sek.body.data?.collectionCase).toEqual({
      balance: {
        capitalAmount: money(BIG, 'SEK', 'SEK'),
        costsAmount: money('1.50', 'SEK', 'SEK'),
        totalAmount: money(BIG, 'SEK', 'SEK'),
      },
      payments: [
        {
          caseId: '481001',
          paymentDate: '2026-11-03',
          originalPaymentReference: 'RF-PAID',
          amount: money(BIG, 'SEK', 'SEK'),
        },
      ],
    });
    const none = await h.query(query('481002'));
    expect(none.body.data?.collectionCase).toMatchObject({
      balance: { totalAmount: money('10.00', 'NOK', null) },
      payments: [{ caseId: '481002', amount: money('4.25', 'NOK', null) }],
    });
  });

  it('refuses a direct payment in currency UNKNOWN with a user error naming the field, sending nothing', async () => {
    const payload = await createActions(h, [
      {
        directPayment: {
          ...ACTION_TARGET,
          amount: '10.00',
          currency: 'UNKNOWN',
          paymentDate: '2026-11-20',
          outstandingCapitalAmount: '0',
          outstandingInterestAmount: '0',
          outstandingCostsAmount: '0',
        },
      },
    ]);
    expect(payload.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['input.actions.0.directPayment.currency', 'INVALID_CURRENCY'],
    ]);
    expect(h.confirma.requestsTo('/invoice/action')).toHaveLength(0);
  });
});

describe('case enums', () => {
  it('reads a status, stage and action code it does not know as UNKNOWN with the text sent, and no error', async () => {
    const { body } = await h.query(`{ collectionCase(caseId: "481001") { status statusRaw stage stageRaw
      actions { code codeRaw status statusRaw } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data?.collectionCase).toEqual({
      status: 'UNKNOWN',
      statusRaw: 'Escalated',
      stage: 'UNKNOWN',
      stageRaw: 'BAILIFF',
      actions: [
        { code: 'PAUSE', codeRaw: 'PAUSE', status: 'APPLIED', statusRaw: 'APPLIED' },
        { code: 'UNKNOWN', codeRaw: 'SETTLE', status: 'UNKNOWN', statusRaw: 'DONE' },
      ],
    });
  });

  it('reads known values in any case as themselves, keeping the text sent', async () => {
    const { body } = await h.query(
      '{ collectionCase(caseId: "481002") { status statusRaw stage stageRaw } }',
    );
    expect(body.data?.collectionCase).toEqual({
      status: 'ACTIVE',
      statusRaw: 'active',
      stage: 'REMINDER',
      stageRaw: 'REMINDER',
    });
  });
});

/** RFC 3339 `full-date` and `date-time` (with its mandatory offset), nothing looser. */
const FULL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

describe('calendar days and timestamps', () => {
  it('serializes days as YYYY-MM-DD even when Confirma sends timestamps, and timestamps with an offset', async () => {
    const { body } = await h.query(`{
      payments { nodes { bookingDate paymentDate } }
      settlements { createdAt nodes { settlementDate allocations { allocationDate } } }
      collectionCase(caseId: "481001") { createdAt closedOn payments { paymentDate } actions { createdAt } } }`);
    expect(body.errors).toBeUndefined();
    const data = body.data as {
      payments: { nodes: Array<{ bookingDate: string; paymentDate: string }> };
      settlements: {
        createdAt: string;
        nodes: Array<{ settlementDate: string; allocations: Array<{ allocationDate: string }> }>;
      };
      collectionCase: {
        createdAt: string;
        closedOn: string;
        payments: Array<{ paymentDate: string }>;
        actions: Array<{ createdAt: string }>;
      };
    };
    // The day as Confirma wrote it: 23:30 at +02:00 on the 2nd stays the 2nd.
    expect(data.payments.nodes[0]).toEqual({ bookingDate: '2026-11-02', paymentDate: '2026-11-01' });
    expect(data.settlements.nodes[0]?.settlementDate).toBe('2026-11-20');
    expect(data.settlements.nodes[0]?.allocations[0]?.allocationDate).toBe('2026-11-20');
    expect(data.collectionCase.closedOn).toBe('2026-11-21');
    const days = [
      ...data.payments.nodes.flatMap((p) => [p.bookingDate, p.paymentDate]),
      ...data.settlements.nodes.flatMap((s) => [
        s.settlementDate,
        ...s.allocations.map((a) => a.allocationDate),
      ]),
      data.collectionCase.closedOn,
      ...data.collectionCase.payments.map((p) => p.paymentDate),
    ];
    for (const day of days) expect(day).toMatch(FULL_DATE);
    const moments = [
      data.settlements.createdAt,
      data.collectionCase.createdAt,
      ...data.collectionCase.actions.map((a) => a.createdAt),
    ];
    for (const moment of moments) expect(moment).toMatch(DATE_TIME);
  });
});
