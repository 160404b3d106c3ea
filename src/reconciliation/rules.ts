import {
  describeCase,
  describeFactoring,
  hasBalance,
  isAbove,
  isCaseOpen,
  owesNothing,
  recordsNoPayment,
} from './facts.js';
import type {
  CaseFacts,
  ConfirmaFacts,
  FactorCloudFacts,
  Mismatch,
  MismatchKind,
  ReconciliationInput,
} from './types.js';

/**
 * One comparison rule per mismatch kind. A rule answers with the mismatch it found, `none`, or
 * `unchecked` when what it needs could not be read (a failed side or case read) or cannot be
 * compared (amounts in two currencies).
 */
export type RuleOutcome = { found: Mismatch } | 'none' | 'unchecked';
export type Rule = (input: ReconciliationInput) => RuleOutcome;

interface Both {
  confirma: ConfirmaFacts;
  factorCloud: FactorCloudFacts;
}

/** Both sides known, or what the rule answers instead: a failed side is unchecked, an absent one has nothing to compare. */
function bothSides(input: ReconciliationInput): Both | 'none' | 'unchecked' {
  const { confirma, factorCloud } = input;
  if (confirma.state === 'failed' || factorCloud.state === 'failed') return 'unchecked';
  if (confirma.state === 'absent' || factorCloud.state === 'absent') return 'none';
  return { confirma: confirma.facts, factorCloud: factorCloud.facts };
}

/** Both sides and the case; an invoice without a case has none of the case's disagreements. */
function withCase(input: ReconciliationInput): (Both & { case: CaseFacts }) | 'none' | 'unchecked' {
  const both = bothSides(input);
  if (typeof both === 'string') return both;
  if (both.confirma.caseGap) return 'unchecked';
  if (both.confirma.caseId === null || both.confirma.case === null) return 'none';
  return { ...both, case: both.confirma.case };
}

function mismatch(kind: MismatchKind, found: Omit<Mismatch, 'kind'>): RuleOutcome {
  return { found: { kind, ...found } };
}

/** The agency still collects (open case, money owed) what FactorCloud says is paid in full or cancelled. */
const collectionActiveOnSettledInvoice: Rule = (input) => {
  const sides = withCase(input);
  if (typeof sides === 'string') return sides;
  const settled = sides.factorCloud.paidInFull === true || sides.factorCloud.status === 'CANCELLED';
  if (!settled || !isCaseOpen(sides.case) || !hasBalance(sides.case)) return 'none';
  const why = sides.factorCloud.status === 'CANCELLED' ? 'cancelled' : 'paid in full';
  return mismatch('COLLECTION_ACTIVE_ON_SETTLED_INVOICE', {
    severity: 'HIGH',
    confirmaValue: describeCase(sides.case),
    factorCloudValue: describeFactoring(sides.factorCloud),
    explanation: `Confirma's agency is still collecting on an invoice FactorCloud reports ${why}: the debtor may be chased for money that is not owed.`,
  });
};

/**
 * Confirma's case is closed as paid, or its agency received payments, while FactorCloud records
 * none. An invoice FactorCloud cancelled is the client's again, so it is left out.
 */
const paidInConfirmaNotInFactorCloud: Rule = (input) => {
  const sides = withCase(input);
  if (typeof sides === 'string') return sides;
  if (sides.factorCloud.status === 'CANCELLED' || !recordsNoPayment(sides.factorCloud)) return 'none';
  const closedAsPaid = !isCaseOpen(sides.case) && owesNothing(sides.case);
  if (!closedAsPaid && sides.case.paymentCount === 0) return 'none';
  return mismatch('PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD', {
    // A case closed as paid means the whole invoice was collected; a part payment is less.
    severity: closedAsPaid ? 'HIGH' : 'MEDIUM',
    confirmaValue: `${describeCase(sides.case)}, ${sides.case.paymentCount} payment(s)`,
    factorCloudValue: describeFactoring(sides.factorCloud),
    explanation: closedAsPaid
      ? "Confirma's case is closed as paid but FactorCloud records no payment: the factor may not have received the collected money."
      : "Confirma's agency received payment(s) on the invoice but FactorCloud records none.",
  });
};

