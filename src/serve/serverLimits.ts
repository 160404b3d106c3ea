import type { ServerOptions } from 'node:http';
import type { z } from 'zod';
import { integer } from '../lib/envValues.js';

/**
 * How long the HTTP server waits for a client, how many connections it holds, and how long a
 * shutdown waits for requests in flight: their environment variables (merged into config.ts's
 * schema, which stays the only reader of the environment) and defaults.
 */
export interface ServerLimits {
  /** A request's headers must have arrived this long after it began (or the connection opened). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived within this; else 408 and close. */
  requestTimeoutMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Connections past this many are closed as soon as they open. */
  maxConnections: number;
  /** How long a shutdown waits for requests in flight before giving up on them. */
  shutdownTimeoutMs: number;
}

/** Added to the longest upstream call budget to give the default shutdown deadline. */
const SHUTDOWN_MARGIN_MS = 5_000;

export const serverEnvShape = {
  SERVER_HEADERS_TIMEOUT_MS: integer(10_000, 100, 300_000),
  SERVER_REQUEST_TIMEOUT_MS: integer(30_000, 100, 600_000),
  SERVER_KEEP_ALIVE_TIMEOUT_MS: integer(5_000, 100, 600_000),
  SERVER_MAX_CONNECTIONS: integer(1_000, 1, 100_000),
  // 0: derived from the upstream budgets (see shutdownDeadlineMs).
  SHUTDOWN_TIMEOUT_MS: integer(0, 0, 600_000),
};

type ServerEnv = z.output<z.ZodObject<typeof serverEnvShape>>;

/**
 * The shutdown deadline: the one set, or the longest whole-call upstream budget plus a margin,
 * so that a request waiting on an upstream call when the signal came gets that call's answer
 * (or its timeout, as a field error) before the deadline; the upstream calls still running at
 * the deadline are aborted first (src/index.ts), so each request in flight is answered.
 */
export function shutdownDeadlineMs(configured: number, longestUpstreamCallMs: number): number {
  return configured > 0 ? configured : longestUpstreamCallMs + SHUTDOWN_MARGIN_MS;
}

export function serverLimits(e: ServerEnv, longestUpstreamCallMs: number): ServerLimits {
  return {
    headersTimeoutMs: e.SERVER_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: e.SERVER_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: e.SERVER_KEEP_ALIVE_TIMEOUT_MS,
    maxConnections: e.SERVER_MAX_CONNECTIONS,
    shutdownTimeoutMs: shutdownDeadlineMs(e.SHUTDOWN_TIMEOUT_MS, longestUpstreamCallMs),
  };
}

/** Settings that only make sense together; node:http refuses headers longer than the request. */
export function serverLimitsProblems(e: ServerEnv): string[] {
  return e.SERVER_HEADERS_TIMEOUT_MS > e.SERVER_REQUEST_TIMEOUT_MS
    ? [
        `SERVER_HEADERS_TIMEOUT_MS: must not be longer than SERVER_REQUEST_TIMEOUT_MS ` +
          `(${e.SERVER_REQUEST_TIMEOUT_MS}), got ${e.SERVER_HEADERS_TIMEOUT_MS}`,
      ]
    : [];
}

/**
 * Options for `http.createServer`. Node checks the headers and request timeouts on a timer
 * (every 30 s by default), so a timeout fires up to that much late; the check runs here at a
 * quarter of the shorter timeout, at most once a second.
 */
export function httpServerOptions(limits: ServerLimits): ServerOptions {
  const shorter = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(shorter / 4))),
  };
}
