import { z } from 'zod';
import { sameInvoiceNumber } from '../../lib/invoiceNumbers.js';
import { parseReply } from '../parse.js';
import { date, identifier, integer, list, text } from '../lenient.js';
import type { ConfirmaCall, WriteResult } from './call.js';
import { NOTHING_FOUND, WRITE_REFUSALS, foundNothing } from './call.js';

/**
 * Accounting sync (confirma.md §4.12–4.15): submit ledger and payment documents, read their
 * sync status. Status codes seen: 0 "Pending", 1 "Successfully synced"; a failure code exists
 * but its value is not documented, so any other code is reported as a failure with its number.
 */
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
function matching<T extends Record<string, string | number | null>>(
  items: T[],
  query: Record<string, string | undefined>,
): T[] {
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

export interface ConfirmaAccounting {
  /** POST /accounting/ledger: one complete ledger document (`ledgers` is an object, §4.12). */
  submitLedger(body: unknown): Promise<WriteResult<null>>;
  /** GET /accounting/ledger; 204 means nothing to report. */
  ledgerStatus(query: Record<string, string | undefined>): Promise<LedgerStatusRecord[]>;
  /** POST /accounting/payment (§4.14). */
  submitPayments(body: unknown): Promise<WriteResult<null>>;
  /** GET /accounting/payment (§4.15). */
  paymentStatus(query: Record<string, string | undefined>): Promise<PaymentStatusRecord[]>;
}

export function createConfirmaAccounting(call: ConfirmaCall): ConfirmaAccounting {
  async function submit(path: string, endpoint: string, body: unknown): Promise<WriteResult<null>> {
    // The submit responses are not documented; any 2xx is acceptance, the status read follows.
    const reply = await call({ method: 'POST', path, endpoint, json: body, acceptStatuses: WRITE_REFUSALS });
    return reply.status >= 300 ? { ok: false, status: reply.status } : { ok: true, value: null };
  }

  return {
    submitLedger: (body) => submit('/accounting/ledger', 'accounting/ledger (submit)', body),
    submitPayments: (body) => submit('/accounting/payment', 'accounting/payment (submit)', body),

    async ledgerStatus(query) {
      const endpoint = 'accounting/ledger (status)';
      // The docs show an empty `{}` body on this GET; a GET body is ignored here on purpose.
      const reply = await call({
        method: 'GET',
        path: '/accounting/ledger',
        endpoint,
        query,
        acceptStatuses: NOTHING_FOUND,
      });
      // 204 is documented for the ledger read; a 404 is read as the same "nothing to report".
      if (foundNothing(reply)) return [];
      return matching(parseReply(ledgerStatusReply, reply.body, { upstream: 'confirma', endpoint }), query);
    },

    async paymentStatus(query) {
      const endpoint = 'accounting/payment (status)';
      const reply = await call({
        method: 'GET',
        path: '/accounting/payment',
        endpoint,
        query,
        acceptStatuses: NOTHING_FOUND,
      });
      // As for the ledger read: 204 or 404 is "nothing to report".
      if (foundNothing(reply)) return [];
      return matching(parseReply(paymentStatusReply, reply.body, { upstream: 'confirma', endpoint }), query);
    },
  };
}
