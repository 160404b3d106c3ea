import { createRandom, deriveSeed, type Random } from './random.js';
import { isRealDate } from './dataset/calendar.js';
import { buildCase } from './dataset/confirmaCases.js';
import { buildConfirmaInvoice, paymentControlFor } from './dataset/confirmaDistribution.js';
import { buildClients } from './dataset/factorCloudClients.js';
import {
  buildFactorCloudInvoices,
  chooseReplyStyle,
  type FactoredInvoice,
} from './dataset/factorCloudInvoices.js';
import { seedFactorCloudState } from './dataset/factorCloudSeedState.js';
import { driftFromConfirma, factorOnlyInvoices } from './dataset/reconciliationDrift.js';
import { paymentControlStatusOf, planInvoices } from './dataset/plan.js';
import type {
  Agency,
  ConfirmaCase,
  ConfirmaInvoice,
  FactorCloudClient,
  FactorCloudClientEntry,
  FactorCloudInvoiceEntry,
  IsoDate,
  SimulatorDataset,
} from './dataset/types.js';

export type * from './dataset/types.js';
export {
  CASE_STAGES,
  DISTRIBUTION_METHODS,
  DISTRIBUTION_STATUSES,
  FACTORCLOUD_INVOICE_STATUSES,
  PAYMENT_CONTROL_STATUSES,
} from './dataset/types.js';
export { amountToCents, centsToAmount } from './dataset/money.js';

export interface GenerateDatasetOptions {
  /** The simulated "today", `YYYY-MM-DD`; invoice dates run over the 60 days up to it. */
  today: string;
  /** Same seed and today → same data. Defaults to `DEFAULT_SEED`. */
  seed?: number;
  /** How many Confirma invoices to generate (default 240). */
  invoiceCount?: number;
  /** The InvoiceIntegrationId under which FactorCloud knows a Confirma invoice number. */
  factoringInvoiceId: (invoiceNumber: string) => string;
}

export const DEFAULT_SEED = 20260101;
export const DEFAULT_INVOICE_COUNT = 240;
/** Share of Confirma invoices the factor also holds (brief: about 70%). */
const FACTORED_SHARE = 0.7;
/** FactorCloud invoices with no Confirma record (reconciliationDrift.ts). */
const FACTOR_ONLY_COUNT = 3;
/** Case ids start here (the docs' examples use 481920). */
const FIRST_CASE_ID = 481900;
/**
 * Docs are silent on the creditor's name; the simulator uses the staging beneficiary name from the
 * settlements example (confirma.md §4.10), since one API key belongs to one creditor.
 */
const CREDITOR = 'Partner Test Customer';

/**
 * Generates the deterministic world both simulators serve: Confirma invoices with distribution
 * records and agency cases, and the FactorCloud clients and factored invoices that mirror them.
 * Each part draws from its own seeded stream (see `deriveSeed`).
 */