/**
 * FactorCloud funded an invoice whose Confirma distribution failed. Confirma documents no status
 * values; `FAILED` is the docs' own example word (and `failedCount` counts such records).
 */
const fundedButDistributionFailed: Rule = (input) => {
  const sides = bothSides(input);
  if (typeof sides === 'string') return sides;
  const status = (sides.confirma.distributionStatus ?? '').trim().toUpperCase();
  if (sides.factorCloud.status !== 'FUNDED' || status !== 'FAILED') return 'none';
  return mismatch('FUNDED_BUT_DISTRIBUTION_FAILED', {
    severity: 'HIGH',
    confirmaValue: `distribution ${sides.confirma.distributionStatus ?? ''}`.trim(),
    factorCloudValue: describeFactoring(sides.factorCloud),
    explanation:
      'FactorCloud funded an invoice Confirma failed to deliver: the debtor may never have received it.',
  });
};

/**
 * The capital still in collection exceeds the amount the factor holds the invoice for; both
 * cannot be right. Compared exactly (decimal text), and only when both amounts are in the same
 * currency: FactorCloud states none, so its amounts are in FACTORCLOUD_CURRENCY, and the case's
 * capital is in the case's stated currency (else CONFIRMA_CURRENCY). No exchange rate is guessed.
 */
const capitalAboveFactoredAmount: Rule = (input) => {
  const sides = withCase(input);
  if (typeof sides === 'string') return sides;
  const capital = sides.case.capitalAmount;
  const factored = sides.factorCloud.amount;
  if (capital === null || factored === null) return 'none';
  const caseCurrency = (sides.case.currency ?? input.currencies.confirma).trim().toUpperCase();
  const factorCurrency = input.currencies.factorCloud.trim().toUpperCase();
  if (caseCurrency !== factorCurrency) return 'unchecked';
  if (!isAbove(capital, factored)) return 'none';
  return mismatch('CAPITAL_ABOVE_FACTORED_AMOUNT', {
    severity: 'MEDIUM',
    confirmaValue: `capital ${capital} ${caseCurrency}`,
    factorCloudValue: `invoice amount ${factored} ${factorCurrency}`,
    explanation:
      "Confirma's case holds more capital in collection than the invoice amount FactorCloud factored; one of the two amounts is wrong.",
  });
};

/**
 * FactorCloud holds an invoice under the id FACTORCLOUD_INVOICE_ID_TEMPLATE makes of this
 * number, but Confirma has no record of it. Assumption: the template is this deployment's
 * statement that the factor's invoices with ids of that form are Confirma invoices, so Confirma
 * is expected to know every one of them. The other way round is not a mismatch: the factor holds
 * only the invoices the creditor sells it, and nothing Confirma returns marks an invoice as sold.
 */
const onlyInFactorCloud: Rule = ({ confirma, factorCloud }) => {
  if (confirma.state === 'failed' || factorCloud.state === 'failed') return 'unchecked';
  if (confirma.state !== 'absent' || factorCloud.state !== 'known') return 'none';
  return mismatch('ONLY_IN_FACTORCLOUD', {
    severity: 'HIGH',
    confirmaValue: null,
    factorCloudValue: `${factorCloud.facts.integrationId}: ${describeFactoring(factorCloud.facts)}`,
    explanation:
      'FactorCloud holds this invoice under the id the invoice id template gives a Confirma invoice, but Confirma has no record of it.',
  });
};

/** Every rule, by the kind it reports. */
export const RULES: Readonly<Record<MismatchKind, Rule>> = {
  COLLECTION_ACTIVE_ON_SETTLED_INVOICE: collectionActiveOnSettledInvoice,
  PAID_IN_CONFIRMA_NOT_IN_FACTORCLOUD: paidInConfirmaNotInFactorCloud,
  FUNDED_BUT_DISTRIBUTION_FAILED: fundedButDistributionFailed,
  CAPITAL_ABOVE_FACTORED_AMOUNT: capitalAboveFactoredAmount,
  ONLY_IN_FACTORCLOUD: onlyInFactorCloud,
};
