import type { Random } from '../random.js';
import { daysBetween, later, timeOn } from './calendar.js';
import { centsToAmount } from './money.js';
import { rfReference } from './paymentReference.js';
import { isDistributed, type InvoicePlan } from './plan.js';
import type {
  Agency,
  ConfirmaDistributionRecord,
  ConfirmaInvoice,
  DistributionError,
  DistributionMethod,
  IsoDate,
  PaymentControl,
  PaymentControlStatus,
} from './types.js';

/**
 * Docs are silent on the PDF host; the simulator chooses a files subdomain of the staging API
 * host, because the seed only shows `file.url` as a string.
 */
export const INVOICE_FILE_BASE_URL = 'https://files.staging-integrations.confirmafinance.com/invoices';

/** Docs give no error codes; these are simulator-defined, two per channel. */
const ERRORS_BY_METHOD: Record<DistributionMethod, readonly DistributionError[]> = {
  EMAIL: [
    { errorCode: 'EMAIL_BOUNCED', errorDescription: 'Recipient mailbox unavailable', errorType: 'DELIVERY' },
    {
      errorCode: 'INVALID_EMAIL_ADDRESS',
      errorDescription: 'Recipient e-mail address is not valid',
      errorType: 'VALIDATION',
    },
  ],
  EINVOICE: [
    {
      errorCode: 'INVALID_EINVOICE_ADDRESS',
      errorDescription: 'E-invoice address not found in the operator registry',
      errorType: 'VALIDATION',
    },
    {
      errorCode: 'OPERATOR_REJECTED',
      errorDescription: 'Receiving operator rejected the e-invoice',
      errorType: 'DELIVERY',
    },
  ],
  LETTER: [
    {
      errorCode: 'INVALID_POSTAL_ADDRESS',
      errorDescription: 'Postal code does not match the postal district',
      errorType: 'VALIDATION',
    },
    {
      errorCode: 'ADDRESS_INCOMPLETE',
      errorDescription: 'Street address is missing',
      errorType: 'VALIDATION',
    },
  ],
};

/** Builds the Confirma invoice and its distribution record (`paymentControl` decided by the caller). */
export function buildConfirmaInvoice(
  random: Random,
  plan: InvoicePlan,
  today: IsoDate,
  paymentControl: PaymentControl,
): ConfirmaInvoice {
  const { distributionStatus: status, distributionMethod: method } = plan;
  const createdAt = timeOn(random, plan.invoiceDate, 7, 15);
  // Docs are silent on what "printed" means for electronic channels; the simulator sets printedAt
  // for every channel once the PDF behind `file.url` is rendered (any status after PENDING).
  const printedAt = status === 'PENDING' ? null : later(random, createdAt, 10, 120);
  let distributedAt: string | null = null;
  if (printedAt && isDistributed(plan)) {
    // Letters go out with the next day's postal run; electronic channels within the hour.
    const nextDayPost = method === 'LETTER' && daysBetween(plan.invoiceDate, today) >= 1;
    distributedAt = nextDayPost
      ? later(random, printedAt, 12 * 60, 20 * 60)
      : later(random, printedAt, 5, 90);
  }
  const activatedAt =
    distributedAt && paymentControl.caseId !== null ? later(random, distributedAt, 15, 120) : null;
  const errors = status === 'FAILED' ? failureErrors(random, method ?? 'EMAIL') : [];
  const distribution: ConfirmaDistributionRecord = {
    invoiceNumber: plan.invoiceNumber,
    distributionStatus: status,
    distributionMethod: method,
    // Docs are silent on the message; the simulator fills it only for FAILED records (the seed
    // shows null), summarising the first error.
    distributionMessage: errors[0] ? `Distribution failed: ${errors[0].errorDescription}` : null,
    dates: { createdAt, printedAt, distributedAt, paymentControlActivatedAt: activatedAt },
    file: { url: `${INVOICE_FILE_BASE_URL}/${plan.invoiceNumber}.pdf` },
    paymentControl,
    errors,
  };
  return {
    invoiceNumber: plan.invoiceNumber,
    invoiceDate: plan.invoiceDate,
    dueDate: plan.dueDate,
    amount: centsToAmount(plan.amountCents),
    paymentReference: rfReference(plan.invoiceNumber),
    distribution,
  };
}

function failureErrors(random: Random, method: DistributionMethod): DistributionError[] {
  const [first, second] = ERRORS_BY_METHOD[method];
  if (!first || !second) return [];
  const errors = random.chance(0.5) ? [first] : [second];
  if (random.chance(0.3)) errors.push(errors[0] === first ? second : first);
  return errors.map((error) => ({ ...error }));
}

/** `{ enabled: false, agency: null, status: null, caseId: null }` when disabled, as the seed allows. */
export function paymentControlFor(
  status: PaymentControlStatus | null,
  caseId: number | null,
  agency: Agency,
): PaymentControl {
  if (status === null) return { enabled: false, agency: null, status: null, caseId: null };
  return { enabled: true, agency, status, caseId: status === 'PENDING' ? null : caseId };
}
