import type { UpstreamAttempt } from '../http/observer.js';

/** How a read was answered without (or before) an HTTP call of this request. */
export type CacheAnswer = 'hit' | 'coalesced';

/**
 * One entry of `extensions.upstreamCalls`. Only labels, numbers and response paths: never a URL,
 * query string, id, name or credential (the endpoint is the call's label, e.g. `get-invoice`).
 */
export type UpstreamCallEntry =
  | {
      source: 'upstream';
      upstream: string;
      endpoint: string;
      method: 'GET' | 'POST';
      attempt: number;
      status: number | null;
      errorCode: string | null;
      durationMs: number;
      /** Response paths of the fields that were waiting when the call was sent. */
      fields: string[];
    }
  | { source: 'cache'; resource: string; cache: CacheAnswer; fields: string[] };

/**
 * What one HTTP request did, for its access log line and, when asked for (`detail`), the
 * `upstreamCalls` response extension. Counting is always on (a few integer additions); the
 * entries and the field tracking only when `detail` is set.
 */
export class RequestLedger {
  upstreamCalls = 0;
  cacheHits = 0;
  operationType: string | undefined;
  operationName: string | undefined;
  tenant: string | undefined;
  readonly errorCodes = new Set<string>();
  readonly calls: UpstreamCallEntry[] = [];
  /** Response paths of fields whose resolvers have started and not yet finished. */
  readonly pendingFields = new Set<string>();

  constructor(readonly detail: boolean) {}

  /** Counts an attempt; the shared listener for requests that did not ask for details. */
  readonly countAttempt = (): void => {
    this.upstreamCalls += 1;
  };

  /** A listener for one call's attempts, remembering which fields were waiting when it left. */
  attemptListener(): (attempt: UpstreamAttempt) => void {
    if (!this.detail) return this.countAttempt;
    const fields = [...this.pendingFields];
    return (attempt) => {
      this.upstreamCalls += 1;
      this.calls.push({
        source: 'upstream',
        upstream: attempt.upstream,
        endpoint: attempt.endpoint,
        method: attempt.method,
        attempt: attempt.attempt,
        status: attempt.status ?? null,
        errorCode: attempt.errorCode ?? null,
        durationMs: Math.round(attempt.durationMs * 10) / 10,
        fields,
      });
    };
  }

  /** A read answered by the shared cache (`hit`) or by another request's call in flight. */
  readonly cacheAnswer = (resource: string, answer: CacheAnswer): void => {
    this.cacheHits += 1;
    if (this.detail)
      this.calls.push({ source: 'cache', resource, cache: answer, fields: [...this.pendingFields] });
  };
}
