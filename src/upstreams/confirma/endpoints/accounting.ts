import { z } from 'zod';
import { sameInvoiceNumber } from '../../../lib/invoiceNumbers.js';
import { parseReply } from '../../parse.js';
import { date, identifier, integer, list, text } from '../../lenient.js';
import type { SubmitLedgerInput, SubmitPaymentsInput } from '../writeTypes.js';
import type { Endpoint } from '../../endpoint.js';
import { isSuccess, refusalOf } from '../../writeOutcome.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { accountingPaymentsBody, ledgerBody } from '../accountingBodies.js';
import { syncAge } from '../answerAges.js';
import { RESOURCE, SCOPE } from '../cacheNames.js';
import { NOTHING_FOUND, WRITE_REFUSALS, foundNothing, where } from '../transport.js';

/**
 * Accounting sync (confirma.md §4.12–4.15): submit ledger and payment documents, read their
 * sync status. Status codes seen: 0 "Pending", 1 "Successfully synced"; a failure code exists
 * but its value is not documented, so any other code is reported as a failure with its number.
 */
/** Filters of the status reads; an absent one is not sent. */
export type StatusQuery = Record<string, string | undefined>;

const ledgerStatusSchema = z.object({
  sourceIdentifier: identifier,
  documentDate: date,
  documentName: text,
  documentStatus: text,
  syncDate: date,
  status: integer,
  description: text,
});

const paymentStatusSchema = z.object({
  sourceIdentifier: identifier,
  invoiceNumber: identifier,
  paymentDate: date,
  syncDate: date,
  status: integer,
  description: text,
});

export type LedgerStatusRecord = z.output<typeof ledgerStatusSchema>;
export type PaymentStatusRecord = z.output<typeof paymentStatusSchema>;

/** `{ "ledgers": [...] }` as documented; a bare array is read the same way. */
const ledgerStatusReply = z
  .preprocess(
    (body) => (Array.isArray(body) ? { ledgers: body } : body),
    z.object({ ledgers: list(ledgerStatusSchema) }),
  )
  .transform((r) => r.ledgers);
const paymentStatusReply = z
  .preprocess(
    (body) => (Array.isArray(body) ? { payments: body } : body),
    z.object({ payments: list(paymentStatusSchema) }),
  )
  .transform((r) => r.payments);

/**
 * The status reads' query parameters were not captured (§4.13, §4.15); the filters are sent as
 * `sourceIdentifier` and `invoiceNumber`, the names of the reply fields they match. A server that
 * ignores them answers with every item, so the items are also matched here: a caller asking about
 * one ledger never gets another ledger's state.
 */
function matching<T extends Record<string, string | number | null>>(items: T[], query: StatusQuery): T[] {
  const wanted = Object.entries(query).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[0] in (items[0] ?? {}),
  );
  return items.filter((item) =>
    wanted.every(
      ([key, value]) =>
        item[key] !== null && item[key] !== undefined && sameInvoiceNumber(String(item[key]), value),
    ),
  );
}

/** The submit responses are not documented: a 2xx is acceptance, the status read follows. */
function submitted({ status }: { status: number }): WriteOutcome<null> {
  return isSuccess(status) ? { ok: true, status, value: null } : refusalOf(status);
}

/** Query parameters in a stable order, absent ones dropped: the cache key of a status read. */
function sortedEntries(query: StatusQuery): string[][] {
  return Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}

const LEDGER_STATUS = 'accounting/ledger (status)';
const PAYMENT_STATUS = 'accounting/payment (status)';

/**
 * Accounting sync (§4.12–4.15). Submits take effect asynchronously at Confirma; each drops its
 * cached status reads, and the short TTL of pending states covers the rest.
 */
export const ACCOUNTING_ENDPOINTS = {
  /** POST /accounting/ledger: one complete ledger document (`ledgers` is an object, §4.12). */
  submitLedger: {
    name: 'accounting/ledger (submit)',
    method: 'POST',
    path: '/accounting/ledger',
    idempotent: false,
    request: (input) => ({ body: ledgerBody(input), accept: WRITE_REFUSALS }),
    reply: submitted,
    invalidates: () => ({ scopes: [SCOPE.ledgerSync] }),
  } satisfies Endpoint<SubmitLedgerInput, WriteOutcome<null>>,

  /**
   * GET /accounting/ledger; 204 is documented as "nothing to report", and a 404 is read the same.
   * The docs show an empty `{}` body on this GET; a GET body is left out on purpose.
   */
  ledgerStatus: {
    name: LEDGER_STATUS,
    method: 'GET',
    path: '/accounting/ledger',
    idempotent: true,
    request: (query) => ({ query, accept: NOTHING_FOUND }),
    reply(response, query) {
      if (foundNothing(response)) return [];
      return matching(parseReply(ledgerStatusReply, response.body, where(LEDGER_STATUS)), query);
    },
    cache: {
      place: (query) => ({
        resource: RESOURCE.ledgerStatus,
        key: sortedEntries(query),
        scope: SCOPE.ledgerSync,
      }),
      ttl: (items) => syncAge(items),
    },
  } satisfies Endpoint<StatusQuery, LedgerStatusRecord[]>,

  /** POST /accounting/payment (§4.14). */
  submitPayments: {
    name: 'accounting/payment (submit)',
    method: 'POST',
    path: '/accounting/payment',
    idempotent: false,
    request: (input) => ({ body: accountingPaymentsBody(input), accept: WRITE_REFUSALS }),
    reply: submitted,
    invalidates: () => ({ scopes: [SCOPE.paymentSync] }),
  } satisfies Endpoint<SubmitPaymentsInput, WriteOutcome<null>>,

  /** GET /accounting/payment (§4.15); as for the ledger read, 204 or 404 is "nothing to report". */
  paymentStatus: {
    name: PAYMENT_STATUS,
    method: 'GET',
    path: '/accounting/payment',
    idempotent: true,
    request: (query) => ({ query, accept: NOTHING_FOUND }),
    reply(response, query) {
      if (foundNothing(response)) return [];
      return matching(parseReply(paymentStatusReply, response.body, where(PAYMENT_STATUS)), query);
    },
    cache: {
      place: (query) => ({
        resource: RESOURCE.paymentStatus,
        key: sortedEntries(query),
        scope: SCOPE.paymentSync,
      }),
      ttl: (items) => syncAge(items),
    },
  } satisfies Endpoint<StatusQuery, PaymentStatusRecord[]>,
};
