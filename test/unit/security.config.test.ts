import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';
import { DEFAULT_OPERATION_LIMITS } from '../../src/security/limits/limitsConfig.js';

const CANARY = 'canary-tenant-secret-5f02';
const REMOTE = {
  CONFIRMA_BASE_URL: 'https://staging-integrations.confirmafinance.com',
  FACTORCLOUD_BASE_URL: 'https://ws.factorcloud.com',
};
const CREDENTIALS = {
  CONFIRMA_API_KEY: 'confirma-key-1234',
  FACTORCLOUD_FACTOR_ID: 'factor-1234',
  FACTORCLOUD_SYSTEM_KEY: 'system-1234',
  FACTORCLOUD_API_KEY: 'fc-key-1234',
};
const TENANTS = {
  acme: {
    confirma: { apiKey: `${CANARY}-confirma`, provisioningToken: `${CANARY}-provisioning` },
    factorCloud: { factorId: `${CANARY}-factor`, systemKey: `${CANARY}-system`, apiKey: `${CANARY}-fc` },
  },
};
const ROUTER_SECRET = 'router-secret-canary-77aa1c';
const MULTI_TENANT = { ...REMOTE, TENANTS_JSON: JSON.stringify(TENANTS), ROUTER_SECRET };

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const PUBLIC_PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const PRIVATE_PEM = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const JWT = { JWT_ISSUER: 'https://auth.example.com', JWT_AUDIENCE: 'invoice-graph' };

function problems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected loadConfig to throw a ConfigError');
}

