import { z } from 'zod';
import { simulatorFaultsSchema, type SimulatorFaults } from './simulatorFaults.js';

/**
 * Fault injection settings for the embedded simulators, from environment variables with one prefix
 * per simulator (`SIMULATOR_CONFIRMA_`, `SIMULATOR_FACTORCLOUD_`). Every variable is optional;
 * with none set the simulator injects nothing.
 */

/** Variable suffix → what it sets. */
export const FAULT_ENV_SUFFIXES = {
  LATENCY_MS: 'latencyMs',
  LATENCY_JITTER_MS: 'latencyJitterMs',
  ERROR_RATE: 'errorRate',
  RATE_LIMIT_EVERY: 'rateLimit.burstEvery',
  RATE_LIMIT_LENGTH: 'rateLimit.burstLength',
  RATE_LIMIT_RETRY_AFTER_S: 'rateLimit.retryAfterSeconds',
  MALFORMED_RATE: 'malformedRate',
  DROP_RATE: 'dropRate',
  SLOW_BODY_RATE: 'slowBodyRate',
  SLOW_BODY_MS: 'slowBodyMs',
  FAULT_SEED: 'seed',
} as const;

export const SIMULATOR_FAULT_PREFIXES = {
  confirma: 'SIMULATOR_CONFIRMA_',
  factorCloud: 'SIMULATOR_FACTORCLOUD_',
} as const;

/** A burst of one 429 when only RATE_LIMIT_EVERY is set; Retry-After 1 s unless given. */
const DEFAULT_BURST_LENGTH = 1;
const DEFAULT_RETRY_AFTER_S = 1;

export class SimulatorFaultsEnvError extends Error {
  override readonly name = 'SimulatorFaultsEnvError';
  constructor(readonly problems: string[]) {
    super(`Invalid simulator fault settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const number = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .transform(Number)
  .pipe(z.number({ error: 'must be a number' }).finite('must be a number'));

type Suffix = keyof typeof FAULT_ENV_SUFFIXES;

/**
 * Reads the fault variables with `prefix` (e.g. `SIMULATOR_CONFIRMA_ERROR_RATE=0.05`). Returns
 * `undefined` when none is set; throws `SimulatorFaultsEnvError` naming every bad variable.
 */
export function simulatorFaultsFromEnv(
  env: Record<string, string | undefined>,
  prefix: string,
): SimulatorFaults | undefined {
  const problems: string[] = [];
  const values = new Map<Suffix, number>();
  for (const suffix of Object.keys(FAULT_ENV_SUFFIXES) as Suffix[]) {
    const raw = env[`${prefix}${suffix}`];
    if (raw === undefined || raw.trim() === '') continue;
    const parsed = number.safeParse(raw);
    if (parsed.success) values.set(suffix, parsed.data);
    else problems.push(`${prefix}${suffix}: ${parsed.error.issues[0]?.message ?? 'invalid'}, got "${raw}"`);
  }
  if (problems.length) throw new SimulatorFaultsEnvError(problems);
  if (values.size === 0) return undefined;

  const every = values.get('RATE_LIMIT_EVERY');
  if (every === undefined && (values.has('RATE_LIMIT_LENGTH') || values.has('RATE_LIMIT_RETRY_AFTER_S'))) {
    problems.push(
      `${prefix}RATE_LIMIT_EVERY: is required when ${prefix}RATE_LIMIT_LENGTH or ${prefix}RATE_LIMIT_RETRY_AFTER_S is set`,
    );
  }
  const candidate: SimulatorFaults = {
    latencyMs: values.get('LATENCY_MS'),
    latencyJitterMs: values.get('LATENCY_JITTER_MS'),
    errorRate: values.get('ERROR_RATE'),
    rateLimit:
      every === undefined
        ? undefined
        : {
            burstEvery: every,
            burstLength: values.get('RATE_LIMIT_LENGTH') ?? DEFAULT_BURST_LENGTH,
            retryAfterSeconds: values.get('RATE_LIMIT_RETRY_AFTER_S') ?? DEFAULT_RETRY_AFTER_S,
          },
    malformedRate: values.get('MALFORMED_RATE'),
    dropRate: values.get('DROP_RATE'),
    slowBodyRate: values.get('SLOW_BODY_RATE'),
    slowBodyMs: values.get('SLOW_BODY_MS'),
    seed: values.get('FAULT_SEED'),
  };
  const faults = Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined));
  const checked = simulatorFaultsSchema.safeParse(faults);
  if (!checked.success) problems.push(...checked.error.issues.map((issue) => describe(env, prefix, issue)));
  if (problems.length) throw new SimulatorFaultsEnvError(problems);
  return checked.data;
}

/** Names the variable behind a schema issue, with its value; field names in messages become variables. */
function describe(env: Record<string, string | undefined>, prefix: string, issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/\b[a-z][A-Za-z]*(Rate|Every|Length)\b/g, (field) =>
    envNameOf(prefix, field),
  );
  if (issue.path.length === 0) return message;
  const name = envNameOf(prefix, issue.path.map(String).join('.'));
  const raw = env[name];
  return raw === undefined ? `${name}: ${message} (its default)` : `${name}: ${message}, got "${raw}"`;
}

/** `errorRate` → `SIMULATOR_CONFIRMA_ERROR_RATE`; `rateLimit.burstLength` and `burstLength` alike. */
function envNameOf(prefix: string, field: string): string {
  const entry = Object.entries(FAULT_ENV_SUFFIXES).find(
    ([, target]) => target === field || target.endsWith(`.${field}`),
  );
  return entry ? `${prefix}${entry[0]}` : field;
}

/** Both simulators' faults, with every problem collected (for the configuration loader). */
export function simulatorFaultsSettings(env: Record<string, string | undefined>): {
  faults: { confirma: SimulatorFaults | undefined; factorCloud: SimulatorFaults | undefined };
  problems: string[];
} {
  const problems: string[] = [];
  const read = (prefix: string): SimulatorFaults | undefined => {
    try {
      return simulatorFaultsFromEnv(env, prefix);
    } catch (error) {
      if (!(error instanceof SimulatorFaultsEnvError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const faults = {
    confirma: read(SIMULATOR_FAULT_PREFIXES.confirma),
    factorCloud: read(SIMULATOR_FAULT_PREFIXES.factorCloud),
  };
  return { faults, problems };
}
