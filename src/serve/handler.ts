import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../logger.js';
import { BodyTooLargeError, isJsonContentType, readBody } from './body.js';
import { applyCors } from './cors.js';
import type { CorsPolicy } from './cors.js';

export interface HandlerOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  context(requestId: string): Promise<TContext>;
  cors: CorsPolicy;
  maxRequestBodyBytes: number;
  logger: Logger;
}

export const GRAPHQL_PATH = '/graphql';
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * A small node:http integration for Apollo Server: GraphQL at /graphql, a liveness probe at
 * /healthz, and JSON 404s elsewhere. Kept free of a web framework so the hot path stays short.
 */
export function createRequestHandler<TContext extends object>(
  options: HandlerOptions<TContext>,
): RequestListener {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      options.logger.error({ err: error }, 'request handler failed');
      if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
      else res.destroy();
    });
  };
}

async function handle<TContext extends object>(
  req: IncomingMessage,
  res: ServerResponse,
  options: HandlerOptions<TContext>,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://subgraph.invalid');
  const incomingId = req.headers['x-request-id'];
  const requestId = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
  res.setHeader('x-request-id', requestId);

  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/' && req.method === 'GET') {
    res.writeHead(302, { location: GRAPHQL_PATH }).end();
    return;
  }
  if (url.pathname !== GRAPHQL_PATH && url.pathname !== `${GRAPHQL_PATH}/`) {
    return sendJson(res, 404, errorBody(`Not found: GraphQL is served at ${GRAPHQL_PATH}`, 'NOT_FOUND'));
  }
  if (applyCors(req, res, options.cors)) return;

  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }

  let body: unknown;
  if (req.method === 'POST') {
    let text: string;
    try {
      text = await readBody(req, options.maxRequestBodyBytes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return sendJson(
        res,
        413,
        errorBody(`Request body exceeds ${options.maxRequestBodyBytes} bytes`, 'BAD_REQUEST'),
      );
    }
    if (isJsonContentType(req.headers['content-type'])) {
      try {
        body = JSON.parse(text);
      } catch {
        return sendJson(res, 400, errorBody('Request body is not valid JSON', 'BAD_REQUEST'));
      }
    } else {
      body = text;
    }
  }

  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => options.context(requestId),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    if (
      isRequestErrorInPlainJson(res.statusCode, response.headers.get('content-type'), response.body.string)
    ) {
      res.statusCode = 200;
    }
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

const DOCUMENT_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/**
 * GraphQL over HTTP: a client that accepts only `application/json` SHOULD get 200 for a
 * well-formed request whose document or variables are invalid (the errors are in the body).
 * `application/graphql-response+json` clients keep Apollo's 4xx, as that media type prescribes.
 */
function isRequestErrorInPlainJson(status: number, contentType: string | undefined, body: string): boolean {
  if (status !== 400 || !contentType?.startsWith('application/json')) return false;
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      !('errors' in parsed) ||
      !Array.isArray(parsed.errors)
    ) {
      return false;
    }
    return parsed.errors.every((error: unknown) => {
      const code =
        typeof error === 'object' && error !== null && 'extensions' in error
          ? codeOf(error.extensions)
          : undefined;
      return code !== undefined && DOCUMENT_ERROR_CODES.has(code);
    });
  } catch {
    return false;
  }
}

function codeOf(extensions: unknown): string | undefined {
  if (typeof extensions !== 'object' || extensions === null || !('code' in extensions)) return undefined;
  return typeof extensions.code === 'string' ? extensions.code : undefined;
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}
