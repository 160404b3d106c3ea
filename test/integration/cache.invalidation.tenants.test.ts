import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';
import { TENANT_A, TENANT_B, serveTenantsAB, tenantsAB } from '../support/securityFixtures.js';

/** A write invalidates its own tenant's cached reads and never another tenant's. */
const SECRET = 'router-secret-for-invalidation-tests-5c1e';
const as = (tenant: string) => ({ 'x-router-secret': SECRET, 'x-tenant-id': tenant });

let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  caching = testCaching({ mode: 'memory' });
  h = await startCachedSubgraph({
    caching,
    confirma,
    factorCloud,
    security: { routerSecret: { header: 'x-router-secret', value: SECRET }, tenants: tenantsAB() },
  });
  serveTenantsAB(h);
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});

async function ok(tenant: string, query: string, variables?: Record<string, unknown>) {
  const { body } = await h.query(query, variables, as(tenant));
  expect(body.errors).toBeUndefined();
  return body.data;
}

const callsWith = (apiKey: string) =>
  confirma.requests.filter((r) => r.headers['x-api-key'] === apiKey).length;
const readsOf = (n: number) =>
  `{ invoice(invoiceNumber: "${n}") { invoiceNumber } collectionCase(caseId: "${480000 + (n % 1000)}") { caseId } }`;

it("a tenant's write reads its own invoice and case afresh and leaves another tenant's cached", async () => {
  const [readsA, readsB] = [readsOf(1101), readsOf(2201)];
  await ok(TENANT_A.id, readsA);
  await ok(TENANT_B.id, readsB);
  const [a, b] = [callsWith(TENANT_A.confirma.apiKey), callsWith(TENANT_B.confirma.apiKey)];
  await ok(TENANT_B.id, readsB);
  expect(callsWith(TENANT_B.confirma.apiKey)).toBe(b);

  // Tenant A withdraws its case: lookups, cases and distribution lists of A change.
  const data = await ok(
    TENANT_A.id,
    `mutation ($input: CreateInvoiceActionsInput!, $key: String) {
      createInvoiceActions(input: $input, idempotencyKey: $key) { userErrors { code message } } }`,
    { input: { actions: [{ withdraw: { invoiceNumber: '1101', caseId: '480101' } }] }, key: randomUUID() },
  );
  expect(data).toEqual({ createInvoiceActions: { userErrors: [] } });
  const afterWrite = callsWith(TENANT_A.confirma.apiKey);

  await ok(TENANT_B.id, readsB);
  expect(callsWith(TENANT_B.confirma.apiKey)).toBe(b);
  await ok(TENANT_A.id, readsA);
  // The invoice lookup and the case, both read again for A.
  expect(callsWith(TENANT_A.confirma.apiKey)).toBe(afterWrite + 2);
  expect(afterWrite).toBeGreaterThan(a);
});
