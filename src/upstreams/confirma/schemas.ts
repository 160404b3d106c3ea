import { z } from 'zod';
import { boolean, date, dateTime, identifier, integer, list, text } from '../lenient.js';
import type { UnreadableDates } from './unreadableDates.js';

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

/** `unreadable`: timestamps the record sent but that could not be read (unreadableDates.ts). */
export type DistributionRecord = z.output<typeof distributionRecordSchema> & { unreadable?: UnreadableDates };
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
          // The stored docs page cuts this key off after `defaultLast30Day…`; the seed spells it
          // out, and the shorter name is read as well in case a server uses that.
          defaultLast30Days: boolean,
        })
        .transform(({ defaultLast30Days, ...applied }) => ({
          ...applied,
          defaultLast30DaysApplied: applied.defaultLast30DaysApplied ?? defaultLast30Days,
        }))
        .nullish()
        // An echo of the filters is informational: a garbled echo must not cost the page.
        .catch(null),
    })
    .nullish(),
  // Records are parsed one by one (see client.ts) so one bad record cannot sink a whole page.
  invoices: z.array(z.unknown()).nullish(),
});

export { caseReplySchema } from './caseSchema.js';
export type { CaseRecord, CaseReply } from './caseSchema.js';
