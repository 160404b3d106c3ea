import { CONNECTION_ENDPOINTS } from './endpoints/connection.js';
import { DOCUMENT_ENDPOINTS } from './endpoints/documents.js';
import { FACTORING_READ_ENDPOINTS } from './endpoints/factoring.js';
import { PARTY_ENDPOINTS } from './endpoints/parties.js';
import { FACTORING_WRITE_ENDPOINTS } from './endpoints/schedules.js';

/**
 * Every documented FactorCloud call (factorcloud.md §5), one entry each (src/upstreams/endpoint.ts):
 * how it is sent, how its reply reads (zod), whether it may be retried, where its answer is
 * cached or what it invalidates, and its per-request loader. The client, the cached client and
 * the loaders are derived from this table. Reads are named like their loaders
 * (`factorCloud.documentByUuid(uuid)`, `loaders.factorCloud.documentByUuid`), writes by intent.
 */
export const FACTORCLOUD_ENDPOINTS = {
  ...FACTORING_READ_ENDPOINTS,
  ...PARTY_ENDPOINTS,
  ...DOCUMENT_ENDPOINTS,
  ...FACTORING_WRITE_ENDPOINTS,
  ...CONNECTION_ENDPOINTS,
};

export type FactorCloudEndpoints = typeof FACTORCLOUD_ENDPOINTS;
