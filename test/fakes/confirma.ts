import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../support/fakeUpstream.js';

export const CONFIRMA_TEST_KEY = 'confirma-canary-key-7f3a91';
export const CONFIRMA_PROVISIONING_TEST_TOKEN = 'confirma-provisioning-canary-19be';

/** A distribution record in Confirma's wire format (the seed's shape). */
export function distributionRecord(invoiceNumber: number, overrides: Record<string, unknown> = {}) {
  const caseId = 480000 + (invoiceNumber % 1000);
  return {
    invoiceNumber,
    distributionStatus: 'DELIVERED',
    distributionMethod: 'EMAIL',
    distributionMessage: null,
    dates: {
      createdAt: '2026-11-01T08:15:22.123Z',
      printedAt: '2026-11-01T09:00:00.000Z',
      distributedAt: '2026-11-01T09:05:00.000Z',
      paymentControlActivatedAt: '2026-11-02T00:00:00Z',
    },
    file: { url: `https://files.example.test/invoices/${invoiceNumber}.pdf` },
    paymentControl: { enabled: true, agency: 'CASH-IN', status: 'ACTIVE', caseId },
    errors: [],
    ...overrides,
  };
}

export function caseReply(caseId: number) {
  return {
    case: {
      summary: {
        caseId,
        status: 'OPEN',
        stage: 'REMINDER',
        createdAt: '2026-11-02T00:00:00.000Z',
        closedAt: null,
        activeDays: 20,
        creditor: 'Test Company Ltd',
        currency: 'EUR',
        agency: 'CASH-IN',
      },
      balance: { capitalAmount: 900.1, interestAmount: 75.05, costsAmount: 25, totalAmount: 1000.15 },
    },
  };
}

export interface ConfirmaFake extends FakeUpstream {
  records: Array<Record<string, unknown>>;
  cases: Map<string, unknown>;
  /** GET /payments answer (raw JSON text, so exact numbers can be tested). */
  paymentsJson: string;
  /** GET /settlements answer (raw JSON text). */
  settlementsJson: string;
  /** GET /accounting/ledger and /accounting/payment answers; null → 204. */
  ledgerStatusJson: string | null;
  paymentStatusJson: string | null;
  /** Answer instead of the normal route when it returns a reply. */
  override: ((request: RecordedRequest) => FakeReply | undefined) | undefined;
}

/** Fake Confirma: X-Api-Key auth, distribution list filtered by invoiceNumber, case details. */
export async function startConfirmaFake(apiKey = CONFIRMA_TEST_KEY): Promise<ConfirmaFake> {
  const state = {
    records: [] as Array<Record<string, unknown>>,
    cases: new Map<string, unknown>(),
    paymentsJson: '[]',
    settlementsJson: '{"createdAt":"2026-11-22T08:00:00.000Z","settlements":[]}',
    ledgerStatusJson: null as string | null,
    paymentStatusJson: null as string | null,
    override: undefined as ConfirmaFake['override'],
  };
  const server = await startFakeUpstream((request) => {
    const overridden = state.override?.(request);
    if (overridden) return overridden;
    if (request.headers['x-api-key'] !== apiKey) return { status: 401, json: { message: 'Unauthorized' } };
    if (request.path === '/api/v1/partner/invoice/distribution') return distribution(state.records, request);
    if (request.path === '/api/v1/partner/invoice/case') {
      const found = state.cases.get(request.query.caseId ?? '');
      return found ? { json: found } : { status: 404, json: { message: 'Case not found' } };
    }
    return writesAndMoney(state, request);
  });
  // `state` is the returned object itself, so tests can change `override` after start.
  return Object.assign(state, server);
}

function distribution(records: Array<Record<string, unknown>>, request: RecordedRequest): FakeReply {
  const wanted = request.query.invoiceNumber;
  const invoices = wanted === undefined ? records : records.filter((r) => String(r.invoiceNumber) === wanted);
  const failed = invoices.filter((r) => r.distributionStatus === 'FAILED').length;
  return {
    json: {
      metaData: {
        totalCount: invoices.length,
        successfulCount: invoices.length - failed,
        failedCount: failed,
        filtersApplied: {
          invoiceNumber: wanted ?? null,
          fromInvDate: request.query.fromInvDate ?? '2026-10-23',
          toInvDate: request.query.toInvDate ?? '2026-11-22',
          fetchType: null,
          defaultLast30DaysApplied: wanted === undefined && request.query.fromInvDate === undefined,
        },
      },
      invoices,
    },
  };
}

/** The endpoints beyond invoice reads, with just enough state for the graph's tests. */
function writesAndMoney(state: Omit<ConfirmaFake, keyof FakeUpstream>, request: RecordedRequest): FakeReply {
  const route = `${request.method} ${request.path.replace('/api/v1/partner', '')}`;
  switch (route) {
    case 'POST /invoice': {
      const number = /"number"\s*:\s*(\d+)/.exec(request.body)?.[1];
      if (!number) return { status: 400, json: { message: 'invoice.header.number is required' } };
      if (state.records.some((r) => String(r.invoiceNumber) === number))
        return { status: 409, json: { message: 'Duplicate' } };
      state.records.push(
        distributionRecord(Number(number), { distributionStatus: 'PENDING', paymentControl: null }),
      );
      return { status: 201, json: { invoiceNumber: Number(number), status: 'RECEIVED' } };
    }
    case 'POST /invoice/action':
      return { status: 202, raw: '' };
    case 'GET /payments':
      return { raw: state.paymentsJson };
    case 'GET /settlements':
      return { raw: state.settlementsJson };
    case 'POST /accounting/ledger':
    case 'POST /accounting/payment':
      return { status: 202, raw: '' };
    case 'GET /accounting/ledger':
      return state.ledgerStatusJson === null ? { status: 204, raw: '' } : { raw: state.ledgerStatusJson };
    case 'GET /accounting/payment':
      return state.paymentStatusJson === null ? { status: 204, raw: '' } : { raw: state.paymentStatusJson };
    case 'GET /validate':
      return { json: { isValid: true, message: 'Token is valid' } };
    default:
      return { status: 404, json: { message: 'No route' } };
  }
}
