import DataLoader from 'dataloader';
import type { DocumentRecord, FactorCloudClient } from '../upstreams/factorcloud/client.js';
import { measuredBatch } from '../observability/loaderBatches.js';
import type { BatchSizes } from '../observability/loaderBatches.js';
import { settleEach } from './settle.js';

/** Stored documents by UUID (get-docs); null when FactorCloud does not know the UUID. */
export type DocumentByUuidLoader = DataLoader<string, DocumentRecord | null, string>;

export function createDocumentByUuidLoader(
  factorCloud: FactorCloudClient,
  sizes?: BatchSizes,
): DocumentByUuidLoader {
  return new DataLoader(
    measuredBatch('documentByUuid', sizes, (uuids) =>
      settleEach(uuids, (uuid) => factorCloud.getDocument(uuid)),
    ),
  );
}
