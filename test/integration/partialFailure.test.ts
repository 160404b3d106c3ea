import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import type { FakeReply, RecordedRequest } from '../support/fakeUpstream.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * One page query over every upstream call an invoice page makes, with one call failing at a time:
 * only the fields that depend on that call become null, each with one error on its own path, and
 * everything else equals the healthy answer.
 */
const PAGE = `{
  invoices {
    totalCount
    nodes {
      invoiceNumber
      distribution { status }
      paymentControl { caseId case { status } }
      payments { invoiceNumber amount { amount } }
      settlementAllocations { allocationId }
      factoring { invoiceNumber status }
    }
  }
  client(clientKey: "CL-1") { name }
}`;
const SETTLEMENTS = `{"createdAt":"2026-11-20T09:34:12.123Z","settlements":[
  {"settlementId":1,"settlementDate":"2026-11-20","agency":"CASH-IN","settlementAmount":30.00,"currency":"EUR",
   "allocations":[{"allocationId":71,"allocatedTotalAmount":30.00,"currency":"EUR","caseId":480202,"originalInvoiceNumber":"202","breakdown":[]}]}]}`;
const NUMBERS = [201, 202, 203];
// A 500 is not retried, so each fault costs one call.
const BROKEN: FakeReply = { status: 500, raw: '' };

let h: Harness;
let healthy: Record<string, unknown>;
beforeAll(async () => {
  h = await startHarness();
  for (const number of NUMBERS) {
    h.confirma.records.push(distributionRecord(number));
    h.confirma.cases.set(String(480000 + number), caseReply(480000 + number));
    h.factorCloud.invoices.set(String(number), factoringInvoice(String(number)));
  }
  h.factorCloud.clients.set('CL-1', client('CL-1'));
  h.confirma.paymentsJson = `[{"caseId":480201,"invoiceNumber":"201","amount":10.00,"currency":"EUR"}]`;
  h.confirma.settlementsJson = SETTLEMENTS;
  const reply = await h.query(PAGE);
  expect(reply.body.errors).toBeUndefined();
  healthy = reply.body.data ?? {};
});
afterAll(() => h.close());
beforeEach(() => {
  h.confirma.override = undefined;
  h.factorCloud.override = undefined;
});

const node = (index: number, ...rest: string[]) => ['invoices', 'nodes', index, ...rest];
const onConfirma = (match: (r: RecordedRequest) => boolean) =>
  (h.confirma.override = (r) => (match(r) ? BROKEN : undefined));
const onFactorCloud = (match: (r: RecordedRequest) => boolean) =>
  (h.factorCloud.override = (r) => (match(r) ? BROKEN : undefined));

/** The healthy answer with the value at each path replaced by null. */
function nulled(paths: Array<Array<string | number>>): unknown {
  const copy = structuredClone(healthy) as Record<string | number, unknown>;
  for (const path of paths) {
    let parent = copy;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    parent[path.at(-1)!] = null;
  }
  return copy;
}

const faults: Array<[string, () => void, Array<Array<string | number>>]> = [
  [
    'GET /payments',
    () => onConfirma((r) => r.path.endsWith('/payments')),
    NUMBERS.map((_, i) => node(i, 'payments')),
  ],
  [
    'GET /settlements',
    () => onConfirma((r) => r.path.endsWith('/settlements')),
    NUMBERS.map((_, i) => node(i, 'settlementAllocations')),
  ],
  [
    'GET /invoice/case of invoice 202 only',
    () => onConfirma((r) => r.path.endsWith('/invoice/case') && r.query.caseId === '480202'),
    [node(1, 'paymentControl', 'case')],
  ],
  [
    'get-invoice of invoice 203 only',
    () => onFactorCloud((r) => r.path.endsWith('/get-invoice/') && r.query.InvoiceIntegrationId === '203'),
    [node(2, 'factoring')],
  ],
  ['get-client', () => onFactorCloud((r) => r.path.endsWith('/get-client/')), [['client']]],
  [
    'GET /invoice/distribution',
    () => onConfirma((r) => r.path.endsWith('/invoice/distribution')),
    [['invoices']],
  ],
];

describe('a page query with one upstream call failing', () => {
  it.each(faults)(
    '%s: nulls only the fields that depend on it, one error each',
    async (_name, fault, paths) => {
      fault();
      const { body } = await h.query(PAGE);
      expect(body.data).toEqual(nulled(paths));
      expect(body.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(paths));
      expect(body.errors).toHaveLength(paths.length);
    },
  );

  it('keeps every other invoice of the page when one /payments call fails', async () => {
    onConfirma((r) => r.path.endsWith('/payments'));
    const { body } = await h.query(PAGE);
    const nodes = (body.data?.invoices as { nodes: Array<Record<string, unknown>> }).nodes;
    expect(nodes.map((n) => n.invoiceNumber)).toEqual(['201', '202', '203']);
    expect(nodes[1]?.settlementAllocations).toEqual([{ allocationId: '71' }]);
    expect(nodes.every((n) => n.payments === null && n.distribution !== null)).toBe(true);
    expect(h.confirma.requestsTo('/payments').length).toBeGreaterThan(0);
  });
});
