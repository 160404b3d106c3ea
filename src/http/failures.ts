import { errors as undiciErrors } from 'undici';
import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamErrorDetails } from './errors.js';
import { parseRetryAfter } from './retryAfter.js';

export { parseRetryAfter } from './retryAfter.js';

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
  // Our own pool ended the call (the shutdown deadline, UpstreamHttp.abort): the upstream may
  // well have been reached, so the message does not blame it.
  if (error instanceof undiciErrors.ClientDestroyedError || error instanceof undiciErrors.ClientClosedError) {
    return new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      `The call to ${name} ${details.endpoint} was ended because this subgraph is shutting down`,
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
  // The whole-call deadline (deadline.ts) aborts with a DOMException named TimeoutError.
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
