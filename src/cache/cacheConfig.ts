import { z } from 'zod';
import { flag, integer, text, textOr } from '../lib/envValues.js';
import type { TtlName } from '../upstreams/ttlNames.js';

/**
 * The cache part of the environment (spread into config.ts's schema, which stays the only reader
 * of the environment): where cached upstream reads and persisted queries live, and how long each
 * kind of upstream answer may be served from the cache. Every TTL is in seconds; 0 turns caching
 * off for that kind of answer.
 */

/** Default TTLs (seconds), by resource and by the state of the answer. The README lists them. */
export const DEFAULT_TTLS = {
  /** A distribution record still in progress (PENDING/RECEIVED/none, or a case not yet opened). */
  distributionPending: 15,
  /** A distribution record that has been delivered or failed; payment control may still move. */
  distributionSettled: 120,
  /** A page of distribution records (window or other filters). */
  distributionList: 30,
  /** A collection case without `closedAt`. */
  caseOpen: 30,
  /** A closed collection case: it changes rarely. */
  caseClosed: 3_600,
  /** GET /payments for a window that reaches today (or has no end). */
  paymentsOpenWindow: 30,
  /** GET /payments for a window that ended before today (still provisional, §4.9). */
  paymentsClosedWindow: 600,
  settlementsOpenWindow: 60,
  /** Settlements of a window that ended before today: settlements are dated when created. */
  settlementsClosedWindow: 3_600,
  /** Accounting sync status with an item still pending (status 0), or nothing reported yet. */
  syncPending: 2,
  /** Accounting sync status with a failed item and none pending. */
  syncFailed: 30,
  /** Accounting sync status where every item is synced. */
  syncSynced: 300,
  /** A FactorCloud invoice that is pending, verified, on hold, or funded and not paid in full. */
  factoringInvoiceOpen: 30,
  /** A FactorCloud invoice that is cancelled or paid in full. */
  factoringInvoiceFinal: 3_600,
  /** A schedule (or broker schedule) with an open invoice. */
  scheduleOpen: 30,
  /** A schedule whose invoices are all cancelled or paid in full. */
  scheduleFinal: 3_600,
  /** FactorCloud clients, master debtors and client debtors (master data). */
  party: 300,
  /** A stored FactorCloud document. */
  document: 3_600,
  /** "Not known" answers (404 or empty replies): short, since another system may create it. */
  notFound: 10,
} as const satisfies Record<TtlName, number>;

export type { TtlName };
export type TtlTable = Record<TtlName, number>;

export type CacheMode = 'off' | 'memory' | 'redis';

export interface CacheConfig {
  /** Where cached upstream reads live; `off` reads every time. */
  mode: CacheMode;
  /** Set: persisted queries (and, in `redis` mode, upstream reads) are shared through Redis. */
  redisUrl: string | undefined;
  /** Upper bound of the in-process cache, in bytes of stored JSON text. */
  memoryMaxBytes: number;
  /** Answers larger than this (JSON text bytes) are not cached at all. */
  maxEntryBytes: number;
  redis: { commandTimeoutMs: number; connectTimeoutMs: number };
  /** Prepended to every Redis key, so several deployments can share one Redis. */
  keyPrefix: string;
  ttlSeconds: TtlTable;
  /** How long a registered persisted query is kept. */
  apqTtlSeconds: number;
  /** Duplicate guards of writes (src/writes): kept in Redis when REDIS_URL is set, else in this process. */
  writes: { idempotencyTtlSeconds: number; duplicateWindowSeconds: number };
}

const redisUrl = text.pipe(
  z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL such as redis://cache:6379/0' })
    .optional(),
);

/** The variable that overrides each TTL. */
export const TTL_ENV = {
  distributionPending: 'CACHE_TTL_DISTRIBUTION_PENDING_SECONDS',
  distributionSettled: 'CACHE_TTL_DISTRIBUTION_SETTLED_SECONDS',
  distributionList: 'CACHE_TTL_DISTRIBUTION_LIST_SECONDS',
  caseOpen: 'CACHE_TTL_CASE_OPEN_SECONDS',
  caseClosed: 'CACHE_TTL_CASE_CLOSED_SECONDS',
  paymentsOpenWindow: 'CACHE_TTL_PAYMENTS_OPEN_WINDOW_SECONDS',
  paymentsClosedWindow: 'CACHE_TTL_PAYMENTS_CLOSED_WINDOW_SECONDS',
  settlementsOpenWindow: 'CACHE_TTL_SETTLEMENTS_OPEN_WINDOW_SECONDS',
  settlementsClosedWindow: 'CACHE_TTL_SETTLEMENTS_CLOSED_WINDOW_SECONDS',
  syncPending: 'CACHE_TTL_SYNC_PENDING_SECONDS',
  syncFailed: 'CACHE_TTL_SYNC_FAILED_SECONDS',
  syncSynced: 'CACHE_TTL_SYNC_SYNCED_SECONDS',
  factoringInvoiceOpen: 'CACHE_TTL_FACTORING_INVOICE_OPEN_SECONDS',
  factoringInvoiceFinal: 'CACHE_TTL_FACTORING_INVOICE_FINAL_SECONDS',
  scheduleOpen: 'CACHE_TTL_SCHEDULE_OPEN_SECONDS',
  scheduleFinal: 'CACHE_TTL_SCHEDULE_FINAL_SECONDS',
  party: 'CACHE_TTL_PARTY_SECONDS',
  document: 'CACHE_TTL_DOCUMENT_SECONDS',
  notFound: 'CACHE_TTL_NOT_FOUND_SECONDS',
} as const satisfies Record<TtlName, string>;

