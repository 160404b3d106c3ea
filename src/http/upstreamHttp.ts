import { Pool } from 'undici';
import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamName } from './errors.js';
import { statusFailure, transportFailure } from './failures.js';
import { parseJsonExact } from './json.js';
import { Semaphore } from './semaphore.js';

export interface UpstreamHttpOptions {
  upstream: UpstreamName;
  /** Origin only (scheme, host, port); callers pass the documented paths. */
  origin: string;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Deadline for one whole call: queueing for a slot, connecting, headers and body. */
  totalTimeoutMs: number;
  maxConcurrency: number;
  /** Upper bound on a response body we are willing to buffer. */
  maxBodyBytes?: number;
}

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Short label used in errors, logs and metrics, e.g. `get-invoice`. */
  endpoint: string;
  query?: Record<string, string | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** Non-2xx statuses the caller handles itself (e.g. 404 meaning "not known"). */
  acceptStatuses?: readonly number[];
}

export interface UpstreamResponse {
  status: number;
  /** Parsed JSON (numbers kept exact), or `undefined` for an empty body. */
  body: unknown;
}

export interface UpstreamHttp {
  readonly upstream: UpstreamName;
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * The only code that talks to undici: one connection pool per upstream origin, explicit
 * connect/header/body timeouts, a whole-call deadline and a concurrency bound.
 */
export function createUpstreamHttp(options: UpstreamHttpOptions): UpstreamHttp {
  const pool = new Pool(options.origin, {
    connections: options.maxConcurrency,
    connectTimeout: options.connectTimeoutMs,
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
  });
  const slots = new Semaphore(options.maxConcurrency);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function send(request: UpstreamRequest, signal: AbortSignal): Promise<UpstreamResponse> {
    const details = { upstream: options.upstream, endpoint: request.endpoint };
    const response = await pool.request({
      method: request.method,
      path: withQuery(request.path, request.query),
      headers: request.headers ?? {},
      body: request.body ?? null,
      signal,
    });
    const text = await readBounded(response.body, maxBodyBytes, details);
    const status = response.statusCode;
    const accepted = (status >= 200 && status < 300) || request.acceptStatuses?.includes(status);
    if (!accepted) {
      const retryAfter = response.headers['retry-after'];
      throw statusFailure(status, typeof retryAfter === 'string' ? retryAfter : undefined, details);
    }
    return { status, body: parseBody(text, { ...details, status }) };
  }

  return {
    upstream: options.upstream,
    async request(request) {
      const details = { upstream: options.upstream, endpoint: request.endpoint };
      const signal = AbortSignal.timeout(options.totalTimeoutMs);
      try {
        return await slots.run(() => send(request, signal));
      } catch (error) {
        throw transportFailure(error, details);
      }
    },
    close: () => pool.close(),
  };
}

function withQuery(path: string, query: UpstreamRequest['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, value);
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readBounded(
  body: AsyncIterable<Buffer>,
  maxBytes: number,
  details: { upstream: UpstreamName; endpoint: string },
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        `${upstreamDisplayName(details.upstream)} sent more than ${maxBytes} bytes for ${details.endpoint}`,
        details,
      );
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseBody(
  text: string,
  details: { upstream: UpstreamName; endpoint: string; status: number },
): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parseJsonExact(text);
  } catch {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${upstreamDisplayName(details.upstream)} sent a body for ${details.endpoint} that is not JSON`,
      details,
    );
  }
}
