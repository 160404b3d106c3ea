import { createLoaders } from './loaders/index.js';
import type { Logger } from './logger.js';
import type { Loaders } from './loaders/index.js';
import type { UpstreamHttp } from './http/upstreamHttp.js';
import { createConfirmaClient } from './upstreams/confirma/client.js';
import type { ConfirmaClient, ConfirmaCredentials } from './upstreams/confirma/client.js';
import { createFactorCloudClient } from './upstreams/factorcloud/client.js';
import type { FactorCloudClient, FactorCloudCredentials } from './upstreams/factorcloud/client.js';

/** What every resolver receives. Built fresh per GraphQL request. */
export interface Context {
  loaders: Loaders;
  /** Upstream clients for calls that must not be cached or batched (mutations). */
  upstreams: { confirma: ConfirmaClient; factorCloud: FactorCloudClient };
  /** FactorCloud InvoiceIntegrationId of a Confirma invoice (FACTORCLOUD_INVOICE_ID_TEMPLATE). */
  factoringInvoiceId(invoiceNumber: string): string;
  requestId: string;
  /** Logger bound to this request's id. */
  logger: Logger;
}

/** Long-lived pieces the per-request context is made from. */
export interface ContextDeps {
  logger: Logger;
  confirmaHttp: UpstreamHttp;
  factorCloudHttp: UpstreamHttp;
  confirmaCredentials: ConfirmaCredentials;
  factorCloudCredentials: FactorCloudCredentials;
  factoringInvoiceId(invoiceNumber: string): string;
}

export function createContext(deps: ContextDeps, requestId: string): Context {
  const upstreams = {
    confirma: createConfirmaClient(deps.confirmaHttp, deps.confirmaCredentials),
    factorCloud: createFactorCloudClient(deps.factorCloudHttp, deps.factorCloudCredentials),
  };
  return {
    loaders: createLoaders(upstreams, { factoringInvoiceId: deps.factoringInvoiceId }),
    upstreams,
    factoringInvoiceId: deps.factoringInvoiceId,
    requestId,
    logger: deps.logger.child({ requestId }),
  };
}

/**
 * FACTORCLOUD_INVOICE_ID_TEMPLATE: `{invoiceNumber}` is replaced by the Confirma invoice number,
 * e.g. `CF-{invoiceNumber}` links Confirma 260100001 to FactorCloud `CF-260100001`.
 */
export function invoiceIdFromTemplate(template: string): (invoiceNumber: string) => string {
  return (invoiceNumber) => template.replaceAll('{invoiceNumber}', invoiceNumber);
}
