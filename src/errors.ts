import type { ASTNode, GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UpstreamError } from './http/errors.js';
import { DuplicateWriteError, WriteGuardUnavailableError } from './writes/duplicateWrite.js';

/**
 * The closed set of `extensions.code` values this subgraph produces itself. Apollo's own
 * request-level codes (parse, validation, persisted queries, bad request) pass through as well.
 */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  UPSTREAM_UNAUTHORIZED: 'UPSTREAM_UNAUTHORIZED',
  UPSTREAM_UNAVAILABLE: 'UPSTREAM_UNAVAILABLE',
  UPSTREAM_TIMEOUT: 'UPSTREAM_TIMEOUT',
  UPSTREAM_BAD_RESPONSE: 'UPSTREAM_BAD_RESPONSE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /**
   * A write refused as a duplicate before anything was sent (src/writes): identical and still
   * running or just applied, or an idempotency key reused with another input.
   * `extensions.reason` says which.
   */
  CONFLICT: 'CONFLICT',
  /** No or wrong router secret, or no valid JWT (HTTP 401; 503 when the signing keys are down). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Authenticated, but for no tenant this subgraph serves (HTTP 403). */
  FORBIDDEN: 'FORBIDDEN',
  /** Operation limits (src/security/limits), refused before anything runs. */
  OPERATION_TOO_DEEP: 'OPERATION_TOO_DEEP',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  OPERATION_TOO_COSTLY: 'OPERATION_TOO_COSTLY',
  TOO_MANY_OPERATIONS: 'TOO_MANY_OPERATIONS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
]);
const PUBLIC_CODES = new Set<string>([...Object.values(ErrorCode), ...APOLLO_REQUEST_CODES]);

/** Bad input from the caller: names the argument and says what was expected. */
export function badUserInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument } });
}

/** Thrown by scalar parsing; recognised below so literal and variable input get the same code. */
export class ScalarInputError extends GraphQLError {
  override readonly name = 'ScalarInputError';
  constructor(message: string, options: { nodes?: ASTNode; argument?: string } = {}) {
    const extensions = {
      code: ErrorCode.BAD_USER_INPUT,
      ...(options.argument ? { argument: options.argument } : {}),
    };
    super(message, { extensions, ...(options.nodes ? { nodes: options.nodes } : {}) });
  }
}

/**
 * Shapes every error leaving the subgraph. Upstream failures keep their code and safe message;
 * anything unexpected is masked as INTERNAL_SERVER_ERROR. Stack traces never leave. The request
 * id is added afterwards, where the request is known (`withRequestId`).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof UpstreamError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        upstream: original.upstream,
        endpoint: original.endpoint,
        ...(original.status === undefined ? {} : { upstreamStatus: original.status }),
        ...(original.retryAfterSeconds === undefined ? {} : { retryAfter: original.retryAfterSeconds }),
      },
    };
  }

  if (original instanceof DuplicateWriteError) {
    const extensions = {
      code: ErrorCode.CONFLICT,
      reason: original.reason,
      mutation: original.mutation,
      ...(original.retryAfterSeconds === undefined ? {} : { retryAfter: original.retryAfterSeconds }),
    };
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof WriteGuardUnavailableError) {
    return { ...base, message: original.message, extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE } };
  }

  const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
  // A scalar rejected in a literal surfaces as a validation error; it is bad input all the same.
  if (isScalarInputError(original)) {
    return { ...base, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  // Apollo raises this request error (a persisted-query hash that does not match its query)
  // without a code of its own, so it arrives as INTERNAL_SERVER_ERROR; it is the caller's mistake.
  if (code === ErrorCode.INTERNAL_SERVER_ERROR && formatted.message === 'provided sha does not match query') {
    return { ...base, extensions: { ...extensions, code: 'BAD_REQUEST' } };
  }
  const tokenLimit = code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitMessage(formatted.message) : undefined;
  if (tokenLimit) {
    return { ...base, message: tokenLimit, extensions: { ...extensions, code: ErrorCode.TOO_MANY_TOKENS } };
  }
  if (code && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, extensions };
  }
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/**
 * Walks the `originalError` chain by name: graphql can be loaded twice (its CommonJS and ESM
 * builds), and then `instanceof` across the two copies is false.
 */
function isScalarInputError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if (current.name === 'ScalarInputError') return true;
    current = 'originalError' in current ? current.originalError : undefined;
  }
  return false;
}

/**
 * The error with the request id in `extensions.requestId`, so a client's report finds our log
 * lines. Added by the GraphQL plugin (observability/errorRequestIds.ts) and, for errors answered
 * before GraphQL runs, by the HTTP handler.
 */
export function withRequestId(error: GraphQLFormattedError, requestId: string): GraphQLFormattedError {
  return { ...error, extensions: { ...error.extensions, requestId } };
}

/**
 * graphql's parser stops at `maxTokens` with a syntax error, which Apollo reports as
 * GRAPHQL_PARSE_FAILED. The limit is ours, not a typo of the caller's, so formatError gives it
 * its own code and a message in our words. Recognised by graphql 16's text, which reads
 * "Document contains more that N tokens" (sic; "than" accepted too, should it be corrected):
 * graphql is pinned and test/integration/limits.test.ts fails if the text changes.
 */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\. Parsing aborted\.$/;

/** The message to send instead, or undefined when `message` is no token-limit error. */
function tokenLimitMessage(message: string): string | undefined {
  const limit = TOKEN_LIMIT_MESSAGE.exec(message)?.[1];
  return limit === undefined
    ? undefined
    : `The document has more than ${limit} tokens; at most ${limit} are allowed. Send a shorter document.`;
}
