import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import {
  INVOICES_A,
  INVOICES_B,
  TENANT_A,
  TENANT_B,
  bearer,
  createTestIssuer,
  expectedCredentials,
  serveTenantsAB,
  tenantsAB,
  upstreamCalls,
} from '../support/securityFixtures.js';
import type { TestIssuer } from '../support/securityFixtures.js';

const QUERY = `{
  invoices {
    nodes {
      invoiceNumber
      paymentControl { case { stage } }
      factoring { status client { name } }
    }
  }
}`;
const ROUNDS = 6;

function invoiceNumbers(reply: GraphQLReply): string[] {
  const nodes = (reply.body.data?.invoices as { nodes: Array<{ invoiceNumber: string }> } | undefined)?.nodes;
  return (nodes ?? []).map((node) => node.invoiceNumber);
}

function clientNames(reply: GraphQLReply): string[] {
  const nodes = (reply.body.data?.invoices as { nodes: Array<{ factoring: { client: { name: string } } }> })
    .nodes;
  return [...new Set(nodes.map((node) => node.factoring.client.name))];
}

/**
 * Asserts on every upstream request recorded: its request id names the tenant whose GraphQL
 * request caused it, and it carried exactly that tenant's credentials, never the other's.
 */
function expectEachCallUsesItsOwnTenant(h: Harness): void {
  const calls = upstreamCalls(h);
  for (const call of calls) {
    const tenant = call.requestId.startsWith('a-')
      ? TENANT_A
      : call.requestId.startsWith('b-')
        ? TENANT_B
        : null;
    expect(tenant, `request id ${call.requestId}`).not.toBeNull();
    if (tenant) expect(call.credentials).toEqual(expectedCredentials(tenant, call.upstream));
  }
  // Both tenants reached both upstreams, so the assertion above was not vacuous.
  for (const prefix of ['a-', 'b-']) {
    for (const upstream of ['confirma', 'factorcloud']) {
      expect(
        calls.filter((c) => c.upstream === upstream && c.requestId.startsWith(prefix)).length,
      ).toBeGreaterThan(0);
    }
  }
}

describe('tenants selected by a JWT claim', () => {
  let h: Harness;
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer();
    h = await startHarness({ security: { jwt: issuer.jwt, tenants: tenantsAB() } });
    serveTenantsAB(h);
  });
  afterAll(() => h.close());

  it('sends each concurrent request upstream with its own tenant’s credentials only', async () => {
    h.resetRequests();
    const tokenA = await issuer.sign({ tenant: TENANT_A.id });
    const tokenB = await issuer.sign({ tenant: TENANT_B.id });
    const replies = await Promise.all(
      Array.from({ length: ROUNDS }, (_, i) => [
        h.query(QUERY, undefined, { ...bearer(tokenA), 'x-request-id': `a-${i}` }),
        h.query(QUERY, undefined, { ...bearer(tokenB), 'x-request-id': `b-${i}` }),
      ]).flat(),
    );
    replies.forEach((reply, i) => {
      expect(reply.body.errors).toBeUndefined();
      const mine = i % 2 === 0 ? INVOICES_A : INVOICES_B;
      expect(invoiceNumbers(reply)).toEqual(mine.map(String));
      expect(clientNames(reply)).toEqual([i % 2 === 0 ? 'Client of A' : 'Client of B']);
    });
    expectEachCallUsesItsOwnTenant(h);
  });

  it('refuses a valid token for a tenant the registry does not know, before any upstream call', async () => {
    h.resetRequests();
    const reply = await h.query(QUERY, undefined, bearer(await issuer.sign({ tenant: 'tenant-z' })));
    expect(reply.status).toBe(403);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reply.body.data).toBeUndefined();
    expect(h.confirma.requests.length + h.factorCloud.requests.length).toBe(0);
  });

  it('refuses a valid token without a tenant claim when tenants are configured', async () => {
    const reply = await h.query(QUERY, undefined, bearer(await issuer.sign({})));
    expect(reply.status).toBe(403);
    expect(reply.body.errors?.[0]?.message).toContain('`tenant` claim');
  });

  it('ignores a tenant header when tenants come from the token', async () => {
    h.resetRequests();
    const token = await issuer.sign({ tenant: TENANT_A.id });
    const reply = await h.query(QUERY, undefined, {
      ...bearer(token),
      'x-tenant-id': TENANT_B.id,
      'x-request-id': 'a-h',
    });
    expect(invoiceNumbers(reply)).toEqual(INVOICES_A.map(String));
    for (const call of upstreamCalls(h))
      expect(call.credentials).toEqual(expectedCredentials(TENANT_A, call.upstream));
  });

  it('keeps every tenant’s credentials out of responses and logs', async () => {
    const token = await issuer.sign({ tenant: TENANT_B.id });
    const reply = await h.query(QUERY, undefined, bearer(token));
    const everything = [reply.text, ...h.logLines].join('\n');
    for (const tenant of [TENANT_A, TENANT_B]) {
      for (const secret of [tenant.confirma.apiKey, ...Object.values(tenant.factorCloud)]) {
        expect(everything).not.toContain(secret);
      }
    }
  });
});

