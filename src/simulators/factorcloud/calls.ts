import type { IncomingMessage } from 'node:http';
import type { SimulatorDataset } from '../dataset/types.js';
import { jsonValueOf, type JsonReply } from '../http.js';
import { clientJson, emptyClientJson, emptyInvoiceJson, invoiceJson } from './replyStyle.js';
import { identifierFrom, type FactorCloudPath } from './request.js';

/** What a call handler gets; `body` is the raw request text. */
export interface CallContext {
  dataset: SimulatorDataset;
  request: IncomingMessage;
  query: URLSearchParams;
  path: FactorCloudPath;
  body: string;
}

export interface Call {
  method: 'GET' | 'POST';
  handle(context: CallContext): JsonReply;
}

/** get-invoice (factorcloud.md §5.12): one invoice by InvoiceIntegrationId. */
const getInvoice: Call = {
  method: 'GET',
  handle({ dataset, request, query, path }) {
    const id = identifierFrom(request, query, path, 'InvoiceIntegrationId');
    // Docs are silent on a missing id; the simulator answers 400, as for any missing parameter.
    if (id === undefined) return { status: 400, body: { message: 'InvoiceIntegrationId is required' } };
    const entry = dataset.factorCloudInvoices.get(id);
    if (!entry) return { status: 200, body: emptyInvoiceJson() };
    return { status: 200, body: invoiceJson(entry.invoice, entry.replyStyle) };
  },
};

/** get-client (factorcloud.md §5.4): one client by `clientkey`. */
const getClient: Call = {
  method: 'GET',
  handle({ dataset, request, query, path }) {
    const key = identifierFrom(request, query, path, 'clientkey');
    if (key === undefined) return { status: 400, body: { message: 'clientkey is required' } };
    const entry = dataset.factorCloudClients.get(key);
    if (!entry) return { status: 200, body: emptyClientJson() };
    return { status: 200, body: clientJson(entry.client, entry.replyStyle) };
  },
};

/** test-get: the page is missing from the docs (§5.1); the simulator answers 200 `{"message":"OK"}`. */
const testGet: Call = {
  method: 'GET',
  handle: () => ({ status: 200, body: { message: 'OK' } }),
};

/**
 * test-post (§5.2): 201 and the body echoed. The body is read as JSON whatever the Content-Type,
 * since the docs' examples send it form-encoded or as text/plain (§1.3). Docs are silent on a
 * body that is not JSON; the simulator answers 400.
 */
const testPost: Call = {
  method: 'POST',
  handle({ body }) {
    const parsed = jsonValueOf(body);
    if (parsed === undefined) return { status: 400, body: { message: 'Request body must be JSON' } };
    return { status: 201, body: parsed };
  },
};

/** Read calls so far, keyed by lower-cased call name; write calls join this table later. */
export const CALLS: ReadonlyMap<string, Call> = new Map<string, Call>([
  ['get-invoice', getInvoice],
  ['get-client', getClient],
  ['test-get', testGet],
  ['test-post', testPost],
]);
