import type { Context } from '../../../context.js';
import type { PaymentBatchRecord, PaymentBatchWrite } from '../../../upstreams/factorcloud/client.js';
import {
  postPaymentsInput,
  storeDocumentInput,
  testConnectionInput,
} from '../../../validation/factorcloudDocuments.js';
import { validateInput } from '../../../validation/userErrors.js';
import { refusalToUserError } from '../../../validation/factorcloudRefusals.js';
import type { StoreFactoringDocumentInput } from '../../../__generated__/resolvers-types.js';
import { nameTaken, rememberName } from './documentNames.js';
import { validateAndSend } from './flow.js';

/** storeFactoringDocument, postFactoringPayments and testFactorCloudConnection. */

/**
 * store-docs replaces a document stored under the same file name (see documentNames.ts): a name
 * already holding other content is refused unless the caller sets `replace`.
 */
export async function storeFactoringDocument(input: StoreFactoringDocumentInput, context: Context) {
  const { replace, ...document } = input;
  const checked = validateInput(storeDocumentInput, document, ['input']);
  if (!checked.ok) return { uuid: null, created: null, userErrors: checked.userErrors };
  const taken = await nameTaken(checked.value, replace === true, context);
  if (taken) return { uuid: null, created: null, userErrors: [taken] };
  const outcome = await context.upstreams.factorCloud.storeDocument(checked.value);
  if (!outcome.ok) {
    const target = { what: 'the document', conflictField: ['input', 'fileName'], notFoundField: ['input'] };
    return { uuid: null, created: null, userErrors: [refusalToUserError(outcome, target)] };
  }
  await rememberName(checked.value, context);
  const { uuid, created } = outcome.value;
  // An update replaces the content a cached read may hold.
  if (uuid) context.loaders.factorCloud.documentByUuid.clear(uuid);
  return { uuid, created, userErrors: [] };
}

/** post-payments has no read call: an unusable echo leaves the batch as sent (and accepted). */
export async function postFactoringPayments(input: unknown, { upstreams }: Context) {
  const result = await validateAndSend(
    postPaymentsInput,
    input,
    (w) => upstreams.factorCloud.postPayments(w),
    {
      what: 'the payment batch',
      conflictField: ['input', 'batchReference'],
      notFoundField: ['input'],
    },
  );
  if (!result.ok) return { batch: null, userErrors: result.userErrors };
  return { batch: result.value ?? sentBatch(result.write), userErrors: [] };
}

function sentBatch(w: PaymentBatchWrite): PaymentBatchRecord {
  return {
    batchReference: w.batchReference,
    batchTotal: w.batchTotal,
    accountNumber: w.accountNumber,
    payments: w.payments.map((p) => ({
      paymentDate: p.paymentDate,
      bankBatchItem: p.bankBatchItem ?? null,
      paymentType: p.paymentType,
      // What was sent and accepted: the word itself.
      paymentTypeRaw: p.paymentType,
      amount: p.amount,
      bankRefNumber: p.bankRefNumber ?? null,
      accountNumber: p.accountNumber ?? null,
      transactionNumber: p.transactionNumber,
      remitterName: p.remitterName ?? null,
      memoLine: p.memoLine ?? null,
      invoiceRefNumber: p.invoiceRefNumber ?? null,
      clientCode: p.clientCode ?? null,
    })),
  };
}

/** test-post's outcome is the answer, whatever it is (see upstreams/factorcloud/connection.ts). */
export async function testFactorCloudConnection(input: unknown, { upstreams }: Context) {
  const checked = validateInput(testConnectionInput, input, ['input']);
  if (!checked.ok) return { check: null, echo: null, userErrors: checked.userErrors };
  const check = await upstreams.factorCloud.testPost(checked.value);
  return { check, echo: check.ok ? (check.echo ?? null) : null, userErrors: [] };
}
