import { LosslessNumber } from 'lossless-json';
import { z } from 'zod';
import { normalizeInvoiceNumber } from '../loaders/invoiceNumbers.js';

/**
 * What a Confirma write touches, read from the body the resolver built (validation/*Body): the
 * numbers there are exact-number objects, strings or integers. A body that does not have the
 * expected shape names nothing, and the caller falls back to invalidating whole lists.
 */

const numberLike = z
  .union([z.string(), z.number(), z.instanceof(LosslessNumber)])
  .transform((value) => normalizeInvoiceNumber(String(value)));

const createInvoiceBody = z.object({ invoice: z.object({ header: z.object({ number: numberLike }) }) });

const actionsBody = z.object({
  actions: z.array(
    z.object({ data: z.object({ invoiceNumber: numberLike.nullish(), caseId: numberLike.nullish() }) }),
  ),
});

/** The invoice number of a create-invoice body, normalized as lookups are. */
export function createdInvoiceNumber(body: unknown): string | undefined {
  const parsed = createInvoiceBody.safeParse(body);
  return parsed.success ? parsed.data.invoice.header.number : undefined;
}

/** The invoice numbers and case ids an invoice-action body addresses. */
export function actionTargets(body: unknown): { invoiceNumbers: string[]; caseIds: string[] } {
  const parsed = actionsBody.safeParse(body);
  if (!parsed.success) return { invoiceNumbers: [], caseIds: [] };
  const data = parsed.data.actions.map((action) => action.data);
  return {
    invoiceNumbers: unique(data.map((d) => d.invoiceNumber)),
    caseIds: unique(data.map((d) => d.caseId)),
  };
}

function unique(values: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
