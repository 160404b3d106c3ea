import { z } from 'zod';
import { createRandom, deriveSeed } from './random.js';

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
  /** Total time a slow body takes (default `DEFAULT_SLOW_BODY_MS`). */
  slowBodyMs?: number;
  /** Seeds the choice of faulty requests and the jitter (default `DEFAULT_FAULT_SEED`). */
  seed?: number;
}

export const DEFAULT_SLOW_BODY_MS = 1_000;
export const DEFAULT_FAULT_SEED = 0x5eed;
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

export type FaultKind = 'none' | 'drop' | 'error' | 'rateLimit' | 'malformed' | 'slowBody';

/** What to do with one request. */
export interface PlannedFault {
  kind: FaultKind;
  /** Wait this long before acting (latency plus jitter). */
  delayMs: number;
  /** For `rateLimit`: the Retry-After value. */
  retryAfterSeconds: number;
  /** For `slowBody`: how long the body takes. */
  slowBodyMs: number;
}

export interface FaultPlanner {
  /** The fault for the next request to arrive. */
  next(): PlannedFault;
}

/**
 * Plans faults request by request. Rate-limit bursts sit at the end of each cycle of
 * `burstEvery` requests (a fresh simulator answers its first requests normally), and take
 * precedence over the random faults. The random draw is made for every request, bursts or
 * not, so changing the rate limit does not move the other faults to other requests.
 */
export function createFaultPlanner(faults: SimulatorFaults): FaultPlanner {
  const valid = simulatorFaultsSchema.parse(faults);
  const seed = valid.seed ?? DEFAULT_FAULT_SEED;
  // Separate streams: adding jitter must not change which requests fail.
  const faultRandom = createRandom(deriveSeed(seed, 'faults'));
  const jitterRandom = createRandom(deriveSeed(seed, 'jitter'));
  const thresholds: [Exclude<FaultKind, 'none' | 'rateLimit'>, number][] = [];
  let cumulative = 0;
  for (const [kind, key] of [
    ['drop', 'dropRate'],
    ['error', 'errorRate'],
    ['malformed', 'malformedRate'],
    ['slowBody', 'slowBodyRate'],
  ] as const) {
    cumulative += valid[key] ?? 0;
    thresholds.push([kind, cumulative]);
  }
  const latencyMs = valid.latencyMs ?? 0;
  const jitterMs = valid.latencyJitterMs ?? 0;
  let count = 0;
  return {
    next() {
      const index = count;
      count += 1;
      const roll = faultRandom.next();
      const jitter = jitterMs > 0 ? jitterRandom.int(0, jitterMs) : 0;
      let kind: FaultKind = thresholds.find(([, upTo]) => roll < upTo)?.[0] ?? 'none';
      const limit = valid.rateLimit;
      if (limit && index % limit.burstEvery >= limit.burstEvery - limit.burstLength) kind = 'rateLimit';
      return {
        kind,
        delayMs: latencyMs + jitter,
        retryAfterSeconds: limit?.retryAfterSeconds ?? 0,
        slowBodyMs: valid.slowBodyMs ?? DEFAULT_SLOW_BODY_MS,
      };
    },
  };
}

/**
 * The faults with a seed: the given one, else one derived from the simulators' seed and a label,
 * so both simulators started together do not fail on the same requests.
 */
export function seededFaults(
  faults: SimulatorFaults | undefined,
  baseSeed: number,
  label: string,
): SimulatorFaults | undefined {
  if (!faults) return undefined;
  return { ...faults, seed: faults.seed ?? deriveSeed(baseSeed, `${label}-faults`) };
}
