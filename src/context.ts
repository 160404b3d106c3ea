import { createLoaders } from './loaders/index.js';
import type { Loaders } from './loaders/index.js';
import type { UpstreamHttp } from './http/upstreamHttp.js';
import { createConfirmaClient } from './upstreams/confirma/client.js';
import type { ConfirmaCredentials } from './upstreams/confirma/client.js';
import { createFactorCloudClient } from './upstreams/factorcloud/client.js';
import type { FactorCloudCredentials } from './upstreams/factorcloud/client.js';

/** What every resolver receives. Built fresh per GraphQL request. */
export interface Context {
  loaders: Loaders;
  /** FactorCloud InvoiceIntegrationId of a Confirma invoice (FACTORCLOUD_INVOICE_ID_TEMPLATE). */
  factoringInvoiceId(invoiceNumber: string): string;
  requestId: string;
}

/** Long-lived pieces the per-request context is made from. */
export interface ContextDeps {
  confirmaHttp: UpstreamHttp;
  factorCloudHttp: UpstreamHttp;
  confirmaCredentials: ConfirmaCredentials;
  factorCloudCredentials: FactorCloudCredentials;
  factoringInvoiceId(invoiceNumber: string): string;
}

export function createContext(deps: ContextDeps, requestId: string): Context {
  return {
    loaders: createLoaders({
      confirma: createConfirmaClient(deps.confirmaHttp, deps.confirmaCredentials),
      factorCloud: createFactorCloudClient(deps.factorCloudHttp, deps.factorCloudCredentials),
    }),
    factoringInvoiceId: deps.factoringInvoiceId,
    requestId,
  };
}

/**
 * FACTORCLOUD_INVOICE_ID_TEMPLATE: `{invoiceNumber}` is replaced by the Confirma invoice number,
 * e.g. `CF-{invoiceNumber}` links Confirma 260100001 to FactorCloud `CF-260100001`.
 */
export function invoiceIdFromTemplate(template: string): (invoiceNumber: string) => string {
  return (invoiceNumber) => template.replaceAll('{invoiceNumber}', invoiceNumber);
}
