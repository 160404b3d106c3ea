import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * The audit of every Query field against the upstream docs: each is run once and every call it
 * makes must be one of the documented reads. Confirma: the GETs of confirma.md §4 except
 * `/renew` (it replaces the key, §2.4), and `/settlements` only without `unfetchedOnly` (that
 * marks them fetched, §4.10). FactorCloud: `test-get` and the `get-*` calls (factorcloud.md table;
 * `get-docs` is also sent as a POST with a body, the docs' second example, and still only reads).
 * A new Query field fails the first test until it is added here, i.e. audited.
 */
const QUERIES: Record<string, string> = {
  invoices: '{ invoices { totalCount } }',
  invoice: '{ invoice(invoiceNumber: "1") { invoiceNumber } }',
  collectionCase: '{ collectionCase(caseId: "1") { caseId } }',
  payments: '{ payments { nodes { amount { amount } } } }',
  settlements: '{ settlements { createdAt } }',
  ledgerSyncStatus: '{ ledgerSyncStatus { nodes { state } } }',
  accountingPaymentSyncStatus: '{ accountingPaymentSyncStatus { nodes { state } } }',
  accessTokenStatus: '{ accessTokenStatus { valid } }',
  factorCloudConnectionCheck: '{ factorCloudConnectionCheck { ok } }',
  client: '{ client(clientKey: "CL-1") { clientKey } }',
  debtor: '{ debtor(debtorKey: "DB-1") { debtorKey } }',
  clientDebtor: '{ clientDebtor(clientKey: "CL-1", debtorKey: "DB-1") { debtorKey } }',
  factoringSchedule: '{ factoringSchedule(integrationBatchId: "B-1") { integrationBatchId } }',
  brokerSchedule: '{ brokerSchedule(integrationBatchId: "B-1") { integrationBatchId } }',
  factoringInvoice: '{ factoringInvoice(integrationInvoiceId: "1") { invoiceNumber } }',
  factoringDocument: '{ factoringDocument(uuid: "0b7c1f8e-3c2a-4f7e-9d61-5a8b2c4d6e0f") { fileName } }',
  invoiceMismatches:
    '{ invoiceMismatches(first: 5) { totalCount nodes { status mismatches { kind } invoice { factoring { amount { amount } } } } } }',
  invoiceReconciliation: '{ invoiceReconciliation(invoiceNumber: "1") { status mismatches { kind } } }',
};

const CONFIRMA_READS = new Set([
  'GET /invoice/distribution',
  'GET /invoice/case',
  'GET /payments',
  'GET /settlements',
  'GET /accounting/ledger',
  'GET /accounting/payment',
  'GET /validate',
]);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('Query fields', () => {
  it('are all audited here', () => {
    const document = parse(printSubgraphSchema(buildSchema()));
    const fields = document.definitions.flatMap((definition) =>
      (definition.kind === 'ObjectTypeDefinition' || definition.kind === 'ObjectTypeExtension') &&
      definition.name.value === 'Query'
        ? (definition.fields ?? []).map((field) => field.name.value)
        : [],
    );
    expect(fields.filter((name) => !name.startsWith('_')).sort()).toEqual(Object.keys(QUERIES).sort());
  });

  it.each(Object.entries(QUERIES))('%s calls only documented reads upstream', async (_field, query) => {
    h.resetRequests();
    await h.query(query);
    const calls = [
      ...h.confirma.requests.map((r) => ({
        r,
        name: `${r.method} ${r.path.replace('/api/v1/partner', '')}`,
      })),
      ...h.factorCloud.requests.map((r) => ({ r, name: `${r.method} ${r.path.toLowerCase()}` })),
    ];
    expect(calls.length).toBeGreaterThan(0);
    for (const { r, name } of calls) {
      const confirmaRead = CONFIRMA_READS.has(name) && r.query.unfetchedOnly === undefined;
      const factorCloudRead =
        /^(GET|POST) \/api_factor\/(test-get|get-[a-z-]+)\//.test(name) &&
        !name.startsWith('POST /api_factor/test');
      expect(confirmaRead || factorCloudRead, name).toBe(true);
    }
  });
});
