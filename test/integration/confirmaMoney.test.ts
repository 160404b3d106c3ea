import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

// Raw JSON as Confirma sends it: exact decimals and a settlement id beyond 2^53.
const PAYMENTS = `[
  {"caseId":481001,"invoiceNumber":"1001","invoicePaymentReference":"RF71","originalPaymentReference":"RF71","accountName":"ACME Oy","bookingDate":"2026-11-02T00:00:00Z","paymentDate":"2026-11-01T00:00:00Z","amount":100.10,"currency":"EUR"},
  {"caseId":481001,"invoiceNumber":"9999","invoicePaymentReference":"RF72","originalPaymentReference":"","accountName":"ACME Oy","bookingDate":"2026-11-03T00:00:00Z","paymentDate":"2026-11-03T00:00:00Z","amount":5.00,"currency":"EUR"},
  {"caseId":481002,"invoiceNumber":"1002","invoicePaymentReference":"RF73","originalPaymentReference":"","accountName":"Other Oy","bookingDate":"2026-11-04T00:00:00Z","paymentDate":"2026-11-04T00:00:00Z","amount":20.00,"currency":"EUR"}
]`;
const SETTLEMENTS = `{"createdAt":"2026-11-20T09:34:12.123Z","settlements":[
  {"settlementId":202611200001123456789,"settlementDate":"2026-11-20","agency":"CASH-IN","remittanceReference":"8090801781763",
   "beneficiary":{"name":"Partner Test Customer","iban":"","bic":""},"settlementAmount":1240.50,"currency":"EUR","apiFetchDate":null,
   "allocations":[
     {"allocationId":9001001,"allocatedTotalAmount":1000.00,"allocationDate":"2026-11-20","currency":"EUR","caseId":null,"originalInvoiceNumber":"1001","originalPaymentReference":"",
      "breakdown":[{"type":"CAPITAL","amount":900.00},{"type":"INTEREST","amount":75.00},{"type":"FEES","amount":25.00}]},
     {"allocationId":9001002,"allocatedTotalAmount":240.50,"allocationDate":"2026-11-20","currency":"EUR","caseId":481002,"originalInvoiceNumber":"OLD-REF","originalPaymentReference":"",
      "breakdown":[{"type":"CAPITAL","amount":200.00},{"type":"INTEREST","amount":30.00},{"type":"FEES","amount":10.50}]}]},
  {"settlementId":202610010002,"settlementDate":"2026-10-01","agency":"CashIn","remittanceReference":null,"beneficiary":null,"settlementAmount":0,"currency":"EUR","allocations":[]},
  {"settlementId":202611210001,"settlementDate":"2026-11-21","agency":"CASH-IN","remittanceReference":null,"beneficiary":null,"settlementAmount":80.00,"currency":"EUR",
   "allocations":[
     {"allocationId":9001003,"allocatedTotalAmount":50.00,"allocationDate":"2026-11-21","currency":"EUR","caseId":999999,"originalInvoiceNumber":"01001","originalPaymentReference":"",
      "breakdown":[{"type":"CAPITAL","amount":50.00}]},
     {"allocationId":9001004,"allocatedTotalAmount":30.00,"allocationDate":"2026-11-21","currency":"EUR","caseId":481001,"originalInvoiceNumber":"1001","originalPaymentReference":"",
      "breakdown":[{"type":"CAPITAL","amount":30.00}]}]}
]}`;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(
    distributionRecord(1001, {
      paymentControl: { enabled: true, agency: 'CASH-IN', status: 'ACTIVE', caseId: 481001 },
    }),
    distributionRecord(1002, {
      paymentControl: { enabled: true, agency: 'CASH-IN', status: 'ACTIVE', caseId: 481002 },
    }),
  );
  h.confirma.paymentsJson = PAYMENTS;
  h.confirma.settlementsJson = SETTLEMENTS;
});
afterAll(() => h.close());
beforeEach(() => h.resetRequests());

