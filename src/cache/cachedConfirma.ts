import { normalizeInvoiceNumber } from '../lib/invoiceNumbers.js';
import type { ConfirmaClient, DistributionQuery } from '../upstreams/confirma/client.js';
import type { CachedClientDeps as EndpointCacheDeps } from './cachedEndpoints.js';
import type { TtlPolicy } from './ttlPolicy.js';
import { actionTargets, createdInvoiceNumber } from './writeTargets.js';

/** Invalidation scopes: every list of one kind in a tenant partition, bumped at once. */
const DISTRIBUTION = 'distribution';
const PAYMENTS = 'payments';
const SETTLEMENTS = 'settlements';
const LEDGER_SYNC = 'accounting.ledger';
const PAYMENT_SYNC = 'accounting.payment';

const LOOKUP = 'confirma.distribution';
const CASE = 'confirma.case';

export interface CachedClientDeps extends EndpointCacheDeps {
  policy: TtlPolicy;
}

/**
 * Confirma with its reads served through the cache and its writes invalidating what they touch.
 * Left uncached on purpose: `validateToken` (its point is a live answer), `renewToken` and
 * onboarding (operator commands' writes), and settlements with `unfetchedOnly`
 * (Mutation.fetchNewSettlements: reading them marks them fetched, a write like the others).
 *
 * Each write drops exactly the answers it can change, in this tenant's partition only:
 * - createInvoice: that invoice's lookup and the distribution lists;
 * - createInvoiceActions: the cases and invoices it names; the distribution lists unless every
 *   action is a COMMENT; the payment windows when one is a DIRECTPAYMENT (writeTargets.ts);
 * - fetchNewSettlements: the settlement windows (their `apiFetchDate`);
 * - submitLedger / submitPayments: the ledger / the payment sync statuses.
 *
 * Invalidation runs after the write whether it succeeded, was refused or failed on the way: a
 * write that timed out may still have happened. Actions and accounting submits take effect
 * asynchronously at Confirma; the short TTLs of open cases and pending sync states cover that.
 */
export function cachedConfirma(client: ConfirmaClient, deps: CachedClientDeps): ConfirmaClient {
  const { session, policy } = deps;
  const read = <T>(
    resource: string,
    params: readonly unknown[],
    ttlSeconds: (value: T) => number,
    load: () => Promise<T>,
    scope?: string,
  ) => session.read({ partition: deps.partition(), resource, params, ttlSeconds, load, scope });

  async function afterWrite<T>(write: () => Promise<T>, invalidate: () => Promise<void>): Promise<T> {
    try {
      return await write();
    } finally {
      await invalidate();
    }
  }

  return {
    // Not cached: token checks and onboarding must reach Confirma every time. Delegated by
    // name: the client is a class instance, whose methods a spread would not copy.
    onboardClient: (body) => client.onboardClient(body),
    validateToken: () => client.validateToken(),
    renewToken: () => client.renewToken(),

    listDistribution(query) {
      const load = () => client.listDistribution(query);
      const number = singleLookup(query);
      if (number !== undefined)
        return read(LOOKUP, [number], (page) => policy.distributionLookup(page), load);
      const params = [query.invoiceNumber, query.fromInvDate, query.toInvDate, query.fetchType];
      return read(
        'confirma.distributionList',
        params,
        () => policy.seconds('distributionList'),
        load,
        DISTRIBUTION,
      );
    },
    // Keyed by case id alone: the invoice number sent along names the same case.
    getCase: (caseId, invoiceNumber) =>
      read(
        CASE,
        [normalizeInvoiceNumber(caseId)],
        (found) => policy.caseDetails(found),
        () => client.getCase(caseId, invoiceNumber),
      ),
    listPayments: (window) =>
      read(
        'confirma.payments',
        [window.fromDate, window.toDate],
        () => policy.window('payments', window),
        () => client.listPayments(window),
        PAYMENTS,
      ),
    listSettlements(query) {
      if (query.unfetchedOnly) {
        return afterWrite(
          () => client.listSettlements(query),
          () => session.bump(deps.partition(), SETTLEMENTS),
        );
      }
      return read(
        'confirma.settlements',
        [query.fromDate, query.toDate],
        () => policy.window('settlements', query),
        () => client.listSettlements(query),
        SETTLEMENTS,
      );
    },
    ledgerStatus: (query) =>
      read(
        'confirma.ledgerStatus',
        sortedEntries(query),
        (items) => policy.syncStatus(items),
        () => client.ledgerStatus(query),
        LEDGER_SYNC,
      ),
    paymentStatus: (query) =>
      read(
        'confirma.paymentStatus',
        sortedEntries(query),
        (items) => policy.syncStatus(items),
        () => client.paymentStatus(query),
        PAYMENT_SYNC,
      ),

    createInvoice: (body) =>
      afterWrite(
        () => client.createInvoice(body),
        async () => {
          const number = createdInvoiceNumber(body);
          const partition = deps.partition();
          await Promise.all([
            session.invalidate(number === undefined ? [] : [session.keyOf(partition, LOOKUP, [number])]),
            session.bump(partition, DISTRIBUTION),
          ]);
        },
      ),
    createInvoiceActions: (body) =>
      afterWrite(
        () => client.createInvoiceActions(body),
        async () => {
          const { invoiceNumbers, caseIds, distribution, payments } = actionTargets(body);
          const partition = deps.partition();
          await Promise.all([
            session.invalidate([
              ...(distribution ? invoiceNumbers.map((n) => session.keyOf(partition, LOOKUP, [n])) : []),
              ...caseIds.map((id) => session.keyOf(partition, CASE, [id])),
            ]),
            // Payment control (and its status) is part of every list that shows the invoice.
            distribution ? session.bump(partition, DISTRIBUTION) : undefined,
            payments ? session.bump(partition, PAYMENTS) : undefined,
          ]);
        },
      ),
    submitLedger: (body) =>
      afterWrite(
        () => client.submitLedger(body),
        () => session.bump(deps.partition(), LEDGER_SYNC),
      ),
    submitPayments: (body) =>
      afterWrite(
        () => client.submitPayments(body),
        () => session.bump(deps.partition(), PAYMENT_SYNC),
      ),
  };
}

/** A lookup of one invoice by number (the loaders' form), keyed by the normalized number. */
function singleLookup(query: DistributionQuery): string | undefined {
  const { invoiceNumber, fromInvDate, toInvDate, fetchType } = query;
  if (invoiceNumber === undefined || fromInvDate !== undefined || toInvDate !== undefined) return undefined;
  return fetchType === undefined ? normalizeInvoiceNumber(invoiceNumber) : undefined;
}

/** Query parameters in a stable order, absent ones dropped. */
function sortedEntries(query: Record<string, string | undefined>): string[][] {
  return Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
}
