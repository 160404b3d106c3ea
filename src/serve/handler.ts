import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { HeaderMap } from '@apollo/server';
import type { ApolloServer } from '@apollo/server';
import type { Logger } from '../logger.js';
import type { Observability } from '../observability/observability.js';
import type { Readiness } from '../observability/readiness.js';
import { logWhenDone } from '../observability/accessLog.js';
import { wantsUpstreamCalls } from '../observability/debugAccess.js';
import type { DebugAccess } from '../observability/debugAccess.js';
import { resolveRequestIdentity } from '../observability/requestId.js';
import { RequestLedger } from '../observability/requestLedger.js';
import type { RequestScope } from '../observability/requestScope.js';
import { serveOperationalRoute } from '../observability/routes.js';
import type { Gatekeeper } from '../security/admission.js';
import { batchRefusal } from '../security/limits/batch.js';
import type { Tenant } from '../security/tenants.js';
import { BodyTooLargeError, isJsonContentType, readBody } from './body.js';
import { refuseOversizedBody } from './oversizedBody.js';
import { applyCors } from './cors.js';
import { parseRequestJson } from './requestJson.js';
import { settleErrorReply } from './errorReplies.js';
import { GRAPHIQL_PATH } from './offlineIde.js';
import type { CorsPolicy } from './cors.js';

export interface HandlerOptions<TContext extends object> {
  apollo: ApolloServer<TContext>;
  /** `headers`: the HTTP request's, e.g. for its `Cache-Control` (src/cache/freshness.ts). */
  context(scope: RequestScope, tenant: Tenant, headers: IncomingMessage['headers']): Promise<TContext>;
  /** Router secret, JWT and tenant (src/security/admission.ts); runs before the body is read. */
  admit: Gatekeeper;
  /** Operations per JSON array body; 1: arrays are refused. */
  maxBatchOperations: number;
  cors: CorsPolicy;
  maxRequestBodyBytes: number;
  logger: Logger;
  observability: Observability;
  readiness(): Readiness;
  /** Who may ask for `extensions.upstreamCalls`. */
  debugAccess: DebugAccess;
  /** The offline GraphiQL page, served at /graphiql; undefined: not served. */
  offlineIde: (() => Promise<string>) | undefined;
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
    // The request's scope goes down explicitly (GraphQL context, upstream clients, loaders), so
    // its id reaches upstream calls, error extensions and log lines.
    const identity = resolveRequestIdentity(req.headers);
    const { requestId } = identity;
    res.setHeader('x-request-id', requestId);
    const url = requestTarget(req.url);
    const scope = options.observability.scopeFor(identity);
    scope.ledger = new RequestLedger(wantsUpstreamCalls(req.headers, options.debugAccess));
    logWhenDone(options.logger, res, {
      method: req.method,
      path: url.pathname,
      requestId,
      ledger: scope.ledger,
    });
    handle(req, res, options, scope, url).catch((error: unknown) => {
      options.logger.error({ err: error, requestId }, 'request handler failed');
      if (!res.headersSent) {
        sendJson(
          res,
          500,
          errorBody(scope.ledger, 'Internal server error', 'INTERNAL_SERVER_ERROR', requestId),
        );
      } else res.destroy();
    });
  };
}

async function handle<TContext extends object>(
  req: IncomingMessage,
  res: ServerResponse,
  options: HandlerOptions<TContext>,
  scope: RequestScope,
  url: { pathname: string; search: string },
): Promise<void> {
  const { requestId } = scope;

  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (await serveOperationalRoute(url.pathname, res, options)) return;
  if (url.pathname === GRAPHIQL_PATH && req.method === 'GET' && options.offlineIde) {
    return sendHtml(res, await options.offlineIde());
  }
  if (url.pathname === '/' && req.method === 'GET') {
    res.writeHead(302, { location: GRAPHQL_PATH }).end();
    return;
  }
  if (url.pathname !== GRAPHQL_PATH && url.pathname !== `${GRAPHQL_PATH}/`) {
    return sendJson(
      res,
      404,
      errorBody(scope.ledger, `Not found: GraphQL is served at ${GRAPHQL_PATH}`, 'NOT_FOUND', requestId),
    );
  }
  if (applyCors(req, res, options.cors)) return;
  const admission = await options.admit(req, requestId);
  if (!admission.admitted) {
    for (const [key, value] of Object.entries(admission.headers)) res.setHeader(key, value);
    return sendJson(
      res,
      admission.status,
      errorBody(scope.ledger, admission.message, admission.code, requestId),
    );
  }
  scope.ledger.tenant = admission.tenant.id;

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
      return refuseOversizedBody(
        req,
        res,
        errorBody(
          scope.ledger,
          `Request body exceeds ${options.maxRequestBodyBytes} bytes`,
          'BAD_REQUEST',
          requestId,
        ),
      );
    }
    if (isJsonContentType(req.headers['content-type'])) {
      try {
        body = parseRequestJson(text);
      } catch {
        return sendJson(
          res,
          400,
          errorBody(scope.ledger, 'Request body is not valid JSON', 'BAD_REQUEST', requestId),
        );
      }
    } else {
      body = text;
    }
    const batchProblem = batchRefusal(body, options.maxBatchOperations);
    if (batchProblem)
      return sendJson(res, 400, errorBody(scope.ledger, batchProblem, 'TOO_MANY_OPERATIONS', requestId));
  }

  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method?.toUpperCase() ?? 'GET', headers, search: url.search, body },
    context: () => options.context(scope, admission.tenant, req.headers),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const reply = settleErrorReply(
      { status: res.statusCode, body: response.body.string },
      response.headers.get('content-type'),
      requestId,
    );
    res.statusCode = reply.status;
    res.end(reply.body);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function errorBody(ledger: RequestLedger | undefined, message: string, code: string, requestId: string) {
  ledger?.errorCodes.add(code);
  return { errors: [{ message, extensions: { code, requestId } }] };
}

function sendHtml(res: ServerResponse, html: string): void {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
}

function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(payload));
}

/**
 * Path and query of the request target. The usual origin-form (`/graphql?…`) is split by hand,
 * since a URL object per request is work for nothing (docs/performance.md, History). Any other
 * form (an absolute URL from a proxy) goes through the URL parser.
 */
function requestTarget(target = '/'): { pathname: string; search: string } {
  if (!target.startsWith('/') || target.startsWith('//')) return new URL(target, 'http://subgraph.invalid');
  const query = target.indexOf('?');
  return query < 0
    ? { pathname: target, search: '' }
    : { pathname: target.slice(0, query), search: target.slice(query) };
}
