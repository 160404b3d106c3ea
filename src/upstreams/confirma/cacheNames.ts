import { normalizeInvoiceNumber } from '../../lib/invoiceNumbers.js';
import type { CachePlace } from '../endpoint.js';

/**
 * Where Confirma's answers live in the read cache (the `cache` metric label) and the scopes
 * writes drop at once: every list of one kind in a tenant's partition.
 */
export const RESOURCE = {
  lookup: 'confirma.distribution',
  distributionList: 'confirma.distributionList',
  case: 'confirma.case',
  payments: 'confirma.payments',
  settlements: 'confirma.settlements',
  ledgerStatus: 'confirma.ledgerStatus',
  paymentStatus: 'confirma.paymentStatus',
} as const;

export const SCOPE = {
  distribution: 'distribution',
  payments: 'payments',
  settlements: 'settlements',
  ledgerSync: 'accounting.ledger',
  paymentSync: 'accounting.payment',
} as const;

/** The lookup of one invoice by number (the loaders' form), keyed by the normalized number. */
export function lookupPlace(invoiceNumber: string): CachePlace {
  return { resource: RESOURCE.lookup, key: [normalizeInvoiceNumber(invoiceNumber)] };
}

/** A case, keyed by its id alone: the invoice number sent along names the same case. */
export function casePlace(caseId: string): CachePlace {
  return { resource: RESOURCE.case, key: [normalizeInvoiceNumber(caseId)] };
}
