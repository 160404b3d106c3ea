import { OVERHEAD } from './config.js';
import { runLoad } from './loadgen.js';
import type { LoadOptions, LoadResult } from './loadgen.js';
import { measureCpu } from './procStats.js';
import type { ServerProcess, SimulatorProcess } from './processes.js';
import { ONE_INVOICE_QUERY, postQueryText } from './queries.js';

/**
 * Benchmark 3: the single-invoice query (distribution by number + get-invoice) under the same
 * closed-loop load, upstream latency 0, against the subgraph and the hand-written proxy. The
 * CPU use of every process is recorded too: on a 2-core machine it shows which process was the
 * bottleneck of a run.
 */

export interface LoadRun extends LoadResult {
  /** % of one core per process over the measured seconds. */
  cpuPercent: Record<string, number | undefined>;
  /**
   * CPU time the server spent per request, ms. Unlike requests/s it hardly moves when other
   * work on the machine takes CPU away, so it is the steadier way to compare the two servers.
   */
  serverCpuMsPerRequest: number | undefined;
}

/** What a load run sends: the OneInvoice query for an invoice, or another body (the floor). */
export interface Load {
  invoiceNumber: string;
  expectedReply: string;
  /** POST body; default: OneInvoice for `invoiceNumber`. */
  body?: string;
  /** Upstream requests each reply must have cost (default 2, OneInvoice's). */
  upstreamCallsPerRequest?: number;
}

/**
 * The GraphQL floor: an operation that calls no upstream. What the subgraph spends on it is the
 * HTTP layer and Apollo Server's request pipeline alone, the part no resolver work can remove.
 */
export const FLOOR_QUERY = '{ __typename }';
export const FLOOR_BODY = JSON.stringify({ query: FLOOR_QUERY });

/** The subgraph's reply text to the floor query, checked to be the data it must be. */
export async function floorReply(subgraph: ServerProcess): Promise<string> {
  const text = await postQueryText(subgraph.url, FLOOR_QUERY, {});
  const parsed: unknown = JSON.parse(text);
  if (JSON.stringify(parsed) !== '{"data":{"__typename":"Query"}}') {
    throw new Error(`the subgraph answered the floor query with ${text}`);
  }
  return text;
}

/** The same POST, the same reply check and the same concurrency for either server. */
export function loadOptions(target: ServerProcess, load: Load, seconds: number): LoadOptions {
  return {
    url: target.url,
    body: load.body ?? JSON.stringify({ query: ONE_INVOICE_QUERY, variables: { n: load.invoiceNumber } }),
    expectedReply: load.expectedReply,
    connections: OVERHEAD.connections,
    seconds,
  };
}

/**
 * Both servers must answer the query with the same JSON text before their speed is compared;
 * that text is then what every reply under load must be.
 */
export async function sameReply(
  subgraph: ServerProcess,
  proxy: ServerProcess,
  invoiceNumber: string,
): Promise<string> {
  const variables = { n: invoiceNumber };
  const [graphText, proxyText] = await Promise.all([
    postQueryText(subgraph.url, ONE_INVOICE_QUERY, variables),
    postQueryText(proxy.url, ONE_INVOICE_QUERY, variables),
  ]);
  if (graphText !== proxyText) {
    throw new Error(`the proxy's reply differs from the subgraph's:\n${graphText}\n${proxyText}`);
  }
  return graphText;
}

/** OneInvoice: distribution by number, then get-invoice. */
const UPSTREAM_CALLS_PER_REQUEST = 2;

/** Warm-up (discarded), then a measured run with CPU use of target, simulators and generator. */
export async function loadRun(
  target: ServerProcess,
  simulators: SimulatorProcess,
  load: Load & { warmup: boolean },
): Promise<LoadRun> {
  const run = (seconds: number) => runLoad(loadOptions(target, load, seconds));
  if (load.warmup) await run(OVERHEAD.warmupSeconds);
  await simulators.resetCounts();
  const { result, cpuPercent } = await measureCpu(
    { target: target.pid, simulators: simulators.pid, loadGenerator: process.pid },
    () => run(OVERHEAD.measureSeconds),
  );
  if (result.failures > 0) throw new Error(`${result.failures} of ${result.requests} requests failed`);
  // Like for like only if both servers made the same two calls per request (no cache, no retry).
  const calls = Object.values(await simulators.counts()).reduce((sum, count) => sum + count, 0);
  const perRequest = load.upstreamCallsPerRequest ?? UPSTREAM_CALLS_PER_REQUEST;
  if (calls !== perRequest * result.requests) {
    throw new Error(
      `${target.url} made ${calls} upstream calls for ${result.requests} requests; ` +
        `expected ${perRequest} per request (is a cache or a retry answering?)`,
    );
  }
  const serverCpu = cpuPercent.target;
  const serverCpuMsPerRequest =
    serverCpu === undefined ? undefined : (serverCpu * 10) / result.requestsPerSecond;
  return { ...result, cpuPercent, serverCpuMsPerRequest };
}
