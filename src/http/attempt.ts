import { errors as undiciErrors } from 'undici';
import type { Dispatcher, Pool } from 'undici';
import type { DeadlineSignal } from './deadline.js';
import { UpstreamError, upstreamDisplayName } from './errors.js';
import type { UpstreamName } from './errors.js';
import { statusFailure } from './failures.js';
import { parseJsonExact } from './json.js';
import type { UpstreamRequest, UpstreamResponse } from './upstreamTypes.js';

interface Where {
  upstream: UpstreamName;
  endpoint: string;
}

/**
 * One attempt of a request: send it, read the whole body, and turn a status the caller did not
 * accept into an UpstreamError. The body is always consumed, so the connection goes back to the
 * pool in a reusable state. The pool bounds the body (undici's `maxResponseSize`): past the bound
 * it destroys the connection, and the attempt fails with a coded error.
 */
export async function sendOnce(
  pool: Pool,
  request: UpstreamRequest,
  signal: DeadlineSignal,
  limits: { upstream: UpstreamName; maxBodyBytes: number },
): Promise<UpstreamResponse> {
  const where = { upstream: limits.upstream, endpoint: request.endpoint };
  let response: Dispatcher.ResponseData;
  let text: string;
  try {
    response = await pool.request({
      method: request.method,
      path: withQuery(request.path, request.query),
      headers: request.headers ?? {},
      body: request.body ?? null,
      // A CallDeadline, not an AbortSignal: undici takes any signal with addEventListener.
      signal,
    });
    text = await response.body.text();
  } catch (error) {
    if (error instanceof undiciErrors.ResponseExceededMaxSizeError)
      throw tooLarge(limits.maxBodyBytes, where);
    throw error;
  }
  const status = response.statusCode;
  const accepted = (status >= 200 && status < 300) || request.acceptStatuses?.includes(status);
  if (!accepted) {
    const retryAfter = response.headers['retry-after'];
    throw statusFailure(status, typeof retryAfter === 'string' ? retryAfter : undefined, where);
  }
  // A POST that may not be repeated is a write; everything else (GET, POSTed reads) is a read.
  const write = request.method === 'POST' && request.idempotent !== true;
  return { status, body: parseBody(text, { ...where, status }, write) };
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

/** A complete answer the upstream gave, only too large to take: it is up, and a repeat is as large. */
function tooLarge(maxBytes: number, where: Where): UpstreamError {
  return new UpstreamError(
    'UPSTREAM_BAD_RESPONSE',
    `${upstreamDisplayName(where.upstream)} sent more than ${maxBytes} bytes for ${where.endpoint}`,
    where,
  );
}

/**
 * The body as JSON. Only a successful read must be JSON: its body is the answer. A status the
 * caller accepted as a refusal or "not known" is the answer whatever its body says, so a text or
 * HTML body there is kept as text (a refusal's wording may still say "duplicate"); and a write
 * that succeeded took effect, so a garbled echo reads as no echo rather than as a failure the
 * caller might repeat.
 */
function parseBody(text: string, where: Where & { status: number }, write: boolean): unknown {
  if (text.trim() === '') return undefined;
  try {
    return parseJsonExact(text);
  } catch {
    if (where.status >= 300) return text;
    if (write) return undefined;
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${upstreamDisplayName(where.upstream)} sent a body for ${where.endpoint} that is not JSON`,
      where,
    );
  }
}
