import { isIP } from 'node:net';
import { z } from 'zod';
import { cacheEnvProblems, cacheEnvShape, cacheSecrets, cacheSettings } from './cache/cacheConfig.js';
import type { CacheConfig } from './cache/cacheConfig.js';
import { integer, list, text, textOr } from './lib/envValues.js';
import { longestUpstreamCallMs, upstreamEnvShape, upstreamSettings } from './http/resilienceConfig.js';
import type { UpstreamSettings } from './http/resilienceConfig.js';
import { observabilityConfig, observabilityEnv } from './observability/observabilityConfig.js';
import type { ObservabilityConfig } from './observability/observabilityConfig.js';
import { serverEnvShape, serverLimits, serverLimitsProblems } from './serve/serverLimits.js';
import type { ServerLimits } from './serve/serverLimits.js';
import { securityConfig, securityEnv, securitySecrets } from './security/securityEnv.js';
import { hasTenantRegistry, securityProblems } from './security/securityProblems.js';
import type { SecurityConfig } from './security/securityEnv.js';
import { timeZoneEnv, timeZoneSettings } from './lib/timeZoneSettings.js';
import type { TimeZones } from './lib/timeZoneSettings.js';
import { currencyEnv, currencySettings } from './lib/currencySettings.js';
import type { Currencies } from './lib/currencySettings.js';
import { simulatorFaultsSettings } from './lib/simulatorFaultsEnv.js';
import type { SimulatorFaults } from './lib/simulatorFaults.js';

/**
 * Configuration from the environment, validated once at start. Every problem is reported at
 * once, by variable name; secret values never appear in a message.
 */

const DEFAULT_CORS_ORIGINS = [
  'https://studio.apollographql.com',
  'https://sandbox.embed.apollographql.com',
  'https://explorer.embed.apollographql.com',
];

const SIMULATOR_CREDENTIALS = {
  confirmaApiKey: 'sim-confirma-api-key',
  confirmaProvisioningToken: 'sim-confirma-provisioning-token',
  factorId: 'sim-factor',
  systemKey: '1',
  factorCloudApiKey: 'sim-factorcloud-api-key',
} as const;

const origin = text.transform((value, ctx) => {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be a URL such as https://integrations.example.com' });
    return z.NEVER;
  }
  const problems = [
    !['http:', 'https:'].includes(url.protocol) && 'use http or https',
    (url.pathname !== '/' || url.search || url.hash) &&
      'give the origin only (scheme, host, port): the client appends the documented paths',
    (url.username || url.password) && 'do not put credentials in the URL',
  ].filter(Boolean);
  if (problems.length) {
    ctx.addIssue({ code: 'custom', message: `must be an origin: ${problems.join('; ')}` });
    return z.NEVER;
  }
  return url.origin;
});

// An IP address or a DNS name: anything else would fail only at listen, after the simulators
// and the cache had started.
const HOST_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const host = text.refine((value) => value === undefined || isIP(value) !== 0 || HOST_NAME.test(value), {
  error: 'must be an IP address or a host name, such as 0.0.0.0, 127.0.0.1, :: or localhost',
});

