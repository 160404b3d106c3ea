import { z } from 'zod';
import { date, dateTime, decimal, identifier, list, text } from '../lenient.js';

/** GET /payments item (confirma.md §4.9); fields after `paymentDate` are not documented. */
export const paymentSchema = z.object({
  caseId: identifier,
  invoiceNumber: identifier,
  invoicePaymentReference: text,
  originalPaymentReference: text,
  accountName: text,
  // Days (the docs' example sends midnight timestamps, `2026-03-27T00:00:00Z`): read as the day
  // Confirma wrote, never shifted by a zone.
  bookingDate: date,
  paymentDate: date,
  amount: decimal,
  currency: text,
});

export type PaymentRecord = z.output<typeof paymentSchema>;

/** The reply is an array; `{ "payments": [...] }` is accepted too. */
export const paymentsReplySchema = z.union([
  list(paymentSchema),
  z.object({ payments: list(paymentSchema) }).transform((r) => r.payments),
]);

/** Documented breakdown types (§4.10); another type is kept as sent and reads as UNKNOWN. */
export const BREAKDOWN_TYPES = ['CAPITAL', 'INTEREST', 'FEES'] as const;

const breakdownSchema = z.object({
  type: text,
  amount: decimal,
});

export const allocationSchema = z.object({
  allocationId: identifier.pipe(z.string({ error: 'is required' })),
  allocatedTotalAmount: decimal,
  allocationDate: date,
  currency: text,
  caseId: identifier,
  originalInvoiceNumber: identifier,
  originalPaymentReference: text,
  breakdown: list(breakdownSchema),
});

export type AllocationRecord = z.output<typeof allocationSchema>;

/** Settlements (§4.10); the older example's `"CashIn"`, null beneficiary and missing `apiFetchDate` all pass. */
export const settlementSchema = z.object({
  settlementId: identifier.pipe(z.string({ error: 'is required' })),
  settlementDate: date,
  agency: text,
  remittanceReference: text,
  beneficiary: z
    .object({ name: text, iban: text, bic: text })
    .nullish()
    .transform((b) => b ?? null),
  settlementAmount: decimal,
  currency: text,
  apiFetchDate: dateTime,
  allocations: list(allocationSchema),
});

export type SettlementRecord = z.output<typeof settlementSchema>;

/** `{ createdAt, settlements: [...] }` as documented; a bare array of settlements is read too. */
export const settlementsReplySchema = z.preprocess(
  (body) => (Array.isArray(body) ? { settlements: body } : body),
  z.object({ createdAt: dateTime, settlements: list(settlementSchema) }),
);
export type SettlementsReply = z.output<typeof settlementsReplySchema>;
