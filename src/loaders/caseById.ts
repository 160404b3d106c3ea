import DataLoader from 'dataloader';
import type { CaseRecord, ConfirmaClient } from '../upstreams/confirma/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** Confirma case details by case id; null when Confirma does not know the case. */
export type CaseByIdLoader = DataLoader<string, CaseRecord | null, string>;

export function createCaseByIdLoader(confirma: ConfirmaClient): CaseByIdLoader {
  return new DataLoader(
    measuredBatch('caseById', (caseIds) => settleEach(caseIds, (caseId) => confirma.getCase(caseId))),
  );
}
