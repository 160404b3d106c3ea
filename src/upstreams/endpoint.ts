import type { UpstreamResponse } from '../http/upstreamTypes.js';
import type { TtlName } from './ttlNames.js';

/**
 * One upstream endpoint as an entry of its upstream's table (`<upstream>/endpoints.ts`). The
 * client method, the cached wrapper (src/cache/cachedEndpoints.ts), the per-request loader
 * (src/loaders/endpointLoaders.ts) and the metrics label all come from the entry, so adding an
 * endpoint is its entry, its schema and resolver, and its test.
 *
 * Entries are written `{ … } satisfies Endpoint<Params, Result>`: the two types are the
 * endpoint's contract, and every function of the entry is typed by them.
 */
export type Endpoint<P, R> = PlainEndpoint<P, R> | CompositeEndpoint<P, R>;

/** What every entry states besides how it is sent. */
export interface EndpointHead {
  /** Label in errors, logs, traces and metrics (`upstream_requests_total{endpoint}`). */
  name: string;
  method: 'GET' | 'POST';
  /** Path below the upstream's base path, e.g. `/invoice/case` or `get-docs`. */
  path: string;
  /**
   * Safe to send twice: the only calls the HTTP layer retries after a transient failure. False
   * for every write, and for reads that change state upstream (settlements marked fetched).
   */
  idempotent: boolean;
}

interface EndpointRules<P, R> extends EndpointHead {
  /** Reads: where the answer is kept in the cross-request cache and for how long. */
  cache?: CacheRule<P, R>;
  /**
   * Writes: the cached answers this write may change. Applied after the write whatever its
   * outcome (`result` is undefined when it failed on the way: it may still have happened).
   */
  invalidates?(params: P, result: R | undefined): Invalidation;
  /** Reads resolvers ask for per key: a per-request DataLoader named like the entry. */
  loader?: LoaderRule<P>;
}

/** One request, one reply: the common case. */
export interface PlainEndpoint<P, R> extends EndpointRules<P, R> {
  request(params: P): EndpointRequest;
  /** Reads the reply (zod-parsed); statuses listed in `accept` arrive here too. */
  reply(response: UpstreamResponse, params: P): R;
}

/**
 * More than one request (a documented fallback form, a read before a write): the entry sends
 * them itself through the upstream's transport, by `invoke` on other entries or on its own head.
 */
export interface CompositeEndpoint<P, R> extends EndpointRules<P, R> {
  send(transport: Transport, params: P): Promise<R>;
}

/** What an entry states about one call; the upstream's transport adds base path, auth and headers. */
export interface EndpointRequest {
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  /** JSON body, typed by the entry; the transport serialises it (exact numbers kept). */
  body?: unknown;
  /** Path after the entry's path (FactorCloud's `<UUID>.json`). */
  suffix?: string;
  /** Non-2xx statuses the entry reads itself (e.g. 404 meaning "not known"). */
  accept?: readonly number[];
  /** A credential other than the client's own (Confirma's provisioning token, §2.2). */
  token?: string;
}

/** Sends one call of an upstream (its base path, auth headers and body encoding). */
export type Transport = (head: EndpointHead, request: EndpointRequest) => Promise<UpstreamResponse>;

/** Where one answer lives in the cross-request cache, always inside the tenant's partition. */
export interface CachePlace {
  /** Part of the key and the `cache` metric label, e.g. `factorcloud.document`. */
  resource: string;
  /** What identifies the answer within its resource (normalised ids, query values). */
  key: readonly unknown[];
  /** Answers of one kind that a write drops together (all distribution lists, all documents). */
  scope?: string;
}

export interface CacheRule<P, R> {
  /** Where this call's answer is kept; undefined: this call is never cached. */
  place(params: P): CachePlace | undefined;
  /** Which TTL setting (CACHE_TTL_*) applies to this answer; it may depend on its state. */
  ttl(value: R, params: P, today: () => string): TtlName;
}

/** The cached answers one write may have changed, in the tenant's partition. */
export interface Invalidation {
  /** Single answers; one with a scope is dropped in that scope's current generation. */
  answers?: readonly CachePlace[];
  /** Scopes whose every answer is dropped at once. */
  scopes?: readonly string[];
}

export interface LoaderRule<P> {
  /** Two parameters with one key are one upstream call per request (ids compare normalised). */
  key(params: P): string;
}

/** Any entry, as a table holds it (methods are compared bivariantly, so every entry fits). */
export type AnyEndpoint = Endpoint<never, unknown>;
export type EndpointTable = Record<string, AnyEndpoint>;

export type ParamsOf<E> = E extends Endpoint<infer P, infer _R> ? P : never;
export type ResultOf<E> = E extends Endpoint<infer _P, infer R> ? R : never;

/** One method per entry, named like it: `client.caseById(id)`. */
export type EndpointClient<T> = {
  readonly [K in keyof T]: (params: ParamsOf<T[K]>) => Promise<ResultOf<T[K]>>;
};

/** Sends one entry's call(s) and reads the reply. */
export function invoke<P, R>(entry: Endpoint<P, R>, transport: Transport, params: P): Promise<R> {
  if ('send' in entry) return entry.send(transport, params);
  return transport(entry, entry.request(params)).then((response) => entry.reply(response, params));
}

/**
 * The client class of a table, built once per table: a request's client is one object holding
 * its transport, its methods live on the shared prototype.
 */
export function endpointClient<T extends EndpointTable>(
  table: T,
): (transport: Transport) => EndpointClient<T> {
  class Client {
    constructor(readonly transport: Transport) {}
  }
  for (const [name, entry] of Object.entries(table)) {
    Object.defineProperty(Client.prototype, name, {
      value(this: Client, params: never) {
        return invoke(entry, this.transport, params);
      },
    });
  }
  // The prototype was given one method per entry just above; the mapped type says so.
  return (transport) => new Client(transport) as unknown as EndpointClient<T>;
}
