import { fileURLToPath } from 'node:url';

/**
 * Every knob of the benchmark suite in one place. Sizes and durations are chosen so the whole
 * run (`npm run bench`) finishes in under five minutes on a 2-core machine.
 */

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The simulated "today" and seed: the same data on every run and every machine. */
export const TODAY = '2026-11-20';
export const SEED = 20261120;
/** A window covering the simulators' whole 60-day history, so a dataset of N invoices is a page of N. */
export const WINDOW = { from: '2026-09-22', to: TODAY } as const;

export const INVOICE_ID_TEMPLATE = 'CF-{invoiceNumber}';
export const factoringInvoiceId = (invoiceNumber: string): string =>
  INVOICE_ID_TEMPLATE.replaceAll('{invoiceNumber}', invoiceNumber);

export const CONFIRMA = { apiKey: 'bench-confirma-key' } as const;
export const FACTORCLOUD = {
  factorId: 'BENCH-FACTOR',
  systemKey: '7',
  apiKey: 'bench-factorcloud-key',
} as const;

/**
 * Production refuses to start without ROUTER_SECRET (or JWT), so the bench runs the subgraph
 * behind a router secret and sends it as the router would; the proxy ignores the header.
 */
export const ROUTER_SECRET = 'bench-router-secret-0123456789';
export const ROUTER_HEADERS = { 'x-router-secret': ROUTER_SECRET } as const;

/** The documented auth headers of every call the bench's own clients make. */
export const CONFIRMA_HEADERS = { 'X-Api-Key': CONFIRMA.apiKey } as const;
export const FACTORCLOUD_HEADERS = {
  'Auth-FactorID': FACTORCLOUD.factorId,
  'Auth-SystemKey': FACTORCLOUD.systemKey,
  'Auth-APIKey': FACTORCLOUD.apiKey,
} as const;

/** UPSTREAM_MAX_CONCURRENCY as the subgraph runs with it (the documented default). */
export const UPSTREAM_MAX_CONCURRENCY = 16;

/** Benchmark 1: the list page whose upstream calls are counted. */
export const CALLS_PAGE_SIZE = 200;

/**
 * Benchmark 2: page sizes, simulated upstream latency and repetitions. A page of `invoices` holds
 * at most 200 (CONNECTION_PAGE_SIZES), so that is the largest size.
 */
export const CRITICAL_PATH = {
  sizes: [50, 200],
  latencyMs: 20,
  /** Timed GraphQL queries per size (after one untimed warm-up query); the median is reported. */
  graphRepeats: 7,
  /**
   * Timed naive-client runs per size. The naive client needs about calls × latency (some 40 s
   * at 800 invoices), so the largest size runs once to keep the suite under five minutes.
   */
  naiveRepeats: (size: number): number => (size >= 800 ? 1 : 3),
  /** Target: the subgraph's median within this factor of the lower bound. */
  maxRatio: 1.15,
} as const;

/** Benchmark 3: closed-loop load on a single-invoice query, upstream latency 0. */
export const OVERHEAD = {
  connections: 16,
  warmupSeconds: 3,
  measureSeconds: 8,
  /** Proxy and subgraph take turns this many times; medians are compared. */
  rounds: 3,
  /** Target: subgraph requests/s at least this share of the hand-written proxy's. */
  minThroughputRatio: 0.6,
} as const;

/** Benchmark 4: resident memory of the subgraph process. */
export const MEMORY = {
  maxRssMb: 150,
  /** "No growth": RSS after a full GC may differ between runs by this much, not more. */
  maxGrowthMb: 10,
} as const;
