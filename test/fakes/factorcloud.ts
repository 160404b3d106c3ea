import { invoiceSeedAllEmpty } from '../fixtures/factorcloud.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeReply, FakeUpstream, RecordedRequest } from '../support/fakeUpstream.js';

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

export interface FactorCloudFake extends FakeUpstream {
  /** get-invoice bodies (or full replies) by InvoiceIntegrationId. */
  invoices: Map<string, unknown>;
  clients: Map<string, unknown>;
  override: ((request: RecordedRequest) => FakeReply | undefined) | undefined;
}

function isReply(value: unknown): value is FakeReply {
  return (
    typeof value === 'object' && value !== null && ('status' in value || 'raw' in value || 'drop' in value)
  );
}

/** Fake FactorCloud: three auth headers, get-invoice by query id, get-client by `clientkey`. */
export async function startFactorCloudFake(
  credentials = FACTORCLOUD_TEST_CREDENTIALS,
): Promise<FactorCloudFake> {
  const state = {
    invoices: new Map<string, unknown>(),
    clients: new Map<string, unknown>(),
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
    return { status: 404, json: { message: 'No route' } };
  });
  // `state` is the returned object itself, so tests can change `override` after start.
  return Object.assign(state, server);
}
