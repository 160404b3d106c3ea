import { RULES } from './rules.js';
import { MISMATCH_KINDS } from './types.js';
import type { Gap, Mismatch, MismatchKind, Reconciliation, ReconciliationInput } from './types.js';

/**
 * Runs every rule on one invoice's two sides. Any read that failed makes the result UNKNOWN,
 * never CONSISTENT, even when the rules that could run found nothing; the mismatches those rules
 * did find are still listed.
 */
export function reconcile(input: ReconciliationInput): Reconciliation {
  const mismatches: Mismatch[] = [];
  const notChecked: MismatchKind[] = [];
  for (const kind of MISMATCH_KINDS) {
    const outcome = RULES[kind](input);
    if (outcome === 'unchecked') notChecked.push(kind);
    else if (outcome !== 'none') mismatches.push(outcome.found);
  }
  const gaps = gapsOf(input);
  return {
    status: gaps.length ? 'UNKNOWN' : mismatches.length ? 'MISMATCHED' : 'CONSISTENT',
    mismatches,
    gaps,
    notChecked,
    knownToConfirma: input.confirma.state === 'failed' ? null : input.confirma.state === 'known',
    knownToFactorCloud: input.factorCloud.state === 'failed' ? null : input.factorCloud.state === 'known',
  };
}

function gapsOf({ confirma, factorCloud }: ReconciliationInput): Gap[] {
  const gaps: Gap[] = [];
  if (confirma.state === 'failed') gaps.push(confirma.gap);
  if (confirma.state === 'known' && confirma.facts.caseGap) gaps.push(confirma.facts.caseGap);
  if (factorCloud.state === 'failed') gaps.push(factorCloud.gap);
  return gaps;
}
