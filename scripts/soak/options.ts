import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface SoakOptions {
  durationS: number;
  concurrency: number;
  /** Seeds the mix of operations (the simulators' faults have their own seed). */
  seed: number;
}

export const USAGE = `Usage: npm run soak -- [--duration 60s] [--concurrency 8] [--seed 1]
  --duration     how long to drive load: 45, 45s or 2m (env SOAK_DURATION_S; default 60 s)
  --concurrency  requests in flight at once (env SOAK_CONCURRENCY; default 8)
  --seed         seed for the mix of operations (env SOAK_SEED; default 1)
Fault rates default to a moderate mix; any SIMULATOR_<API>_* variable set in the environment
overrides the default for that variable (see .env.example).`;

/** A bounded run: long enough to be a soak, short enough that a typo cannot run for a day. */
const MAX_DURATION_S = 3_600;

const duration = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?(s|m)?$/, 'must be seconds (45, 45s) or minutes (2m)')
  .transform((text) => (text.endsWith('m') ? Number(text.slice(0, -1)) * 60 : Number(text.replace('s', ''))))
  .pipe(
    z.number().positive('must be more than 0').max(MAX_DURATION_S, `must be at most ${MAX_DURATION_S} s`),
  );

const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const schema = z.object({
  duration: duration.default(60),
  concurrency: whole(1, 256).default(8),
  seed: whole(0, 2 ** 31 - 1).default(1),
});

export class SoakUsageError extends Error {
  override readonly name = 'SoakUsageError';
}

/** Command-line flags win over environment variables, which win over the defaults. */
export function parseSoakOptions(argv: string[], env: Record<string, string | undefined>): SoakOptions {
  let values: { duration?: string | undefined; concurrency?: string | undefined; seed?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { duration: { type: 'string' }, concurrency: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new SoakUsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = schema.safeParse({
    duration: values.duration ?? env.SOAK_DURATION_S,
    concurrency: values.concurrency ?? env.SOAK_CONCURRENCY,
    seed: values.seed ?? env.SOAK_SEED,
  });
  if (!parsed.success) {
    throw new SoakUsageError(
      parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  return { durationS: parsed.data.duration, concurrency: parsed.data.concurrency, seed: parsed.data.seed };
}

/**
 * The faults the soak injects unless the environment says otherwise: a little latency, ~5 %
 * 503s, a 429 burst every 200 calls, and ~1 % each of broken bodies, dropped connections and
 * slow bodies, on both simulators.
 */
export const DEFAULT_SOAK_FAULTS: Record<string, string> = {
  LATENCY_MS: '15',
  LATENCY_JITTER_MS: '30',
  ERROR_RATE: '0.05',
  RATE_LIMIT_EVERY: '200',
  RATE_LIMIT_LENGTH: '5',
  RATE_LIMIT_RETRY_AFTER_S: '1',
  MALFORMED_RATE: '0.01',
  DROP_RATE: '0.01',
  SLOW_BODY_RATE: '0.01',
  SLOW_BODY_MS: '1500',
};
