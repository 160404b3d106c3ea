import type { ClientTypeValue, IndustryValue } from './clientSchema.js';
import type { DocumentEncodingValue } from './documentSchema.js';
import type { PaymentTypeValue } from './paymentSchema.js';
import type { SchedulePaymentMethodValue } from './scheduleSchema.js';

/**
 * What the write calls take: validated values in the graph's own names and enums. bodies.ts turns
 * them into the docs' field names and codes. Money is exact decimal text (`"1500.00"`), dates are
 * `YYYY-MM-DD`; optional fields left `undefined` are not sent at all.
 */

export interface ContactWrite {
  compCode?: string | undefined;
  address1?: string | undefined;
  address2?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  zipCode?: string | undefined;
  country?: string | undefined;
  phone?: string | undefined;
  fax?: string | undefined;
  email?: string | undefined;
}

/** create-client (§5.3). */
export interface ClientWrite extends ContactWrite {
  clientKey: string;
  name: string;
  phoneAlt?: string | undefined;
  uccDate?: string | undefined;
  uccDate2?: string | undefined;
  uccSignedDate?: string | undefined;
  type?: ClientTypeValue | undefined;
  industry?: IndustryValue | undefined;
  altName?: string | undefined;
  ediId?: string | undefined;
  fedTaxNum?: string | undefined;
  dunsNum?: string | undefined;
  mcNumber?: string | undefined;
  dotNumber?: string | undefined;
  creditLimit?: string | undefined;
}

/** create-debtor (§5.6). */
export interface DebtorWrite extends ContactWrite {
  clientKey: string;
  debtorKey: string;
  name: string;
  mcNumber?: string | undefined;
  dotNumber?: string | undefined;
  notes?: string | undefined;
}

/** create-vendor (§5.13): the vendor key travels as `DebtorKey`. */
export interface VendorWrite extends ContactWrite {
  clientKey: string;
  vendorKey: string;
  name: string;
  mcNumber?: string | undefined;
  dotNumber?: string | undefined;
  notes?: string | undefined;
}

/** One `InvoiceArray` element of create-sched (§5.10). */
export interface ScheduleInvoiceWrite {
  integrationId: string;
  debtorKey: string;
  invoiceNumber: string;
  amount: string;
  invoiceDate?: string | undefined;
  dueDate?: string | undefined;
  refNumber?: string | undefined;
  documentBase64?: string | undefined;
}

export interface ScheduleWrite {
  integrationBatchId: string;
  clientKey: string;
  amount: string;
  paymentMethod: SchedulePaymentMethodValue;
  label?: string | undefined;
  notes?: string | undefined;
  invoices: ScheduleInvoiceWrite[];
}

/** One invoice of create-sched-broker (§5.14); `InvoiceIntegrationId` is inferred there. */
export interface BrokerInvoiceWrite extends Omit<ScheduleInvoiceWrite, 'integrationId'> {
  integrationId?: string | undefined;
  vendorKey: string;
  advanceAmount: string;
  vendorInvoiceNumber?: string | undefined;
}

export interface BrokerScheduleWrite extends Omit<ScheduleWrite, 'invoices'> {
  invoices: BrokerInvoiceWrite[];
}

/** store-docs (§5.16). */
export interface DocumentWrite {
  fileName: string;
  contentType: 'application/pdf';
  encodingType: DocumentEncodingValue;
  encodedDoc: string;
}

/** One `PaymentDetails[]` item of post-payments (§5.18). */
export interface PaymentWrite {
  paymentDate: string;
  paymentType: PaymentTypeValue;
  amount: string;
  transactionNumber: string;
  bankBatchItem?: string | undefined;
  bankRefNumber?: string | undefined;
  accountNumber?: string | undefined;
  remitterName?: string | undefined;
  memoLine?: string | undefined;
  invoiceRefNumber?: string | undefined;
  clientCode?: string | undefined;
  financialDocsBase64?: string | undefined;
}

export interface PaymentBatchWrite {
  batchReference: string;
  batchTotal: string;
  accountNumber: string;
  payments: PaymentWrite[];
}

/** test-post (§5.2). */
export interface TestPostWrite {
  testValue: string;
  testLabel: string;
}
