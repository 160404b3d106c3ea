import { stringifyJsonExact } from '../../http/json.js';
import type { UpstreamHttp, UpstreamResponse } from '../../http/upstreamHttp.js';

export const CONFIRMA_BASE_PATH = '/api/v1/partner';

/**
 * Confirma credentials. Mutable on purpose: after GET /renew the old token stops working
 * (confirma.md §2.4), so the client that renewed switches to the new one in place. Only the
 * operator command renews (src/ops/renewConfirmaToken.ts), on its own copy.
 */
export interface ConfirmaCredentials {
  apiKey: string;
  /** Partner provisioning token: the only credential `POST /client` accepts (§2.2). */
  provisioningToken?: string | undefined;
}

export interface ConfirmaRequest {
  method: 'GET' | 'POST';
  /** Path below /api/v1/partner, e.g. `/invoice/case`. */
  path: string;
  /** Short label for errors, logs and metrics. */
  endpoint: string;
  query?: Record<string, string | undefined>;
  /** JSON body; `exactNumber` values are written verbatim. */
  json?: unknown;
  acceptStatuses?: readonly number[];
  /** Send this token instead of the client access token (onboarding). */
  token?: string;
  /**
   * A read that changes state upstream (settlements with `unfetchedOnly` are marked fetched):
   * sent once like a write, since a retry after a lost reply would find them gone.
   */
  consumes?: boolean;
}

export type ConfirmaCall = (request: ConfirmaRequest) => Promise<UpstreamResponse>;

/**
 * The documented reads (confirma.md §4), the only calls the HTTP layer may repeat after a
 * transient failure. Listed by method and path rather than inferred from GET: `GET /renew`
 * replaces the access token (§2.4), and sending it twice would leave us holding a revoked one.
 */
const READS = new Set([
  'GET /invoice/distribution',
  'GET /invoice/case',
  'GET /payments',
  'GET /settlements',
  'GET /accounting/ledger',
  'GET /accounting/payment',
  'GET /validate',
]);

/**
 * Adds the documented headers (`X-Api-Key`, `Accept`) and the base path to every call;
 * a request's view of the transport (`scopedHttp`) adds the request id and trace context.
 */
export function createConfirmaCall(http: UpstreamHttp, credentials: ConfirmaCredentials): ConfirmaCall {
  return (request) =>
    http.request({
      method: request.method,
      path: `${CONFIRMA_BASE_PATH}${request.path}`,
      endpoint: request.endpoint,
      query: request.query,
      headers: {
        'X-Api-Key': request.token ?? credentials.apiKey,
        Accept: 'application/json',
        ...(request.json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(request.json === undefined ? {} : { body: stringifyJsonExact(request.json) }),
      ...(request.acceptStatuses ? { acceptStatuses: request.acceptStatuses } : {}),
      idempotent: request.consumes !== true && READS.has(`${request.method} ${request.path}`),
    });
}

/** A write either succeeded with a parsed value or was refused with a status we handle. */
export type WriteResult<T> = { ok: true; value: T } | { ok: false; status: number };

/**
 * Answers of a read that mean "nothing matched". Most reads document only their 200 (and the
 * ledger read its 204); a server may well answer an empty result with a 204 or, as the sibling
 * Cash-In API does for an unknown identifier, a 404 (confirma.md §3.2). Either is an empty result.
 */
export const NOTHING_FOUND = [204, 404] as const;

/** Whether a read sent with `acceptStatuses: NOTHING_FOUND` found nothing (or sent no body). */
export function foundNothing(reply: UpstreamResponse): boolean {
  return reply.status === 204 || reply.status === 404 || reply.body === undefined;
}

/** 4xx answers to writes that become typed user errors rather than field errors. */
export const WRITE_REFUSALS = [400, 402, 404, 409, 422] as const;
