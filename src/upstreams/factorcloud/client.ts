import type { UpstreamHttp } from '../../http/upstreamHttp.js';
import { createConnectionChecks } from './connection.js';
import type { FactorCloudConnection } from './connection.js';
import { createFactorCloudReads } from './reads.js';
import type { FactorCloudReads } from './reads.js';
import { createScheduleWrites } from './scheduleWrites.js';
import type { FactorCloudScheduleWrites } from './scheduleWrites.js';
import { createFactorCloudTransport } from './transport.js';
import type { FactorCloudCredentials } from './transport.js';
import { createFactorCloudWrites } from './writes.js';
import type { FactorCloudWrites } from './writes.js';

export { FACTORCLOUD_BASE_PATH } from './transport.js';
export type { FactorCloudCredentials } from './transport.js';
export type * from './records.js';
export type { WriteOutcome, WriteRefusal, WriteRefusalKind } from './outcome.js';
export type * from './writeTypes.js';

/**
 * One method per documented FactorCloud call (factorcloud.md §5), named by intent. Every reply is
 * zod-parsed before it leaves this module. The list calls whose URIs the docs do not give (all
 * clients, all master debtors, a client's sub-debtors; §5.5, §5.9) are deliberately absent.
 */
export interface FactorCloudClient
  extends FactorCloudReads, FactorCloudWrites, FactorCloudScheduleWrites, FactorCloudConnection {}

export function createFactorCloudClient(
  http: UpstreamHttp,
  credentials: FactorCloudCredentials,
): FactorCloudClient {
  const transport = createFactorCloudTransport(http, credentials);
  const reads = createFactorCloudReads(transport);
  return {
    ...reads,
    ...createFactorCloudWrites(transport),
    ...createScheduleWrites(transport, reads),
    ...createConnectionChecks(transport),
  };
}
