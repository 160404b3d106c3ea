import DataLoader from 'dataloader';
import type { ConfirmaClient } from '../upstreams/confirma/client.js';
import type { DateWindow } from '../upstreams/confirma/money.js';
import type { PaymentRecord, SettlementsReply } from '../upstreams/confirma/moneySchemas.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/**
 * Payments and settlements by window: every invoice in a list asks for the same window, so a
 * page of invoices costs one /payments and one /settlements call, filtered per invoice here.
 * Plain window reads only: the incremental `unfetchedOnly` read changes state at Confirma and is
 * never de-duplicated or shared (Mutation.fetchNewSettlements calls the client itself).
 */
export type PaymentsByWindowLoader = DataLoader<DateWindow, PaymentRecord[], string>;
export type SettlementsByWindowLoader = DataLoader<DateWindow, SettlementsReply, string>;

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

export function createSettlementsByWindowLoader(
  confirma: ConfirmaClient,
  sizes?: BatchSizes,
): SettlementsByWindowLoader {
  return new DataLoader(
    measuredBatch('settlementsByWindow', sizes, (windows) =>
      settleEach(windows, (window) =>
        confirma.listSettlements({ fromDate: window.fromDate, toDate: window.toDate }),
      ),
    ),
    {
      cacheKeyFn: (window) => JSON.stringify([window.fromDate, window.toDate]),
    },
  );
}
