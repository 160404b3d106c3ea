import type { UpstreamHttp } from '../../http/upstreamHttp.js';
import { parseReply } from '../parse.js';
import { hasNoValues } from './keys.js';
import { CLIENT_KEYS, INVOICE_KEYS, clientSchema, factoringInvoiceSchema } from './schemas.js';
import type { ClientReply, FactoringInvoiceReply } from './schemas.js';

/** A get-invoice reply, tagged with the id it was fetched by (get-invoice does not echo it). */
export type FactoringInvoiceRecord = FactoringInvoiceReply & { integrationId: string };
/** A get-client reply; `clientKey` falls back to the key asked for when the reply leaves it empty. */
export type ClientRecord = Omit<ClientReply, 'clientKey'> & { clientKey: string };

export const FACTORCLOUD_BASE_PATH = '/api_factor';

/** Visible ASCII only: anything else cannot travel in a header and goes in the query alone. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export interface FactorCloudCredentials {
  factorId: string;
  systemKey: string;
  apiKey: string;
}

export interface FactorCloudClient {
  /** GET get-invoice/: one invoice, or null when FactorCloud does not know the id. */
  getInvoice(invoiceIntegrationId: string): Promise<FactoringInvoiceRecord | null>;
  /** GET get-client/: one client, or null when FactorCloud does not know the key. */
  getClient(clientKey: string): Promise<ClientRecord | null>;
}

/** One method per FactorCloud call; every reply is zod-parsed before it leaves this module. */
export function createFactorCloudClient(
  http: UpstreamHttp,
  credentials: FactorCloudCredentials,
): FactorCloudClient {
  // Canonical spellings from the docs' prose (factorcloud.md §1.2); header names are
  // case-insensitive on the wire, so this is a choice of style, not of meaning.
  const auth = {
    'Auth-FactorID': credentials.factorId,
    'Auth-SystemKey': credentials.systemKey,
    'Auth-APIKey': credentials.apiKey,
    Accept: 'application/json',
  };

  async function getOne<T>(
    endpoint: string,
    request: { query: Record<string, string>; headers?: Record<string, string> },
    read: (body: unknown) => T,
    keys: readonly string[],
  ): Promise<T | null> {
    const { status, body } = await http.request({
      method: 'GET',
      path: `${FACTORCLOUD_BASE_PATH}/${endpoint}/`,
      endpoint,
      query: request.query,
      headers: { ...auth, ...request.headers },
      acceptStatuses: [404],
    });
    // Unknown ids are undocumented: a 404, or a 200 whose fields are all empty, means "not known".
    if (status === 404 || hasNoValues(body, keys)) return null;
    return read(body);
  }

  return {
    getInvoice(invoiceIntegrationId) {
      return getOne(
        'get-invoice',
        {
          // The seed's curl sends the id as a query parameter; the docs' prose lists it under
          // "Header Information". Sending both satisfies either reading of the docs.
          query: { InvoiceIntegrationId: invoiceIntegrationId },
          headers: HEADER_SAFE.test(invoiceIntegrationId)
            ? { InvoiceIntegrationID: invoiceIntegrationId }
            : {},
        },
        (body) => ({
          ...parseReply(factoringInvoiceSchema, body, { upstream: 'factorcloud', endpoint: 'get-invoice' }),
          integrationId: invoiceIntegrationId,
        }),
        INVOICE_KEYS,
      );
    },

    getClient(clientKey) {
      return getOne(
        'get-client',
        { query: { clientkey: clientKey } },
        (body) => {
          const reply = parseReply(clientSchema, body, { upstream: 'factorcloud', endpoint: 'get-client' });
          return { ...reply, clientKey: reply.clientKey ?? clientKey };
        },
        CLIENT_KEYS,
      );
    },
  };
}
