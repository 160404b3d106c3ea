import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendWithFault, type RenderedReply } from './faultResponses.js';
import type { SimulatorFaults } from '../lib/simulatorFaults.js';
import { createFaultPlanner } from './faults.js';

/**
 * The few HTTP pieces both simulators share: a server on host/port that can be closed cleanly,
 * a capped body reader, and a JSON writer that can emit money with its two decimals.
 */

export interface RunningServer {
  /** Origin only, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  /** Stops listening and drops every connection, idle keep-alive ones included. Idempotent. */
  close(): Promise<void>;
}

/** What a simulator saw, for tests that assert on the requests a client made. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased, as Node delivers them. */
  headers: Record<string, string>;
  /** Raw body text; empty for requests without one. */
  body: string;
}

export type RequestRecorder = (request: RecordedRequest) => void;

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export const DEFAULT_HOST = '127.0.0.1';

/**
 * Starts a `node:http` server; port 0 (the default) picks a free port. A handler that throws
 * gets a 500 JSON reply carrying the error message (the simulators never write to the console,
 * so the reply is where a test sees what went wrong) instead of crashing the process.
 */
export async function startHttpServer(
  handler: RequestHandler,
  options: { host?: string; port?: number } = {},
): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_HOST;
  const server = createServer((request, response) => {
    handler(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) response.destroy();
      else sendJson(response, 500, { message: 'Internal simulator error', detail: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('simulator server has no TCP address');
  const hostPart = address.address.includes(':') ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostPart}:${address.port}`,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() stops accepting and drops idle sockets, but waits for connections with a
        // request in flight (say, a client that never finishes its body); drop those too.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** Answers a request from its URL and body; the simulators' routes all have this shape. */
export type JsonAnswer = (request: IncomingMessage, url: URL, body: string) => JsonReply;

/**
 * A JSON simulator server: reads the body (413 past the cap), reports the request to
 * `onRequest`, then sends what `answer` returns.
 */
export function startJsonServer(
  answer: JsonAnswer,
  options: {
    host?: string | undefined;
    port?: number | undefined;
    onRequest?: RequestRecorder | undefined;
    /** Body cap in bytes; defaults to `MAX_BODY_BYTES`. */
    maxBodyBytes?: number | undefined;
    /** Failures to inject into the answers (see faults.ts); none when absent. */
    faults?: SimulatorFaults | undefined;
  },
): Promise<RunningServer> {
  const faults = options.faults ? createFaultPlanner(options.faults) : undefined;
  return startHttpServer(
    async (request, response) => {
      const url = requestUrl(request);
      let body: string;
      try {
        body = await readBody(request, options.maxBodyBytes);
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        sendReply(response, {
          status: 413,
          body: { message: error.message },
          headers: { connection: 'close' },
        });
        return;
      }
      options.onRequest?.(recordOf(request, url, body));
      if (faults) return sendWithFault(response, faults.next(), () => rendered(answer(request, url, body)));
      sendReply(response, answer(request, url, body));
    },
    { host: options.host, port: options.port },
  );
}

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body exceeds ${limitBytes} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** Default cap on request bodies: the simulators take small JSON documents, never uploads. */
export const MAX_BODY_BYTES = 1_048_576;

/** Reads the whole body as UTF-8, rejecting with `BodyTooLargeError` beyond `limitBytes`. */
export async function readBody(request: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limitBytes) throw new BodyTooLargeError(limitBytes);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A JSON number written exactly as given. `JSON.stringify(1240.50)` prints `1240.5`; upstreams
 * write money as `1240.50`, and clients that read numbers as text should see that.
 */
export class RawJsonNumber {
  constructor(readonly text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new RangeError(`not a JSON number literal: ${text}`);
  }
}

export type JsonValue =
  null | boolean | number | string | RawJsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** Parses JSON text into a `JsonValue`; `undefined` when the text is not JSON. */
export function jsonValueOf(text: string): JsonValue | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return fromParsed(parsed);
  } catch {
    return undefined;
  }
}

function fromParsed(value: unknown): JsonValue {
  if (
    value === null ||
    typeof value === 'boolean' ||
    typeof value === 'number' ||
    typeof value === 'string'
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.map(fromParsed);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromParsed(item)]));
  }
  throw new TypeError(`not a JSON value: ${typeof value}`);
}

/** Like `JSON.stringify`, but `RawJsonNumber` values are written verbatim. */
export function toJsonText(value: JsonValue): string {
  if (value instanceof RawJsonNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A route's answer, kept apart from the socket so routes stay plain functions. */
export interface JsonReply {
  status: number;
  body: JsonValue;
  headers?: Record<string, string>;
}

export function sendReply(response: ServerResponse, reply: JsonReply): void {
  // A 204 carries no body and no content headers (RFC 9110 §15.3.5); `body` is ignored for it.
  if (reply.status === 204) {
    response.writeHead(204, reply.headers ?? {});
    response.end();
    return;
  }
  sendJson(response, reply.status, reply.body, reply.headers);
}

function rendered(reply: JsonReply): RenderedReply {
  if (reply.status === 204) return { status: 204, headers: reply.headers ?? {}, text: '' };
  const headers = { 'content-type': 'application/json; charset=utf-8', ...reply.headers };
  return { status: reply.status, headers, text: toJsonText(reply.body) };
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: JsonValue,
  headers: Record<string, string> = {},
): void {
  const text = toJsonText(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Query parameters of a request (the last value wins when a name repeats). */
export function queryOf(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}

/** Snapshot of a request for a `RequestRecorder`; multi-valued headers are joined with `, `. */
export function recordOf(request: IncomingMessage, url: URL, body: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: request.method ?? 'GET', path: url.pathname, query: queryOf(url), headers, body };
}

/** The request URL, parsed against a dummy origin (only path and query matter here). */
export function requestUrl(request: IncomingMessage): URL {
  return new URL(request.url ?? '/', 'http://simulator.invalid');
}
