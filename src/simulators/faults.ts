import { simulatorFaultsSchema } from '../lib/simulatorFaults.js';
import type { SimulatorFaults } from '../lib/simulatorFaults.js';
import { createRandom, deriveSeed } from './random.js';

/**
 * How a simulator applies its fault settings (lib/simulatorFaults.ts) request by request.
 */

export const DEFAULT_SLOW_BODY_MS = 1_000;
export const DEFAULT_FAULT_SEED = 0x5eed;

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
