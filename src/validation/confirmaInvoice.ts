import { z } from 'zod';
import type { CreateInvoiceInput } from '../upstreams/confirma/writeTypes.js';
import {
  buyerPartySchema,
  optionalText,
  recipientPartySchema,
  sellerPartySchema,
} from './confirmaParties.js';
import { currencyCode, isoDate, languageCode, money, mustEqualSum, text } from './rules.js';
import { rule } from './userErrors.js';

/**
 * `createInvoice` input rules (Confirma SalesInvoiceRequest, confirma.md §4.4, §5.1) and the
 * request body built from valid input. Rows and totals are not named in the docs (§5.7 names
 * InvoiceRowData and InvoiceAmounts without fields). Assumption: the VAT-inclusive total travels
 * as `totalAmount`, the name Confirma uses for totals everywhere it does document them (case
 * balance, settlement allocations), beside `netAmount` and `vatAmount`. The graph calls it
 * `grossAmount`, which says what it is to a frontend. The wire body is built from the valid
 * input by the create-invoice entry (src/upstreams/confirma/invoiceBodies.ts).
 */

/**
 * `references.payment` is a "Finnish or RF reference" (§5.1). Only the shape is checked: the
 * docs' own example (`2516000017`) does not carry a valid Finnish check digit, so a check-digit
 * rule would refuse what Confirma shows as valid. Spaces are allowed for readability and removed.
 */
const paymentReference = z
  .string()
  .transform((value) => value.replaceAll(' ', '').toUpperCase())
  .refine((value) => /^(?:\d{4,20}|RF\d{2}[0-9A-Z]{1,21})$/.test(value), {
    message:
      'must be a Finnish payment reference (4-20 digits) or an RF creditor reference (RF, 2 check digits, up to 21 letters or digits)',
    ...rule('INVALID_FORMAT'),
  });

const invoiceNumber = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,17}$/, {
    message: 'must be a positive whole number (Confirma invoice numbers are integers)',
    ...rule('INVALID_FORMAT'),
  });

const rowSchema = z
  .object({
    productCode: optionalText(50),
    description: text(300),
    quantity: money('nonNegative'),
    unit: optionalText(20),
    unitPrice: money(),
    vatPercentage: money('nonNegative'),
    netAmount: money(),
    vatAmount: money(),
    grossAmount: money(),
  })
  .superRefine((row, ctx) =>
    mustEqualSum(
      ctx,
      ['grossAmount'],
      row.grossAmount,
      [row.netAmount, row.vatAmount],
      'netAmount + vatAmount',
    ),
  );

const amountsSchema = z
  .object({ netAmount: money(), vatAmount: money(), grossAmount: money() })
  .superRefine((a, ctx) =>
    mustEqualSum(ctx, ['grossAmount'], a.grossAmount, [a.netAmount, a.vatAmount], 'netAmount + vatAmount'),
  );

export const createInvoiceSchema = z
  .object({
    processing: z
      .object({
        paymentControlEnabled: z.boolean().nullish(),
        manualApprovalEnabled: z.boolean().nullish(),
        accountingInvoiceEnabled: z.boolean().nullish(),
        showProductCodeEnabled: z.boolean().nullish(),
      })
      .nullish(),
    distribution: z.object({
      // The schema's DistributionMethod enum admits only known channels and UNKNOWN, which
      // stands for "a channel this graph does not know" and cannot be sent.
      method: z.string().refine((value) => value !== 'UNKNOWN', {
        message: 'UNKNOWN is not a channel; choose one such as EMAIL',
        ...rule('INVALID_VALUE'),
      }),
      enabled: z.boolean().nullish(),
    }),
    invoice: z.object({
      header: z
        .object({
          invoiceNumber,
          type: optionalText(30).transform((value) => (value ?? 'INVOICE').toUpperCase()),
          date: isoDate,
          dueDate: isoDate,
          description: optionalText(1000),
          additionalInformation: optionalText(1000),
          currency: currencyCode,
          languageCode,
        })
        .superRefine((header, ctx) => {
          if (header.dueDate < header.date) {
            ctx.addIssue({
              code: 'custom',
              path: ['dueDate'],
              message: `must not be before the invoice date ${header.date}`,
              ...rule('INCONSISTENT'),
            });
          }
        }),
      references: z
        .object({
          sales: optionalText(70),
          buyer: optionalText(70),
          orderNumber: optionalText(70),
          orderDate: isoDate.nullish(),
          agreement: optionalText(70),
          payment: paymentReference.nullish(),
          electronicPaymentCode: optionalText(100),
          creditedInvoiceNumber: invoiceNumber.nullish(),
          invoiceCopyUrl: optionalText(500),
        })
        .nullish(),
      parties: z.object({
        sellerParty: sellerPartySchema,
        buyerParty: buyerPartySchema,
        invoiceRecipientParty: recipientPartySchema.nullish(),
      }),
      rows: z.array(rowSchema).nullish(),
      amounts: amountsSchema.nullish(),
    }),
  })
  .superRefine((input, ctx) => {
    const { rows, amounts } = input.invoice;
    if (!rows?.length || !amounts) return;
    for (const key of ['netAmount', 'vatAmount', 'grossAmount'] as const) {
      const path = ['invoice', 'amounts', key];
      mustEqualSum(
        ctx,
        path,
        amounts[key],
        rows.map((row) => row[key]),
        `the sum of rows[].${key}`,
      );
    }
  });

export type { CreateInvoiceInput };

/** The schemas produce the upstream's write types (checked when compiling). */
void (createInvoiceSchema satisfies z.ZodType<CreateInvoiceInput>);