describe('tenants named by the router behind the router secret', () => {
  const SECRET = 'router-secret-for-tenants-4e1b9c';
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      security: { routerSecret: { header: 'x-router-secret', value: SECRET }, tenants: tenantsAB() },
    });
    serveTenantsAB(h);
  });
  afterAll(() => h.close());

  it('uses the tenant in x-tenant-id, each concurrent request with its own credentials', async () => {
    h.resetRequests();
    const headers = (tenant: string, id: string) => ({
      'x-router-secret': SECRET,
      'x-tenant-id': tenant,
      'x-request-id': id,
    });
    const replies = await Promise.all(
      Array.from({ length: ROUNDS }, (_, i) => [
        h.query(QUERY, undefined, headers(TENANT_A.id, `a-${i}`)),
        h.query(QUERY, undefined, headers(TENANT_B.id, `b-${i}`)),
      ]).flat(),
    );
    replies.forEach((reply, i) =>
      expect(invoiceNumbers(reply)).toEqual((i % 2 === 0 ? INVOICES_A : INVOICES_B).map(String)),
    );
    expectEachCallUsesItsOwnTenant(h);
  });

  it('refuses a request without a tenant or with an unknown one (403), and one without the secret (401)', async () => {
    h.resetRequests();
    const missing = await h.query(QUERY, undefined, { 'x-router-secret': SECRET });
    const unknown = await h.query(QUERY, undefined, { 'x-router-secret': SECRET, 'x-tenant-id': 'tenant-z' });
    const noSecret = await h.query(QUERY, undefined, { 'x-tenant-id': TENANT_A.id });
    expect([missing.status, unknown.status, noSecret.status]).toEqual([403, 403, 401]);
    expect([missing, unknown, noSecret].map((r) => r.body.errors?.[0]?.extensions?.code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'UNAUTHENTICATED',
    ]);
    expect(h.confirma.requests.length + h.factorCloud.requests.length).toBe(0);
  });
});

describe('single tenant (the default)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    serveTenantsAB(h);
  });
  afterAll(() => h.close());

  it('ignores a tenant header from a caller nobody authenticated and uses the configured credentials', async () => {
    h.resetRequests();
    const reply = await h.query(QUERY, undefined, { 'x-tenant-id': TENANT_B.id, 'x-request-id': 'a-1' });
    expect(reply.body.errors).toBeUndefined();
    expect(invoiceNumbers(reply)).toEqual(INVOICES_A.map(String));
    for (const call of upstreamCalls(h))
      expect(call.credentials).toEqual(expectedCredentials(TENANT_A, call.upstream));
  });
});
