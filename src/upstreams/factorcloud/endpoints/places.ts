/**
 * Where FactorCloud answers live in the cross-request cache: resources (the `cache` metric label
 * and part of the key) and scopes (answers a write drops together).
 */

/**
 * Invoices and schedules share one scope: post-payments is matched to invoices by FactorCloud
 * itself (factorcloud.md §5.18), so which invoices a payment batch touched is not known here and
 * the whole scope is dropped; schedule writes name their invoices and drop just those.
 */
export const FACTORING = 'factoring';
/** Stored documents: an update whose reply names no UUID drops them all (see storeDocument). */
export const DOCUMENTS = 'documents';

export const INVOICE = 'factorcloud.invoice';
export const SCHEDULE = 'factorcloud.schedule';
export const BROKER_SCHEDULE = 'factorcloud.brokerSchedule';
export const CLIENT = 'factorcloud.client';
export const CLIENT_DEBTOR = 'factorcloud.clientDebtor';
export const DEBTOR = 'factorcloud.debtor';
export const DOCUMENT = 'factorcloud.document';
