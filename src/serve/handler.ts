import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../logger.js';
import type { Observability } from '../observability/observability.js';
import type { Readiness } from '../observability/readiness.js';
import { resolveRequestIdentity } from '../observability/requestId.js';
import { currentRequestId, runInRequestScope } from '../observability/requestScope.js';
import { serveOperationalRoute } from '../observability/routes.js';
import type { Gatekeeper } from '../security/admission.js';
import { batchRefusal } from '../security/limits/batch.js';
import type { Tenant } from '../security/tenants.js';
import { BodyTooLargeError, isJsonContentType, readBody } from './body.js';
import { applyCors } from './cors.js';
import type { CorsPolicy } from './cors.js';

export interface HandlerOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  context(requestId: string, tenant: Tenant): Promise<TContext>;
  /** Router secret, JWT and tenant (src/security/admission.ts); runs before the body is read. */
  admit: Gatekeeper;
  /** Operations per JSON array body; 1: arrays are refused. */
  maxBatchOperations: number;
  cors: CorsPolicy;
  maxRequestBodyBytes: number;
  logger: Logger;
  observability: Observability;
  readiness(): Readiness;
}

export const GRAPHQL_PATH = '/graphql';

/**
 * A small node:http integration for Apollo Server: GraphQL at /graphql, a liveness probe at
 * /healthz, readiness at /readyz, Prometheus metrics at /metrics, and JSON 404s elsewhere.
 * Kept free of a web framework so the hot path stays short.
 */
export function createRequestHandler<TContext extends object>(
  options: HandlerOptions<TContext>,
): RequestListener {
  return (req, res) => {
    // Everything below runs in the request's scope: its id reaches upstream calls, loaders,
    // error extensions and log lines without being passed along by hand.
    const identity = resolveRequestIdentity(req.headers);
    res.setHeader('x-request-id', identity.requestId);
    void runInRequestScope(options.observability.scopeFor(identity), () =>
      handle(req, res, options, identity.requestId).catch((error: unknown) => {
        options.logger.error({ err: error, requestId: identity.requestId }, 'request handler failed');
        if (!res.headersSent) sendJson(res, 500, errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
        else res.destroy();
      }),
    );
  };
}

async function handle<TContext extends object>(
  req: IncomingMessage,
  res: ServerResponse,
  options: HandlerOptions<TContext>,
  requestId: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://subgraph.invalid');

  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (await serveOperationalRoute(url.pathname, res, options)) return;
  if (url.pathname === '/' && req.method === 'GET') {
    res.writeHead(302, { location: GRAPHQL_PATH }).end();
    return;
  }
  if (url.pathname !== GRAPHQL_PATH && url.pathname !== `${GRAPHQL_PATH}/`) {
    return sendJson(res, 404, errorBody(`Not found: GraphQL is served at ${GRAPHQL_PATH}`, 'NOT_FOUND'));
  }
  if (applyCors(req, res, options.cors)) return;
  const admission = await options.admit(req);
  if (!admission.admitted) {
    for (const [key, value] of Object.entries(admission.headers)) res.setHeader(key, value);
    return sendJson(res, admission.status, errorBody(admission.message, admission.code));
  }

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
    const batchProblem = batchRefusal(body, options.maxBatchOperations);
    if (batchProblem) return sendJson(res, 400, errorBody(batchProblem, 'TOO_MANY_OPERATIONS'));
  }

  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => options.context(requestId, admission.tenant),
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

const DOCUMENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  // Operation limits: the document is well-formed JSON but asks for more than is allowed.
  'OPERATION_TOO_DEEP',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'OPERATION_TOO_COSTLY',
]);

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
  const requestId = currentRequestId();
  return { errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] };
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}
