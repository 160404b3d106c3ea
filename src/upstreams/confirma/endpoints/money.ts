import type { Endpoint } from '../../endpoint.js';
import { parseReply } from '../../parse.js';
import { windowAge } from '../answerAges.js';
import { RESOURCE, SCOPE } from '../cacheNames.js';
import { paymentsReplySchema, settlementsReplySchema } from '../moneySchemas.js';
import type { PaymentRecord, SettlementsReply } from '../moneySchemas.js';
import { NOTHING_FOUND, foundNothing, where } from '../transport.js';

/** A date window; absent bounds are left to Confirma (its default is the last 30 days). */
export interface DateWindow {
  fromDate?: string | undefined;
  toDate?: string | undefined;
}

/** Payments and settlements (confirma.md §4.9–4.10). */
export const MONEY_ENDPOINTS = {
  /**
   * GET /payments (§4.9): provisional allocations; settlements are the source of truth. Parameter
   * names follow the docs' prose "Use the fromDate - toDate interval". Every invoice of a list asks
   * for the same window, so a page of invoices costs one call, filtered per invoice by resolvers.
   */
  paymentsByWindow: {
    name: 'payments',
    method: 'GET',
    path: '/payments',
    idempotent: true,
    request: (window) => ({
      query: { fromDate: window.fromDate, toDate: window.toDate },
      accept: NOTHING_FOUND,
    }),
    reply(response) {
      // Settlements document only `200 OK (Results found)` (§4.10), which implies another answer
      // when nothing is found: read as an empty list, for payments too.
      if (foundNothing(response)) return [];
      return parseReply(paymentsReplySchema, response.body, where('payments'));
    },
    cache: {
      place: (window) => ({
        resource: RESOURCE.payments,
        key: [window.fromDate, window.toDate],
        scope: SCOPE.payments,
      }),
      ttl: (_payments, window, today) => windowAge('payments', window, today),
    },
    loader: { key: windowKey },
  } satisfies Endpoint<DateWindow, PaymentRecord[]>,

  /**
   * GET /settlements (§4.10), the plain window read. Period names are not captured in the docs;
   * `fromDate`/`toDate` as for payments (inferred).
   */
  settlementsByWindow: {
    name: 'settlements',
    method: 'GET',
    path: '/settlements',
    idempotent: true,
    request: (window) => ({
      query: { fromDate: window.fromDate, toDate: window.toDate },
      accept: NOTHING_FOUND,
    }),
    reply: readSettlements,
    cache: {
      place: (window) => ({
        resource: RESOURCE.settlements,
        key: [window.fromDate, window.toDate],
        scope: SCOPE.settlements,
      }),
      ttl: (_reply, window, today) => windowAge('settlements', window, today),
    },
    loader: { key: windowKey },
  } satisfies Endpoint<DateWindow, SettlementsReply>,

  /**
   * GET /settlements?unfetchedOnly=true (§4.10, Mutation.fetchNewSettlements): only what this
   * integration has not fetched before, and Confirma marks what it returns as fetched. So it is a
   * write in all but method: sent once (a retry after a lost reply would find them gone), never
   * cached or shared between callers, and it drops the cached settlement windows (their
   * `apiFetchDate`).
   */
  newSettlements: {
    name: 'settlements',
    method: 'GET',
    path: '/settlements',
    idempotent: false,
    request: (window) => ({
      query: { fromDate: window.fromDate, toDate: window.toDate, unfetchedOnly: 'true' },
      accept: NOTHING_FOUND,
    }),
    reply: readSettlements,
    invalidates: () => ({ scopes: [SCOPE.settlements] }),
  } satisfies Endpoint<DateWindow, SettlementsReply>,
};

function readSettlements(response: { status: number; body: unknown }): SettlementsReply {
  if (foundNothing(response)) return { createdAt: null, settlements: [] };
  return parseReply(settlementsReplySchema, response.body, where('settlements'));
}

function windowKey(window: DateWindow): string {
  return JSON.stringify([window.fromDate, window.toDate]);
}
