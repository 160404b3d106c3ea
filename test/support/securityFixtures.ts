import { SignJWT, generateKeyPair } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import type { JwtConfig } from '../../src/security/jwt.js';
import type { Tenant } from '../../src/security/tenants.js';
import { CONFIRMA_TEST_KEY, caseReply, distributionRecord } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS, client, factoringInvoice } from '../fakes/factorcloud.js';
import type { FakeReply, RecordedRequest } from './fakeUpstream.js';
import type { Harness } from './harness.js';

export const ISSUER = 'https://auth.invoice-graph.test';
export const AUDIENCE = 'invoice-graph';

/** A signing key pair made for the test run, and a JwtConfig that trusts its public half. */
export interface TestIssuer {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  jwt: JwtConfig;
  /** A token signed with this issuer's key; `claims` override the valid defaults. */
  sign(
    claims?: JWTPayload,
    options?: { alg?: string; kid?: string; privateKey?: CryptoKey },
  ): Promise<string>;
}

export async function createTestIssuer(alg = 'ES256'): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwt: JwtConfig = {
    issuer: ISSUER,
    audience: [AUDIENCE],
    algorithms: [alg],
    clockToleranceSeconds: 5,
    tenantClaim: 'tenant',
    keys: { kind: 'key', key: publicKey },
  };
  return {
    publicKey,
    privateKey,
    jwt,
    async sign(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600, ...claims })
        .setProtectedHeader({ alg: options.alg ?? alg, ...(options.kid ? { kid: options.kid } : {}) })
        .sign(options.privateKey ?? privateKey);
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Tenant A holds the fakes' own credentials; tenant B a set of its own. */
export const TENANT_A: Tenant = {
  id: 'tenant-a',
  confirma: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: undefined },
  factorCloud: { ...FACTORCLOUD_TEST_CREDENTIALS },
};
export const TENANT_B: Tenant = {
  id: 'tenant-b',
  confirma: { apiKey: 'confirma-tenant-b-key-51d0', provisioningToken: undefined },
  factorCloud: { factorId: 'factor-b-77e1', systemKey: 'system-b-0c42', apiKey: 'factorcloud-b-key-9a3f' },
};

/** Fresh copies: a registry's credential objects are mutable (token renewal). */
export const tenantsAB = (): Tenant[] =>
  [TENANT_A, TENANT_B].map((tenant) => ({
    id: tenant.id,
    confirma: { ...tenant.confirma },
    factorCloud: { ...tenant.factorCloud },
  }));

export const INVOICES_A = [1101, 1102, 1103];
export const INVOICES_B = [2201, 2202];

/**
 * Loads A's data into the fakes (which accept A's credentials) and teaches them B's: requests
 * with B's full credentials get B's invoices; anything else falls through to the fakes' own
 * routes, which refuse a mix of the two with 401.
 */
export function serveTenantsAB(h: Harness): void {
  for (const n of INVOICES_A) {
    h.confirma.records.push(distributionRecord(n));
    h.confirma.cases.set(String(480000 + (n % 1000)), caseReply(480000 + (n % 1000)));
    h.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-A'));
  }
  h.factorCloud.clients.set('CL-A', client('CL-A', 'Client of A'));
  h.confirma.override = (request) => (isConfirmaB(request) ? confirmaB(request) : undefined);
  h.factorCloud.override = (request) => (isFactorCloudB(request) ? factorCloudB(request) : undefined);
}

function isConfirmaB(request: RecordedRequest): boolean {
  return request.headers['x-api-key'] === TENANT_B.confirma.apiKey;
}

function isFactorCloudB(request: RecordedRequest): boolean {
  const h = request.headers;
  const b = TENANT_B.factorCloud;
  return (
    h['auth-factorid'] === b.factorId && h['auth-systemkey'] === b.systemKey && h['auth-apikey'] === b.apiKey
  );
}

function confirmaB(request: RecordedRequest): FakeReply {
  if (request.path.endsWith('/invoice/distribution')) {
    const invoices = INVOICES_B.map((n) => distributionRecord(n));
    return { json: { metaData: { totalCount: invoices.length }, invoices } };
  }
  if (request.path.endsWith('/invoice/case')) return { json: caseReply(Number(request.query.caseId)) };
  return { status: 404, json: { message: 'No route' } };
}

function factorCloudB(request: RecordedRequest): FakeReply {
  if (request.path === '/api_factor/get-invoice/') {
    const id = request.query.InvoiceIntegrationId ?? '';
    return { json: factoringInvoice(id, 'CL-B') };
  }
  if (request.path === '/api_factor/get-client/') return { json: client('CL-B', 'Client of B') };
  return { status: 404, json: { message: 'No route' } };
}

/** Every recorded upstream request with the tenant its request id names and the credentials it carried. */
export function upstreamCalls(h: Harness) {
  return [
    ...h.confirma.requests.map((r) => ({
      upstream: 'confirma' as const,
      requestId: String(r.headers['x-request-id']),
      credentials: { apiKey: r.headers['x-api-key'] },
    })),
    ...h.factorCloud.requests.map((r) => ({
      upstream: 'factorcloud' as const,
      requestId: String(r.headers['x-request-id']),
      credentials: {
        factorId: r.headers['auth-factorid'],
        systemKey: r.headers['auth-systemkey'],
        apiKey: r.headers['auth-apikey'],
      },
    })),
  ];
}

export function expectedCredentials(tenant: Tenant, upstream: 'confirma' | 'factorcloud') {
  return upstream === 'confirma' ? { apiKey: tenant.confirma.apiKey } : { ...tenant.factorCloud };
}
