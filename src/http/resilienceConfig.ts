import { z } from 'zod';
import { integer, optionalInteger as override } from '../lib/envValues.js';
import type { BreakerPolicy } from './breaker.js';
import type { RetryPolicy } from './retryPlan.js';

/**
 * The upstream time budgets, retry and circuit-breaker settings: their environment variables
 * (merged into config.ts's schema, which stays the only reader of the environment) and defaults.
 */

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 100,
  maxDelayMs: 2_000,
  budget: { percent: 20, minRetries: 10, windowMs: 10_000 },
};

export const DEFAULT_BREAKER_POLICY: BreakerPolicy = { failureThreshold: 5, cooldownMs: 10_000 };

/**
 * One GraphQL request's whole time for its upstream calls, both upstreams and every round of a
 * chain together (requestCalls.ts). As long as one call's budget by default, so a request of one
 * call is not cut shorter than before; a chain of calls shares it.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;

/** The time budgets and concurrency bound of one upstream. */
export interface UpstreamBudget {
  maxConcurrency: number;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  totalTimeoutMs: number;
}

/** Shared budgets (the UPSTREAM_* variables) plus what each upstream overrides. */
export interface UpstreamSettings extends UpstreamBudget {
  retry: RetryPolicy;
  breaker: BreakerPolicy;
  /** UPSTREAM_REQUEST_TIMEOUT_MS: bounds all calls of one GraphQL request; no per-upstream value. */
  requestTimeoutMs: number;
  /** Set from CONFIRMA_* and FACTORCLOUD_* variables; absent keys use the shared value. */
  overrides: { confirma: Partial<UpstreamBudget>; factorCloud: Partial<UpstreamBudget> };
}

/**
 * [default, min, max] of each budget. undici checks the headers and body timeouts on a ~0.5 s
 * tick, so they can fire up to about a second late: values under 1000 ms are not precise.
 */
const BUDGET_RANGES = {
  MAX_CONCURRENCY: [16, 1, 256],
  CONNECT_TIMEOUT_MS: [3_000, 1, 120_000],
  HEADERS_TIMEOUT_MS: [10_000, 1, 300_000],
  BODY_TIMEOUT_MS: [10_000, 1, 300_000],
  TOTAL_TIMEOUT_MS: [15_000, 1, 600_000],
} as const;

const r = BUDGET_RANGES;
const d = DEFAULT_RETRY_POLICY;

/** Spread into config.ts's environment schema. */
export const upstreamEnvShape = {
  UPSTREAM_MAX_CONCURRENCY: integer(...r.MAX_CONCURRENCY),
  UPSTREAM_CONNECT_TIMEOUT_MS: integer(...r.CONNECT_TIMEOUT_MS),
  UPSTREAM_HEADERS_TIMEOUT_MS: integer(...r.HEADERS_TIMEOUT_MS),
  UPSTREAM_BODY_TIMEOUT_MS: integer(...r.BODY_TIMEOUT_MS),
  UPSTREAM_TOTAL_TIMEOUT_MS: integer(...r.TOTAL_TIMEOUT_MS),
  UPSTREAM_REQUEST_TIMEOUT_MS: integer(
    DEFAULT_REQUEST_TIMEOUT_MS,
    r.TOTAL_TIMEOUT_MS[1],
    r.TOTAL_TIMEOUT_MS[2],
  ),
  UPSTREAM_RETRY_MAX_ATTEMPTS: integer(d.maxAttempts, 1, 10),
  UPSTREAM_RETRY_BASE_DELAY_MS: integer(d.baseDelayMs, 0, 60_000),
  UPSTREAM_RETRY_MAX_DELAY_MS: integer(d.maxDelayMs, 0, 600_000),
  UPSTREAM_RETRY_BUDGET_PERCENT: integer(d.budget.percent, 0, 100),
  UPSTREAM_RETRY_BUDGET_MIN_RETRIES: integer(d.budget.minRetries, 0, 100_000),
  UPSTREAM_RETRY_BUDGET_WINDOW_MS: integer(d.budget.windowMs, 1_000, 3_600_000),
  UPSTREAM_BREAKER_FAILURE_THRESHOLD: integer(DEFAULT_BREAKER_POLICY.failureThreshold, 1, 1_000),
  UPSTREAM_BREAKER_COOLDOWN_MS: integer(DEFAULT_BREAKER_POLICY.cooldownMs, 100, 3_600_000),
  CONFIRMA_MAX_CONCURRENCY: override(r.MAX_CONCURRENCY[1], r.MAX_CONCURRENCY[2]),
  CONFIRMA_CONNECT_TIMEOUT_MS: override(r.CONNECT_TIMEOUT_MS[1], r.CONNECT_TIMEOUT_MS[2]),
  CONFIRMA_HEADERS_TIMEOUT_MS: override(r.HEADERS_TIMEOUT_MS[1], r.HEADERS_TIMEOUT_MS[2]),
  CONFIRMA_BODY_TIMEOUT_MS: override(r.BODY_TIMEOUT_MS[1], r.BODY_TIMEOUT_MS[2]),
  CONFIRMA_TOTAL_TIMEOUT_MS: override(r.TOTAL_TIMEOUT_MS[1], r.TOTAL_TIMEOUT_MS[2]),
  FACTORCLOUD_MAX_CONCURRENCY: override(r.MAX_CONCURRENCY[1], r.MAX_CONCURRENCY[2]),
  FACTORCLOUD_CONNECT_TIMEOUT_MS: override(r.CONNECT_TIMEOUT_MS[1], r.CONNECT_TIMEOUT_MS[2]),
  FACTORCLOUD_HEADERS_TIMEOUT_MS: override(r.HEADERS_TIMEOUT_MS[1], r.HEADERS_TIMEOUT_MS[2]),
  FACTORCLOUD_BODY_TIMEOUT_MS: override(r.BODY_TIMEOUT_MS[1], r.BODY_TIMEOUT_MS[2]),
  FACTORCLOUD_TOTAL_TIMEOUT_MS: override(r.TOTAL_TIMEOUT_MS[1], r.TOTAL_TIMEOUT_MS[2]),
};

