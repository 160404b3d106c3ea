import type { IncomingMessage } from 'node:http';
import type { Logger } from '../logger.js';
import type { JwtVerifier } from './jwt.js';
import { hasRouterSecret } from './routerSecret.js';
import type { RouterSecretConfig } from './routerSecret.js';
import type { Tenant, TenantRegistry } from './tenants.js';

export interface AdmissionSettings {
  routerSecret: RouterSecretConfig | undefined;
  jwt: { verify: JwtVerifier; tenantClaim: string } | undefined;
  /** Header naming the tenant; trusted only behind the router secret and without JWT. */
  tenantHeader: string;
  tenants: TenantRegistry;
}

export type Refusal = {
  admitted: false;
  status: 401 | 403 | 503;
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
  headers: Record<string, string>;
};

export type Admission = { admitted: true; tenant: Tenant } | Refusal;

/** `requestId` only labels the log line of a refusal. */
export type Gatekeeper = (req: IncomingMessage, requestId: string) => Promise<Admission>;

/**
 * Decides, before any body is read or upstream called, whether a /graphql request may run and
 * for which tenant. In order: the router secret, then the JWT, then the tenant:
 *
 * - with JWT: the tenant claim (JWT_TENANT_CLAIM) names it;
 * - without JWT but behind the router secret: the router's tenant header names it; only the
 *   router can send that header, since a caller without the secret is already refused;
 * - otherwise nothing names it: a caller-supplied header from an unauthenticated caller would
 *   let anyone pick any tenant's credentials, so it is ignored (and config refuses a tenant
 *   registry without JWT or router secret).
 *
 * A request that names no tenant gets the single-tenant `default`, or FORBIDDEN when a registry
 * is configured; a request that names a tenant the registry does not know is FORBIDDEN.
 */
export function createGatekeeper(settings: AdmissionSettings, logger: Logger): Gatekeeper {
  return async (req, requestId) => {
    const refuse = (status: Refusal['status'], message: string, headers: Record<string, string> = {}) => {
      const code = status === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED';
      logger[status === 503 ? 'warn' : 'info']({ requestId, code, status }, message);
      return { admitted: false, status, code, message, headers } satisfies Refusal;
    };
    if (settings.routerSecret && !hasRouterSecret(req.headers, settings.routerSecret)) {
      return refuse(401, `Missing or wrong router secret: only the router may call this subgraph`);
    }
    let named: unknown;
    let source: string;
    if (settings.jwt) {
      const check = await settings.jwt.verify(req.headers);
      if (!check.ok) {
        // RFC 6750 §3: tell the client which scheme to use and, for a bad token, that it is bad.
        const challenge: Record<string, string> =
          check.status === 401 ? { 'www-authenticate': bearerChallenge(req) } : {};
        return refuse(check.status, check.reason, challenge);
      }
      named = check.claims[settings.jwt.tenantClaim];
      source = `the token's \`${settings.jwt.tenantClaim}\` claim`;
    } else if (settings.routerSecret) {
      named = req.headers[settings.tenantHeader];
      source = `the \`${settings.tenantHeader}\` header`;
    } else {
      named = undefined;
      source = 'nothing';
    }

    if (named === undefined) {
      const fallback = settings.tenants.fallback;
      return fallback ? { admitted: true, tenant: fallback } : refuse(403, `No tenant: expected ${source}`);
    }
    const tenant = typeof named === 'string' ? settings.tenants.get(named) : undefined;
    // The id is not echoed: it came from the caller and says nothing the caller does not know.
    return tenant ? { admitted: true, tenant } : refuse(403, `Unknown tenant in ${source}`);
  };
}

function bearerChallenge(req: IncomingMessage): string {
  return req.headers.authorization === undefined
    ? 'Bearer realm="invoice-graph"'
    : 'Bearer realm="invoice-graph", error="invalid_token"';
}
