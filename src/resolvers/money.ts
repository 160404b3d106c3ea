import { isCurrencyCode, type KnownCurrencyCode } from '../lib/currencyCodes.js';
import type { Currencies } from '../lib/currencySettings.js';

/** What a `Money` field resolves to. */
export interface MoneyModel {
  amount: string;
  currency: KnownCurrencyCode | 'UNKNOWN';
  currencyRaw: string | null;
}

/**
 * An upstream amount with its currency: the one the record states (trimmed, capitals), or the
 * upstream's configured currency when the record states none. A stated code outside ISO 4217
 * becomes UNKNOWN with the text kept in `currencyRaw`, never the configured one: an amount is
 * never shown in a currency the record did not give. No amount: no Money (the field is null).
 */
export function moneyOf(
  amount: string | null | undefined,
  statedCurrency: string | null | undefined,
  upstream: keyof Currencies,
  currencies: Currencies,
): MoneyModel | null {
  if (amount == null) return null;
  const stated = statedCurrency?.trim();
  if (!stated) return { amount, currency: currencies[upstream], currencyRaw: null };
  const code = stated.toUpperCase();
  return { amount, currency: isCurrencyCode(code) ? code : 'UNKNOWN', currencyRaw: statedCurrency ?? null };
}
