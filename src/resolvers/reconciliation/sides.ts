import type { Context } from '../../context.js';
import { UpstreamError } from '../../http/errors.js';
import type {
  CaseFacts,
  ConfirmaFacts,
  FactorCloudFacts,
  Gap,
  Side,
  SideName,
} from '../../reconciliation/index.js';
import type { CaseRecord, DistributionEntry, DistributionRecord } from '../../upstreams/confirma/client.js';
import type { FactoringInvoiceRecord } from '../../upstreams/factorcloud/client.js';
import type { InvoiceModel } from '../models.js';

/**
 * Reads the two sides of one invoice through the request's loaders, the same ones (and the same
 * keys) `distribution`, `paymentControl { case }` and `factoring` use, so the reconciliation
 * never costs a call those fields would not make. A failed read becomes a gap, never a throw:
 * only upstream failures are gaps; anything else is a bug and fails the field.
 */
export async function readSides(
  invoice: InvoiceModel,
  context: Context,
): Promise<{ confirma: Side<ConfirmaFacts>; factorCloud: Side<FactorCloudFacts> }> {
  const { loaders } = context;
  const [entry, factoring] = await Promise.all([
    attempt(
      'CONFIRMA',
      async () => invoice.entry ?? (await loaders.confirma.distributionByInvoiceNumber.load(invoice.invoiceNumber)),
    ),
    attempt('FACTORCLOUD', () =>
      loaders.factorCloud.factoringInvoiceById.load(context.factoringInvoiceId(invoice.invoiceNumber)),
    ),
  ]);
  const factorCloud = sideOf(factoring, factorCloudFacts);
  const record = recordOf(entry);
  if (record.state !== 'known') return { confirma: record, factorCloud };
  // The case matters only for comparisons with FactorCloud: without its record, no case read.
  const caseId = record.facts.paymentControl?.caseId ?? null;
  const needsCase = caseId !== null && factorCloud.state === 'known';
  const found = needsCase
    ? await attempt('CONFIRMA', () =>
        loaders.confirma.caseById.load({ caseId, invoiceNumber: record.facts.invoiceNumber }),
      )
    : undefined;
  return { confirma: { state: 'known', facts: confirmaFacts(record.facts, found) }, factorCloud };
}

type Attempt<T> = { ok: true; value: T } | { ok: false; gap: Gap };

async function attempt<T>(side: SideName, read: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (error instanceof UpstreamError) return { ok: false, gap: gapOf(side, error) };
    throw error;
  }
}

function gapOf(side: SideName, error: UpstreamError): Gap {
  return { side, code: error.code, endpoint: error.endpoint };
}

function sideOf<R, F>(read: Attempt<R | null>, facts: (record: R) => F): Side<F> {
  if (!read.ok) return { state: 'failed', gap: read.gap };
  return read.value === null ? { state: 'absent' } : { state: 'known', facts: facts(read.value) };
}

/** A distribution record that broke the contract is a failed read, like its own fields fail. */
function recordOf(read: Attempt<DistributionEntry | null>): Side<DistributionRecord> {
  if (!read.ok) return { state: 'failed', gap: read.gap };
  if (read.value === null) return { state: 'absent' };
  if (read.value.error) return { state: 'failed', gap: gapOf('CONFIRMA', read.value.error) };
  return { state: 'known', facts: read.value.record };
}

function confirmaFacts(
  record: DistributionRecord,
  found: Attempt<CaseRecord | null> | undefined,
): ConfirmaFacts {
  return {
    invoiceNumber: record.invoiceNumber,
    distributionStatus: record.status,
    caseId: record.paymentControl?.caseId ?? null,
    case: found?.ok && found.value ? caseFacts(found.value) : null,
    caseGap: found && !found.ok ? found.gap : null,
  };
}

function caseFacts(found: CaseRecord): CaseFacts {
  return {
    caseId: found.summary.caseId,
    status: found.summary.status,
    closedAt: found.summary.closedAt,
    currency: found.summary.currency,
    capitalAmount: found.balance?.capitalAmount ?? null,
    interestAmount: found.balance?.interestAmount ?? null,
    costsAmount: found.balance?.costsAmount ?? null,
    totalAmount: found.balance?.totalAmount ?? null,
    paymentCount: found.payments.length,
  };
}

function factorCloudFacts(invoice: FactoringInvoiceRecord): FactorCloudFacts {
  return {
    integrationId: invoice.integrationId,
    status: invoice.status,
    amount: invoice.amount,
    paymentMade: invoice.paymentMade,
    lastPaymentMadeOn: invoice.lastPaymentMadeOn,
    paidInFull: invoice.paidInFull,
    paidInFullOn: invoice.paidInFullOn,
  };
}
