import type { Connection } from '../pagination/connection.js';
import type { Reconciliation } from '../reconciliation/index.js';
import type {
  CaseRecord,
  DistributionEntry,
  DistributionPage,
  DistributionRecord,
} from '../upstreams/confirma/client.js';
import type { PaymentControlRecord } from '../upstreams/confirma/schemas.js';
import type { UnreadableDates } from '../upstreams/confirma/unreadableDates.js';
import type { ClientRecord, FactoringInvoiceRecord } from '../upstreams/factorcloud/client.js';

/**
 * What each GraphQL type's resolvers receive as `parent` (codegen `mappers`): the upstream
 * models, so resolvers stay thin renames over loader results.
 */

/** An invoice: its number, plus its distribution entry when a list already brought it. */
export interface InvoiceModel {
  invoiceNumber: string;
  entry?: DistributionEntry;
}

/** A page of `invoices` and the window it was cut from (for the window's counts and filters). */
export type InvoiceConnectionModel = Connection<InvoiceModel> & { window: DistributionPage };
export type AppliedFilterModel = NonNullable<DistributionPage['filtersApplied']>;
export type DistributionModel = DistributionRecord;
/**
 * Payment control of an invoice, with that invoice's number for the case lookup and the record's
 * unreadable timestamps (its `activatedAt` is one of them).
 */
export type PaymentControlModel = PaymentControlRecord & {
  invoiceNumber?: string;
  unreadable?: UnreadableDates | undefined;
};
export type CollectionCaseModel = CaseRecord;
export type FactoringInvoiceModel = FactoringInvoiceRecord;
export type ClientModel = ClientRecord;

/** What `InvoiceReconciliation` resolves from: the result plus the invoice it is about. */
export interface InvoiceReconciliationModel extends Reconciliation {
  invoice: InvoiceModel;
}

/** A page of reconciliations, with the window's counts. */
export type InvoiceReconciliationConnectionModel = Connection<InvoiceReconciliationModel> & {
  reconciledCount: number;
  unknownCount: number;
};
