import { z } from 'zod';
import { parseReply } from '../parse.js';
import { identifier, list, text } from '../lenient.js';
import { isRecord, lowerCaseKeys } from '../records.js';
import type { ConfirmaCall, WriteResult } from './call.js';
import { WRITE_REFUSALS } from './call.js';

/**
 * The create-invoice and create-action responses are not documented (confirma.md §4.4, §4.5).
 * Both are read leniently: whatever identifies the invoice or the queued actions is kept, and an
 * empty body is a success with nothing to add.
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

export interface ConfirmaInvoiceWrites {
  /** POST /invoice with a SalesInvoiceRequest (§4.4, §5). Never retried. */
  createInvoice(body: unknown): Promise<WriteResult<InvoiceReceipt>>;
  /** POST /invoice/action (§4.5): actions are queued as pending. Never retried. */
  createInvoiceActions(body: unknown): Promise<WriteResult<ActionReceipt[]>>;
}

export function createConfirmaInvoiceWrites(call: ConfirmaCall): ConfirmaInvoiceWrites {
  return {
    async createInvoice(body) {
      const endpoint = 'invoice (create)';
      const reply = await call({
        method: 'POST',
        path: '/invoice',
        endpoint,
        json: body,
        acceptStatuses: WRITE_REFUSALS,
      });
      if (reply.status >= 300) return { ok: false, status: reply.status };
      const receipt = isRecord(reply.body)
        ? parseReply(invoiceReceiptSchema, reply.body, { upstream: 'confirma', endpoint })
        : null;
      return { ok: true, value: receipt ?? { invoiceNumber: null, status: null } };
    },

    async createInvoiceActions(body) {
      const endpoint = 'invoice/action';
      const reply = await call({
        method: 'POST',
        path: '/invoice/action',
        endpoint,
        json: body,
        acceptStatuses: WRITE_REFUSALS,
      });
      if (reply.status >= 300) return { ok: false, status: reply.status };
      return {
        ok: true,
        value: parseReply(actionReceiptsSchema, reply.body, { upstream: 'confirma', endpoint }),
      };
    },
  };
}
