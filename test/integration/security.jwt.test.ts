import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import {
  AUDIENCE,
  ISSUER,
  TENANT_A,
  bearer,
  createTestIssuer,
  serveTenantsAB,
  tenantsAB,
} from '../support/securityFixtures.js';
import type { TestIssuer } from '../support/securityFixtures.js';

const QUERY = '{ invoices { nodes { invoiceNumber } } }';
const now = () => Math.floor(Date.now() / 1000);

function expectRefused(reply: GraphQLReply, status: number, code: string, reason?: string): void {
  expect(reply.status).toBe(status);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors).toHaveLength(1);
  expect(reply.body.errors?.[0]?.extensions?.code).toBe(code);
  if (reason) expect(reply.body.errors?.[0]?.message).toContain(reason);
}

function upstreamRequests(h: Harness): number {
  return h.confirma.requests.length + h.factorCloud.requests.length;
}

describe('JWT verification with a configured public key', () => {
  let h: Harness;
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await createTestIssuer('ES256');
    h = await startHarness({ security: { jwt: issuer.jwt, tenants: tenantsAB() } });
    serveTenantsAB(h);
  });
  afterAll(() => h.close());

  it('accepts a valid token and answers for its tenant', async () => {
    const reply = await h.query(QUERY, undefined, bearer(await issuer.sign({ tenant: TENANT_A.id })));
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.invoices).toBeDefined();
  });

  it.each([
    ['no Authorization header', async () => ({}), 'Authorization: Bearer'],
    ['a Basic credential', async () => ({ authorization: 'Basic dXNlcjpwYXNz' }), 'Authorization: Bearer'],
    ['a bearer value that is no JWT', async () => bearer('not-a-jwt'), 'Authorization: Bearer'],
    [
      'an expired token',
      async () => bearer(await issuer.sign({ tenant: 'tenant-a', exp: now() - 3600 })),
      'expired',
    ],
    [
      'a token for another audience',
      async () => bearer(await issuer.sign({ tenant: 'tenant-a', aud: 'billing' })),
      'audience',
    ],
    [
      'a token from another issuer',
      async () => bearer(await issuer.sign({ tenant: 'tenant-a', iss: 'https://evil.test' })),
      'issuer',
    ],
    [
      'a token not valid yet',
      async () => bearer(await issuer.sign({ tenant: 'tenant-a', nbf: now() + 3600 })),
      'not valid yet',
    ],
    [
      'a token without exp',
      async () => bearer(await issuer.sign({ tenant: 'tenant-a', exp: undefined })),
      '`exp` claim',
    ],
    [
      'a token signed by another key',
      async () => {
        const other = await generateKeyPair('ES256');
        return bearer(await issuer.sign({ tenant: 'tenant-a' }, { privateKey: other.privateKey }));
      },
      'signature',
    ],
    [
      'a token signed with an algorithm outside the allow-list',
      async () => {
        const rsa = await generateKeyPair('RS256');
        return bearer(
          await issuer.sign({ tenant: 'tenant-a' }, { alg: 'RS256', privateKey: rsa.privateKey }),
        );
      },
      'algorithm',
    ],
    [
      'a token with its payload altered',
      async () => {
        const [header, , signature] = (await issuer.sign({ tenant: 'tenant-a' })).split('.');
        const forged = Buffer.from(
          JSON.stringify({ iss: ISSUER, aud: AUDIENCE, exp: now() + 600, tenant: 'tenant-b' }),
        ).toString('base64url');
        return bearer(`${header}.${forged}.${signature}`);
      },
      'signature',
    ],
  ])('refuses %s with 401 UNAUTHENTICATED before any upstream call', async (_name, headers, reason) => {
    h.resetRequests();
    const reply = await h.query(QUERY, undefined, await headers());
    expectRefused(reply, 401, 'UNAUTHENTICATED', reason);
    expect(reply.headers.get('www-authenticate')).toMatch(/^Bearer realm="invoice-graph"/);
    expect(upstreamRequests(h)).toBe(0);
  });

  it('accepts a token that expired within the clock tolerance', async () => {
    const reply = await h.query(
      QUERY,
      undefined,
      bearer(await issuer.sign({ tenant: TENANT_A.id, exp: now() - 1 })),
    );
    expect(reply.status).toBe(200);
  });

  it('refuses a valid token whose tenant claim is not a known tenant with 403 FORBIDDEN', async () => {
    h.resetRequests();
    for (const tenant of ['tenant-z', '__proto__', 42, ['tenant-a']]) {
      const reply = await h.query(QUERY, undefined, bearer(await issuer.sign({ tenant })));
      expectRefused(reply, 403, 'FORBIDDEN', 'tenant');
    }
    expect(upstreamRequests(h)).toBe(0);
  });

  it('leaves /healthz open without a token', async () => {
    const response = await fetch(new URL('/healthz', h.url));
    expect(response.status).toBe(200);
  });
});

describe('JWT verification with keys from a JWKS URL', () => {
  let issuer: TestIssuer;
  let jwks: Server;
  let jwksRequests = 0;
  let h: Harness;
  const KID = 'test-key-1';

  beforeAll(async () => {
    issuer = await createTestIssuer('RS256');
    const publicJwk = { ...(await exportJWK(issuer.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      jwksRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    h = await startHarness({
      security: { jwt: { ...issuer.jwt, keys: { kind: 'remote', url, timeoutMs: 5_000 } } },
    });
    serveTenantsAB(h);
  });
  afterAll(async () => {
    await h.close();
    await new Promise<void>((resolve) => jwks.close(() => resolve()));
  });

  it('verifies tokens with the served key and fetches the set once for many requests', async () => {
    for (let i = 0; i < 3; i += 1) {
      const reply = await h.query(
        QUERY,
        undefined,
        bearer(await issuer.sign({ tenant: 'default' }, { kid: KID })),
      );
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
    }
    expect(jwksRequests).toBe(1);
  });

  it('serves the single tenant when the token names none, and refuses one naming another tenant', async () => {
    const none = await h.query(QUERY, undefined, bearer(await issuer.sign({}, { kid: KID })));
    expect(none.status).toBe(200);
    const other = await h.query(
      QUERY,
      undefined,
      bearer(await issuer.sign({ tenant: 'tenant-b' }, { kid: KID })),
    );
    expectRefused(other, 403, 'FORBIDDEN');
  });

  it('refuses a token whose key is not in the set', async () => {
    const other = await createTestIssuer('RS256');
    const reply = await h.query(QUERY, undefined, bearer(await other.sign({}, { kid: KID })));
    expectRefused(reply, 401, 'UNAUTHENTICATED', 'signature');
  });
});

describe('JWT verification when the JWKS URL does not answer', () => {
  it('answers 503 with a coded error, not 401 and not 500', async () => {
    const issuer = await createTestIssuer('ES256');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const h = await startHarness({
      security: { jwt: { ...issuer.jwt, keys: { kind: 'remote', url, timeoutMs: 5_000 } } },
    });
    try {
      const reply = await h.query(QUERY, undefined, bearer(await issuer.sign({})));
      expectRefused(reply, 503, 'UNAUTHENTICATED', 'signing keys are unavailable');
      expect(upstreamRequests(h)).toBe(0);
      expect(h.logLines.join('\n')).toContain('signing keys are unavailable');
    } finally {
      await h.close();
    }
  });
});
