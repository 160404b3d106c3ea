import { z } from 'zod';

// The fault settings live here, not in simulators/, because config.ts reads them and a deployment
// against the real APIs loads no simulator code (index.ts imports simulators/ only when one runs).

/**
 * Failures a simulator can inject into its own answers, so the subgraph's timeouts, retries and
 * error mapping can be exercised against the embedded upstreams. Which request gets which fault
 * depends only on the seed and the order requests arrive in, so a run can be reproduced.
 */
export interface SimulatorFaults {
  /** Added before every response. */
  latencyMs?: number;
  /** Plus a uniform random 0..jitter ms. */
  latencyJitterMs?: number;
  /** 0..1: answer 503 with a JSON error body. */
  errorRate?: number;
  /** 429 bursts: of every `burstEvery` requests, `burstLength` consecutive get 429 + Retry-After. */
  rateLimit?: { burstEvery: number; burstLength: number; retryAfterSeconds: number };
  /** 0..1: 200 with a truncated, non-JSON body. */
  malformedRate?: number;
  /** 0..1: destroy the socket without answering. */
  dropRate?: number;
  /** 0..1: send headers, then the body in slow chunks. */
  slowBodyRate?: number;
  /** Total time a slow body takes (default 1 s: simulators/faults.ts). */
  slowBodyMs?: number;
  /** Seeds the choice of faulty requests and the jitter (default: a fixed seed in simulators/faults.ts). */
  seed?: number;
}

/** A minute: past any sensible client timeout, and short enough that a typo does not hang a run. */
const MAX_DELAY_MS = 60_000;

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const delayMs = z
  .number()
  .int('must be a whole number of milliseconds')
  .min(0, 'must not be negative')
  .max(MAX_DELAY_MS, `must be at most ${MAX_DELAY_MS} ms`);

const rateLimitSchema = z
  .object({
    burstEvery: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    burstLength: z.number().int('must be a whole number').min(0, 'must not be negative'),
    retryAfterSeconds: z
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must not be negative')
      .max(3_600, 'must be at most 3600 s'),
  })
  .strict()
  // Compared only when burstEvery itself is valid, so one mistake gives one message.
  .refine((limit) => limit.burstEvery < 1 || limit.burstLength <= limit.burstEvery, {
    message: 'must not exceed burstEvery',
    path: ['burstLength'],
  });

const RATE_KEYS = ['dropRate', 'errorRate', 'malformedRate', 'slowBodyRate'] as const;

/** Validates a `SimulatorFaults`; at most one fault per request, so the rates may add up to 1. */
export const simulatorFaultsSchema: z.ZodType<SimulatorFaults> = z
  .object({
    latencyMs: delayMs.optional(),
    latencyJitterMs: delayMs.optional(),
    errorRate: rate.optional(),
    rateLimit: rateLimitSchema.optional(),
    malformedRate: rate.optional(),
    dropRate: rate.optional(),
    slowBodyRate: rate.optional(),
    slowBodyMs: delayMs.optional(),
    seed: z.number().int('must be a whole number').optional(),
  })
  .strict()
  .refine((faults) => RATE_KEYS.reduce((sum, key) => sum + (faults[key] ?? 0), 0) <= 1 + 1e-9, {
    message: `${RATE_KEYS.join(' + ')} must not exceed 1: a request gets at most one fault`,
  });
