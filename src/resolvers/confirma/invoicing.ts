import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { Claims } from '../../lib/claims.js';
import { normalizeInvoiceNumber } from '../../loaders/index.js';
import { createInvoiceBody, createInvoiceSchema } from '../../validation/confirmaInvoice.js';
import type { UserError } from '../../validation/userErrors.js';
import { validateInput } from '../../validation/userErrors.js';
import { refusal } from '../refusals.js';

const NUMBER_FIELD = ['input', 'invoice', 'header', 'number'];

/** Invoice numbers being created right now in this process (see Claims). */
const creating = new Claims();

function conflict(invoiceNumber: string, why = `Confirma already has invoice ${invoiceNumber}`): UserError {
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
   * a concurrent request for the same number is a CONFLICT too, and so is a refusal that says
   * the number is taken (a 409, or a 4xx worded so) or after which the number is found.
   */
  async createInvoice(_root, { input }, { loaders, upstreams }) {
    const valid = validateInput(createInvoiceSchema, input);
    if (!valid.ok) return { invoice: null, userErrors: valid.userErrors };
    const number = valid.value.invoice.header.number;

    const outcome = await creating.withClaim(normalizeInvoiceNumber(number), async () => {
      if (await loaders.distributionByInvoiceNumber.load(number))
        return { invoice: null, userErrors: [conflict(number)] };
      const result = await upstreams.confirma.createInvoice(createInvoiceBody(valid.value));
      // The lookup above cached "unknown"; the new invoice must be read fresh from now on.
      loaders.distributionByInvoiceNumber.clear(number);
      loaders.distributionPages.clearAll();
      if (!result.ok) {
        // A refusal that does not say "duplicate" may still be one: the number may have arrived
        // since the check above (another process), so it is looked up once more, fresh. If that
        // lookup fails, the refusal Confirma did give is still the answer.
        const taken =
          result.duplicate ||
          (await loaders.distributionByInvoiceNumber.load(number).catch(() => null)) !== null;
        const userErrors = [
          taken ? conflict(number) : refusal('Confirma', result.status, ['input'], 'invoice'),
        ];
        return { invoice: null, userErrors };
      }
      return { invoice: { invoiceNumber: number }, userErrors: [] };
    });
    return (
      outcome ?? {
        invoice: null,
        userErrors: [conflict(number, `invoice ${number} is being created by another request`)],
      }
    );
  },
};
