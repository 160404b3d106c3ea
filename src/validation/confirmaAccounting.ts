import { z } from 'zod';
import type { SubmitLedgerInput, SubmitPaymentsInput } from '../upstreams/confirma/writeTypes.js';
import { optionalText } from './confirmaParties.js';
import { currencyCode, isoDate, money, mustEqualSum, text } from './rules.js';
import { rule } from './userErrors.js';

/**
 * Input rules for accounting submissions (confirma.md §4.12, §4.14); their wire bodies are built
 * by the entries (src/upstreams/confirma/accountingBodies.ts).
 */

const ledgerRowSchema = z.object({
  bookingDate: isoDate,
  accountNumber: text(20),
  vatAccountNumber: optionalText(20),
  vatType: optionalText(20),
  vatPercentage: money('nonNegative').nullish(),
  vatCode: optionalText(10),
  amount: money(),
  netAmount: money().nullish(),
  isVatRow: z.boolean().nullish(),
  projectNumber: optionalText(50),
  transactionType: optionalText(50),
  transactionDescription: optionalText(200),
  ledgerDimensions: z
    .array(z.object({ dimensionType: text(50), dimensionValue: text(100) }))
    .nullish()
    .transform((value) => value ?? []),
});

export const submitLedgerSchema = z
  .object({
    ledgerIdentifier: text(100),
    companyIdentifier: text(20),
    documentType: text(10),
    documentName: text(100),
    documentDate: isoDate,
    // The docs' own example text: "max 210 chars long".
    documentDescription: optionalText(210),
    calculationMode: text(20).transform((value) => value.toUpperCase()),
    ledgerRows: z.array(ledgerRowSchema).min(2, 'must hold at least two rows (a ledger document balances)'),
  })
  .superRefine((ledger, ctx) => {
    // Gross rows balance to zero on `amount`. A VAT row (isVatRow) only breaks a gross row down
    // (VAT + that row's net = its gross), so counting it would book the VAT twice: the docs'
    // own example (§4.12) is 2990 − 2990 = 0 with the −607.53 VAT row left out.
    mustEqualSum(
      ctx,
      ['ledgerRows'],
      '0.00',
      ledger.ledgerRows.filter((row) => !row.isVatRow).map((row) => row.amount),
      'zero: the sum of ledgerRows[].amount over the rows that are not VAT rows',
    );
  });

export const submitPaymentsSchema = z.object({
  payments: z
    .array(
      z
        .object({
          paymentIdentifier: text(100),
          invoiceNumber: text(30),
          paymentDate: isoDate,
          bookingDate: isoDate.nullish().transform((value) => value ?? null),
          amount: money(),
          currency: currencyCode,
          targetIdentifier: z.enum(['INVOICE_NUMBER', 'PAYMENT_REFERENCE']).nullish(),
          paymentReference: optionalText(35),
          sourceName: optionalText(200),
        })
        .superRefine((payment, ctx) => {
          // Matching by payment reference needs one to match on.
          if (payment.targetIdentifier === 'PAYMENT_REFERENCE' && !payment.paymentReference) {
            ctx.addIssue({
              code: 'custom',
              path: ['paymentReference'],
              message: 'is required when targetIdentifier is PAYMENT_REFERENCE',
              ...rule('REQUIRED'),
            });
          }
        }),
    )
    .min(1, 'must hold at least one payment'),
});

export type { SubmitLedgerInput, SubmitPaymentsInput };

/** The schemas produce the upstream's write types (checked when compiling). */
void (submitLedgerSchema satisfies z.ZodType<SubmitLedgerInput>);
void (submitPaymentsSchema satisfies z.ZodType<SubmitPaymentsInput>);
