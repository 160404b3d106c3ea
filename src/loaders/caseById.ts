import DataLoader from 'dataloader';
import type { CaseRecord, ConfirmaClient } from '../upstreams/confirma/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { normalizeInvoiceNumber } from '../lib/invoiceNumbers.js';
import { settleEach } from './settle.js';

/** A case id, with the case's invoice number when the caller knows it (sent along, see getCase). */
export type CaseKey = string | { caseId: string; invoiceNumber?: string | null | undefined };

/**
 * Confirma case details by case id; null when Confirma does not know the case. Cached by case id
 * alone, so a case asked for with and without its invoice number is one call.
 */
export type CaseByIdLoader = DataLoader<CaseKey, CaseRecord | null, string>;

export function createCaseByIdLoader(confirma: ConfirmaClient, sizes?: BatchSizes): CaseByIdLoader {
  return new DataLoader(
    measuredBatch('caseById', sizes, (keys) =>
      settleEach(keys, (key) =>
        typeof key === 'string'
          ? confirma.getCase(key)
          : confirma.getCase(key.caseId, key.invoiceNumber ?? undefined),
      ),
    ),
    { cacheKeyFn: (key) => normalizeInvoiceNumber(typeof key === 'string' ? key : key.caseId) },
  );
}
