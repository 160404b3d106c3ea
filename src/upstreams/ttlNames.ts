/**
 * The kinds of cached answer an endpoint's cache rule chooses between, by the answer's state.
 * Their seconds are settings (src/cache/cacheConfig.ts: DEFAULT_TTLS and the CACHE_TTL_* variables).
 */
export type TtlName =
  | 'distributionPending'
  | 'distributionSettled'
  | 'distributionList'
  | 'caseOpen'
  | 'caseClosed'
  | 'paymentsOpenWindow'
  | 'paymentsClosedWindow'
  | 'settlementsOpenWindow'
  | 'settlementsClosedWindow'
  | 'syncPending'
  | 'syncFailed'
  | 'syncSynced'
  | 'factoringInvoiceOpen'
  | 'factoringInvoiceFinal'
  | 'scheduleOpen'
  | 'scheduleFinal'
  | 'party'
  | 'document'
  | 'notFound';
