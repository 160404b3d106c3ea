import type { ConfirmaCase, ConfirmaInvoice } from './confirmaTypes.js';
import type { FactorCloudClientEntry, FactorCloudInvoiceEntry } from './factorCloudTypes.js';
import type { FactorCloudState } from './factorCloudState.js';
import type { IsoDate } from './values.js';

/**
 * The simulators' in-memory state. Records keep the upstream field names (confirma.md §4.6–4.7
 * with the distribution seed; factorcloud.md §4.1, §4.3) so a reader can hold them next to the
 * docs. Maps and records are mutable on purpose: later write endpoints change them in place.
 */

export type { Amount, IsoDate, IsoDateTime } from './values.js';

// The record types live next to their upstream; this module is the one place to import from.
export * from './confirmaTypes.js';
export * from './factorCloudTypes.js';

export interface SimulatorDataset {
  readonly today: IsoDate;
  readonly seed: number;
  /** The creditor that owns the Confirma API key (one key = one creditor, confirma.md §2.1). */
  readonly creditor: string;
  /** Confirma distribution records, keyed by invoice number. */
  readonly confirmaInvoices: Map<number, ConfirmaInvoice>;
  /** Confirma cases, keyed by caseId. */
  readonly confirmaCases: Map<number, ConfirmaCase>;
  /** FactorCloud invoices, keyed by InvoiceIntegrationId. */
  readonly factorCloudInvoices: Map<string, FactorCloudInvoiceEntry>;
  /** FactorCloud clients, keyed by ClientKey. */
  readonly factorCloudClients: Map<string, FactorCloudClientEntry>;
  /** FactorCloud debtors, vendors, schedules, documents and payments (factorCloudState.ts). */
  readonly factorCloud: FactorCloudState;
}
