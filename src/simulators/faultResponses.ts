import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlannedFault } from './faults.js';

/** A reply rendered to text, ready to be sent whole, slowly or damaged. */
export interface RenderedReply {
  status: number;
  headers: Record<string, string>;
  /** Empty for a reply without a body (204). */
  text: string;
}

/** A slow body arrives in this many pieces (fewer when the body is shorter). */
export const SLOW_BODY_CHUNKS = 4;

/**
 * Sends one reply with the planned fault. A 503, a 429 and a dropped connection are decided
 * before the request is handled, like a gateway in front of the service: the request has no
 * effect. A malformed or slow reply is the real answer damaged on the way out, so the request
 * did take effect; a client that retries a write after one of those sends it twice, which is
 * what a careful client must be prepared for. `render` runs the request only when needed.
 */
export async function sendWithFault(
  response: ServerResponse,
  fault: PlannedFault,
  render: () => RenderedReply,
): Promise<void> {
  // Timers do not hold the process open: a simulator being closed drops the socket anyway.
  if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, { ref: false });
  if (response.destroyed) return;
  switch (fault.kind) {
    case 'none':
      return sendWhole(response, render());
    case 'drop':
      response.destroy();
      return;
    case 'error':
      return sendWhole(response, jsonReply(503, { message: 'Service temporarily unavailable' }));
    case 'rateLimit':
      return sendWhole(
        response,
        jsonReply(
          429,
          { message: `Too many requests; retry after ${fault.retryAfterSeconds} s` },
          { 'retry-after': String(fault.retryAfterSeconds) },
        ),
      );
    case 'malformed':
      return sendWhole(response, malformed(render()));
    case 'slowBody':
      return sendSlowly(response, render(), fault.slowBodyMs);
    default: {
      const unreachable: never = fault.kind;
      throw new Error(`unknown fault kind: ${String(unreachable)}`);
    }
  }
}

function jsonReply(status: number, body: object, headers: Record<string, string> = {}): RenderedReply {
  return {
    status,
    text: JSON.stringify(body),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/**
 * Status 200 and a JSON content type, but the body cut in half: what a proxy that loses the end
 * of a response looks like. The content length matches what is sent, so the HTTP message itself
 * is well-formed and only the JSON is broken. A body too short to break by cutting is replaced.
 */
function malformed(reply: RenderedReply): RenderedReply {
  const cut = reply.text.slice(0, Math.floor(reply.text.length / 2));
  const text = cut.length > 0 && !parses(cut) ? cut : '<html><body>Bad gateway</body></html>';
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, text };
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function headersOf(reply: RenderedReply): Record<string, string> {
  const headers = { ...reply.headers };
  if (reply.status !== 204) headers['content-length'] = String(Buffer.byteLength(reply.text));
  return headers;
}

function sendWhole(response: ServerResponse, reply: RenderedReply): void {
  response.writeHead(reply.status, headersOf(reply));
  response.end(reply.status === 204 ? undefined : reply.text);
}

/** Headers at once, then the body in pieces spread evenly over `totalMs`. */
async function sendSlowly(response: ServerResponse, reply: RenderedReply, totalMs: number): Promise<void> {
  response.writeHead(reply.status, headersOf(reply));
  response.flushHeaders();
  const body = Buffer.from(reply.status === 204 ? '' : reply.text);
  const pieces = Math.max(1, Math.min(SLOW_BODY_CHUNKS, body.length));
  const size = Math.ceil(body.length / pieces);
  for (let offset = 0; offset < body.length || offset === 0; offset += size) {
    await sleep(totalMs / pieces, undefined, { ref: false });
    // The client may have given up, or the simulator may be closing.
    if (response.destroyed) return;
    const piece = body.subarray(offset, offset + size);
    if (offset + size >= body.length) {
      response.end(piece);
      return;
    }
    response.write(piece);
  }
}
