import DataLoader from 'dataloader';
import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { DateWindow, SettlementQuery } from '../upstreams/confirma/money.js';
import type { PaymentRecord, SettlementsReply } from '../upstreams/confirma/moneySchemas.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/**
 * Payments and settlements by window: every invoice in a list asks for the same window, so a
 * page of invoices costs one /payments and one /settlements call, filtered per invoice here.
 */
export type PaymentsByWindowLoader = DataLoader<DateWindow, PaymentRecord[], string>;
export type SettlementsByQueryLoader = DataLoader<SettlementQuery, SettlementsReply, string>;

export function createPaymentsByWindowLoader(
  confirma: ConfirmaClient,
  sizes?: BatchSizes,
): PaymentsByWindowLoader {
  return new DataLoader(
    measuredBatch('paymentsByWindow', sizes, (windows) =>
      settleEach(windows, (window) => confirma.listPayments(window)),
    ),
    {
      cacheKeyFn: (window) => JSON.stringify([window.fromDate, window.toDate]),
    },
  );
}

export function createSettlementsByQueryLoader(
  confirma: ConfirmaClient,
  sizes?: BatchSizes,
): SettlementsByQueryLoader {
  return new DataLoader(
    measuredBatch('settlementsByQuery', sizes, (queries) =>
      settleEach(queries, (query) => confirma.listSettlements(query)),
    ),
    {
      cacheKeyFn: (query) => JSON.stringify([query.fromDate, query.toDate, query.unfetchedOnly]),
    },
  );
}
