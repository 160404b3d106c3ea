import type { HealthVerdict } from './breaker.js';
import { UpstreamError } from './errors.js';
import type { UpstreamErrorDetails } from './errors.js';
import { transportFailure } from './failures.js';

export interface FailureVerdict {
  error: UpstreamError;
  /** A repeat may succeed (only ever acted on for idempotent requests). */
  retryable: boolean;
  /** What the failure says about the upstream, for the circuit breaker. */
  health: HealthVerdict;
}

/**
 * Statuses worth repeating a read for: the upstream or a proxy in front of it is overloaded or
 * restarting. 500 is left out on purpose (it is usually a bug that answers the same every time),
 * and so is every other 4xx: the same request gets the same answer.
 */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Transport errors that mean "this connection failed", not "this request is wrong": refused,
 * reset or closed connections and undici's per-attempt connect/headers/body timeouts.
 */
const RETRYABLE_TRANSPORT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
]);

/** Our own pool being closed (shutdown): says nothing about the upstream. */
const LOCAL_CLOSE_CODES = new Set(['UND_ERR_CLOSED', 'UND_ERR_DESTROYED']);

export interface AttemptContext {
  /** The whole-call deadline had passed when the attempt failed. */
  deadlinePassed: boolean;
  /** The attempt got a connection slot and was handed to undici. */
  sent: boolean;
  /**
   * The attempt was at the upstream for as long as one sent at once would be given. A deadline
   * that aborts an attempt sent later (after queueing for a slot, or late in its request's
   * budget) cut short our own wait, and says nothing about the upstream.
   */
  hadFullTime: boolean;
}

/** Sorts one failed attempt: its public error, whether to retry it, what it says about health. */
export function classifyFailure(
  raw: unknown,
  details: UpstreamErrorDetails,
  context: AttemptContext,
): FailureVerdict {
  const error = transportFailure(raw, details);
  if (!context.sent) {
    // Timed out waiting for one of our own slots: our congestion, not the upstream's.
    return { error, retryable: false, health: 'neutral' };
  }
  if (raw instanceof UpstreamError) {
    if (raw.status === undefined || raw.status < 500) {
      // An answer arrived (a 4xx, a 429, an oversized or malformed body): the upstream is up.
      // A malformed 2xx body is not retried: the reply was complete, so a repeat most likely
      // returns the same bytes; a body cut short is a transport error and is retried.
      return {
        error,
        retryable: raw.status !== undefined && RETRYABLE_STATUSES.has(raw.status),
        health: 'success',
      };
    }
    return { error, retryable: RETRYABLE_STATUSES.has(raw.status), health: 'failure' };
  }
  if (context.deadlinePassed) {
    return { error, retryable: false, health: context.hadFullTime ? 'failure' : 'neutral' };
  }
  const code = errorCode(raw);
  if (code !== undefined && LOCAL_CLOSE_CODES.has(code))
    return { error, retryable: false, health: 'neutral' };
  return { error, retryable: code !== undefined && RETRYABLE_TRANSPORT_CODES.has(code), health: 'failure' };
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}
