import type { FakeReply, RecordedRequest } from '../support/fakeUpstream.js';
import { readDebtorOf, readInvoiceOf } from './factorcloudData.js';
import type { Json } from './factorcloudData.js';

/**
 * The fake's write calls (factorcloud.md §5). They keep just enough state for round trips:
 * upserts, the three create-debtor cases, schedules (a reused IntegrationBatchId answers 409),
 * documents (201 new / 200 same FileName) and posted payment batches.
 */
export interface FakeWriteState {
  clients: Map<string, unknown>;
  invoices: Map<string, unknown>;
  /** Master debtors by DebtorKey. */
  masterDebtors: Map<string, Json>;
  /** Sub-debtors by `linkKey(ClientKey, DebtorKey)`. */
  clientDebtors: Map<string, Json>;
  /** Vendors by `linkKey(ClientKey, vendor key)`. */
  vendors: Map<string, Json>;
  schedules: Map<string, Json>;
  brokerSchedules: Map<string, Json>;
  documents: Map<string, Json>;
  paymentBatches: Json[];
}

export function linkKey(clientKey: unknown, debtorKey: unknown): string {
  return JSON.stringify([clientKey, debtorKey]);
}

function bodyOf(request: RecordedRequest): Json {
  const parsed: unknown = JSON.parse(request.body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('not an object');
  return Object.fromEntries(Object.entries(parsed));
}

const ok = (json: unknown, status = 200): FakeReply => ({ status, json });

/** create-debtor's three documented cases (§5.6). */
function createDebtor(state: FakeWriteState, body: Json): FakeReply {
  if (!state.clients.has(String(body.ClientKey))) return { status: 404, json: { message: 'unknown client' } };
  const sent = readDebtorOf(body);
  const key = linkKey(body.ClientKey, body.DebtorKey);
  const link = state.clientDebtors.get(key);
  const master = state.masterDebtors.get(String(body.DebtorKey));
  // 1: the pair exists → update the sub-debtor. 3: the master exists → link it. 2: create both.
  const base = link ?? master ?? { CreditLimit: '', BuyStatus: '' };
  if (!master) state.masterDebtors.set(String(body.DebtorKey), { ...sent, ClientKey: '' });
  const updated = { ...base, ...sent, ClientKey: body.ClientKey };
  state.clientDebtors.set(key, updated);
  return ok(updated);
}

function createSchedule(schedules: Map<string, Json>, state: FakeWriteState, body: Json): FakeReply {
  const id = String(body.IntegrationBatchId);
  if (schedules.has(id)) return { status: 409, json: { message: 'duplicate IntegrationBatchId' } };
  const sent = Array.isArray(body.InvoiceArray) ? body.InvoiceArray : [];
  const invoices = sent.map((invoice: Json) => readInvoiceOf(invoice, body.ClientKey));
  const stored = { ...body, InvoiceArray: invoices };
  schedules.set(id, stored);
  for (const invoice of invoices) {
    if (typeof invoice.InvoiceIntegrationId === 'string')
      state.invoices.set(invoice.InvoiceIntegrationId, invoice);
  }
  return ok(stored);
}

function storeDocument(state: FakeWriteState, body: Json): FakeReply {
  const existing = [...state.documents.entries()].find(([, doc]) => doc.FileName === body.FileName);
  const uuid = existing?.[0] ?? `doc-${state.documents.size + 1}`;
  state.documents.set(uuid, body);
  // The docs' example body; the UUID is where the prose promises one (its key is a guess).
  return ok({ message: '200', UUID: uuid }, existing ? 200 : 201);
}

export function handleWrite(state: FakeWriteState, request: RecordedRequest): FakeReply | undefined {
  if (request.method !== 'POST') return undefined;
  const call = /^\/api_factor\/([^/]+)\/$/i.exec(request.path)?.[1]?.toLowerCase();
  if (!call) return undefined;
  let body: Json;
  try {
    body = bodyOf(request);
  } catch {
    return { status: 400, json: { message: 'body must be a JSON object' } };
  }
  switch (call) {
    case 'test-post':
      return ok(body, 201);
    case 'create-client': {
      const merged = { ...(state.clients.get(String(body.ClientKey)) ?? {}), ...body };
      state.clients.set(String(body.ClientKey), merged);
      return ok(merged);
    }
    case 'create-debtor':
      return createDebtor(state, body);
    case 'create-vendor': {
      const vendor = readDebtorOf(body);
      state.vendors.set(linkKey(body.ClientKey, body.DebtorKey), vendor);
      return ok(vendor);
    }
    case 'create-sched':
      return createSchedule(state.schedules, state, body);
    case 'create-sched-broker':
      return createSchedule(state.brokerSchedules, state, body);
    case 'store-docs':
      return storeDocument(state, body);
    case 'get-docs': {
      const doc = state.documents.get(String(body.UUID));
      return doc ? ok(doc) : { status: 404, json: { message: 'unknown document' } };
    }
    case 'post-payments':
      state.paymentBatches.push(body);
      return ok(body);
    default:
      return undefined;
  }
}
