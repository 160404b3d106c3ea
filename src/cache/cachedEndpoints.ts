import type { AnyEndpoint, EndpointClient, EndpointTable, Invalidation } from '../upstreams/endpoint.js';
import type { TtlTable } from './cacheConfig.js';
import type { CacheSession } from './cacheSession.js';

export interface CachedClientDeps {
  session: CacheSession;
  /** Seconds of each TTL setting. */
  ttlSeconds: TtlTable;
  /** Today's date (UTC, ISO) for rules that age by date windows. */
  today: () => string;
  /** This request's partition (tenant and current credentials); read on every call. */
  partition(): string;
}

type Method = (params: never) => Promise<unknown>;

interface Cached {
  readonly client: Record<string, Method>;
  readonly deps: CachedClientDeps;
}

/**
 * The cached wrapper of a table's client, built once per table (a request's wrapper is one
 * object): entries with a `cache` rule read through the cache; entries with `invalidates` drop
 * what they change after the write, whatever its outcome; the rest (connection checks, token
 * calls, onboarding) always reach the upstream.
 */
export function cachedEndpoints<T extends EndpointTable>(
  table: T,
): (client: EndpointClient<T>, deps: CachedClientDeps) => EndpointClient<T> {
  class CachedClient implements Cached {
    readonly client: Record<string, Method>;
    constructor(
      client: EndpointClient<T>,
      readonly deps: CachedClientDeps,
    ) {
      // The client has one method per entry (EndpointClient); looked up by the entry's name.
      this.client = client as unknown as Record<string, Method>;
    }
  }
  for (const [name, entry] of Object.entries(table)) {
    Object.defineProperty(CachedClient.prototype, name, { value: cachedMethod(name, entry) });
  }
  return (client, deps) => new CachedClient(client, deps) as unknown as EndpointClient<T>;
}

function cachedMethod(name: string, entry: AnyEndpoint) {
  const { cache, invalidates } = entry;
  if (cache) {
    return function read(this: Cached, params: never): Promise<unknown> {
      const load = () => this.client[name]!(params);
      const place = cache.place(params);
      if (!place) return load();
      const { session, ttlSeconds, today } = this.deps;
      return session.read({
        partition: this.deps.partition(),
        resource: place.resource,
        params: place.key,
        scope: place.scope,
        ttlSeconds: (value) => ttlSeconds[cache.ttl(value, params, today)],
        load,
      });
    };
  }
  if (invalidates) {
    return async function write(this: Cached, params: never): Promise<unknown> {
      let result: unknown;
      try {
        result = await this.client[name]!(params);
        return result;
      } finally {
        await drop(this.deps, invalidates(params, result));
      }
    };
  }
  return function live(this: Cached, params: never): Promise<unknown> {
    return this.client[name]!(params);
  };
}

/** Drops single answers (in their scope's current generation when they have one) and bumps scopes. */
async function drop(deps: CachedClientDeps, { answers = [], scopes = [] }: Invalidation): Promise<void> {
  const { session } = deps;
  const partition = deps.partition();
  const plain = answers.filter((answer) => answer.scope === undefined);
  const scoped = new Map<string, Array<readonly [string, readonly unknown[]]>>();
  for (const answer of answers) {
    if (answer.scope === undefined) continue;
    const list = scoped.get(answer.scope) ?? [];
    list.push([answer.resource, answer.key]);
    scoped.set(answer.scope, list);
  }
  await Promise.all([
    // Always called: it also makes this request's own fresh answers stale (cacheSession.ts).
    session.invalidate(plain.map((answer) => session.keyOf(partition, answer.resource, answer.key))),
    ...[...scoped].map(([scope, entries]) => session.invalidateScoped(partition, scope, entries)),
    ...scopes.map((scope) => session.bump(partition, scope)),
  ]);
}