const WEEK_SECONDS = 7 * 24 * 3_600;
const TTL_NAMES = Object.keys(DEFAULT_TTLS) as TtlName[];

type TtlEnvShape = { [K in TtlName as (typeof TTL_ENV)[K]]: ReturnType<typeof integer> };
const ttlEnv = Object.fromEntries(
  TTL_NAMES.map((name) => [TTL_ENV[name], integer(DEFAULT_TTLS[name], 0, WEEK_SECONDS)]),
) as TtlEnvShape;

export const cacheEnvShape = {
  CACHE_ENABLED: flag,
  CACHE_MODE: text.pipe(
    z.enum(['off', 'memory', 'redis'], { error: 'must be off, memory or redis' }).optional(),
  ),
  REDIS_URL: redisUrl,
  CACHE_MEMORY_MAX_BYTES: integer(64 * 1024 * 1024, 1024 * 1024, 16 * 1024 * 1024 * 1024),
  CACHE_MAX_ENTRY_BYTES: integer(1024 * 1024, 1_024, 64 * 1024 * 1024),
  CACHE_REDIS_COMMAND_TIMEOUT_MS: integer(250, 10, 60_000),
  CACHE_REDIS_CONNECT_TIMEOUT_MS: integer(2_000, 10, 60_000),
  CACHE_KEY_PREFIX: textOr('invoice-graph:'),
  APQ_TTL_SECONDS: integer(86_400, 60, 30 * 24 * 3_600),
  IDEMPOTENCY_TTL_SECONDS: integer(86_400, 60, 30 * 24 * 3_600),
  DUPLICATE_WINDOW_SECONDS: integer(30, 1, 3_600),
  ...ttlEnv,
};

type CacheEnv = z.output<z.ZodObject<typeof cacheEnvShape>>;

/** Problems that involve two variables, checked on the raw values like config.ts's own. */
export function cacheEnvProblems(env: Record<string, string | undefined>): string[] {
  const mode = env.CACHE_MODE?.trim();
  const enabled = env.CACHE_ENABLED?.trim();
  const problems: string[] = [];
  if (mode === 'redis' && !env.REDIS_URL?.trim()) {
    problems.push('CACHE_MODE: redis needs REDIS_URL (e.g. redis://cache:6379/0)');
  }
  if (enabled === 'false' && (mode === 'memory' || mode === 'redis')) {
    problems.push(`CACHE_ENABLED: false contradicts CACHE_MODE=${mode}; set one of them`);
  }
  return problems;
}

/** The cache section of the configuration, from the parsed environment. */
export function cacheSettings(env: CacheEnv): CacheConfig {
  const mode: CacheMode =
    env.CACHE_ENABLED === 'false' ? 'off' : (env.CACHE_MODE ?? (env.REDIS_URL ? 'redis' : 'memory'));
  const ttlSeconds = Object.fromEntries(TTL_NAMES.map((name) => [name, env[TTL_ENV[name]]])) as TtlTable;
  return {
    mode,
    redisUrl: env.REDIS_URL,
    memoryMaxBytes: env.CACHE_MEMORY_MAX_BYTES,
    maxEntryBytes: env.CACHE_MAX_ENTRY_BYTES,
    redis: {
      commandTimeoutMs: env.CACHE_REDIS_COMMAND_TIMEOUT_MS,
      connectTimeoutMs: env.CACHE_REDIS_CONNECT_TIMEOUT_MS,
    },
    keyPrefix: env.CACHE_KEY_PREFIX,
    ttlSeconds,
    apqTtlSeconds: env.APQ_TTL_SECONDS,
    writes: {
      idempotencyTtlSeconds: env.IDEMPOTENCY_TTL_SECONDS,
      duplicateWindowSeconds: env.DUPLICATE_WINDOW_SECONDS,
    },
  };
}

/** Every default, as tests and embedders start from it. */
export function defaultCacheConfig(overrides: Partial<CacheConfig> = {}): CacheConfig {
  return { ...cacheSettings(z.object(cacheEnvShape).parse({})), ...overrides };
}

/** The Redis password, if the URL carries one, for log redaction. */
export function cacheSecrets(config: CacheConfig): string[] {
  if (!config.redisUrl) return [];
  const { password } = new URL(config.redisUrl);
  return password ? [decodeURIComponent(password)] : [];
}
