import type { FactorCloudClient } from '../upstreams/factorcloud/client.js';
import type { CachedClientDeps as EndpointCacheDeps } from './cachedEndpoints.js';
import type { TtlPolicy } from './ttlPolicy.js';

export interface FactorCloudCacheDeps extends EndpointCacheDeps {
  policy: TtlPolicy;
}

/**
 * Invoices and schedules share one scope: post-payments is matched to invoices by FactorCloud
 * itself (factorcloud.md §5.18), so which invoices a payment batch touched is not known here and
 * the whole scope is invalidated; schedule writes name their invoices and drop just those.
 */
const FACTORING = 'factoring';
/** Stored documents: an update whose reply names no UUID drops them all (see storeDocument). */
const DOCUMENTS = 'documents';

const INVOICE = 'factorcloud.invoice';
const SCHEDULE = 'factorcloud.schedule';
const BROKER_SCHEDULE = 'factorcloud.brokerSchedule';
const CLIENT = 'factorcloud.client';
const CLIENT_DEBTOR = 'factorcloud.clientDebtor';
const DEBTOR = 'factorcloud.debtor';
const DOCUMENT = 'factorcloud.document';

/**
 * FactorCloud with its reads served through the cache and its writes invalidating what they
 * touch (after the write, whatever its outcome). The connection checks stay live. The schedule
 * writes' own read-before-write (scheduleWrites.ts) uses the unwrapped reads, so a cached
 * "not known" can never let a batch be created twice.
 */
export function cachedFactorCloud(client: FactorCloudClient, deps: FactorCloudCacheDeps): FactorCloudClient {
  const { session, policy } = deps;
  const read = <T>(
    resource: string,
    params: readonly unknown[],
    ttlSeconds: (value: T) => number,
    load: () => Promise<T>,
    scope?: string,
  ) => session.read({ partition: deps.partition(), resource, params, ttlSeconds, load, scope });
  const drop = (...entries: Array<[string, string[]]>) =>
    session.invalidate(
      entries.map(([resource, params]) => session.keyOf(deps.partition(), resource, params)),
    );

  async function afterWrite<T>(
    write: () => Promise<T>,
    invalidate: (result?: T) => Promise<void>,
  ): Promise<T> {
    let result: T | undefined;
    try {
      result = await write();
      return result;
    } finally {
      await invalidate(result);
    }
  }

  return {
    // Not cached: connection checks must reach FactorCloud every time. Delegated by name: the
    // client is a class instance, whose methods a spread would not copy.
    testGet: () => client.testGet(),
    testPost: (write) => client.testPost(write),

    getInvoice: (id) =>
      read(
        INVOICE,
        [id],
        (found) => policy.factoringInvoice(found),
        () => client.getInvoice(id),
        FACTORING,
      ),
    getSchedule: (id) =>
      read(
        SCHEDULE,
        [id],
        (found) => policy.schedule(found),
        () => client.getSchedule(id),
        FACTORING,
      ),
    getBrokerSchedule: (id) =>
      read(
        BROKER_SCHEDULE,
        [id],
        (found) => policy.schedule(found),
        () => client.getBrokerSchedule(id),
        FACTORING,
      ),
    getClient: (key) =>
      read(
        CLIENT,
        [key],
        (found) => policy.found('party', found),
        () => client.getClient(key),
      ),
    getClientDebtor: (clientKey, debtorKey) =>
      read(
        CLIENT_DEBTOR,
        [clientKey, debtorKey],
        (found) => policy.found('party', found),
        () => client.getClientDebtor(clientKey, debtorKey),
      ),
    getDebtorMaster: (key) =>
      read(
        DEBTOR,
        [key],
        (found) => policy.found('party', found),
        () => client.getDebtorMaster(key),
      ),
    getDocument: (uuid) =>
      read(
        DOCUMENT,
        [uuid],
        (found) => policy.found('document', found),
        () => client.getDocument(uuid),
        DOCUMENTS,
      ),

    createClient: (write) =>
      afterWrite(
        () => client.createClient(write),
        () => drop([CLIENT, [write.clientKey]]),
      ),
    createDebtor: (write) =>
      afterWrite(
        () => client.createDebtor(write),
        () => drop([CLIENT_DEBTOR, [write.clientKey, write.debtorKey]], [DEBTOR, [write.debtorKey]]),
      ),
    // A vendor travels as a debtor key (§5.13): the same two reads may show it.
    createVendor: (write) =>
      afterWrite(
        () => client.createVendor(write),
        () => drop([CLIENT_DEBTOR, [write.clientKey, write.vendorKey]], [DEBTOR, [write.vendorKey]]),
      ),
    createSchedule: (write) =>
      afterWrite(
        () => client.createSchedule(write),
        () =>
          session.invalidateScoped(deps.partition(), FACTORING, [
            [SCHEDULE, [write.integrationBatchId]],
            ...write.invoices.map((invoice) => [INVOICE, [invoice.integrationId]] as const),
          ]),
      ),
    createBrokerSchedule: (write) =>
      afterWrite(
        () => client.createBrokerSchedule(write),
        async () => {
          const ids = write.invoices.map((invoice) => invoice.integrationId);
          // Without an id an invoice cannot be named: drop the whole scope instead.
          if (ids.some((id) => id === undefined)) return session.bump(deps.partition(), FACTORING);
          await session.invalidateScoped(deps.partition(), FACTORING, [
            [BROKER_SCHEDULE, [write.integrationBatchId]],
            ...ids.map((id) => [INVOICE, [id]] as const),
          ]);
        },
      ),
    // An update (200) replaces a stored document; only the reply names which one, and the docs'
    // own example reply (`{"message":"200"}`, §5.16) names none. Then, or when the outcome is
    // unknown (the call failed on its way), every stored document of the tenant is dropped. A
    // refusal changed nothing, and a document created (201) cannot be in the cache yet.
    storeDocument: (write) =>
      afterWrite(
        () => client.storeDocument(write),
        async (outcome) => {
          if (outcome?.ok === false) return;
          const uuid = outcome?.value.uuid;
          if (uuid) await session.invalidateScoped(deps.partition(), DOCUMENTS, [[DOCUMENT, [uuid]]]);
          else if (!outcome?.value.created) await session.bump(deps.partition(), DOCUMENTS);
        },
      ),
    postPayments: (write) =>
      afterWrite(
        () => client.postPayments(write),
        () => session.bump(deps.partition(), FACTORING),
      ),
  };
}
