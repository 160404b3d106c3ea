import { ACCOUNTING_ENDPOINTS } from './accounting.js';
import { INVOICE_READS } from './invoiceReads.js';
import { INVOICE_WRITES } from './invoiceWrites.js';
import { MONEY_ENDPOINTS } from './money.js';
import { ONBOARDING_ENDPOINTS } from './onboarding.js';

/**
 * Every Confirma endpoint (confirma.md §2, §4) as one entry, grouped by area in the files above.
 * The client method, the cached wrapper, the per-request loader and the metrics label
 * (`endpoint`: the entry's `name`) all come from these entries.
 */
export const CONFIRMA_ENDPOINTS = {
  ...INVOICE_READS,
  ...INVOICE_WRITES,
  ...MONEY_ENDPOINTS,
  ...ACCOUNTING_ENDPOINTS,
  ...ONBOARDING_ENDPOINTS,
};
