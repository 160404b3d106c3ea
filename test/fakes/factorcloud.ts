import { invoiceSeedAllEmpty } from '../fixtures/factorcloud.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../support/fakeUpstream.js';
import { EMPTY_DEBTOR, EMPTY_SCHEDULE } from './factorcloudData.js';
import { handleWrite, linkKey } from './factorcloudWrites.js';
import type { FakeWriteState } from './factorcloudWrites.js';

export { debtor, schedule, scheduleInvoice } from './factorcloudData.js';
export { linkKey } from './factorcloudWrites.js';

export const FACTORCLOUD_TEST_CREDENTIALS = {
  factorId: 'factor-canary-31c9',
  systemKey: 'system-canary-88d2',
  apiKey: 'factorcloud-canary-key-5be0c4',
};

/** The docs' own get-invoice example: every value empty, `InvoiceNumbe` misspelled (seed). */
export const EMPTY_INVOICE = invoiceSeedAllEmpty;

/** A typed get-invoice reply. */
export function factoringInvoice(
  invoiceNumber: string,
  clientKey = 'CL-1',
  overrides: Record<string, unknown> = {},
) {
  return {
    ClientKey: clientKey,
    DebtorKey: 'DB-9',
    InvoiceNumber: invoiceNumber,
    InvoiceAmount: 1250.5,
    InvoiceDate: '2026-11-01',
    InvoiceDueDate: '2026-12-01',
    InvoiceStatus: 'F',
    RefNumber: `BOL-${invoiceNumber}`,
    InvoicePurchaseDate: '2026-11-02',
    InvoiceFundDate: '2026-11-03',
    EscrowReserveAmount: 125.05,
    PaymentMade: 'N',
    LastPaymentMadeOn: null,
    PaidInFull: false,
    PaidInFullOn: null,
    ...overrides,
  };
}

export function client(clientKey: string, name = `Client ${clientKey}`) {
  return {
    UUID: `uuid-${clientKey}`,
    ClientKey: clientKey,
    Name: name,
    CompCode: 'CMP',
    Address1: '1 Main St',
    Address2: '',
    City: 'Louisville',
    State: 'KY',
    ZipCode: '40202',
    Country: 'USA',
    Phone: '502-555-0100',
    PhoneAlt: '',
    Fax: '',
    Email: 'ap@client.test',
    UccDate: '2024-01-15 00:00:00',
    UccDate2: '',
    UccSignedDate: '2024-01-10 12:30:00',
    Type: '0',
    Industry: '1',
    AltName: '',
    EdiID: '',
    FedTaxNum: '12-3456789',
    DunsNum: '',
    MCNumber: 'MC123',
    DOTNumber: 'DOT456',
    CreditLimit: '50000.00',
  };
}

/**
 * Where the fake reads get-sched's (and get-broker-sched's) IntegrationBatchID from. The docs cut
 * off the example that would say (§5.11), so an independent server may read any one of them.
 */
export type ScheduleIdPlace = 'query' | 'header' | 'path';

export interface FactorCloudFake extends FakeUpstream, FakeWriteState {
  /** get-invoice bodies (or full replies) by InvoiceIntegrationId. */
  invoices: Map<string, unknown>;
  clients: Map<string, unknown>;
  /** Default `query`; a fake reading the id elsewhere ignores the other places. */
  scheduleIdFrom: ScheduleIdPlace;
  /** Answers first when it returns a reply; a promise holds the request until it settles. */
  override: ((request: RecordedRequest) => FakeReply | Promise<FakeReply> | undefined) | undefined;
}

function isReply(value: unknown): value is FakeReply {
  return (
    typeof value === 'object' && value !== null && ('status' in value || 'raw' in value || 'drop' in value)
  );
}

/**
 * Fake FactorCloud: three auth headers; reads by the identifiers the client sends (query
 * parameters, get-docs' path suffix); the write calls of factorcloudWrites.ts.
 */
