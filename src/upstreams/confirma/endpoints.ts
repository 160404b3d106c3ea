import { ACCOUNTING_ENDPOINTS } from './endpoints/accounting.js';
import { INVOICE_READS } from './endpoints/invoiceReads.js';
import { INVOICE_WRITES } from './endpoints/invoiceWrites.js';
import { MONEY_ENDPOINTS } from './endpoints/money.js';
import { ONBOARDING_ENDPOINTS } from './endpoints/onboarding.js';

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
