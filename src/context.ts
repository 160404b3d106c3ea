import { lazyProperties } from './lib/lazy.js';
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
  // Built on first use: most operations need one upstream, few need a log line of their own.
  const clients = lazyProperties<Context['upstreams']>({
    confirma: () => createConfirmaClient(deps.confirmaHttp, tenant.confirma),
    factorCloud: () => createFactorCloudClient(deps.factorCloudHttp, tenant.factorCloud),
  });
  // Reads are cached per tenant and credentials; writes through these clients invalidate them.
  const upstreams = deps.upstreamCache ? deps.upstreamCache.wrap(clients, tenant) : clients;
  return lazyProperties<Context>({
    loaders: () => createLoaders(upstreams, { factoringInvoiceId: deps.factoringInvoiceId }),
    upstreams: () => upstreams,
    factoringInvoiceId: () => deps.factoringInvoiceId,
    requestId: () => requestId,
    logger: () => deps.logger.child({ requestId, tenant: tenant.id }),
    tenant: () => ({ id: tenant.id }),
  });
}

/**
 * FACTORCLOUD_INVOICE_ID_TEMPLATE: `{invoiceNumber}` is replaced by the Confirma invoice number,
 * e.g. `CF-{invoiceNumber}` links Confirma 260100001 to FactorCloud `CF-260100001`.
 */
export function invoiceIdFromTemplate(template: string): (invoiceNumber: string) => string {
  return (invoiceNumber) => template.replaceAll('{invoiceNumber}', invoiceNumber);
}
