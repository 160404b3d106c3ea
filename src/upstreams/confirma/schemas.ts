import { z } from 'zod';
import { boolean, date, dateTime, decimal, identifier, integer, list, text } from '../lenient.js';

/**
 * Reply schemas for the Confirma Partner API, following confirma.md §4.6–4.7 and the
 * distribution seed. Output is the shape the rest of the subgraph uses (camelCase, flattened),
 * so upstream spelling stays inside this file.
 */

const requiredId = identifier.pipe(z.string({ error: 'is required' }));

const distributionErrorSchema = z
  .object({ errorCode: text, errorDescription: text, errorType: text })
  .transform((e) => ({ code: e.errorCode, description: e.errorDescription, type: e.errorType }));

const paymentControlSchema = z.object({
  // The seed shows a boolean; a missing flag means payment control was never switched on.
  enabled: boolean.transform((value) => value ?? false),
  agency: text,
  status: text,
  caseId: identifier,
});

export const distributionRecordSchema = z
  .object({
    invoiceNumber: requiredId,
    distributionStatus: text,
    distributionMethod: text,
    distributionMessage: text,
    dates: z
      .object({
        createdAt: dateTime,
        printedAt: dateTime,
        distributedAt: dateTime,
        paymentControlActivatedAt: dateTime,
      })
      .nullish(),
    file: z.object({ url: text }).nullish(),
    paymentControl: paymentControlSchema.nullish(),
    errors: list(distributionErrorSchema),
  })
  .transform((r) => ({
    invoiceNumber: r.invoiceNumber,
    status: r.distributionStatus,
    method: r.distributionMethod,
    message: r.distributionMessage,
    createdAt: r.dates?.createdAt ?? null,
    printedAt: r.dates?.printedAt ?? null,
    distributedAt: r.dates?.distributedAt ?? null,
    fileUrl: r.file?.url ?? null,
    paymentControl: r.paymentControl
      ? { ...r.paymentControl, activatedAt: r.dates?.paymentControlActivatedAt ?? null }
      : null,
    errors: r.errors,
  }));

export type DistributionRecord = z.output<typeof distributionRecordSchema>;
export type PaymentControlRecord = NonNullable<DistributionRecord['paymentControl']>;

/** Just enough of a record to know which invoice it is when the rest breaks the contract. */
export const recordInvoiceNumberSchema = z.object({ invoiceNumber: requiredId });

export const distributionPageSchema = z.object({
  metaData: z
    .object({
      totalCount: integer,
      successfulCount: integer,
      failedCount: integer,
      filtersApplied: z
        .object({
          invoiceNumber: identifier,
          fromInvDate: date,
          toInvDate: date,
          fetchType: text,
          defaultLast30DaysApplied: boolean,
        })
        .nullish()
        // An echo of the filters is informational: a garbled echo must not cost the page.
        .catch(null),
    })
    .nullish(),
  // Records are parsed one by one (see client.ts) so one bad record cannot sink a whole page.
  invoices: z.array(z.unknown()).nullish(),
});

const balanceSchema = z.object({
  capitalAmount: decimal,
  interestAmount: decimal,
  costsAmount: decimal,
  totalAmount: decimal,
});

export const caseReplySchema = z.object({
  case: z
    .object({
      summary: z.object({
        caseId: requiredId,
        status: text,
        stage: text,
        createdAt: dateTime,
        closedAt: dateTime,
        activeDays: integer,
        creditor: text,
        currency: text,
        agency: text,
      }),
      balance: balanceSchema.nullish(),
      // Payments, events and actions are named by the docs' intro but their fields were not
      // captured (confirma.md §4.6): every field is optional, only the list shape is enforced.
      payments: list(z.object({ paymentDate: dateTime, amount: decimal, currency: text, reference: text })),
      events: list(z.object({ date: dateTime, type: text, description: text })),
      actions: list(
        z.object({ actionId: identifier, code: text, status: text, comment: text, createdAt: dateTime }),
      ),
    })
    .nullish(),
});

export type CaseReply = z.output<typeof caseReplySchema>;
export type CaseRecord = NonNullable<CaseReply['case']>;
