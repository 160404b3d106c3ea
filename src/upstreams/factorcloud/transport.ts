import type { UpstreamHttp, UpstreamResponse } from '../../http/upstreamHttp.js';

export const FACTORCLOUD_BASE_PATH = '/api_factor';

/**
 * The calls the HTTP layer may repeat after a transient failure. Every documented GET reads; of
 * the POST calls only get-docs does (its second documented style, §5.17). Every other POST
 * creates or updates something and is sent exactly once.
 */
const READS_BY_POST = new Set(['get-docs']);

/** Visible ASCII only: anything else cannot travel in a header and goes in the query alone. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export interface FactorCloudCredentials {
  factorId: string;
  systemKey: string;
  apiKey: string;
}

export interface FactorCloudGet {
  /** Call name under `/api_factor/`, e.g. `get-sched`; also the endpoint label in errors. */
  endpoint: string;
  /** Path after the call name, e.g. `<UUID>.json` for get-docs; default: the trailing slash. */
  suffix?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  acceptStatuses?: readonly number[];
}

export interface FactorCloudPost {
  endpoint: string;
  /** Built by bodies.ts with the docs' field names; sent as raw JSON text. */
  body: unknown;
  acceptStatuses?: readonly number[];
}

export interface FactorCloudTransport {
  get(request: FactorCloudGet): Promise<UpstreamResponse>;
  post(request: FactorCloudPost): Promise<UpstreamResponse>;
  /** The pool this transport sends through; long-lived, so it can scope process-wide guards. */
  readonly http: UpstreamHttp;
}

/**
 * Adds the three auth headers and the base path to every FactorCloud call (factorcloud.md §1);
 * a request's view of the transport (`scopedHttp`) adds the request id and trace context.
 *
 * POST bodies are raw JSON sent as `Content-Type: application/json`. The docs never show that
 * header: the older examples post JSON form-encoded (`curl --data`), the newer ones as
 * `text/plain` (§1.3). A JSON body labelled as JSON is the honest reading of "the body is a JSON
 * Object"; if a live server refuses it, `text/plain` is the documented alternative.
 */
export function createFactorCloudTransport(
  http: UpstreamHttp,
  credentials: FactorCloudCredentials,
): FactorCloudTransport {
  // Canonical spellings from the docs' prose (§1.2); header names are case-insensitive on the
  // wire, so this is a choice of style, not of meaning.
  const auth = {
    'Auth-FactorID': credentials.factorId,
    'Auth-SystemKey': credentials.systemKey,
    'Auth-APIKey': credentials.apiKey,
    Accept: 'application/json',
  };
  return {
    http,
    get: (request) =>
      http.request({
        method: 'GET',
        // Every documented URI ends with a slash (§1.1).
        path: `${FACTORCLOUD_BASE_PATH}/${request.endpoint}/${request.suffix ?? ''}`,
        endpoint: request.endpoint,
        ...(request.query ? { query: request.query } : {}),
        headers: { ...auth, ...request.headers },
        ...(request.acceptStatuses ? { acceptStatuses: request.acceptStatuses } : {}),
        idempotent: true,
      }),
    // Writes are never retried: a write is not safe to repeat blindly.
    post: (request) =>
      http.request({
        method: 'POST',
        path: `${FACTORCLOUD_BASE_PATH}/${request.endpoint}/`,
        endpoint: request.endpoint,
        headers: { ...auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(request.body),
        ...(request.acceptStatuses ? { acceptStatuses: request.acceptStatuses } : {}),
        idempotent: READS_BY_POST.has(request.endpoint),
      }),
  };
}

/**
 * An identifier the docs list under "Header Information" (get-invoice, get-sched) also goes in a
 * header of that name, when it can: a header cannot carry non-ASCII text.
 */
export function idHeader(name: string, value: string): Record<string, string> {
  return HEADER_SAFE.test(value) ? { [name]: value } : {};
}
