import { isRecord } from '../lib/records.js';

/**
 * Error replies Apollo Server answers with a 4xx or 5xx status: the document could not be
 * parsed or validated, or the HTTP request itself was refused (no query, a mutation over GET,
 * CSRF prevention). Apollo formats these without the request, so the request id is added here.
 */

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

export interface Reply {
  status: number;
  body: string;
}

/**
 * Every error gets `extensions.requestId`. And, per GraphQL over HTTP, a client that accepts only
 * `application/json` SHOULD get 200 for a well-formed request whose document or variables are
 * invalid (the errors are in the body); `application/graphql-response+json` clients keep
 * Apollo's 4xx, as that media type prescribes. Anything else passes unchanged.
 */
export function settleErrorReply(reply: Reply, contentType: string | undefined, requestId: string): Reply {
  if (reply.status < 400 || !contentType || !/^application\/(graphql-response\+)?json/.test(contentType)) {
    return reply;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(reply.body);
  } catch {
    return reply;
  }
  if (!isRecord(parsed) || !Array.isArray(parsed.errors)) return reply;
  const errors: unknown[] = parsed.errors;
  const plainJson = contentType.startsWith('application/json');
  const documentOnly = errors.every((error) => {
    const code = isRecord(error) && isRecord(error.extensions) ? error.extensions.code : undefined;
    return typeof code === 'string' && DOCUMENT_ERROR_CODES.has(code);
  });
  const tagged = errors.map((error) =>
    isRecord(error)
      ? { ...error, extensions: { ...(isRecord(error.extensions) ? error.extensions : {}), requestId } }
      : error,
  );
  return {
    status: reply.status === 400 && plainJson && documentOnly ? 200 : reply.status,
    body: `${JSON.stringify({ ...parsed, errors: tagged })}\n`,
  };
}
