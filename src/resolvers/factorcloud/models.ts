import type { FactoringSchedule } from '../../loaders/scheduleByBatchId.js';
import type {
  BrokerScheduleRecord,
  ClientDebtorRecord,
  ConnectionCheck,
  DebtorRecord,
  DocumentRecord,
  PaymentBatchRecord,
  VendorRecord,
} from '../../upstreams/factorcloud/client.js';
import type { UserError } from '../../validation/userErrors.js';

/**
 * `parent` types of the FactorCloud GraphQL types (codegen `mappers`): loader results, so the
 * resolvers stay renames and joins.
 */

export type DebtorModel = DebtorRecord;
export type ClientDebtorModel = ClientDebtorRecord;
export type ScheduleModel = FactoringSchedule;
export type BrokerScheduleModel = BrokerScheduleRecord;
export type BrokerInvoiceModel = BrokerScheduleRecord['invoices'][number];
export type FactoringDocumentModel = DocumentRecord;
export type VendorModel = VendorRecord;
export type FactoringPaymentBatchModel = PaymentBatchRecord;
export type FactoringPaymentModel = PaymentBatchRecord['payments'][number];
export type FactorCloudConnectionCheckModel = ConnectionCheck;

/** store-docs' answer; `document` is read back (get-docs) only when selected. */
export interface StoreFactoringDocumentPayloadModel {
  uuid: string | null;
  created: boolean | null;
  userErrors: UserError[];
}