function secretText() {
  return text.pipe(
    z.string().min(16, { error: 'must be at least 16 characters (use a random value)' }).optional(),
  );
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: integer(4000, 0, 65535),
  HOST: host,
  // Unlocks x-debug-upstream-calls in production (x-admin-token); unset: nobody there.
  ADMIN_TOKEN: secretText(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: list([]),
  MAX_REQUEST_BODY_BYTES: integer(1_000_000, 1_000, 100_000_000),
  CONFIRMA_BASE_URL: origin,
  CONFIRMA_API_KEY: text,
  CONFIRMA_PROVISIONING_TOKEN: text,
  FACTORCLOUD_BASE_URL: origin,
  FACTORCLOUD_FACTOR_ID: text,
  FACTORCLOUD_SYSTEM_KEY: text,
  FACTORCLOUD_API_KEY: text,
  FACTORCLOUD_INVOICE_ID_TEMPLATE: textOr('{invoiceNumber}').pipe(
    z.string().includes('{invoiceNumber}', { error: 'must contain {invoiceNumber}' }),
  ),
  // Time budgets, retries and circuit breakers, shared and per upstream.
  ...upstreamEnvShape,
  SIMULATOR_CONFIRMA_PORT: integer(0, 0, 65535),
  SIMULATOR_FACTORCLOUD_PORT: integer(0, 0, 65535),
  SIMULATOR_SEED: integer(20261122, 0, 2 ** 31 - 1),
  ...observabilityEnv,
  // Router secret, JWT, tenant registry, operation limits, introspection and landing page.
  ...securityEnv,
  // Cache of upstream reads (in process or Redis), its TTLs, and persisted queries.
  ...cacheEnvShape,
  // Whose "today" date windows use, and the zones of upstream timestamps without an offset.
  ...timeZoneEnv,
  ...currencyEnv,
  // HTTP server timeouts, connection cap and the shutdown deadline.
  ...serverEnvShape,
});

export type UpstreamTarget<Credentials> =
  | { mode: 'remote'; baseUrl: string; credentials: Credentials }
  | { mode: 'simulator'; port: number; credentials: Credentials };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Undefined: every interface (production's default); development binds loopback only. */
  host: string | undefined;
  adminToken: string | undefined;
  logLevel: string;
  corsOrigins: string[];
  maxRequestBodyBytes: number;
  invoiceIdTemplate: string;
  confirma: UpstreamTarget<{ apiKey: string; provisioningToken: string | undefined }>;
  factorCloud: UpstreamTarget<{ factorId: string; systemKey: string; apiKey: string }>;
  upstream: UpstreamSettings;
  simulatorSeed: number;
  /** Failures the embedded simulators inject (SIMULATOR_<API>_* variables); none by default. */
  simulatorFaults: { confirma: SimulatorFaults | undefined; factorCloud: SimulatorFaults | undefined };
  observability: ObservabilityConfig;
  security: SecurityConfig;
  cache: CacheConfig;
  timeZones: TimeZones;
  /** CONFIRMA_CURRENCY and FACTORCLOUD_CURRENCY: the currency of amounts whose record states none. */
  currencies: Currencies;
  server: ServerLimits;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const faults = simulatorFaultsSettings(env);
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)),
    ...missingSettings(env),
    ...credentialLineBreaks(env),
    ...securityProblems(env),
    ...cacheEnvProblems(env),
    ...faults.problems,
    ...(parsed.success ? serverLimitsProblems(parsed.data) : []),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;

  const confirmaCredentials = {
    apiKey: e.CONFIRMA_API_KEY ?? SIMULATOR_CREDENTIALS.confirmaApiKey,
    // Only onboarding (POST /client) needs it; against the real API it is optional.
    provisioningToken:
      e.CONFIRMA_PROVISIONING_TOKEN ??
      (e.CONFIRMA_BASE_URL ? undefined : SIMULATOR_CREDENTIALS.confirmaProvisioningToken),
  };
  const factorCloudCredentials = {
    factorId: e.FACTORCLOUD_FACTOR_ID ?? SIMULATOR_CREDENTIALS.factorId,
    systemKey: e.FACTORCLOUD_SYSTEM_KEY ?? SIMULATOR_CREDENTIALS.systemKey,
    apiKey: e.FACTORCLOUD_API_KEY ?? SIMULATOR_CREDENTIALS.factorCloudApiKey,
  };
  const upstream = upstreamSettings(e);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    // Development and tests listen on loopback only unless HOST says otherwise; production keeps
    // listening on every interface, as containers need.
    host: e.HOST ?? (e.NODE_ENV === 'production' ? undefined : '127.0.0.1'),
    adminToken: e.ADMIN_TOKEN,
    logLevel: e.LOG_LEVEL,
    corsOrigins: [...DEFAULT_CORS_ORIGINS, ...e.CORS_ORIGINS],
    maxRequestBodyBytes: e.MAX_REQUEST_BODY_BYTES,
    invoiceIdTemplate: e.FACTORCLOUD_INVOICE_ID_TEMPLATE,
    confirma: e.CONFIRMA_BASE_URL
      ? { mode: 'remote', baseUrl: e.CONFIRMA_BASE_URL, credentials: confirmaCredentials }
      : { mode: 'simulator', port: e.SIMULATOR_CONFIRMA_PORT, credentials: confirmaCredentials },
    factorCloud: e.FACTORCLOUD_BASE_URL
      ? { mode: 'remote', baseUrl: e.FACTORCLOUD_BASE_URL, credentials: factorCloudCredentials }
      : { mode: 'simulator', port: e.SIMULATOR_FACTORCLOUD_PORT, credentials: factorCloudCredentials },
    upstream,
    simulatorSeed: e.SIMULATOR_SEED,
    simulatorFaults: faults.faults,
    observability: observabilityConfig(e),
    security: securityConfig(e),
    cache: cacheSettings(e),
    timeZones: timeZoneSettings(e),
    currencies: currencySettings(e),
    server: serverLimits(e, longestUpstreamCallMs(upstream)),
  };
}

