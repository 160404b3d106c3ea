import type { LedgerStatusRecord, PaymentStatusRecord } from '../../upstreams/confirma/accounting.js';
import type {
  AllocationRecord,
  PaymentRecord,
  SettlementRecord,
  SettlementsReply,
} from '../../upstreams/confirma/moneySchemas.js';
import type { ActionCode } from '../../validation/confirmaRequests.js';

/** Resolver parents (codegen `mappers`) for the Confirma types added beyond invoices. */
export type PaymentModel = PaymentRecord;
export type SettlementListModel = SettlementsReply;
export type SettlementModel = SettlementRecord;
export type AllocationModel = AllocationRecord;
export type LedgerStatusModel = LedgerStatusRecord;
export type PaymentStatusModel = PaymentStatusRecord;

export interface QueuedActionModel {
  code: ActionCode;
  invoiceNumber: string;
  caseId: string;
  actionId: string | null;
  status: string;
}