describe('payments and settlements', () => {
  it('reads settlements with exact money and 64-bit ids intact', async () => {
    const { body } = await h.query(`{ settlements(filter: { from: "2026-10-01", to: "2026-11-22" }) {
      createdAt nodes { settlementId settlementAmount { amount currency } agency beneficiary { name } allocations { allocationId allocatedTotalAmount { amount } caseId breakdown { type amount { amount } } } } } }`);
    expect(body.errors).toBeUndefined();
    // Ordered by settlement date, then id: the October settlement comes first.
    const list = body.data?.settlements as { nodes: Array<Record<string, unknown>> };
    expect(list.nodes[1]).toMatchObject({
      settlementId: '202611200001123456789',
      settlementAmount: { amount: '1240.50', currency: 'EUR' },
      agency: 'CASH-IN',
    });
    expect(list.nodes[0]).toMatchObject({
      settlementId: '202610010002',
      agency: 'CashIn',
      beneficiary: null,
      allocations: [],
    });
    expect(h.confirma.requests[0]?.query).toEqual({
      fromDate: '2026-10-01',
      toDate: '2026-11-22',
    });
  });

  it('reads payments in a window', async () => {
    const { body } = await h.query(
      '{ payments(filter: { from: "2026-11-01", to: "2026-11-05" }) { nodes { invoiceNumber amount { amount } paymentDate invoice { invoiceNumber } } } }',
    );
    const nodes = (body.data?.payments as { nodes: Array<{ amount: { amount: string } }> }).nodes;
    expect(nodes.length).toBe(3);
    expect(nodes[0]).toEqual({
      invoiceNumber: '1001',
      amount: { amount: '100.10' },
      paymentDate: '2026-11-01',
      invoice: { invoiceNumber: '1001' },
    });
    expect(h.confirma.requests[0]?.query).toEqual({ fromDate: '2026-11-01', toDate: '2026-11-05' });
  });

  it('joins payments and allocations to invoices with one upstream call each for a whole list', async () => {
    const { body } = await h.query(`{ invoices { nodes { invoiceNumber
      payments { invoiceNumber amount { amount } }
      settlementAllocations { allocationId allocatedTotalAmount { amount } } } } }`);
    expect(body.errors).toBeUndefined();
    const nodes = (
      body.data?.invoices as {
        nodes: Array<{ invoiceNumber: string; payments: unknown[]; settlementAllocations: unknown[] }>;
      }
    ).nodes;
    const byNumber = Object.fromEntries(nodes.map((n) => [n.invoiceNumber, n]));
    // 1001: its own payment plus one on its case under another number.
    expect(byNumber['1001']?.payments).toEqual([
      { invoiceNumber: '1001', amount: { amount: '100.10' } },
      { invoiceNumber: '9999', amount: { amount: '5.00' } },
    ]);
    // Allocations by number when the case id is null (9001001) or another case's (9001003, number
    // "01001" compared by value); 9001004 matches on both keys and is listed once.
    expect(byNumber['1001']?.settlementAllocations).toEqual([
      { allocationId: '9001001', allocatedTotalAmount: { amount: '1000.00' } },
      { allocationId: '9001003', allocatedTotalAmount: { amount: '50.00' } },
      { allocationId: '9001004', allocatedTotalAmount: { amount: '30.00' } },
    ]);
    // 1002: the allocation with a case id matches by case, not by its original invoice number.
    expect(byNumber['1002']?.settlementAllocations).toEqual([
      { allocationId: '9001002', allocatedTotalAmount: { amount: '240.50' } },
    ]);
    expect(h.confirma.requestsTo('/payments')).toHaveLength(1);
    expect(h.confirma.requestsTo('/settlements')).toHaveLength(1);
    expect(h.confirma.requestsTo('/settlements')[0]?.query.unfetchedOnly).toBeUndefined();
  });

  it('refuses a window longer than a year before calling Confirma', async () => {
    const { body } = await h.query(
      '{ payments(filter: { from: "2024-01-01", to: "2026-01-01" }) { totalCount } }',
    );
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('reads a breakdown type it does not know as UNKNOWN with the text sent, and no error', async () => {
    h.confirma.settlementsJson = SETTLEMENTS.replace('"FEES","amount":25.00', '"Bonus","amount":25.00');
    try {
      const { body } = await h.query(
        '{ settlements { nodes { settlementId allocations { breakdown { type typeRaw amount { amount } } } } } }',
      );
      expect(body.errors).toBeUndefined();
      const nodes = (
        body.data?.settlements as {
          nodes: Array<{ settlementId: string; allocations: Array<{ breakdown: unknown[] }> }>;
        }
      ).nodes;
      const settlement = nodes.find((n) => n.settlementId === '202611200001123456789');
      expect(settlement?.allocations[0]?.breakdown).toEqual([
        { type: 'CAPITAL', typeRaw: 'CAPITAL', amount: { amount: '900.00' } },
        { type: 'INTEREST', typeRaw: 'INTEREST', amount: { amount: '75.00' } },
        { type: 'UNKNOWN', typeRaw: 'Bonus', amount: { amount: '25.00' } },
      ]);
    } finally {
      h.confirma.settlementsJson = SETTLEMENTS;
    }
  });
});