const upstreamEnvSchema = z.object(upstreamEnvShape);
export type UpstreamEnv = z.output<typeof upstreamEnvSchema>;

/** The settings once the environment passed the schema. */
export function upstreamSettings(e: UpstreamEnv): UpstreamSettings {
  return {
    maxConcurrency: e.UPSTREAM_MAX_CONCURRENCY,
    connectTimeoutMs: e.UPSTREAM_CONNECT_TIMEOUT_MS,
    headersTimeoutMs: e.UPSTREAM_HEADERS_TIMEOUT_MS,
    bodyTimeoutMs: e.UPSTREAM_BODY_TIMEOUT_MS,
    totalTimeoutMs: e.UPSTREAM_TOTAL_TIMEOUT_MS,
    requestTimeoutMs: e.UPSTREAM_REQUEST_TIMEOUT_MS,
    retry: {
      maxAttempts: e.UPSTREAM_RETRY_MAX_ATTEMPTS,
      baseDelayMs: e.UPSTREAM_RETRY_BASE_DELAY_MS,
      maxDelayMs: e.UPSTREAM_RETRY_MAX_DELAY_MS,
      budget: {
        percent: e.UPSTREAM_RETRY_BUDGET_PERCENT,
        minRetries: e.UPSTREAM_RETRY_BUDGET_MIN_RETRIES,
        windowMs: e.UPSTREAM_RETRY_BUDGET_WINDOW_MS,
      },
    },
    breaker: {
      failureThreshold: e.UPSTREAM_BREAKER_FAILURE_THRESHOLD,
      cooldownMs: e.UPSTREAM_BREAKER_COOLDOWN_MS,
    },
    overrides: {
      confirma: defined({
        maxConcurrency: e.CONFIRMA_MAX_CONCURRENCY,
        connectTimeoutMs: e.CONFIRMA_CONNECT_TIMEOUT_MS,
        headersTimeoutMs: e.CONFIRMA_HEADERS_TIMEOUT_MS,
        bodyTimeoutMs: e.CONFIRMA_BODY_TIMEOUT_MS,
        totalTimeoutMs: e.CONFIRMA_TOTAL_TIMEOUT_MS,
      }),
      factorCloud: defined({
        maxConcurrency: e.FACTORCLOUD_MAX_CONCURRENCY,
        connectTimeoutMs: e.FACTORCLOUD_CONNECT_TIMEOUT_MS,
        headersTimeoutMs: e.FACTORCLOUD_HEADERS_TIMEOUT_MS,
        bodyTimeoutMs: e.FACTORCLOUD_BODY_TIMEOUT_MS,
        totalTimeoutMs: e.FACTORCLOUD_TOTAL_TIMEOUT_MS,
      }),
    },
  };
}

/** The default settings, as an empty environment gives them. */
export function defaultUpstreamSettings(): UpstreamSettings {
  return upstreamSettings(upstreamEnvSchema.parse({}));
}

/** The budget one upstream runs with: the shared values, then its own overrides. */
export function budgetFor(settings: UpstreamSettings, upstream: keyof UpstreamSettings['overrides']) {
  const { retry, breaker, overrides, requestTimeoutMs: _request, ...shared } = settings;
  return { ...shared, ...overrides[upstream], retry, breaker };
}

/** The longest whole-call budget of any upstream: how long a call in flight may still take. */
export function longestUpstreamCallMs(settings: UpstreamSettings): number {
  return Math.max(
    settings.totalTimeoutMs,
    settings.overrides.confirma.totalTimeoutMs ?? 0,
    settings.overrides.factorCloud.totalTimeoutMs ?? 0,
  );
}

function defined(values: Partial<UpstreamBudget>): Partial<UpstreamBudget> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