export function generateDataset(options: GenerateDatasetOptions): SimulatorDataset {
  const { today } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const invoiceCount = options.invoiceCount ?? DEFAULT_INVOICE_COUNT;
  if (!isRealDate(today)) throw new RangeError(`today must be a real YYYY-MM-DD date, got "${today}"`);
  if (!Number.isSafeInteger(invoiceCount) || invoiceCount < 1) {
    throw new RangeError(`invoiceCount must be a positive integer, got ${invoiceCount}`);
  }

  const plans = planInvoices(createRandom(deriveSeed(seed, 'plans')), today, invoiceCount);
  const confirmaInvoices = new Map<number, ConfirmaInvoice>();
  const confirmaCases = new Map<number, ConfirmaCase>();
  const random = createRandom(deriveSeed(seed, 'confirma'));
  let lastCaseId = FIRST_CASE_ID;
  for (const plan of plans) {
    const status = paymentControlStatusOf(plan, today);
    // Case ids are handed out in activation order by a system with other creditors too: gaps.
    const caseId = status !== null && status !== 'PENDING' ? (lastCaseId += random.int(1, 4)) : null;
    const agency = chooseAgency(random);
    const invoice = buildConfirmaInvoice(random, plan, today, paymentControlFor(status, caseId, agency));
    confirmaInvoices.set(invoice.invoiceNumber, invoice);
    const openedAt = invoice.distribution.dates.paymentControlActivatedAt;
    if (caseId === null) continue;
    if (openedAt === null) {
      throw new Error(`invoice ${plan.invoiceNumber} has case ${caseId} but no activation time`);
    }
    const input = {
      plan,
      caseId,
      agency,
      openedAt,
      paymentReference: invoice.paymentReference,
      creditor: CREDITOR,
      today,
    };
    confirmaCases.set(caseId, buildCase(random, input));
  }

  const clients = buildClients(createRandom(deriveSeed(seed, 'factorcloud-clients')), today);
  const factorCloudInvoices = factorCloudInvoicesFor(
    seed,
    today,
    clients,
    [...confirmaInvoices.values()],
    confirmaCases,
    options,
  );
  return {
    today,
    seed,
    creditor: CREDITOR,
    confirmaInvoices,
    confirmaCases,
    factorCloudInvoices,
    factorCloudClients: new Map<string, FactorCloudClientEntry>(
      clients.map((client, i) => [client.ClientKey, { client, replyStyle: clientReplyStyle(seed, i) }]),
    ),
    factorCloud: seedFactorCloudState(seed, factorCloudInvoices),
  };
}

function factorCloudInvoicesFor(
  seed: number,
  today: IsoDate,
  clients: readonly FactorCloudClient[],
  invoices: readonly ConfirmaInvoice[],
  cases: ReadonlyMap<number, ConfirmaCase>,
  options: GenerateDatasetOptions,
): Map<string, FactorCloudInvoiceEntry> {
  const random = createRandom(deriveSeed(seed, 'factorcloud-invoices'));
  // Larger clients submit more invoices: weight falls with the client's position in the list.
  const clientWeights = clients.map((client, i) => [client, clients.length + 4 - i] as const);
  const factored: FactoredInvoice[] = invoices
    .filter(() => random.chance(FACTORED_SHARE))
    .map((confirma) => {
      const client = random.weighted(clientWeights);
      const caseId = confirma.distribution.paymentControl.caseId;
      return {
        confirma,
        confirmaCase: caseId === null ? undefined : cases.get(caseId),
        clientKey: client.ClientKey,
        // Docs say the escrow share depends on the client's terms; the simulator uses 5–15%.
        escrowPercent: [10, 15, 5][clients.indexOf(client) % 3] ?? 10,
      };
    });
  const built = buildFactorCloudInvoices(random, today, factored);
  const drift = createRandom(deriveSeed(seed, 'reconciliation-drift'));
  driftFromConfirma(drift, today, factored, built);
  const lastNumber = Math.max(...invoices.map((invoice) => invoice.invoiceNumber));
  built.push(...factorOnlyInvoices(drift, built, lastNumber + 1, FACTOR_ONLY_COUNT));
  const entries = new Map<string, FactorCloudInvoiceEntry>();
  for (const invoice of built) {
    const id = options.factoringInvoiceId(invoice.InvoiceNumber);
    if (entries.has(id)) {
      throw new Error(`factoringInvoiceId gave "${id}" for two invoices; ids must be unique`);
    }
    entries.set(id, { invoiceIntegrationId: id, replyStyle: chooseReplyStyle(random), invoice });
  }
  return entries;
}

function clientReplyStyle(seed: number, index: number): FactorCloudClientEntry['replyStyle'] {
  return chooseReplyStyle(createRandom(deriveSeed(seed, `factorcloud-client-style-${index}`)));
}

/** Most records use today's spelling `CASH-IN`; a few still carry the older `CashIn` (confirma.md §4.10). */
function chooseAgency(random: Random): Agency {
  return random.chance(0.08) ? 'CashIn' : 'CASH-IN';
}