export async function startFactorCloudFake(
  credentials = FACTORCLOUD_TEST_CREDENTIALS,
): Promise<FactorCloudFake> {
  const state = {
    invoices: new Map<string, unknown>(),
    clients: new Map<string, unknown>(),
    masterDebtors: new Map<string, Record<string, unknown>>(),
    clientDebtors: new Map<string, Record<string, unknown>>(),
    vendors: new Map<string, Record<string, unknown>>(),
    schedules: new Map<string, Record<string, unknown>>(),
    brokerSchedules: new Map<string, Record<string, unknown>>(),
    documents: new Map<string, Record<string, unknown>>(),
    paymentBatches: [] as Record<string, unknown>[],
    scheduleIdFrom: 'query' as ScheduleIdPlace,
    override: undefined as FactorCloudFake['override'],
  };
  const server = await startFakeUpstream((request) => {
    const overridden = state.override?.(request);
    if (overridden) return overridden;
    const h = request.headers;
    if (
      h['auth-factorid'] !== credentials.factorId ||
      h['auth-systemkey'] !== credentials.systemKey ||
      h['auth-apikey'] !== credentials.apiKey
    ) {
      return { status: 401, json: { message: 'Unauthorized' } };
    }
    const lookup = (map: Map<string, unknown>, key: string | undefined, empty: unknown): FakeReply => {
      const found = key === undefined ? undefined : map.get(key);
      if (found === undefined) return { json: empty };
      return isReply(found) ? found : { json: found };
    };
    if (request.path === '/api_factor/get-invoice/')
      return lookup(state.invoices, request.query.InvoiceIntegrationId, EMPTY_INVOICE);
    if (request.path === '/api_factor/get-client/')
      return lookup(state.clients, request.query.clientkey, { ClientKey: '', Name: '' });
    return (
      readCall(state, request) ??
      handleWrite(state, request) ?? { status: 404, json: { message: 'No route' } }
    );
  });
  // `state` is the returned object itself, so tests can change `override` after start.
  return Object.assign(state, server);
}

const SCHEDULE_PATH = /^\/api_factor\/(get-sched|get-broker-sched)\/(?:([^/]+)\.json)?$/;

/** get-sched / get-broker-sched, reading the batch id from `place` only. */
function scheduleRead(
  state: FakeWriteState & { scheduleIdFrom: ScheduleIdPlace },
  request: RecordedRequest,
): FakeReply | undefined {
  const match = SCHEDULE_PATH.exec(request.path);
  if (!match) return undefined;
  const [, call, pathId] = match;
  const header = request.headers.integrationbatchid;
  const id = {
    query: request.query.IntegrationBatchId,
    header: typeof header === 'string' ? header : undefined,
    path: pathId === undefined ? undefined : decodeURIComponent(pathId),
  }[state.scheduleIdFrom];
  if (id === undefined) return { status: 400, json: { message: 'IntegrationBatchID is required' } };
  const schedules = call === 'get-sched' ? state.schedules : state.brokerSchedules;
  return { json: schedules.get(id) ?? EMPTY_SCHEDULE };
}

/** The other documented reads; `undefined` when the request is none of them. */
function readCall(
  state: FakeWriteState & { scheduleIdFrom: ScheduleIdPlace },
  request: RecordedRequest,
): FakeReply | undefined {
  if (request.method !== 'GET') return undefined;
  const q = request.query;
  const found = (value: unknown, empty: unknown): FakeReply => ({ json: value ?? empty });
  const scheduleReply = scheduleRead(state, request);
  if (scheduleReply) return scheduleReply;
  switch (request.path) {
    case '/api_factor/test-get/':
      return { json: { message: 'OK' } };
    case '/api_factor/get-client-debtor/':
      return found(state.clientDebtors.get(linkKey(q.clientkey, q.debtorkey)), EMPTY_DEBTOR);
    case '/api_factor/get-debtor-master/':
      // Documented as `?clientkey=<debtor key>` (§5.8).
      return found(state.masterDebtors.get(q.clientkey ?? ''), EMPTY_DEBTOR);
  }
  const uuid = /^\/api_factor\/get-docs\/([^/]+)\.json$/.exec(request.path)?.[1];
  if (uuid === undefined) return undefined;
  const doc = state.documents.get(decodeURIComponent(uuid));
  return doc ? { json: doc } : { status: 404, json: { message: 'unknown document' } };
}
