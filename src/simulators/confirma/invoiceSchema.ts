import { z } from 'zod';
import { DISTRIBUTION_METHODS } from '../dataset/types.js';
import {
  checkPostalCode,
  countryCode,
  currencyCode,
  email,
  isoDate,
  languageCode,
  money,
  optionalText,
  positiveInteger,
  text,
} from './requests.js';

/**
 * SalesInvoiceRequest, the body of POST /invoice (confirma.md §4.4, §5). Docs give no required
 * flags; the simulator requires the header (number, dates, currency), a distribution block, and
 * a buyer with a name, and validates every other documented field when present. Unknown blocks
 * (deliveryParty, terms, collection, factoring, attachments, extensions …) are accepted and
 * ignored, since the docs name them without their fields.
 */

const address = z
  .object({
    street: optionalText,
    street2: optionalText,
    street3: optionalText,
    postalCode: optionalText,
    postalDistrict: optionalText,
    countryCode: countryCode.nullish(),
    countryName: optionalText,
  })
  .superRefine((a, ctx) => checkPostalCode(ctx, ['postalCode'], a.countryCode, a.postalCode));

const contact = z.object({
  contactPerson: z.object({ name: optionalText, email: email.nullish() }).nullish(),
  email: email.nullish(),
  phone: optionalText,
});

const sellerParty = z.object({
  businessId: optionalText,
  name: optionalText,
  vatCode: optionalText,
  address: address.nullish(),
  contact: contact.nullish(),
  paymentDetails: z
    .object({ iban: optionalText, bic: optionalText, bankgiro: optionalText, postgiro: optionalText })
    .nullish(),
});

/** Docs show `BUSINESS` only; `PERSON` is the simulator's name for a private buyer. */
const buyerParty = z.object({
  entityType: z.enum(['BUSINESS', 'PERSON']).nullish(),
  name: text,
  customerAccountId: optionalText,
  personalIdentityNumber: optionalText,
  businessId: optionalText,
  vatCode: optionalText,
  electronicInvoiceAccount: optionalText,
  electronicRoutingAddress: optionalText,
  glnNumber: optionalText,
  languageCode: languageCode.nullish(),
  disableCollection: z.boolean().nullish(),
  address: address.nullish(),
  contact: contact.nullish(),
});

const invoiceRecipientParty = z.object({
  name: optionalText,
  businessId: optionalText,
  vatCode: optionalText,
  electronicInvoiceAccount: optionalText,
  electronicRoutingAddress: optionalText,
  glnNumber: optionalText,
  email: email.nullish(),
  languageCode: languageCode.nullish(),
  address: address.nullish(),
});

/**
 * Docs only show `INVOICE`; the simulator also accepts `CREDIT_NOTE` (credits are new invoices
 * with `references.creditedInvoiceNumber`, §4.5) and the schema example's `null`.
 */
const header = z
  .object({
    number: positiveInteger.max(Number.MAX_SAFE_INTEGER),
    type: z.enum(['INVOICE', 'CREDIT_NOTE']).nullish(),
    date: isoDate,
    dueDate: isoDate,
    description: optionalText,
    additionalInformation: optionalText,
    currencyCode,
    languageCode: languageCode.nullish(),
  })
  .superRefine((h, ctx) => {
    if (h.dueDate < h.date) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'must not be before header.date' });
    }
  });

/** A Finnish reference (4–20 digits) or an RF creditor reference (ISO 11649), spaces allowed. */
const paymentReference = z
  .string()
  .transform((value) => value.replaceAll(' ', '').toUpperCase())
  .refine((value) => /^(?:\d{4,20}|RF\d{2}[0-9A-Z]{1,21})$/.test(value), {
    message: 'must be a payment reference',
    abort: true,
  });

const references = z.object({
  sales: optionalText,
  buyer: optionalText,
  agreement: optionalText,
  payment: paymentReference.nullish(),
  orderNumber: optionalText,
  orderDate: isoDate.nullish(),
  electronicPaymentCode: optionalText,
  creditedInvoiceNumber: positiveInteger.nullish(),
  invoiceCopyUrl: optionalText,
});

/**
 * Docs name InvoiceRowData and InvoiceAmounts without their fields (§5.7). The simulator reads
 * `invoice.rows[]` (`totalAmount` required, VAT included) and `invoice.amounts` (`totalAmount`
 * required, `netAmount` + `vatAmount` = `totalAmount` when both are sent); when both blocks are
 * present their totals must agree. The total becomes the case capital under payment control.
 */
const row = z.object({
  description: optionalText,
  quantity: z.number().nullish(),
  unitPrice: money.nullish(),
  vatPercentage: z.number().min(0).max(100).nullish(),
  totalAmount: money,
});

const amounts = z
  .object({ netAmount: money.nullish(), vatAmount: money.nullish(), totalAmount: money })
  .superRefine((a, ctx) => {
    if (a.netAmount != null && a.vatAmount != null && a.netAmount + a.vatAmount !== a.totalAmount) {
      ctx.addIssue({ code: 'custom', path: ['totalAmount'], message: 'must equal netAmount + vatAmount' });
    }
  });

export const salesInvoiceRequestSchema = z.object({
  processing: z
    .object({
      paymentControlEnabled: z.boolean().nullish(),
      manualApprovalEnabled: z.boolean().nullish(),
      accountingInvoiceEnabled: z.boolean().nullish(),
      showProductCodeEnabled: z.boolean().nullish(),
    })
    .nullish(),
  distribution: z.object({ method: z.enum(DISTRIBUTION_METHODS).nullish(), enabled: z.boolean().nullish() }),
  invoice: z.object({
    header,
    references: references.nullish(),
    parties: z.object({
      sellerParty: sellerParty.nullish(),
      buyerParty,
      invoiceRecipientParty: invoiceRecipientParty.nullish(),
    }),
    rows: z.array(row).nullish(),
    amounts: amounts.nullish(),
  }),
});

export type SalesInvoiceRequest = z.output<typeof salesInvoiceRequestSchema>;
