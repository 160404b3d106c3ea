import { Pool } from 'undici';
import { ROUTER_HEADERS } from './config.js';
import { percentile } from './stats.js';

/**
 * A small closed-loop load generator on undici: `connections` keep-alive connections, each
 * sending the next request as soon as the previous reply is read in full. The same generator
 * drives the subgraph and the hand-written proxy, so their figures compare like for like.
 */

export interface LoadOptions {
  url: string;
  /** POST body, sent with `content-type: application/json`. */
  body: string;
  connections: number;
  seconds: number;
  /** Every reply must be exactly this text (a 200 carrying GraphQL errors is a failure too). */
  expectedReply: string;
}

export interface LoadResult {
  requests: number;
  /** Replies other than `expectedReply` plus transport errors; a run with any is not valid. */
  failures: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      try {
        const response = await pool.request({
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', ...ROUTER_HEADERS },
          body: options.body,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200 || text !== options.expectedReply) failures += 1;
      } catch {
        failures += 1;
      }
      latencies.push(performance.now() - sent);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, worker));
  } finally {
    await pool.close();
  }
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    failures,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}
