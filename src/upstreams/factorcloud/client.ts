import type { UpstreamHttp } from '../../http/upstreamHttp.js';
import { createConnectionChecks } from './connection.js';
import type { FactorCloudConnection } from './connection.js';
import { createFactorCloudReads } from './reads.js';
import type { FactorCloudReads } from './reads.js';
import { createScheduleWrites } from './scheduleWrites.js';
import type { FactorCloudScheduleWrites } from './scheduleWrites.js';
import { createFactorCloudTransport } from './transport.js';
import type { FactorCloudCredentials, FactorCloudTransport } from './transport.js';
import type {
  BrokerScheduleWrite,
  ClientWrite,
  DebtorWrite,
  DocumentWrite,
  PaymentBatchWrite,
  ScheduleWrite,
  TestPostWrite,
  VendorWrite,
} from './writeTypes.js';
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
  return new LazyFactorCloudClient(createFactorCloudTransport(http, credentials));
}

/**
 * Each request gets its own client (its calls carry the request's id), and most requests use
 * one group of calls, the reads: each group is built on first use.
 */
class LazyFactorCloudClient implements FactorCloudClient {
  #reads: FactorCloudReads | undefined;
  #writes: FactorCloudWrites | undefined;
  #scheduleWrites: FactorCloudScheduleWrites | undefined;
  #connection: FactorCloudConnection | undefined;

  constructor(private readonly transport: FactorCloudTransport) {}

  getInvoice(invoiceIntegrationId: string) {
    return this.#readCalls().getInvoice(invoiceIntegrationId);
  }
  getClient(clientKey: string) {
    return this.#readCalls().getClient(clientKey);
  }
  getClientDebtor(clientKey: string, debtorKey: string) {
    return this.#readCalls().getClientDebtor(clientKey, debtorKey);
  }
  getDebtorMaster(debtorKey: string) {
    return this.#readCalls().getDebtorMaster(debtorKey);
  }
  getSchedule(integrationBatchId: string) {
    return this.#readCalls().getSchedule(integrationBatchId);
  }
  getBrokerSchedule(integrationBatchId: string) {
    return this.#readCalls().getBrokerSchedule(integrationBatchId);
  }
  getDocument(uuid: string) {
    return this.#readCalls().getDocument(uuid);
  }
  createClient(write: ClientWrite) {
    return this.#writeCalls().createClient(write);
  }
  createDebtor(write: DebtorWrite) {
    return this.#writeCalls().createDebtor(write);
  }
  createVendor(write: VendorWrite) {
    return this.#writeCalls().createVendor(write);
  }
  storeDocument(write: DocumentWrite) {
    return this.#writeCalls().storeDocument(write);
  }
  postPayments(write: PaymentBatchWrite) {
    return this.#writeCalls().postPayments(write);
  }
  createSchedule(write: ScheduleWrite) {
    return this.#scheduleCalls().createSchedule(write);
  }
  createBrokerSchedule(write: BrokerScheduleWrite) {
    return this.#scheduleCalls().createBrokerSchedule(write);
  }
  testGet() {
    return (this.#connection ??= createConnectionChecks(this.transport)).testGet();
  }
  testPost(write: TestPostWrite) {
    return (this.#connection ??= createConnectionChecks(this.transport)).testPost(write);
  }

  #readCalls(): FactorCloudReads {
    return (this.#reads ??= createFactorCloudReads(this.transport));
  }
  #writeCalls(): FactorCloudWrites {
    return (this.#writes ??= createFactorCloudWrites(this.transport));
  }
  #scheduleCalls(): FactorCloudScheduleWrites {
    return (this.#scheduleWrites ??= createScheduleWrites(this.transport, this.#readCalls()));
  }
}
