import { createLoaders } from './loaders/index.js';
import type { Logger } from './logger.js';
import type { Loaders } from './loaders/index.js';
import type { UpstreamHttp } from './http/upstreamHttp.js';
import type { UpstreamCache } from './cache/upstreamCache.js';
import type { Tenant } from './security/tenants.js';
import { createConfirmaClient } from './upstreams/confirma/client.js';
import type { ConfirmaClient, ConfirmaCredentials } from './upstreams/confirma/client.js';
import { createFactorCloudClient } from './upstreams/factorcloud/client.js';
import type { FactorCloudClient, FactorCloudCredentials } from './upstreams/factorcloud/client.js';

/** What every resolver receives. Built fresh per GraphQL request. */
export interface Context {
  loaders: Loaders;
  /**
   * Upstream clients for calls that are not batched (mutations, live checks). Their reads go
   * through the cross-request cache when one is configured; their writes invalidate it.
   */
  upstreams: { confirma: ConfirmaClient; factorCloud: FactorCloudClient };
  /** FactorCloud InvoiceIntegrationId of a Confirma invoice (FACTORCLOUD_INVOICE_ID_TEMPLATE). */
  factoringInvoiceId(invoiceNumber: string): string;
  requestId: string;
  /** Logger bound to this request's id. */
  logger: Logger;
  /** Whose credentials this request uses (`default` in a single-tenant deployment). */
  tenant: { id: string };
}

/** Long-lived pieces the per-request context is made from. */
export interface ContextDeps {
  logger: Logger;
  confirmaHttp: UpstreamHttp;
  factorCloudHttp: UpstreamHttp;
  /** The single tenant's credentials; unused when a tenant registry is configured. */
  confirmaCredentials: ConfirmaCredentials;
  factorCloudCredentials: FactorCloudCredentials;
  factoringInvoiceId(invoiceNumber: string): string;
  /** Cross-request cache of upstream reads (src/cache); absent: every read goes upstream. */
  upstreamCache?: UpstreamCache | undefined;
}

/**
 * The tenant was settled by the request gate (src/security/admission.ts); its credentials are
 * the only ones this request's clients ever hold.
 */
export function createContext(deps: ContextDeps, requestId: string, tenant: Tenant): Context {
  const clients = tenantClients(deps, tenant);
  // Reads are cached per tenant and credentials; writes through these clients invalidate them.
  const upstreams = deps.upstreamCache ? deps.upstreamCache.wrap(clients, tenant) : clients;
  return new RequestContext(
    createLoaders(upstreams, { factoringInvoiceId: deps.factoringInvoiceId }),
    upstreams,
    deps.factoringInvoiceId,
    requestId,
    { id: tenant.id },
    deps.logger,
  );
}

/**
 * Plain fields, so Apollo's per-operation copy of the context (`Object.assign`, which reads
 * every own property) builds nothing; the request's logger, which few resolvers use, comes
 * from a getter on the prototype and is made only when asked for.
 */
class RequestContext implements Context {
  constructor(
    readonly loaders: Loaders,
    readonly upstreams: Context['upstreams'],
    readonly factoringInvoiceId: (invoiceNumber: string) => string,
    readonly requestId: string,
    readonly tenant: { id: string },
    private readonly rootLogger: Logger,
  ) {}

  get logger(): Logger {
    return this.rootLogger.child({ requestId: this.requestId, tenant: this.tenant.id });
  }
}

/**
 * A tenant's clients hold nothing but the pool and the tenant's credentials, which they read at
 * call time (a renewed Confirma token takes effect at once), so each subgraph builds them once
 * per tenant instead of once per request. Requests of other tenants never see them.
 */
const clientsByDeps = new WeakMap<ContextDeps, WeakMap<Tenant, Context['upstreams']>>();

function tenantClients(deps: ContextDeps, tenant: Tenant): Context['upstreams'] {
  let byTenant = clientsByDeps.get(deps);
  if (!byTenant) clientsByDeps.set(deps, (byTenant = new WeakMap()));
  let clients = byTenant.get(tenant);
  if (!clients) {
    clients = {
      confirma: createConfirmaClient(deps.confirmaHttp, tenant.confirma),
      factorCloud: createFactorCloudClient(deps.factorCloudHttp, tenant.factorCloud),
    };
    byTenant.set(tenant, clients);
  }
  return clients;
}

/**
 * FACTORCLOUD_INVOICE_ID_TEMPLATE: `{invoiceNumber}` is replaced by the Confirma invoice number,
 * e.g. `CF-{invoiceNumber}` links Confirma 260100001 to FactorCloud `CF-260100001`.
 */
export function invoiceIdFromTemplate(template: string): (invoiceNumber: string) => string {
  return (invoiceNumber) => template.replaceAll('{invoiceNumber}', invoiceNumber);
}
