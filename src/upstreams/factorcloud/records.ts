import type { ClientReply } from './clientSchema.js';
import type { DebtorReply, VendorReply } from './debtorSchema.js';
import type { DocumentReply } from './documentSchema.js';
import type { PaymentBatchReply } from './paymentSchema.js';
import type { BrokerScheduleReply, ScheduleReply } from './scheduleSchema.js';
import type { FactoringInvoiceReply } from './schemas.js';

/**
 * What the FactorCloud client hands to loaders and resolvers: parsed replies whose identifying
 * keys are never null. A key the reply leaves empty falls back to the key that was asked for
 * (or sent), since that is what identified the record.
 */

/** A get-invoice reply, tagged with the id it was fetched by (get-invoice does not echo it). */
export type FactoringInvoiceRecord = FactoringInvoiceReply & { integrationId: string };

/** A get-client reply (or create-client echo). */
export type ClientRecord = Omit<ClientReply, 'clientKey'> & { clientKey: string };

/** A client's sub-debtor: the link between one client and one master debtor (get-client-debtor). */
export type ClientDebtorRecord = Omit<DebtorReply, 'clientKey' | 'debtorKey'> & {
  clientKey: string;
  debtorKey: string;
};

/**
 * A master debtor (get-debtor-master). Its `ClientKey` is left out: a master debtor has no single
 * client, and the docs do not say what that field holds there (factorcloud.md §5.8).
 */
export type DebtorRecord = Omit<DebtorReply, 'clientKey' | 'debtorKey'> & { debtorKey: string };

/** A create-vendor echo (there is no vendor read call). */
export type VendorRecord = Omit<VendorReply, 'clientKey' | 'vendorKey'> & {
  clientKey: string;
  vendorKey: string;
};

/** A get-sched reply (or create-sched echo); its invoices may lack an InvoiceIntegrationId. */
export type ScheduleRecord = Omit<ScheduleReply, 'integrationBatchId'> & { integrationBatchId: string };

export type BrokerScheduleRecord = Omit<BrokerScheduleReply, 'integrationBatchId'> & {
  integrationBatchId: string;
};

/** A get-docs reply, tagged with the UUID it was fetched by. */
export type DocumentRecord = DocumentReply & { uuid: string };

/** What store-docs answered: the new document's UUID when the reply carried one. */
export interface StoredDocumentRecord {
  uuid: string | null;
  /** 201 (a new document) rather than 200 (an update), as the docs describe (§5.16). */
  created: boolean;
}

export type PaymentBatchRecord = PaymentBatchReply;

/** A connection test's result; a failure is described by our own error code, never a body. */
export type ConnectionCheck =
  | {
      ok: true;
      endpoint: string;
      status: number;
      echo?: { testValue: string | null; testLabel: string | null };
    }
  | { ok: false; endpoint: string; status: number | null; code: string; message: string };
