import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { normalizeInvoiceNumber } from '../../lib/invoiceNumbers.js';
import { createInvoiceSchema } from '../../validation/confirmaInvoice.js';
import type { UserError } from '../../validation/userErrors.js';
import { validateInput } from '../../validation/userErrors.js';
import { guardedWrite, target } from '../guardedWrite.js';
import { refusedByConfirma } from './refused.js';

const NUMBER_FIELD = ['input', 'invoice', 'header', 'invoiceNumber'];

function conflict(invoiceNumber: string): UserError {
  const why = `Confirma already has invoice ${invoiceNumber}`;
  return {
    field: NUMBER_FIELD,
    code: 'CONFLICT',
    message: `${NUMBER_FIELD.join('.')}: ${why}; nothing was created`,
  };
}

export const invoicingMutation: MutationResolvers = {
  /**
   * Creates an invoice at most once. Confirma documents no idempotency key, so the invoice
   * number is the de-duplication key: an existing number is a CONFLICT before anything is sent,
   * a concurrent request of the tenant for the same number is refused by the write guard's lock
   * (any replica, when Redis holds the guards), and so is a refusal that says the number is
   * taken (a 409, or a 4xx worded so) or after which the number is found.
   */
  createInvoice: guardedWrite(
    'createInvoice',
    { locks: ({ input }) => target('invoice', normalizeInvoiceNumber(input.invoice.header.invoiceNumber)) },
    async ({ input }, { loaders, upstreams }) => {
      const valid = validateInput(createInvoiceSchema, input);
      if (!valid.ok) return { invoice: null, userErrors: valid.userErrors };
      const number = valid.value.invoice.header.invoiceNumber;

      if (await loaders.confirma.distributionByInvoiceNumber.load(number))
        return { invoice: null, userErrors: [conflict(number)] };
      const result = await upstreams.confirma.createInvoice(valid.value);
      // The lookup above cached "unknown"; the new invoice must be read fresh from now on.
      loaders.confirma.distributionByInvoiceNumber.clear(number);
      loaders.confirma.distributionPages.clearAll();
      if (!result.ok) {
        // A refusal that does not say "duplicate" may still be one: the number may have arrived
        // since the check above (another client of Confirma), so it is looked up once more,
        // fresh. If that lookup fails, the refusal Confirma did give is still the answer.
        const taken =
          result.refusal === 'CONFLICT' ||
          (await loaders.confirma.distributionByInvoiceNumber.load(number).catch(() => null)) !== null;
        const userErrors = [taken ? conflict(number) : refusedByConfirma(result, ['input'], 'invoice')];
        return { invoice: null, userErrors };
      }
      return { invoice: { invoiceNumber: number }, userErrors: [] };
    },
  ),
};
