import type { ConfirmaCredentials } from '../upstreams/confirma/client.js';
import type { FactorCloudCredentials } from '../upstreams/factorcloud/client.js';

/** The tenant id of a single-tenant deployment (credentials from CONFIRMA_* / FACTORCLOUD_*). */
export const DEFAULT_TENANT_ID = 'default';

/**
 * One tenant's upstream credentials. The objects are long-lived and shared by that tenant's
 * requests only; the graph never changes them (key renewal is an operator command).
 */
export interface Tenant {
  id: string;
  confirma: ConfirmaCredentials;
  factorCloud: FactorCloudCredentials;
}

/** Tenant id → credentials; the only place a request's tenant is turned into credentials. */
export interface TenantRegistry {
  /** True when the registry came from TENANTS_FILE / TENANTS_JSON rather than the env vars. */
  readonly multiTenant: boolean;
  get(id: string): Tenant | undefined;
  /** The tenant of a request that names none; undefined when every request must name one. */
  readonly fallback: Tenant | undefined;
  /** Every credential value, for log redaction. */
  secrets(): string[];
}

export function tenantRegistry(tenants: readonly Tenant[]): TenantRegistry {
  const byId = new Map(tenants.map((tenant) => [tenant.id, tenant]));
  return {
    multiTenant: true,
    // Map#get, not an object lookup: ids such as `__proto__` or `constructor` find nothing.
    get: (id) => byId.get(id),
    fallback: undefined,
    secrets: () => tenants.flatMap(tenantSecrets),
  };
}

/** Today's deployment: one tenant, `default`, with the credentials from the environment. */
export function singleTenantRegistry(
  confirma: ConfirmaCredentials,
  factorCloud: FactorCloudCredentials,
): TenantRegistry {
  const tenant: Tenant = { id: DEFAULT_TENANT_ID, confirma, factorCloud };
  return {
    multiTenant: false,
    get: (id) => (id === DEFAULT_TENANT_ID ? tenant : undefined),
    fallback: tenant,
    secrets: () => tenantSecrets(tenant),
  };
}

/** A tenant's credential values long enough to be worth redacting. */
export function tenantSecrets(tenant: Tenant): string[] {
  return [
    tenant.confirma.apiKey,
    tenant.confirma.provisioningToken ?? '',
    tenant.factorCloud.apiKey,
    tenant.factorCloud.systemKey,
    tenant.factorCloud.factorId,
  ].filter((secret) => secret.length >= 4);
}
