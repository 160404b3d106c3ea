import { z } from 'zod';
import { identifier, list, text } from '../../lenient.js';
import { isRecord } from '../../../lib/records.js';
import { lowerCaseKeys } from '../../records.js';
import type { CreateInvoiceInput } from '../writeTypes.js';
import type { ValidAction } from '../writeTypes.js';
import type { Endpoint } from '../../endpoint.js';
import { isSuccess, refusalOf } from '../../writeOutcome.js';
import type { WriteOutcome } from '../../writeOutcome.js';
import { actionEffects } from '../actionEffects.js';
import { SCOPE, lookupPlace } from '../cacheNames.js';
import { createInvoiceBody, invoiceActionsBody } from '../invoiceBodies.js';
import { WRITE_REFUSALS } from '../transport.js';

/**
 * The create-invoice and create-action responses are not documented (confirma.md §4.4, §4.5).
 * Both are read leniently: whatever identifies the invoice or the queued actions is kept, and an
 * empty body, or one of another shape, is a success with nothing to add.
 */
const invoiceReceiptSchema = z
  .preprocess(lowerCaseKeys, z.object({ invoicenumber: identifier, number: identifier, status: text }))
  .transform((r) => ({ invoiceNumber: r.invoicenumber ?? r.number, status: r.status }));

const actionReceiptSchema = z
  .preprocess(lowerCaseKeys, z.object({ actionid: identifier, id: identifier, code: text, status: text }))
  .transform((r) => ({ actionId: r.actionid ?? r.id, code: r.code, status: r.status }));

/** Either a bare array or `{ "actions": [...] }`. */
const actionReceiptsSchema = z.preprocess((body) => {
  const lowered = lowerCaseKeys(body);
  return isRecord(lowered) ? lowered.actions : body;
}, list(actionReceiptSchema));

export type InvoiceReceipt = z.output<typeof invoiceReceiptSchema>;
export type ActionReceipt = z.output<typeof actionReceiptSchema>;

/**
 * Whether a refused create-invoice says the number is taken. Docs are silent on the duplicate
 * answer: a 409 says so by status; a 400, 402 or 422 (confirma.md §7 suggests 400 or the
 * sibling's 402) says so only in its wording, which is read for that one fact and never passed on.
 */
const DUPLICATE_WORDING =
  /duplicat|already (?:exist|been|registered|created|in use|taken|sent|received)|not unique/i;

/** Every string in a refusal body (a few levels deep): messages, error codes, descriptions. */
function wordsOf(body: unknown, depth = 0): string[] {
  if (typeof body === 'string') return [body];
  if (depth > 3 || typeof body !== 'object' || body === null) return [];
  return Object.values(body).flatMap((value) => wordsOf(value, depth + 1));
}

export function saysDuplicate(status: number, body: unknown): boolean {
  return status === 409 || wordsOf(body).some((text) => DUPLICATE_WORDING.test(text));
}

/** The invoice writes (confirma.md §4.4–4.5). Never retried: Confirma has no idempotency key. */
export const INVOICE_WRITES = {
  /**
   * POST /invoice with a SalesInvoiceRequest (§4.4, §5). A refusal that says the number is taken
   * is a CONFLICT. Drops that invoice's lookup and the distribution lists.
   */
  createInvoice: {
    name: 'invoice (create)',
    method: 'POST',
    path: '/invoice',
    idempotent: false,
    request: (input) => ({ body: createInvoiceBody(input), accept: WRITE_REFUSALS }),
    reply({ status, body }) {
      if (!isSuccess(status)) return refusalOf(status, saysDuplicate(status, body));
      // The invoice exists now: an echo we cannot read must not report the write as failed, or the
      // caller would be told to send it again (the response is not documented, §4.4).
      const receipt = isRecord(body) ? invoiceReceiptSchema.safeParse(body) : undefined;
      return {
        ok: true,
        status,
        value: receipt?.success ? receipt.data : { invoiceNumber: null, status: null },
      };
    },
    invalidates: (input) => ({
      answers: [lookupPlace(input.invoice.header.invoiceNumber)],
      scopes: [SCOPE.distribution],
    }),
  } satisfies Endpoint<CreateInvoiceInput, WriteOutcome<InvoiceReceipt>>,

  /** POST /invoice/action (§4.5): actions are queued as pending. Drops what actionEffects names. */
  createInvoiceActions: {
    name: 'invoice/action',
    method: 'POST',
    path: '/invoice/action',
    idempotent: false,
    request: (actions) => ({ body: invoiceActionsBody(actions), accept: WRITE_REFUSALS }),
    reply({ status, body }) {
      if (!isSuccess(status)) return refusalOf(status);
      // Any 2xx means the actions are queued (the response is "not found" in the docs, §4.5):
      // a body we cannot read as receipts gives none rather than failing a write already made.
      const receipts = actionReceiptsSchema.safeParse(body);
      return { ok: true, status, value: receipts.success ? receipts.data : [] };
    },
    invalidates: (actions) => actionEffects(actions),
  } satisfies Endpoint<ValidAction[], WriteOutcome<ActionReceipt[]>>,
};
