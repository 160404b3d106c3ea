import type { UpstreamHttp } from '../../http/upstreamTypes.js';
import type { Transport } from '../endpoint.js';

export const FACTORCLOUD_BASE_PATH = '/api_factor';

/** Visible ASCII only: anything else cannot travel in a header and goes in the query alone. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

const JSON_BODY = { 'Content-Type': 'application/json' };

export interface FactorCloudCredentials {
  factorId: string;
  systemKey: string;
  apiKey: string;
}

/**
 * Sends one FactorCloud call (factorcloud.md §1): the base path, the three auth headers, and the
 * entry's own head, so the `endpoint` label is the entry's call name and only entries marked
 * idempotent may be retried. A request's view of the transport (`scopedHttp`) adds the request id
 * and trace context.
 *
 * POST bodies are raw JSON sent as `Content-Type: application/json`. The docs never show that
 * header: the older examples post JSON form-encoded (`curl --data`), the newer ones as
 * `text/plain` (§1.3). A JSON body labelled as JSON is the honest reading of "the body is a JSON
 * Object"; if a live server refuses it, `text/plain` is the documented alternative. bodies.ts
 * writes every number as a string, so plain JSON text keeps amounts exact.
 */
export function createFactorCloudTransport(
  http: UpstreamHttp,
  credentials: FactorCloudCredentials,
): Transport {
  // Canonical spellings from the docs' prose (§1.2); header names are case-insensitive on the
  // wire, so this is a choice of style, not of meaning.
  const auth = {
    'Auth-FactorID': credentials.factorId,
    'Auth-SystemKey': credentials.systemKey,
    'Auth-APIKey': credentials.apiKey,
    Accept: 'application/json',
  };
  return (head, request) =>
    http.request({
      method: head.method,
      // Every documented URI ends with a slash (§1.1), or with the get-docs style `<UUID>.json`.
      path: `${FACTORCLOUD_BASE_PATH}/${head.path}/${request.suffix ?? ''}`,
      endpoint: head.name,
      ...(request.query ? { query: request.query } : {}),
      headers:
        request.body === undefined
          ? { ...auth, ...request.headers }
          : { ...auth, ...JSON_BODY, ...request.headers },
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      ...(request.accept ? { acceptStatuses: request.accept } : {}),
      idempotent: head.idempotent,
    });
}

/**
 * An identifier the docs list under "Header Information" (get-invoice, get-sched) also goes in a
 * header of that name, when it can: a header cannot carry non-ASCII text.
 */
export function idHeader(name: string, value: string): Record<string, string> {
  return HEADER_SAFE.test(value) ? { [name]: value } : {};
}
