import { Kind, visit } from 'graphql';
import type { ConstDirectiveNode, DocumentNode, ObjectTypeDefinitionNode } from 'graphql';
import type { TtlName, TtlTable } from './cache/cacheConfig.js';

/**
 * Each cached type's description says how stale it may be, built from what decides it when the
 * schema is built: the type's `@cacheControl` hint (how long a response may be reused) and the
 * read cache's TTLs of the upstream reads the type is made from (each endpoint's TTL rule picks
 * one, in its upstream's answerAges.ts). The read cache can keep an answer longer than the hint (a closed case an hour, its hint 30 s), so
 * the sentence states the sum of both as the bound. Nothing else writes TTLs into descriptions.
 */

/** The read-cache TTLs behind a type: while its record can still change, and once it settled. */
export interface TypeReads {
  changing: readonly TtlName[];
  settled: readonly TtlName[];
  /** When the settled TTLs apply, e.g. "once closed". */
  settledWhen?: string;
}

/** Every type with `@cacheControl(maxAge > 0)`, by the reads it is built from (test/unit checks). */
export const TYPE_READS: Readonly<Record<string, TypeReads>> = {
  // A lookup keeps a record by its state; a list page keeps every record it holds for one TTL.
  Invoice: {
    changing: ['distributionPending', 'distributionList', 'notFound'],
    settled: ['distributionSettled'],
    settledWhen: 'once delivered or failed',
  },
  InvoiceConnection: { changing: ['distributionList'], settled: [] },
  CollectionCase: { changing: ['caseOpen', 'notFound'], settled: ['caseClosed'], settledWhen: 'once closed' },
  LedgerSyncStatus: {
    changing: ['syncPending'],
    settled: ['syncFailed', 'syncSynced'],
    settledWhen: 'once synced or failed',
  },
  AccountingPaymentSyncStatus: {
    changing: ['syncPending'],
    settled: ['syncFailed', 'syncSynced'],
    settledWhen: 'once synced or failed',
  },
  LedgerSyncStatusConnection: { changing: ['syncPending'], settled: ['syncFailed', 'syncSynced'] },
  AccountingPaymentSyncStatusConnection: {
    changing: ['syncPending'],
    settled: ['syncFailed', 'syncSynced'],
  },
  // Listed by GET /payments and inside a case's details.
  CollectionPayment: {
    changing: ['paymentsOpenWindow', 'caseOpen'],
    settled: ['paymentsClosedWindow', 'caseClosed'],
  },
  CollectionPaymentConnection: {
    changing: ['paymentsOpenWindow'],
    settled: ['paymentsClosedWindow'],
    settledWhen: 'for a window that ended before yesterday',
  },
  SettlementConnection: {
    changing: ['settlementsOpenWindow'],
    settled: ['settlementsClosedWindow'],
    settledWhen: 'for a window that ended before yesterday',
  },
  // Read alone (get-invoice) or as part of its schedule (get-sched).
  FactoringInvoice: {
    changing: ['factoringInvoiceOpen', 'scheduleOpen', 'notFound'],
    settled: ['factoringInvoiceFinal', 'scheduleFinal'],
    settledWhen: 'once cancelled or paid in full',
  },
  Schedule: {
    changing: ['scheduleOpen', 'notFound'],
    settled: ['scheduleFinal'],
    settledWhen: 'once every invoice is cancelled or paid in full',
  },
  BrokerSchedule: {
    changing: ['scheduleOpen', 'notFound'],
    settled: ['scheduleFinal'],
    settledWhen: 'once every invoice is cancelled or paid in full',
  },
  Client: { changing: ['party', 'notFound'], settled: [] },
  Debtor: { changing: ['party', 'notFound'], settled: [] },
  ClientDebtor: { changing: ['party', 'notFound'], settled: [] },
  FactoringDocument: { changing: ['document', 'notFound'], settled: [] },
  // Made from the invoice's distribution, its case and its FactorCloud record.
  InvoiceReconciliation: {
    changing: ['distributionPending', 'distributionList', 'caseOpen', 'factoringInvoiceOpen', 'notFound'],
    settled: ['distributionSettled', 'caseClosed', 'factoringInvoiceFinal'],
  },
  InvoiceReconciliationConnection: {
    changing: ['distributionList', 'caseOpen', 'factoringInvoiceOpen', 'notFound'],
    settled: ['caseClosed', 'factoringInvoiceFinal'],
  },
};

const FRESH_READS =
  'Writes through this graph, and requests sent with `Cache-Control: no-cache`, read fresh.';

/**
 * The SDL with a freshness sentence appended to each type's description. `ttls`: the read
 * cache's TTLs; undefined when the read cache is off.
 */
export function withFreshnessDescriptions(document: DocumentNode, ttls: TtlTable | undefined): DocumentNode {
  return visit(document, {
    ObjectTypeDefinition(node) {
      const sentence = freshnessSentence(node, ttls);
      if (sentence === undefined) return undefined;
      const before = node.description?.value.trimEnd();
      const value = before ? `${before}\n\n${sentence}` : sentence;
      return { ...node, description: { kind: Kind.STRING, value, block: true } };
    },
  });
}

function freshnessSentence(node: ObjectTypeDefinitionNode, ttls: TtlTable | undefined): string | undefined {
  const hint = node.directives?.find((directive) => directive.name.value === 'cacheControl');
  if (!hint) return undefined;
  if (booleanArgument(hint, 'inheritMaxAge')) {
    return 'Freshness: as fresh as the object that holds it (see that type).';
  }
  const maxAge = integerArgument(hint, 'maxAge') ?? 0;
  if (maxAge <= 0) return undefined;
  const reused = `a response may be reused for ${maxAge} s (\`Cache-Control: max-age\`)`;
  if (!ttls) return `Freshness: read from the upstream for each request; ${reused}. ${FRESH_READS}`;
  // A type not in TYPE_READS gets the bound of every read the cache keeps (the unit test asks
  // for an entry, so the sentence can be exact).
  const reads = TYPE_READS[node.name.value] ?? { changing: Object.keys(ttls) as TtlName[], settled: [] };
  const changing = Math.max(0, ...reads.changing.map((name) => ttls[name]));
  const longest = Math.max(changing, ...reads.settled.map((name) => ttls[name]));
  if (longest === 0) return `Freshness: read from the upstream for each request; ${reused}. ${FRESH_READS}`;
  const kept =
    longest > changing && reads.settledWhen
      ? `up to ${changing} s (${longest} s ${reads.settledWhen})`
      : `up to ${longest} s`;
  return `Freshness: at most ${longest + maxAge} s old. This graph caches it per tenant for ${kept}, then ${reused}. ${FRESH_READS}`;
}

function argumentOf(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((argument) => argument.name.value === name)?.value;
}

function integerArgument(directive: ConstDirectiveNode, name: string): number | undefined {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
}
