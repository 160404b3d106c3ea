import { budgetFor } from '../http/resilienceConfig.js';
import type { UpstreamSettings } from '../http/resilienceConfig.js';
import { createUpstreamHttp } from '../http/upstreamHttp.js';
import type { UpstreamHttp, UpstreamHttpOptions } from '../http/upstreamHttp.js';
import type { UpstreamObserver } from '../http/observer.js';

/**
 * One pool per upstream origin, shared by every request, each with its own time budgets (the
 * shared ones with that upstream's overrides), circuit breaker and retry budget.
 */
export function createUpstreamPools(
  origins: { confirma: string; factorCloud: string },
  limits: UpstreamSettings,
  /** Metrics and traces of every attempt, retry and breaker change (observability). */
  observer?: UpstreamObserver,
  /** A clock and a jitter source of their own, for tests that drive the breaker. */
  sources: Pick<UpstreamHttpOptions, 'now' | 'random'> = {},
): { confirmaHttp: UpstreamHttp; factorCloudHttp: UpstreamHttp; requestTimeoutMs: number } {
  return {
    // Not a pool's: it bounds one GraphQL request's calls to both (context.ts).
    requestTimeoutMs: limits.requestTimeoutMs,
    confirmaHttp: createUpstreamHttp({
      upstream: 'confirma',
      origin: origins.confirma,
      ...budgetFor(limits, 'confirma'),
      ...sources,
      observer,
    }),
    factorCloudHttp: createUpstreamHttp({
      upstream: 'factorcloud',
      origin: origins.factorCloud,
      ...budgetFor(limits, 'factorCloud'),
      ...sources,
      observer,
    }),
  };
}