describe('security configuration', () => {
  it('is open, single-tenant and generous by default; introspection only outside production', () => {
    const dev = loadConfig({}).security;
    expect(dev).toMatchObject({
      routerSecret: undefined,
      jwt: undefined,
      tenants: undefined,
      introspection: true,
    });
    expect(dev.limits).toEqual(DEFAULT_OPERATION_LIMITS);
    const production = { NODE_ENV: 'production', ...REMOTE, ...CREDENTIALS, ROUTER_SECRET };
    const prod = loadConfig(production).security;
    expect(prod).toMatchObject({ introspection: false, landingPage: false });
    const opened = loadConfig({ ...production, INTROSPECTION: 'true' });
    expect(opened.security.introspection).toBe(true);
  });

  it('refuses production without ROUTER_SECRET or JWT verification, in one line naming the fix', () => {
    const production = { NODE_ENV: 'production', ...REMOTE, ...CREDENTIALS };
    const found = problems(production);
    expect(found).toEqual([expect.stringMatching(/^ROUTER_SECRET: is required with NODE_ENV=production/)]);
    expect(found[0]).toContain('JWT_JWKS_URL or JWT_PUBLIC_KEY');
    expect(found[0]).toContain('_service');
    expect(found[0]).not.toContain('\n');
    expect(loadConfig({ ...production, ROUTER_SECRET }).security.routerSecret?.value).toBe(ROUTER_SECRET);
    const withJwt = { ...production, ...JWT, JWT_PUBLIC_KEY: PUBLIC_PEM };
    expect(loadConfig(withJwt).security.jwt?.issuer).toBe(JWT.JWT_ISSUER);
    // Outside production the subgraph may still run open (development, tests).
    expect(loadConfig({ ...REMOTE, ...CREDENTIALS }).security.routerSecret).toBeUndefined();
  });

  it('reads the router secret and its header, and refuses a short secret', () => {
    const config = loadConfig({ ROUTER_SECRET, ROUTER_SECRET_HEADER: 'X-Gateway-Token' });
    expect(config.security.routerSecret).toEqual({ header: 'x-gateway-token', value: ROUTER_SECRET });
    expect(problems({ ROUTER_SECRET: 'short' })).toEqual([expect.stringMatching(/^ROUTER_SECRET: .*16/)]);
  });

  it('reads a PEM public key, a JWK and a JWKS, and refuses private keys', () => {
    expect(loadConfig({ ...JWT, JWT_PUBLIC_KEY: PUBLIC_PEM }).security.jwt?.keys.kind).toBe('key');
    const oneLine = PUBLIC_PEM.replaceAll('\n', '\\n');
    expect(loadConfig({ ...JWT, JWT_PUBLIC_KEY: oneLine }).security.jwt?.keys.kind).toBe('key');
    const jwk = publicKey.export({ format: 'jwk' });
    expect(loadConfig({ ...JWT, JWT_PUBLIC_KEY: JSON.stringify(jwk) }).security.jwt?.keys.kind).toBe('key');
    const jwks = JSON.stringify({ keys: [{ ...jwk, kid: 'k1' }] });
    expect(loadConfig({ ...JWT, JWT_PUBLIC_KEY: jwks }).security.jwt?.keys.kind).toBe('set');
    expect(problems({ ...JWT, JWT_PUBLIC_KEY: PRIVATE_PEM })).toEqual([
      expect.stringContaining('private key'),
    ]);
    const privateJwk = JSON.stringify(privateKey.export({ format: 'jwk' }));
    const found = problems({ ...JWT, JWT_PUBLIC_KEY: privateJwk });
    expect(found).toEqual([expect.stringContaining('private key')]);
    expect(found.join('\n')).not.toContain(String(privateKey.export({ format: 'jwk' }).d));
  });

  it('requires issuer and audience with a key source, one key source, and asymmetric algorithms', () => {
    expect(problems({ JWT_JWKS_URL: 'https://auth.example.com/jwks.json' })).toEqual([
      expect.stringMatching(/^JWT_ISSUER: is required/),
      expect.stringMatching(/^JWT_AUDIENCE: is required/),
    ]);
    expect(problems({ ...JWT })).toEqual([expect.stringMatching(/^JWT_JWKS_URL: .*no key source/)]);
    expect(problems({ ...JWT, JWT_JWKS_URL: 'https://a.example/j', JWT_PUBLIC_KEY: PUBLIC_PEM })).toEqual([
      expect.stringContaining('not both'),
    ]);
    expect(problems({ ...JWT, JWT_PUBLIC_KEY: PUBLIC_PEM, JWT_ALGORITHMS: 'ES256,HS256' })).toEqual([
      expect.stringMatching(/^JWT_ALGORITHMS/),
    ]);
    const remote = loadConfig({
      ...JWT,
      JWT_JWKS_URL: 'https://auth.example.com/jwks.json',
      JWT_AUDIENCE: 'a, b',
    });
    expect(remote.security.jwt).toMatchObject({
      audience: ['a', 'b'],
      algorithms: ['RS256', 'ES256'],
      clockToleranceSeconds: 30,
      tenantClaim: 'tenant',
      keys: { kind: 'remote', url: 'https://auth.example.com/jwks.json' },
    });
    const prod = { NODE_ENV: 'production', ...REMOTE, ...CREDENTIALS, ...JWT };
    expect(problems({ ...prod, JWT_JWKS_URL: 'http://auth.internal/jwks.json' })).toEqual([
      expect.stringMatching(/^JWT_JWKS_URL: must be https in production/),
    ]);
  });

  it('reads a tenant registry from TENANTS_JSON or TENANTS_FILE, without the single-tenant variables', () => {
    const fromJson = loadConfig(MULTI_TENANT).security.tenants;
    expect(fromJson).toEqual([{ id: 'acme', ...TENANTS.acme }]);
    const file = join(mkdtempSync(join(tmpdir(), 'tenants-')), 'tenants.json');
    writeFileSync(file, JSON.stringify(TENANTS));
    const { TENANTS_JSON: _json, ...rest } = MULTI_TENANT;
    expect(loadConfig({ ...rest, TENANTS_FILE: file }).security.tenants).toEqual(fromJson);
  });

  it('registers every tenant credential and the router secret for log redaction', () => {
    const secrets = secretsOf(loadConfig(MULTI_TENANT));
    for (const value of [
      ROUTER_SECRET,
      ...Object.values(TENANTS.acme.confirma),
      ...Object.values(TENANTS.acme.factorCloud),
    ]) {
      expect(secrets).toContain(value);
    }
  });

  it('reports registry mistakes by path and never quotes the registry', () => {
    const cases: Array<[string, RegExp]> = [
      [`{"acme": {"confirma": {"apiKey": "${CANARY}"}`, /^TENANTS_JSON: is not valid JSON/],
      [
        JSON.stringify({ acme: { ...TENANTS.acme, confirma: { apikey: CANARY } } }),
        /^TENANTS_JSON: acme\.confirma/,
      ],
      [JSON.stringify({ 'bad id!': TENANTS.acme }), /^TENANTS_JSON: .*tenant ids/],
      [
        JSON.stringify({
          acme: { ...TENANTS.acme, factorCloud: { ...TENANTS.acme.factorCloud, apiKey: 'a\nb' } },
        }),
        /acme\.factorCloud\.apiKey/,
      ],
      ['{}', /at least one tenant/],
    ];
    for (const [text, expected] of cases) {
      const found = problems({ ...MULTI_TENANT, TENANTS_JSON: text });
      expect(
        found.some((problem) => expected.test(problem)),
        found.join('\n'),
      ).toBe(true);
      expect(found.join('\n')).not.toContain(CANARY);
    }
    const missing = problems({
      ...MULTI_TENANT,
      TENANTS_JSON: undefined,
      TENANTS_FILE: '/nonexistent/tenants.json',
    });
    expect(missing).toEqual(['TENANTS_FILE: cannot read /nonexistent/tenants.json (ENOENT)']);
  });

  it('refuses a registry nothing can pick a tenant from, mixed with env credentials, or with simulators', () => {
    expect(problems({ ...MULTI_TENANT, ROUTER_SECRET: undefined })).toEqual([
      expect.stringMatching(/^TENANTS_JSON: needs JWT verification or ROUTER_SECRET/),
    ]);
    expect(problems({ ...MULTI_TENANT, CONFIRMA_API_KEY: 'confirma-key-1234' })).toEqual([
      expect.stringMatching(/^CONFIRMA_API_KEY: is not used with a tenant registry/),
    ]);
    expect(problems({ ...MULTI_TENANT, FACTORCLOUD_BASE_URL: undefined })).toEqual([
      expect.stringMatching(/^FACTORCLOUD_BASE_URL: is required with TENANTS_JSON/),
    ]);
  });

  it('reads every operation limit and refuses values that are not whole numbers in range', () => {
    const config = loadConfig({
      OPERATION_MAX_DEPTH: '8',
      OPERATION_MAX_ALIASES: '5',
      OPERATION_MAX_TOKENS: '1000',
      OPERATION_MAX_COST: '999',
      OPERATION_MAX_ENTITY_CALLS: '77',
      OPERATION_LIST_SIZE: '3',
      OPERATION_PAGE_SIZE: '50',
      MAX_BATCH_OPERATIONS: '4',
    });
    expect(config.security.limits).toEqual({
      maxDepth: 8,
      maxAliases: 5,
      maxTokens: 1000,
      maxCost: 999,
      maxEntityCalls: 77,
      listSize: 3,
      pageSize: 50,
      maxBatchOperations: 4,
    });
    expect(problems({ OPERATION_MAX_DEPTH: 'deep', MAX_BATCH_OPERATIONS: '0' })).toEqual([
      expect.stringMatching(/^OPERATION_MAX_DEPTH: must be an integer/),
      expect.stringMatching(/^MAX_BATCH_OPERATIONS: /),
    ]);
  });
});
