import { RequestCalls } from './http/requestCalls.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from './http/resilienceConfig.js';
import { createLoaders } from './loaders/index.js';
import type { Logger } from './logger.js';
import { scopedHttp } from './observability/upstreamCall.js';
import type { RequestScope } from './observability/requestScope.js';
import type { Loaders } from './loaders/index.js';
import type { UpstreamHttp } from './http/upstreamHttp.js';
import type { UpstreamCache, UpstreamClients } from './cache/upstreamCache.js';
import type { ReadFreshness } from './cache/freshness.js';
import type { Tenant } from './security/tenants.js';
import { DEFAULT_TIME_ZONES } from './lib/timeZoneSettings.js';
import type { TimeZones } from './lib/timeZoneSettings.js';
import { DEFAULT_CURRENCIES } from './lib/currencySettings.js';
import type { Currencies } from './lib/currencySettings.js';
import { createConfirmaClient } from './upstreams/confirma/client.js';
import type { ConfirmaClient, ConfirmaCredentials } from './upstreams/confirma/client.js';
import type { WriteGuard } from './writes/writeGuard.js';
import { createFactorCloudClient } from './upstreams/factorcloud/client.js';
import type { FactorCloudClient, FactorCloudCredentials } from './upstreams/factorcloud/client.js';

/** What every resolver receives. Built fresh per GraphQL request. */
export interface Context {
  loaders: Loaders;
  /**
   * Upstream clients for calls that are not batched (mutations, live checks). Their reads go
   * through the cross-request cache when one is configured; their writes invalidate it.
   */
  upstreams: UpstreamClients;
  /** FactorCloud InvoiceIntegrationId of a Confirma invoice (FACTORCLOUD_INVOICE_ID_TEMPLATE). */
  factoringInvoiceId(invoiceNumber: string): string;
  requestId: string;
  /** What the request's observability needs: its id, trace context and the metrics. */
  scope: RequestScope;
  /** Logger bound to this request's id. */
  logger: Logger;
  /** Whose credentials this request uses (`default` in a single-tenant deployment). */
  tenant: { id: string };
  /** The business zone ("today") and the zones of upstream timestamps without an offset. */
  timeZones: TimeZones;
  /** The currency of amounts whose upstream record states none (CONFIRMA_/FACTORCLOUD_CURRENCY). */
  currencies: Currencies;
  /** The duplicate guard every write runs through (src/writes), shared by all requests. */
  writes: WriteGuard;
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
  /** One request's whole time for upstream calls (UPSTREAM_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number | undefined;
  /** BUSINESS_TIME_ZONE and the upstreams' zones; default: DEFAULT_TIME_ZONES. */
  timeZones?: TimeZones | undefined;
  /** CONFIRMA_CURRENCY and FACTORCLOUD_CURRENCY; default: DEFAULT_CURRENCIES. */
  currencies?: Currencies | undefined;
  /** The duplicate guard of writes: in Redis when REDIS_URL is set, else in this process. */
  writeGuard: WriteGuard;
}

/**
 * The tenant was settled by the request gate (src/security/admission.ts); its credentials are
 * the only ones this request's clients ever hold. `freshness` comes from the request's
 * `Cache-Control` header (src/cache/freshness.ts).
 */
export function createContext(
  deps: ContextDeps,
  scope: RequestScope,
  tenant: Tenant,
  freshness: ReadFreshness = 'cached',
): Context {
  const clients = new RequestClients(deps, scope, tenant);
  // Reads are cached per tenant and credentials; writes through these clients invalidate them.
  const upstreams = deps.upstreamCache
    ? deps.upstreamCache.wrap(clients, tenant, scope.ledger.cacheAnswer, freshness)
    : clients;
  return new RequestContext(
    createLoaders(upstreams, { factoringInvoiceId: deps.factoringInvoiceId, batchSizes: scope.metrics }),
    upstreams,
    deps.factoringInvoiceId,
    scope,
    { id: tenant.id },
    deps.logger,
    deps.timeZones ?? DEFAULT_TIME_ZONES,
    deps.currencies ?? DEFAULT_CURRENCIES,
    deps.writeGuard,
  );
}

/**
 * Plain fields, so Apollo's per-operation copy of the context (`Object.assign`, which reads
 * every own property, onto an object with the same prototype) builds nothing; the request id
 * is read from the scope, and the request's logger, which few resolvers use, is made only when
 * asked for, both by getters on the prototype.
 */
class RequestContext implements Context {
  constructor(
    readonly loaders: Loaders,
    readonly upstreams: Context['upstreams'],
    readonly factoringInvoiceId: (invoiceNumber: string) => string,
    readonly scope: RequestScope,
    readonly tenant: { id: string },
    private readonly rootLogger: Logger,
    readonly timeZones: TimeZones,
    readonly currencies: Currencies,
    readonly writes: WriteGuard,
  ) {}

  get requestId(): string {
    return this.scope.requestId;
  }

  get logger(): Logger {
    return this.rootLogger.child({ requestId: this.requestId, tenant: this.tenant.id });
  }
}

/**
 * This request's clients: the tenant's credentials over a view of the shared pools that tags
 * every call with the request's id and trace context (`scopedHttp`). Each is built when first
 * used; a client is a handful of closures, so building one per request is cheap.
 */
class RequestClients implements UpstreamClients {
  #confirma: ConfirmaClient | undefined;
  #factorCloud: FactorCloudClient | undefined;
  /**
   * One count of rounds and one deadline for both upstreams (a get-invoice builds on a Confirma
   * page), started with the request rather than with its first call.
   */
  readonly #calls: RequestCalls;

  constructor(
    private readonly deps: ContextDeps,
    private readonly scope: RequestScope,
    private readonly tenant: Tenant,
  ) {
    this.#calls = new RequestCalls(deps.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
  }

  get confirma(): ConfirmaClient {
    return (this.#confirma ??= createConfirmaClient(
      scopedHttp(this.deps.confirmaHttp, this.scope, this.#calls),
      this.tenant.confirma,
    ));
  }
  get factorCloud(): FactorCloudClient {
    return (this.#factorCloud ??= createFactorCloudClient(
      scopedHttp(this.deps.factorCloudHttp, this.scope, this.#calls),
      this.tenant.factorCloud,
    ));
  }
}

/**
 * FACTORCLOUD_INVOICE_ID_TEMPLATE: `{invoiceNumber}` is replaced by the Confirma invoice number,
 * e.g. `CF-{invoiceNumber}` links Confirma 260100001 to FactorCloud `CF-260100001`.
 */
export function invoiceIdFromTemplate(template: string): (invoiceNumber: string) => string {
  return (invoiceNumber) => template.replaceAll('{invoiceNumber}', invoiceNumber);
}
