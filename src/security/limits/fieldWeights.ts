import type { OperationLimits } from './limitsConfig.js';

/**
 * Fields whose upstream cost is not what they return. `Query.invoiceMismatches` reconciles every
 * invoice of its window, whatever the page size: one FactorCloud get-invoice and at most one
 * Confirma case read per invoice, so it weighs two calls for each invoice of a full window page.
 * The schema states the same weight with `@cost` (for the default page size), so a router's
 * demand control agrees.
 */
export function fieldWeight(
  parentName: string,
  fieldName: string,
  limits: Pick<OperationLimits, 'pageSize'>,
): number | undefined {
  if (parentName === 'Query' && fieldName === 'invoiceMismatches') return 2 * limits.pageSize;
  return undefined;
}
