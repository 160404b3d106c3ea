import type { Logger } from '../logger.js';
import type { ConfirmaCredentials } from '../upstreams/confirma/client.js';
import type { FactorCloudCredentials } from '../upstreams/factorcloud/client.js';
import { createGatekeeper } from './admission.js';
import type { Gatekeeper } from './admission.js';
import { createJwtVerifier } from './jwt.js';
import type { JwtConfig } from './jwt.js';
import { DEFAULT_OPERATION_LIMITS } from './limits/limitsConfig.js';
import type { OperationLimits } from './limits/limitsConfig.js';
import type { RouterSecretConfig } from './routerSecret.js';
import { singleTenantRegistry, tenantRegistry } from './tenants.js';
import type { Tenant } from './tenants.js';

/** What createSubgraph accepts; config.ts's SecurityConfig fits, tests pass only what they test. */
export interface SecurityOptions {
  routerSecret?: RouterSecretConfig | undefined;
  tenantHeader?: string;
  jwt?: JwtConfig | undefined;
  tenants?: Tenant[] | undefined;
  limits?: Partial<OperationLimits>;
  /** Default: on outside production. */
  introspection?: boolean;
  /** Default: on outside production. */
  landingPage?: boolean;
}

export interface Security {
  admit: Gatekeeper;
  limits: OperationLimits;
  introspection: boolean;
  landingPage: boolean;
}

export interface SecurityDefaults {
  production: boolean;
  logger: Logger;
  /** The single tenant's credentials, used when no tenant registry is given. */
  confirmaCredentials: ConfirmaCredentials;
  factorCloudCredentials: FactorCloudCredentials;
}

/** Turns the settings into the request gate and the limits the server enforces. */
export function createSecurity(options: SecurityOptions, defaults: SecurityDefaults): Security {
  if (options.tenants && !options.jwt && !options.routerSecret) {
    // config.ts refuses this too; repeated here because a wrong wiring would hand any caller
    // any tenant's credentials.
    throw new Error('A tenant registry needs JWT verification or a router secret to tell tenants apart');
  }
  const tenants = options.tenants
    ? tenantRegistry(options.tenants)
    : singleTenantRegistry(defaults.confirmaCredentials, defaults.factorCloudCredentials);
  const admit = createGatekeeper(
    {
      routerSecret: options.routerSecret,
      jwt: options.jwt
        ? { verify: createJwtVerifier(options.jwt), tenantClaim: options.jwt.tenantClaim }
        : undefined,
      tenantHeader: options.tenantHeader ?? 'x-tenant-id',
      tenants,
    },
    defaults.logger,
  );
  return {
    admit,
    limits: { ...DEFAULT_OPERATION_LIMITS, ...options.limits },
    introspection: options.introspection ?? !defaults.production,
    landingPage: options.landingPage ?? !defaults.production,
  };
}
