import { stringifyJsonExact } from '../../http/json.js';
import type { UpstreamHttp, UpstreamResponse } from '../../http/upstreamHttp.js';
import type { Transport } from '../endpoint.js';

export const CONFIRMA_BASE_PATH = '/api/v1/partner';

/**
 * Confirma credentials. After GET /renew the old key stops working (confirma.md §2.4): the
 * operator command that renews (src/ops/renewConfirmaToken.ts) switches its own copy in place,
 * and the cache partition (upstreamCache.ts) reads the key on every call for the same reason.
 */
export interface ConfirmaCredentials {
  apiKey: string;
  /** Partner provisioning token: the only credential `POST /client` accepts (§2.2). */
  provisioningToken?: string | undefined;
}

/**
 * Sends one Confirma call: the base path, the documented headers (`X-Api-Key`, `Accept`) and the
 * JSON body with exact numbers. Whether the HTTP layer may repeat the call is the entry's
 * `idempotent`; a request's view of the pool (`scopedHttp`) adds the request id and trace context.
 */
export function confirmaTransport(http: UpstreamHttp, credentials: ConfirmaCredentials): Transport {
  return (head, request) =>
    http.request({
      method: head.method,
      path: `${CONFIRMA_BASE_PATH}${head.path}`,
      endpoint: head.name,
      query: request.query,
      headers: {
        'X-Api-Key': request.token ?? credentials.apiKey,
        Accept: 'application/json',
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: stringifyJsonExact(request.body) }),
      ...(request.accept ? { acceptStatuses: request.accept } : {}),
      idempotent: head.idempotent,
    });
}

/**
 * Answers of a read that mean "nothing matched". Most reads document only their 200 (and the
 * ledger read its 204); a server may well answer an empty result with a 204 or, as the sibling
 * Cash-In API does for an unknown identifier, a 404 (confirma.md §3.2). Either is an empty result.
 */
export const NOTHING_FOUND = [204, 404] as const;

/** Whether a read sent with `accept: NOTHING_FOUND` found nothing (or sent no body). */
export function foundNothing(reply: UpstreamResponse): boolean {
  return reply.status === 204 || reply.status === 404 || reply.body === undefined;
}

/** 4xx answers to writes that become typed refusals (user errors) rather than field errors. */
export const WRITE_REFUSALS = [400, 402, 404, 409, 422] as const;

/** Where a reply broke the contract, for its error (the entry's `name`). */
export function where(endpoint: string) {
  return { upstream: 'confirma', endpoint } as const;
}
