import type { UpstreamHttp } from '../../http/upstreamTypes.js';
import { endpointClient } from '../endpoint.js';
import type { EndpointClient } from '../endpoint.js';
import { FACTORCLOUD_ENDPOINTS } from './endpoints.js';
import type { FactorCloudEndpoints } from './endpoints.js';
import { createFactorCloudTransport } from './transport.js';
import type { FactorCloudCredentials } from './transport.js';

export { FACTORCLOUD_BASE_PATH } from './transport.js';
export type { FactorCloudCredentials } from './transport.js';
export type { ClientDebtorKeys } from './endpoints/parties.js';
export type * from './records.js';
export type * from './writeTypes.js';

/** One method per entry of FACTORCLOUD_ENDPOINTS; every reply is zod-parsed before it leaves. */
export type FactorCloudClient = EndpointClient<FactorCloudEndpoints>;

const clientOf = endpointClient(FACTORCLOUD_ENDPOINTS);

/** A request's client: one object holding its transport (its calls carry the request's id). */
export function createFactorCloudClient(
  http: UpstreamHttp,
  credentials: FactorCloudCredentials,
): FactorCloudClient {
  return clientOf(createFactorCloudTransport(http, credentials));
}
