import { text } from './envValues.js';
import { isCurrencyCode, type KnownCurrencyCode } from './currencyCodes.js';

/** The currency of amounts whose upstream record states none. */
export interface Currencies {
  /** Confirma records without a currency field (e.g. a case balance whose case sends none). */
  confirma: KnownCurrencyCode;
  /** Every FactorCloud amount: its API has no currency field anywhere. */
  factorCloud: KnownCurrencyCode;
}

/**
 * Defaults, where the upstream docs are silent:
 * - Confirma: EUR. Confirma Finance is Finnish and its documented examples are in EUR; records that
 *   state a currency (SEK, NOK, DKK also occur) keep their own.
 * - FactorCloud: USD. Its API names no currency; its clients are North American factoring
 *   businesses (UCC filings, federal tax and DOT/MC numbers). A factor in Canada or Mexico sets
 *   FACTORCLOUD_CURRENCY.
 */
export const DEFAULT_CURRENCIES: Currencies = { confirma: 'EUR', factorCloud: 'USD' };

const currency = (fallback: KnownCurrencyCode) =>
  text
    .transform((value) => value?.toUpperCase() ?? fallback)
    .refine(isCurrencyCode, { message: 'must be an ISO 4217 currency code such as EUR or USD' });

/** The currency environment variables, spread into config.ts's schema. */
export const currencyEnv = {
  CONFIRMA_CURRENCY: currency(DEFAULT_CURRENCIES.confirma),
  FACTORCLOUD_CURRENCY: currency(DEFAULT_CURRENCIES.factorCloud),
};

export function currencySettings(e: { CONFIRMA_CURRENCY: string; FACTORCLOUD_CURRENCY: string }): Currencies {
  const confirma = e.CONFIRMA_CURRENCY;
  const factorCloud = e.FACTORCLOUD_CURRENCY;
  // Refined above; checked again so the type follows from the value, not from a cast.
  if (!isCurrencyCode(confirma) || !isCurrencyCode(factorCloud))
    throw new Error('unchecked currency setting');
  return { confirma, factorCloud };
}
