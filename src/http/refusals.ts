import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamName } from './errors.js';

/** Calls the transport refuses to send: the upstream's breaker is open, or the request's time is up. */

export function breakerOpen(details: { upstream: UpstreamName; endpoint: string }, retryAfterMs: number) {
  const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new UpstreamError(
    'UPSTREAM_UNAVAILABLE',
    `${upstreamDisplayName(details.upstream)} failed repeatedly, so ${details.endpoint} is not being ` +
      `called for now; retry in about ${retryAfterSeconds} s`,
    { ...details, retryAfterSeconds },
  );
}

export function requestTimeUp(details: { upstream: UpstreamName; endpoint: string }, budgetMs: number) {
  return new UpstreamError(
    'UPSTREAM_TIMEOUT',
    `${details.endpoint} was not sent to ${upstreamDisplayName(details.upstream)}: the request's ` +
      `${budgetMs} ms for upstream calls (UPSTREAM_REQUEST_TIMEOUT_MS) were used up`,
    details,
  );
}
