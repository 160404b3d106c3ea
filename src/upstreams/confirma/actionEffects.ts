import type { ValidAction } from './writeTypes.js';
import type { Invalidation } from '../endpoint.js';
import { SCOPE, casePlace, lookupPlace } from './cacheNames.js';

/** The documented codes that record no payment (confirma.md §4.5). */
const NO_PAYMENT_CODES = new Set(['COMMENT', 'WITHDRAW', 'DUEDATE', 'PAYMENTPLAN', 'OBJECTION', 'PAUSE']);

/**
 * The cached answers a POST /invoice/action may change: every case it names, always. Anything
 * but a COMMENT may move the case's status, which every distribution record of the invoice shows
 * as `paymentControl.status` (§4.5, §6.2): then the invoices' lookups and the distribution lists
 * too. A DIRECTPAYMENT records a payment, which GET /payments lists (as the simulator does): then
 * the payment windows. Actions take effect asynchronously at Confirma; the short TTL of open
 * cases covers that.
 */
export function actionEffects(actions: readonly ValidAction[]): Invalidation {
  const distribution = actions.some((action) => action.code !== 'COMMENT');
  const payments = actions.some((action) => !NO_PAYMENT_CODES.has(action.code));
  const cases = unique(actions.map((action) => action.data.caseId)).map(casePlace);
  const lookups = distribution
    ? unique(actions.map((action) => action.data.invoiceNumber)).map(lookupPlace)
    : [];
  return {
    answers: [...lookups, ...cases],
    scopes: [...(distribution ? [SCOPE.distribution] : []), ...(payments ? [SCOPE.payments] : [])],
  };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
