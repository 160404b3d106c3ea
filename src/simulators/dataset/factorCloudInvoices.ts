import type { Random } from '../random.js';
import { addDays, daysBetween, minDate } from './calendar.js';
import { amountToCents, centsToAmount, percentOf } from './money.js';
import {
  FACTORCLOUD_INVOICE_STATUSES,
  type ConfirmaCase,
  type ConfirmaInvoice,
  type FactorCloudInvoice,
  type FactorCloudInvoiceStatus,
  type FactorCloudReplyStyle,
  type IsoDate,
} from './types.js';

/** Everything known about one invoice that the factor also holds. */
export interface FactoredInvoice {
  confirma: ConfirmaInvoice;
  confirmaCase: ConfirmaCase | undefined;
  clientKey: string;
  /** The share of the face value the client's terms hold back until the invoice is paid. */
  escrowPercent: number;
}

interface PaymentFacts {
  lastPaymentOn: IsoDate | null;
  paidInFullOn: IsoDate | null;
}

/** Debtor keys `DB-2001` … `DB-2018` (simulator-defined; the docs leave the form to callers). */
const DEBTOR_KEYS = Array.from({ length: 18 }, (_, i) => `DB-${2001 + i}`);

/**
 * Builds the FactorCloud side of the factored invoices (factorcloud.md §4.1), in input order.
 * Money the agency collected on a Confirma case also shows up here, so the two upstreams agree:
 * a factored invoice is `F` (funded) before anyone can pay it.
 */
export function buildFactorCloudInvoices(
  random: Random,
  today: IsoDate,
  factored: readonly FactoredInvoice[],
): FactorCloudInvoice[] {
  const facts = factored.map((item) => paymentFactsFromCase(item.confirmaCase));
  const statuses = factored.map((item, i) => chooseStatus(random, today, item, facts[i]));
  ensureEveryStatus(statuses, facts);
  const nextRef = new Map<string, number>();
  return factored.map((item, i) => {
    const debtorKey = random.pick(DEBTOR_KEYS);
    const ref = nextRef.get(debtorKey) ?? random.int(4100, 8800) * 10;
    nextRef.set(debtorKey, ref + random.int(1, 9));
    const status = statuses[i] ?? 'P';
    const fromCase = facts[i] ?? noPayments();
    // An invoice under agency payment control is paid to the agency, never to the factor directly.
    const paysFactor = status === 'F' && !item.confirmaCase;
    const paid = fromCase.lastPaymentOn
      ? fromCase
      : paysFactor
        ? ownPayments(random, today, item)
        : noPayments();
    return buildInvoice(random, today, item, { debtorKey, refNumber: `PO-${ref}`, status, paid });
  });
}

function buildInvoice(
  random: Random,
  today: IsoDate,
  item: FactoredInvoice,
  chosen: { debtorKey: string; refNumber: string; status: FactorCloudInvoiceStatus; paid: PaymentFacts },
): FactorCloudInvoice {
  const { confirma } = item;
  const { status, paid } = chosen;
  // Only funded invoices carry purchase and fund dates. The factor buys on the day the schedule
  // arrives or the next, and advances the money the same day, so both precede any payment.
  const purchasedOn = status === 'F' ? minDate(addDays(confirma.invoiceDate, random.int(0, 1)), today) : null;
  const fundedOn = purchasedOn;
  const amountCents = amountToCents(confirma.amount);
  // Escrow is released to the client's reserve once the invoice is paid in full.
  const escrowCents = status === 'F' && !paid.paidInFullOn ? percentOf(amountCents, item.escrowPercent) : 0;
  return {
    ClientKey: item.clientKey,
    DebtorKey: chosen.debtorKey,
    InvoiceNumber: String(confirma.invoiceNumber),
    InvoiceAmount: confirma.amount,
    InvoiceDate: confirma.invoiceDate,
    InvoiceDueDate: confirma.dueDate,
    InvoiceStatus: status,
    RefNumber: chosen.refNumber,
    InvoicePurchaseDate: purchasedOn,
    InvoiceFundDate: fundedOn,
    EscrowReserveAmount: centsToAmount(escrowCents),
    PaymentMade: paid.lastPaymentOn ? 'Y' : 'N',
    LastPaymentMadeOn: paid.lastPaymentOn,
    PaidInFull: paid.paidInFullOn !== null,
    PaidInFullOn: paid.paidInFullOn,
  };
}

function paymentFactsFromCase(confirmaCase: ConfirmaCase | undefined): PaymentFacts {
  const last = confirmaCase?.payments.at(-1);
  if (!confirmaCase || !last) return noPayments();
  return { lastPaymentOn: last.paymentDate, paidInFullOn: confirmaCase.summary.closedAt };
}

function noPayments(): PaymentFacts {
  return { lastPaymentOn: null, paidInFullOn: null };
}

function chooseStatus(
  random: Random,
  today: IsoDate,
  item: FactoredInvoice,
  facts: PaymentFacts | undefined,
): FactorCloudInvoiceStatus {
  if (facts?.lastPaymentOn) return 'F';
  // A schedule submitted in the last couple of days is still being verified.
  if (daysBetween(item.confirma.invoiceDate, today) <= 2) return random.chance(0.7) ? 'P' : 'V';
  return random.weighted<FactorCloudInvoiceStatus>([
    ['F', 60],
    ['V', 10],
    ['H', 12],
    ['X', 10],
    ['P', 8],
  ]);
}

/** Debtors of funded invoices without an agency case pay the factor directly, often around the due date. */
function ownPayments(random: Random, today: IsoDate, item: FactoredInvoice): PaymentFacts {
  const { dueDate, invoiceDate } = item.confirma;
  if (dueDate < today && random.chance(0.45)) {
    const paidOn = minDate(addDays(dueDate, random.int(-5, 10)), today);
    const onOrAfterInvoice = paidOn > invoiceDate ? paidOn : addDays(invoiceDate, 1);
    return { lastPaymentOn: onOrAfterInvoice, paidInFullOn: onOrAfterInvoice };
  }
  if (daysBetween(invoiceDate, today) > 7 && random.chance(0.1)) {
    return {
      lastPaymentOn: addDays(invoiceDate, random.int(3, daysBetween(invoiceDate, today))),
      paidInFullOn: null,
    };
  }
  return noPayments();
}

/** Gives each missing status to an invoice nobody has paid yet, whose own status is not unique. */
function ensureEveryStatus(
  statuses: FactorCloudInvoiceStatus[],
  facts: readonly (PaymentFacts | undefined)[],
): void {
  for (const wanted of FACTORCLOUD_INVOICE_STATUSES) {
    if (statuses.includes(wanted)) continue;
    const index = statuses.findIndex(
      (status, i) => !facts[i]?.lastPaymentOn && statuses.filter((other) => other === status).length > 1,
    );
    if (index >= 0) statuses[index] = wanted;
  }
}

/**
 * About a third of replies are docs-faithful (factorcloud.md §5.12, §8), fixed per record so a
 * given invoice or client always answers the same way.
 */
export function chooseReplyStyle(random: Random): FactorCloudReplyStyle {
  if (!random.chance(1 / 3)) return { kind: 'typed' };
  return {
    kind: 'docs-faithful',
    amounts: random.chance(0.5) ? 'trimmed' : 'two-decimals',
    booleans: random.chance(0.5) ? 'words' : 'letters',
    dates: random.chance(0.3) ? 'midnight-timestamp' : 'date',
  };
}
