import { errors as undiciErrors } from 'undici';
import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamErrorDetails } from './errors.js';

/** Turns a transport failure (timeouts, refused or reset connections) into an UpstreamError. */
export function transportFailure(error: unknown, details: UpstreamErrorDetails): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const name = upstreamDisplayName(details.upstream);
  if (isTimeout(error)) {
    return new UpstreamError(
      'UPSTREAM_TIMEOUT',
      `${name} did not answer ${details.endpoint} in time`,
      details,
    );
  }
  return new UpstreamError(
    'UPSTREAM_UNAVAILABLE',
    `${name} could not be reached for ${details.endpoint}`,
    details,
  );
}

function isTimeout(error: unknown): boolean {
  if (
    error instanceof undiciErrors.ConnectTimeoutError ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError
  ) {
    return true;
  }
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
  return error instanceof Error && error.name === 'TimeoutError';
}

/** Maps a non-success HTTP status to an UpstreamError (statuses the caller did not accept). */
export function statusFailure(
  status: number,
  retryAfterHeader: string | undefined,
  details: Omit<UpstreamErrorDetails, 'status'>,
): UpstreamError {
  const name = upstreamDisplayName(details.upstream);
  const withStatus = { ...details, status };
  if (status === 401 || status === 403) {
    return new UpstreamError(
      'UPSTREAM_UNAUTHORIZED',
      `${name} refused our credentials for ${details.endpoint} (HTTP ${status})`,
      withStatus,
    );
  }
  if (status === 408 || status === 504) {
    return new UpstreamError(
      'UPSTREAM_TIMEOUT',
      `${name} timed out on ${details.endpoint} (HTTP ${status})`,
      withStatus,
    );
  }
  if (status === 429 || status >= 500) {
    const retryAfterSeconds = parseRetryAfter(retryAfterHeader);
    return new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      `${name} is unavailable for ${details.endpoint} (HTTP ${status})`,
      retryAfterSeconds === undefined ? withStatus : { ...withStatus, retryAfterSeconds },
    );
  }
  // Any other 4xx on a request we validated means the two sides disagree on the contract.
  return new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `${name} rejected ${details.endpoint} (HTTP ${status})`,
    withStatus,
  );
}

/** IMF-fixdate, the HTTP-date form senders must use (RFC 9110 §5.6.7). */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  // Date.parse is lenient ("-5" and "1.5" parse as dates), so only a real HTTP date gets that far.
  if (!IMF_FIXDATE.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
