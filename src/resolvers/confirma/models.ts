import type { Connection } from '../../pagination/connection.js';
import type { LedgerStatusRecord, PaymentStatusRecord } from '../../upstreams/confirma/endpoints/accounting.js';
import type { CaseRecord } from '../../upstreams/confirma/client.js';
import type {
  AllocationRecord,
  PaymentRecord,
  SettlementRecord,
} from '../../upstreams/confirma/moneySchemas.js';
import type { ActionCode } from '../../validation/confirmaRequests.js';

/** Resolver parents (codegen `mappers`) for the Confirma types added beyond invoices. */
export type PaymentModel = PaymentRecord;
export type PaymentConnectionModel = Connection<PaymentRecord>;
/** A page of settlements and the list-level `createdAt` of Confirma's reply. */
export type SettlementConnectionModel = Connection<SettlementRecord> & { createdAt: string | null };
export type SettlementModel = SettlementRecord;
export type AllocationModel = AllocationRecord;
/** A breakdown part with its allocation's currency (the part states none of its own). */
export type AllocationPartModel = AllocationRecord['breakdown'][number] & { currency: string | null };
export type LedgerStatusModel = LedgerStatusRecord;
export type LedgerStatusConnectionModel = Connection<LedgerStatusRecord>;
export type PaymentStatusModel = PaymentStatusRecord;
export type PaymentStatusConnectionModel = Connection<PaymentStatusRecord>;
/** A case balance with its case's currency (the balance states none of its own). */
export type CaseBalanceModel = NonNullable<CaseRecord['balance']> & { currency: string | null };

export interface QueuedActionModel {
  code: ActionCode;
  invoiceNumber: string;
  caseId: string;
  actionId: string | null;
  /** As Confirma reported it; null when it said nothing (the action is then pending). */
  status: string | null;
}
