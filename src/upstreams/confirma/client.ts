import type { UpstreamHttp } from '../../http/upstreamHttp.js';
import { endpointClient } from '../endpoint.js';
import type { EndpointClient } from '../endpoint.js';
import { CONFIRMA_ENDPOINTS } from './endpoints.js';
import { confirmaTransport } from './transport.js';
import type { ConfirmaCredentials } from './transport.js';

/** One method per entry of CONFIRMA_ENDPOINTS; every reply is zod-parsed before it leaves it. */
export type ConfirmaClient = EndpointClient<typeof CONFIRMA_ENDPOINTS>;

const clientOf = endpointClient(CONFIRMA_ENDPOINTS);

/** A request's client: one object holding its transport, the methods live on a shared prototype. */
export function createConfirmaClient(http: UpstreamHttp, credentials: ConfirmaCredentials): ConfirmaClient {
  return clientOf(confirmaTransport(http, credentials));
}

export { CONFIRMA_BASE_PATH } from './transport.js';
export type { ConfirmaCredentials } from './transport.js';
export type { CaseRecord, DistributionRecord } from './schemas.js';
export type { CaseKey, DistributionEntry, DistributionPage, DistributionQuery } from './invoiceRecords.js';
export type { DateWindow } from './endpoints/money.js';
