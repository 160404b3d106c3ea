import { BROKER_CALLS } from './broker.js';
import { CLIENT_CALLS } from './clients.js';
import type { Call } from './context.js';
import { DEBTOR_CALLS } from './debtors.js';
import { DOCUMENT_CALLS } from './documents.js';
import { FieldReader } from './fields.js';
import { PAYMENT_CALLS } from './payments.js';
import { badRequest, readBodyObject } from './replies.js';
import { emptyInvoiceJson, invoiceJson } from './replyStyle.js';
import { identifierFrom } from './request.js';
import { SCHEDULE_CALLS } from './schedules.js';

export type { Call, CallContext, FactorCloudBehaviour } from './context.js';

/** get-invoice (factorcloud.md §5.12): one invoice by InvoiceIntegrationId. */
const getInvoice: Call = {
  methods: ['GET'],
  handle({ dataset, request, query, path }) {
    const id = identifierFrom(request, query, path, 'InvoiceIntegrationId');
    // Docs are silent on a missing id; the simulator answers 400, as for any missing parameter.
    if (id === undefined) return badRequest(['InvoiceIntegrationId: is required']);
    const entry = dataset.factorCloudInvoices.get(id);
    if (!entry) return { status: 200, body: emptyInvoiceJson() };
    return { status: 200, body: invoiceJson(entry.invoice, entry.replyStyle) };
  },
};

/** test-get: the page is missing from the docs (§5.1); the simulator answers 200 `{"message":"OK"}`. */
const testGet: Call = {
  methods: ['GET'],
  handle: () => ({ status: 200, body: { message: 'OK' } }),
};

/**
 * test-post (§5.2): 201 and `{TestValue, TestLabel}` echoed. The body is read as JSON whatever
 * the Content-Type (§1.3). Both fields are required (docs' table); a missing one is 400. Other
 * keys are not echoed: the docs' example echoes exactly the two fields.
 */
const testPost: Call = {
  methods: ['POST'],
  handle({ request, body }) {
    const reader = readBodyObject(request, body);
    if (!(reader instanceof FieldReader)) return reader;
    const TestValue = reader.raw('TestValue');
    const TestLabel = reader.raw('TestLabel');
    if (TestValue === undefined || TestValue === null) reader.problem('TestValue', 'is required');
    if (TestLabel === undefined || TestLabel === null) reader.problem('TestLabel', 'is required');
    if (reader.failed || TestValue === undefined || TestLabel === undefined)
      return badRequest(reader.problems);
    return { status: 201, body: { TestValue, TestLabel } };
  },
};

/** Every documented call, keyed by lower-cased call name (routes match ignoring case, §6.19). */
export const CALLS: ReadonlyMap<string, Call> = new Map<string, Call>([
  ['get-invoice', getInvoice],
  ['test-get', testGet],
  ['test-post', testPost],
  ...CLIENT_CALLS,
  ...DEBTOR_CALLS,
  ...SCHEDULE_CALLS,
  ...BROKER_CALLS,
  ...DOCUMENT_CALLS,
  ...PAYMENT_CALLS,
]);
