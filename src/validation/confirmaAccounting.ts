import { z } from 'zod';
import { exactNumber } from '../http/json.js';
import { optionalText } from './confirmaParties.js';
import { currencyCode, isoDate, money, mustEqualSum, text } from './rules.js';
import { rule } from './userErrors.js';

/** Input rules and bodies for accounting submissions (confirma.md §4.12, §4.14). */

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

export type SubmitLedgerInput = z.output<typeof submitLedgerSchema>;

/** The body's `ledgers` is an object, not an array, as in the docs' example; isVatRow is 0/1. */
export function ledgerBody(input: SubmitLedgerInput): unknown {
  return {
    ledgers: {
      ...input,
      documentDescription: input.documentDescription ?? '',
      ledgerRows: input.ledgerRows.map((row) => ({
        ...row,
        vatPercentage: exactNumber(row.vatPercentage ?? '0'),
        vatCode: row.vatCode ?? '',
        amount: exactNumber(row.amount),
        netAmount: exactNumber(row.netAmount ?? row.amount),
        isVatRow: row.isVatRow ? 1 : 0,
      })),
    },
  };
}

const TARGETS = { INVOICE_NUMBER: 'invoicenumber', PAYMENT_REFERENCE: 'paymentreference' } as const;

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

export type SubmitPaymentsInput = z.output<typeof submitPaymentsSchema>;

export function accountingPaymentsBody(input: SubmitPaymentsInput): unknown {
  return {
    payments: input.payments.map((payment) => ({
      ...payment,
      amount: exactNumber(payment.amount),
      targetIdentifier: TARGETS[payment.targetIdentifier ?? 'INVOICE_NUMBER'],
    })),
  };
}
