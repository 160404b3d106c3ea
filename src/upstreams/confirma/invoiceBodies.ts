import { exactNumber } from '../../http/json.js';
import type { CreateInvoiceInput } from './writeTypes.js';
import type { ValidAction } from './writeTypes.js';

/**
 * Wire bodies of the invoice writes, built from the typed writes validation returns: the docs'
 * field names, integers and amounts written as exact JSON numbers.
 */

/** The POST /invoice body: docs' field names, integers and amounts written as JSON numbers. */
export function createInvoiceBody(input: CreateInvoiceInput) {
  const { header, references, parties, rows, amounts } = input.invoice;
  const decimal = (value: string) => exactNumber(value);
  return {
    processing: {
      paymentControlEnabled: input.processing?.paymentControlEnabled ?? false,
      manualApprovalEnabled: input.processing?.manualApprovalEnabled ?? false,
      accountingInvoiceEnabled: input.processing?.accountingInvoiceEnabled ?? false,
      ...(input.processing?.showProductCodeEnabled == null
        ? {}
        : { showProductCodeEnabled: input.processing.showProductCodeEnabled }),
    },
    distribution: { method: input.distribution.method, enabled: input.distribution.enabled ?? true },
    invoice: {
      header: {
        number: exactNumber(header.invoiceNumber),
        type: header.type,
        date: header.date,
        dueDate: header.dueDate,
        description: header.description,
        additionalInformation: header.additionalInformation,
        currencyCode: header.currency,
        languageCode: header.languageCode,
      },
      references: references
        ? {
            ...references,
            orderDate: references.orderDate ?? null,
            creditedInvoiceNumber: references.creditedInvoiceNumber
              ? exactNumber(references.creditedInvoiceNumber)
              : null,
          }
        : null,
      parties: { ...parties, invoiceRecipientParty: parties.invoiceRecipientParty ?? null },
      ...(rows
        ? {
            rows: rows.map(({ grossAmount, ...row }) => ({
              ...row,
              quantity: decimal(row.quantity),
              unitPrice: decimal(row.unitPrice),
              vatPercentage: decimal(row.vatPercentage),
              netAmount: decimal(row.netAmount),
              vatAmount: decimal(row.vatAmount),
              totalAmount: decimal(grossAmount),
            })),
          }
        : {}),
      ...(amounts
        ? {
            amounts: {
              netAmount: decimal(amounts.netAmount),
              vatAmount: decimal(amounts.vatAmount),
              totalAmount: decimal(amounts.grossAmount),
            },
          }
        : {}),
    },
  };
}

const MONEY_FIELDS = new Set([
  'amount',
  'outstandingCapitalAmount',
  'outstandingInterestAmount',
  'outstandingCostsAmount',
]);

/** POST /invoice/action body (§4.5): ids as integers, amounts as JSON numbers. */
export function invoiceActionsBody(actions: ValidAction[]) {
  return {
    actions: actions.map(({ code, data }) => {
      const { comment, invoiceNumber, caseId, ...rest } = data;
      const extra = Object.fromEntries(
        Object.entries(rest).map(([key, value]) => [
          key,
          typeof value === 'string' && MONEY_FIELDS.has(key) ? exactNumber(value) : value,
        ]),
      );
      return {
        code,
        comment: comment ?? '',
        data: { invoiceNumber: exactNumber(invoiceNumber), caseId: exactNumber(caseId), ...extra },
      };
    }),
  };
}