/**
 * Settings required by other settings, checked on the raw values so they are reported together
 * with any format problems. A real upstream needs its credentials; production needs real upstreams.
 */
function missingSettings(env: Record<string, string | undefined>): string[] {
  const has = (name: string) => Boolean(env[name]?.trim());
  const production = env.NODE_ENV?.trim() === 'production';
  const problems: string[] = [];
  const upstreams = [
    { base: 'CONFIRMA_BASE_URL', secrets: ['CONFIRMA_API_KEY'] },
    {
      base: 'FACTORCLOUD_BASE_URL',
      secrets: ['FACTORCLOUD_FACTOR_ID', 'FACTORCLOUD_SYSTEM_KEY', 'FACTORCLOUD_API_KEY'],
    },
  ];
  for (const { base, secrets } of upstreams) {
    if (has(base)) {
      // With a tenant registry the credentials are in it (securityProblems checks it).
      for (const name of secrets) {
        if (!has(name) && !hasTenantRegistry(env)) problems.push(`${name}: is required when ${base} is set`);
      }
    } else if (production) {
      problems.push(
        `${base}: is required with NODE_ENV=production (the embedded simulators only run outside production)`,
      );
    }
  }
  return problems;
}

// The settings that hold a credential sent in an HTTP header (or compared with one). A line
// break inside would split the header: undici refuses to send it, so every upstream call would
// fail at the first request instead of the process refusing to start. JWT_PUBLIC_KEY is exempt:
// a PEM key is several lines by design, and it is never sent.
const CREDENTIAL_NAME = /(KEY|TOKEN|SECRET|PASSWORD)$|_FACTOR_ID$/;
const CREDENTIAL_SETTINGS = Object.keys(envSchema.shape).filter(
  (name) => CREDENTIAL_NAME.test(name) && name !== 'JWT_PUBLIC_KEY',
);

/**
 * Checked inside the value as it is used (trimmed): a trailing newline, as a secret mounted from
 * a file often has, is dropped by the trimming every setting gets and never sent.
 */
function credentialLineBreaks(env: Record<string, string | undefined>): string[] {
  return CREDENTIAL_SETTINGS.filter((name) => /[\r\n]/.test(env[name]?.trim() ?? '')).map(
    (name) => `${name}: must not contain a line break (CR or LF); it is sent as an HTTP header`,
  );
}

/** Every credential value in the configuration, for redaction in logs and errors. */
export function secretsOf(config: Config): string[] {
  return [
    config.confirma.credentials.apiKey,
    config.confirma.credentials.provisioningToken ?? '',
    config.factorCloud.credentials.apiKey,
    config.factorCloud.credentials.systemKey,
    config.factorCloud.credentials.factorId,
    ...securitySecrets(config.security),
    ...cacheSecrets(config.cache),
    config.adminToken ?? '',
  ].filter((secret) => secret.length >= 4);
}
