import { LosslessNumber } from 'lossless-json';
import { z } from 'zod';
import { normalizeInvoiceNumber } from '../lib/invoiceNumbers.js';

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
    z.object({
      code: z.string().nullish(),
      data: z.object({ invoiceNumber: numberLike.nullish(), caseId: numberLike.nullish() }),
    }),
  ),
});

/** What an action body may change beyond its cases (each action always changes its case). */
export interface ActionEffects {
  invoiceNumbers: string[];
  caseIds: string[];
  /**
   * Anything but a COMMENT may move the case's status, which every distribution record of the
   * invoice shows as `paymentControl.status` (confirma.md §4.5, §6.2; an unknown code counts).
   */
  distribution: boolean;
  /**
   * A DIRECTPAYMENT records a payment, which GET /payments lists (as the simulator does); a code
   * not known here might too.
   */
  payments: boolean;
}

/** The documented codes that record no payment (confirma.md §4.5). */
const NO_PAYMENT_CODES = new Set(['COMMENT', 'WITHDRAW', 'DUEDATE', 'PAYMENTPLAN', 'OBJECTION', 'PAUSE']);

/** The invoice number of a create-invoice body, normalized as lookups are. */
export function createdInvoiceNumber(body: unknown): string | undefined {
  const parsed = createInvoiceBody.safeParse(body);
  return parsed.success ? parsed.data.invoice.header.number : undefined;
}

/**
 * The invoice numbers and case ids an invoice-action body addresses, and what else it may change.
 * A body this cannot read names nothing and may change everything.
 */
export function actionTargets(body: unknown): ActionEffects {
  const parsed = actionsBody.safeParse(body);
  if (!parsed.success) return { invoiceNumbers: [], caseIds: [], distribution: true, payments: true };
  const { actions } = parsed.data;
  const data = actions.map((action) => action.data);
  const codes = actions.map((action) => action.code?.trim().toUpperCase());
  return {
    invoiceNumbers: unique(data.map((d) => d.invoiceNumber)),
    caseIds: unique(data.map((d) => d.caseId)),
    distribution: codes.some((code) => code !== 'COMMENT'),
    payments: codes.some((code) => code === undefined || !NO_PAYMENT_CODES.has(code)),
  };
}

function unique(values: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => Boolean(value)))];
}
