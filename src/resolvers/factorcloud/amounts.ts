import type { Context } from '../../context.js';
import { moneyOf } from '../money.js';

/**
 * A FactorCloud amount as Money. FactorCloud states no currency on any record (factorcloud.md
 * has no currency field anywhere), so every amount is in the factor's configured currency
 * (FACTORCLOUD_CURRENCY, default USD); no amount, no Money.
 */
export function factorCloudMoney(amount: string | null | undefined, { currencies }: Context) {
  return moneyOf(amount, null, 'factorCloud', currencies);
}

/** A Money field resolver reading `pick(parent)`. */
export function money<P>(pick: (parent: P) => string | null | undefined) {
  return (parent: P, _args: unknown, context: Context) => factorCloudMoney(pick(parent), context);
}
