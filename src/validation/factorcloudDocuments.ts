import { z } from 'zod';
import type { DocumentWrite, PaymentBatchWrite, TestPostWrite } from '../upstreams/factorcloud/client.js';
import { DOCUMENT_ENCODINGS } from '../upstreams/factorcloud/documentSchema.js';
import { PAYMENT_TYPES } from '../upstreams/factorcloud/paymentSchema.js';
import { isoDate } from './rules.js';
import {
  base64,
  checkSum,
  membersOf,
  optionalBase64,
  optionalText,
  positiveMoney,
  required,
} from './factorcloudRules.js';
import { rule } from './userErrors.js';

/** store-docs, post-payments and test-post inputs (factorcloud.md §5.16, §5.18, §5.2). */

/**
 * store-docs: `ContentType` "only application/pdf" (any case, surrounding spaces ignored);
 * `EncodedDoc` must be real Base64 when the encoding says so. Binary and encrypted content cannot
 * be checked beyond being present.
 */
export const storeDocumentInput = z
  .object({
    fileName: required,
    contentType: z
      .string()
      .trim()
      .toLowerCase()
      .refine((value): value is 'application/pdf' => value === 'application/pdf', {
        message: 'must be application/pdf, the only content type FactorCloud stores',
        ...rule('INVALID_VALUE'),
      }),
    encodingType: z.enum(DOCUMENT_ENCODINGS),
    encodedDoc: z.string().min(1, { message: 'must not be empty', ...rule('REQUIRED') }),
  })
  .superRefine((doc, ctx) => {
    if (doc.encodingType === 'BASE64' && doc.encodedDoc !== '') {
      const checked = base64.safeParse(doc.encodedDoc);
      for (const issue of checked.error?.issues ?? []) {
        ctx.addIssue({
          code: 'custom',
          path: ['encodedDoc'],
          message: issue.message,
          ...rule('INVALID_FORMAT'),
        });
      }
    }
  }) satisfies z.ZodType<DocumentWrite, unknown>;

const payment = z.object({
  paymentDate: isoDate,
  paymentType: z.enum(PAYMENT_TYPES),
  amount: positiveMoney,
  transactionNumber: required,
  bankBatchItem: optionalText,
  bankRefNumber: optionalText,
  accountNumber: optionalText,
  remitterName: optionalText,
  memoLine: optionalText,
  invoiceRefNumber: optionalText,
  clientCode: optionalText,
  financialDocsBase64: optionalBase64,
});

/** post-payments: `BatchTotal` "should equal the sum of the items", checked exactly in cents. */
export const postPaymentsInput = z
  .object({
    batchReference: required,
    batchTotal: positiveMoney,
    accountNumber: required,
    payments: z.array(payment).refine((items) => items.length > 0, {
      message: 'must list at least one payment',
      ...rule('REQUIRED'),
    }),
  })
  // Runs even when a payment failed on its own, so every problem is reported at once.
  .superRefine(
    (batch, ctx) =>
      checkSum(ctx, batch.batchTotal, membersOf(batch.payments, 'amount'), ['batchTotal'], 'payment amounts'),
    { when: () => true },
  ) satisfies z.ZodType<PaymentBatchWrite, unknown>;

/** test-post: both values required (§5.2); GraphQL supplies the docs' example as defaults. */
export const testConnectionInput = z
  .object({ testValue: required, testLabel: required })
  .nullish()
  .transform((input): TestPostWrite => input ?? { testValue: '1', testLabel: 'Test' });
