import type {
  AllocationPartResolvers,
  CollectionPaymentResolvers,
  InvoiceResolvers,
  MutationResolvers,
  PaymentFilter,
  SettlementFilter,
  QueryResolvers,
  SettlementAllocationResolvers,
  SettlementResolvers,
} from '../../__generated__/resolvers-types.js';
import type { Context } from '../../context.js';
import { normalizeInvoiceNumber } from '../../lib/invoiceNumbers.js';
import { pageOf } from '../../pagination/connection.js';
import { readPageArgs } from '../../pagination/pageArgs.js';
import { CONNECTION_PAGE_SIZES } from '../../pagination/pageSizes.js';
import { BREAKDOWN_TYPES } from '../../upstreams/confirma/moneySchemas.js';
import type { DateWindow } from '../../upstreams/confirma/endpoints/money.js';
import { businessToday, checkWindow } from '../invoiceInput.js';
import type { InvoiceModel } from '../models.js';
import { moneyOf } from '../money.js';
import { enumOrUnknown, rawText } from '../upstreamEnum.js';
import { paymentKey, settlementKey, uniqueKeys } from './pageKeys.js';

function toWindow(
  filter: PaymentFilter | SettlementFilter | null | undefined,
  prefix: string,
  context: Context,
): DateWindow {
  const window = checkWindow(filter?.from, filter?.to, prefix, businessToday(context));
  return { fromDate: window.from, toDate: window.to };
}

/** Number and case id of an invoice, for matching payments and allocations to it. */
async function invoiceKeys(invoice: InvoiceModel, { loaders }: Context) {
  const entry =
    invoice.entry ?? (await loaders.confirma.distributionByInvoiceNumber.load(invoice.invoiceNumber));
  return {
    number: normalizeInvoiceNumber(invoice.invoiceNumber),
    caseId: entry?.record?.paymentControl?.caseId ?? null,
  };
}

function sameNumber(value: string | null, number: string): boolean {
  return value !== null && normalizeInvoiceNumber(value) === number;
}

/**
 * Each page reads the whole window (Confirma pages nothing) through the window loaders, so a page
 * costs at most one list call, and none with the read cache on for a window read before; the
 * arguments are checked before that call.
 */
export const moneyQuery: QueryResolvers = {
  async payments(_root, { filter, ...page }, context) {
    const request = readPageArgs('payments', page, CONNECTION_PAGE_SIZES);
    const payments = await context.loaders.confirma.paymentsByWindow.load(
      toWindow(filter, 'filter', context),
    );
    return pageOf(payments, uniqueKeys(payments, paymentKey), request);
  },
  async settlements(_root, { filter, ...page }, context) {
    const request = readPageArgs('settlements', page, CONNECTION_PAGE_SIZES);
    const reply = await context.loaders.confirma.settlementsByWindow.load(
      toWindow(filter, 'filter', context),
    );
    const settlements = reply.settlements;
    return {
      ...pageOf(settlements, uniqueKeys(settlements, settlementKey), request),
      createdAt: reply.createdAt,
    };
  },
};

export const moneyMutation: MutationResolvers = {
  /**
   * Straight to the client, past the per-request loader and the read cache: Confirma marks what
   * this returns as fetched, so every call is its own and is sent once (`newSettlements`, money.ts).
   */
  fetchNewSettlements: (_root, { filter }, context) =>
    context.upstreams.confirma.newSettlements(toWindow(filter, 'filter', context)),
};

export const invoiceMoney: InvoiceResolvers = {
  async payments(invoice, { filter }, context) {
    const window = toWindow(filter, 'filter', context);
    const [payments, keys] = await Promise.all([
      context.loaders.confirma.paymentsByWindow.load(window),
      invoiceKeys(invoice, context),
    ]);
    return payments.filter(
      (payment) =>
        sameNumber(payment.invoiceNumber, keys.number) ||
        (keys.caseId !== null && payment.caseId === keys.caseId),
    );
  },

  /**
   * By case id or by `originalInvoiceNumber`: `caseId` may be null "even for Lifecycle invoices",
   * with the invoice number as the fallback join (confirma.md §6.3). Either key is enough, so an
   * allocation whose case id is missing or differs still joins on its number. One pass of
   * `filter` lists each allocation once, however many keys it matches on.
   */
  async settlementAllocations(invoice, { filter }, context) {
    const window = toWindow(filter, 'filter', context);
    const [reply, keys] = await Promise.all([
      context.loaders.confirma.settlementsByWindow.load(window),
      invoiceKeys(invoice, context),
    ]);
    return reply.settlements
      .flatMap((settlement) => settlement.allocations)
      .filter(
        (allocation) =>
          (keys.caseId !== null && allocation.caseId === keys.caseId) ||
          sameNumber(allocation.originalInvoiceNumber, keys.number),
      );
  },
};

export const CollectionPayment: CollectionPaymentResolvers = {
  amount: (payment, _args, { currencies }) =>
    moneyOf(payment.amount, payment.currency, 'confirma', currencies),
  invoice: (payment) => (payment.invoiceNumber ? { invoiceNumber: payment.invoiceNumber } : null),
};

export const Settlement: SettlementResolvers = {
  settlementAmount: (settlement, _args, { currencies }) =>
    moneyOf(settlement.settlementAmount, settlement.currency, 'confirma', currencies),
};

export const SettlementAllocation: SettlementAllocationResolvers = {
  allocatedTotalAmount: (allocation, _args, { currencies }) =>
    moneyOf(allocation.allocatedTotalAmount, allocation.currency, 'confirma', currencies),
  breakdown: (allocation) => allocation.breakdown.map((part) => ({ ...part, currency: allocation.currency })),
  invoice: (allocation) =>
    allocation.originalInvoiceNumber ? { invoiceNumber: allocation.originalInvoiceNumber } : null,
};

export const AllocationPart: AllocationPartResolvers = {
  type: (part) => enumOrUnknown(BREAKDOWN_TYPES, part.type),
  typeRaw: (part) => rawText(part.type),
  amount: (part, _args, { currencies }) => moneyOf(part.amount, part.currency, 'confirma', currencies),
};
