import type { UpstreamName } from '../http/errors.js';
import type { BreakerState } from '../http/observer.js';
import type { UpstreamHttp } from '../http/upstreamHttp.js';

export interface Readiness {
  status: 200 | 503;
  body: {
    status: 'ready' | 'not ready';
    /** Each upstream's circuit breaker state. */
    upstreams: Record<string, BreakerState>;
    /** The upstreams that make this instance not ready, when any. */
    notReady?: UpstreamName[];
  };
}

/**
 * Ready when no upstream's circuit breaker is open. The subgraph only exists once its
 * configuration was valid and Apollo started, so being asked at all means "configured".
 *
 * Costs nothing per probe: it reads breaker state and never calls an upstream, because a
 * probe every few seconds from every orchestrator would otherwise be load on the upstreams.
 * A half-open breaker counts as ready: it is letting a trial request through to recover.
 */
export function readinessOf(upstreams: readonly UpstreamHttp[]): () => Readiness {
  return () => {
    const states: Record<string, BreakerState> = {};
    const notReady: UpstreamName[] = [];
    for (const http of upstreams) {
      const state = http.breakerState();
      states[http.upstream] = state;
      if (state === 'open') notReady.push(http.upstream);
    }
    return notReady.length === 0
      ? { status: 200, body: { status: 'ready', upstreams: states } }
      : { status: 503, body: { status: 'not ready', upstreams: states, notReady } };
  };
}
