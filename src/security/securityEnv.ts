import { z } from 'zod';
import { flag, headerName, integer, list, text, textOr } from '../lib/envValues.js';
import type { JwtConfig } from './jwt.js';
import { parsePublicKeys } from './jwtKeys.js';
import { limitsEnv, operationLimits } from './limits/limitsConfig.js';
import type { OperationLimits } from './limits/limitsConfig.js';
import type { RouterSecretConfig } from './routerSecret.js';
import { readTenants } from './tenantConfig.js';
import type { TenantSource } from './tenantConfig.js';
import { tenantSecrets } from './tenants.js';
import type { Tenant } from './tenants.js';

/** Caller authentication, tenants, operation limits and what production exposes. */
export interface SecurityConfig {
  routerSecret: RouterSecretConfig | undefined;
  /** The router's tenant header; read only behind the router secret and without JWT. */
  tenantHeader: string;
  jwt: JwtConfig | undefined;
  /** The tenant registry; undefined: single tenant `default` from CONFIRMA_* / FACTORCLOUD_*. */
  tenants: Tenant[] | undefined;
  limits: OperationLimits;
  introspection: boolean;
  landingPage: boolean;
}

/** Asymmetric algorithms only: the subgraph holds public keys and must not be able to sign. */
const JWS_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

/** Never echoes the value: these variables hold secrets and keys. */
function tenantsFrom(kind: TenantSource['kind']) {
  return text.transform((value, ctx): Tenant[] | undefined => {
    if (value === undefined) return undefined;
    const result = readTenants(kind === 'file' ? { kind, path: value } : { kind, text: value });
    if (result.ok) return result.tenants;
    for (const problem of result.problems) ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}

/** The security part of the environment, spread into config.ts's schema. */
export const securityEnv = {
  ROUTER_SECRET: text.pipe(
    z
      .string()
      .min(16, { error: 'must be at least 16 characters (use a random value)' })
      .regex(/^[\x21-\x7e]+$/, { error: 'must be visible ASCII (it travels in a header)' })
      .optional(),
  ),
  ROUTER_SECRET_HEADER: headerName('x-router-secret'),
  TENANT_HEADER: headerName('x-tenant-id'),
  TENANTS_FILE: tenantsFrom('file'),
  TENANTS_JSON: tenantsFrom('json'),
  JWT_ISSUER: text,
  JWT_AUDIENCE: list([]),
  JWT_JWKS_URL: text.pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of a JWKS document' }).optional(),
  ),
  JWT_JWKS_TIMEOUT_MS: integer(5_000, 100, 60_000),
  JWT_PUBLIC_KEY: text.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const parsed = parsePublicKeys(value);
    if (parsed.ok) return parsed.keys;
    ctx.addIssue({ code: 'custom', message: parsed.problem });
    return z.NEVER;
  }),
  JWT_ALGORITHMS: list(['RS256', 'ES256']).pipe(
    z
      .array(z.enum(JWS_ALGORITHMS, { error: `each must be one of ${JWS_ALGORITHMS.join(', ')}` }))
      .min(1, { error: 'name at least one algorithm' }),
  ),
  JWT_CLOCK_TOLERANCE_SECONDS: integer(30, 0, 600),
  JWT_TENANT_CLAIM: textOr('tenant'),
  INTROSPECTION: flag,
  LANDING_PAGE: flag,
  ...limitsEnv,
};

type SecurityEnv = z.output<z.ZodObject<typeof securityEnv>> & { NODE_ENV: string };

export function securityConfig(env: SecurityEnv): SecurityConfig {
  const production = env.NODE_ENV === 'production';
  const keys = env.JWT_PUBLIC_KEY
    ? env.JWT_PUBLIC_KEY
    : env.JWT_JWKS_URL
      ? { kind: 'remote' as const, url: env.JWT_JWKS_URL, timeoutMs: env.JWT_JWKS_TIMEOUT_MS }
      : undefined;
  return {
    routerSecret: env.ROUTER_SECRET
      ? { header: env.ROUTER_SECRET_HEADER, value: env.ROUTER_SECRET }
      : undefined,
    tenantHeader: env.TENANT_HEADER,
    // securityProblems() has made sure issuer and audience are there whenever keys are.
    jwt:
      keys && env.JWT_ISSUER
        ? {
            issuer: env.JWT_ISSUER,
            audience: env.JWT_AUDIENCE,
            algorithms: env.JWT_ALGORITHMS,
            clockToleranceSeconds: env.JWT_CLOCK_TOLERANCE_SECONDS,
            tenantClaim: env.JWT_TENANT_CLAIM,
            keys,
          }
        : undefined,
    tenants: env.TENANTS_FILE ?? env.TENANTS_JSON,
    limits: operationLimits(env),
    introspection: env.INTROSPECTION === undefined ? !production : env.INTROSPECTION === 'true',
    landingPage: env.LANDING_PAGE === undefined ? !production : env.LANDING_PAGE === 'true',
  };
}

/** The router secret and every tenant credential, for log redaction (read live: see tenants.ts). */
export function securitySecrets(config: Pick<SecurityConfig, 'routerSecret' | 'tenants'>): string[] {
  const routerSecret = config.routerSecret ? [config.routerSecret.value] : [];
  return [...routerSecret, ...(config.tenants ?? []).flatMap(tenantSecrets)];
}

/** What is switched on, for the start-up log line; no secret, key or tenant credential in it. */
export function securitySummary(config: SecurityConfig): Record<string, unknown> {
  return {
    routerSecret: config.routerSecret ? `required in ${config.routerSecret.header}` : 'off',
    jwt: config.jwt ? `${config.jwt.keys.kind} keys, issuer ${config.jwt.issuer}` : 'off',
    tenants: config.tenants ? config.tenants.map((tenant) => tenant.id) : ['default'],
    introspection: config.introspection,
    landingPage: config.landingPage,
  };
}
