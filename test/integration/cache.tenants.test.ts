import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';
import {
  INVOICES_A,
  INVOICES_B,
  TENANT_A,
  TENANT_B,
  serveTenantsAB,
  tenantsAB,
} from '../support/securityFixtures.js';

const SECRET = 'router-secret-for-cache-tests-77a0';
const LIST = `{ invoices { nodes { invoiceNumber factoring { client { name } } } } }`;
const ONE = `{ invoice(invoiceNumber: "${INVOICES_A[0]}") { invoiceNumber } }`;

let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
/** A single-tenant instance with tenant A's credentials (the fakes' own). */
let withA: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  caching = testCaching({ mode: 'memory' });
  withA = await startCachedSubgraph({ caching, confirma, factorCloud });
  serveTenantsAB(withA);
});
afterAll(async () => {
  await withA?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});

const numbers = (reply: GraphQLReply) =>
  ((reply.body.data?.invoices as { nodes: Array<{ invoiceNumber: string }> }).nodes ?? []).map(
    (n) => n.invoiceNumber,
  );
const confirmaKeys = () => confirma.requests.map((r) => r.headers['x-api-key']);

describe('tenants of one instance', () => {
  let h: Harness;
  const as = (tenant: string) => ({ 'x-router-secret': SECRET, 'x-tenant-id': tenant });
  beforeAll(async () => {
    h = await startCachedSubgraph({
      caching,
      confirma,
      factorCloud,
      security: { routerSecret: { header: 'x-router-secret', value: SECRET }, tenants: tenantsAB() },
    });
  });
  afterAll(() => h?.close());
  beforeEach(() => h.resetRequests());

  it("never serves tenant A's cached answers to tenant B", async () => {
    expect(numbers(await h.query(LIST, undefined, as(TENANT_A.id)))).toEqual(INVOICES_A.map(String));
    expect((await h.query(ONE, undefined, as(TENANT_A.id))).body.data).toEqual({
      invoice: { invoiceNumber: String(INVOICES_A[0]) },
    });
    const callsOfA = confirma.requests.length + factorCloud.requests.length;
    await h.query(LIST, undefined, as(TENANT_A.id));
    await h.query(ONE, undefined, as(TENANT_A.id));
    expect(confirma.requests.length + factorCloud.requests.length).toBe(callsOfA);

    // Same queries, same keys, other tenant: B's own upstream answers, never A's cached ones.
    const listOfB = await h.query(LIST, undefined, as(TENANT_B.id));
    expect(numbers(listOfB)).toEqual(INVOICES_B.map(String));
    expect(listOfB.text).toContain('Client of B');
    expect(listOfB.text).not.toContain('Client of A');
    expect((await h.query(ONE, undefined, as(TENANT_B.id))).body.data).toEqual({ invoice: null });
    expect(confirmaKeys()).toEqual([
      TENANT_A.confirma.apiKey,
      TENANT_A.confirma.apiKey,
      TENANT_B.confirma.apiKey,
      TENANT_B.confirma.apiKey,
    ]);

    // B's answers are cached in B's partition from then on.
    const callsOfBoth = confirma.requests.length + factorCloud.requests.length;
    await h.query(LIST, undefined, as(TENANT_B.id));
    expect(confirma.requests.length + factorCloud.requests.length).toBe(callsOfBoth);
  });
});

describe('instances of one tenant id with different credentials, sharing one cache', () => {
  let withB: Harness;
  beforeAll(async () => {
    withB = await startCachedSubgraph({
      caching,
      confirma,
      factorCloud,
      credentials: { confirma: TENANT_B.confirma, factorCloud: TENANT_B.factorCloud },
    });
  });
  afterAll(() => withB?.close());

  it('keeps the credentials apart: the second instance reads upstream with its own', async () => {
    withA.resetRequests();
    const query = `{ invoices(filter: { from: "2026-11-01", to: "2026-11-22" }) { nodes { invoiceNumber } } }`;
    expect(numbers(await withA.query(query))).toEqual(INVOICES_A.map(String));
    expect(numbers(await withB.query(query))).toEqual(INVOICES_B.map(String));
    expect(confirmaKeys()).toEqual([TENANT_A.confirma.apiKey, TENANT_B.confirma.apiKey]);
  });
});
