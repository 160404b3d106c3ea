import { describe, expect, it } from 'vitest';
import {
  caseAge,
  distributionLookupAge,
  syncAge,
  windowAge,
} from '../../src/upstreams/confirma/answerAges.js';
import type {
  CaseRecord,
  DistributionPage,
  DistributionRecord,
} from '../../src/upstreams/confirma/client.js';

const today = () => '2026-11-22';

function record(status: string | null, paymentControl: DistributionRecord['paymentControl'] = null) {
  return {
    invoiceNumber: '1',
    status,
    method: 'EMAIL',
    message: null,
    createdAt: null,
    printedAt: null,
    distributedAt: null,
    fileUrl: null,
    paymentControl,
    errors: [],
  } satisfies DistributionRecord;
}
const page = (...records: DistributionRecord[]): DistributionPage => ({
  totalCount: records.length,
  successfulCount: null,
  failedCount: null,
  filtersApplied: null,
  entries: records.map((r) => ({ invoiceNumber: r.invoiceNumber, record: r })),
});

function caseWith(status: string | null, closedAt: string | null): CaseRecord {
  return {
    summary: {
      caseId: '7',
      status,
      stage: null,
      createdAt: null,
      closedAt,
      activeDays: null,
      creditor: null,
      currency: null,
      agency: null,
    },
    balance: null,
    payments: [],
    events: [],
    actions: [],
  };
}

describe('Confirma answer ages', () => {
  it('keeps a distribution record in progress briefly, a delivered one longer', () => {
    expect(distributionLookupAge(page(record('PENDING')))).toBe('distributionPending');
    expect(distributionLookupAge(page(record(null)))).toBe('distributionPending');
    expect(distributionLookupAge(page(record('DELIVERED')))).toBe('distributionSettled');
    const awaitingCase = {
      enabled: true,
      agency: 'CASH-IN',
      status: 'PENDING',
      caseId: null,
      activatedAt: null,
    };
    expect(distributionLookupAge(page(record('DELIVERED', awaitingCase)))).toBe('distributionPending');
    expect(distributionLookupAge(page())).toBe('notFound');
    expect(distributionLookupAge(page(record('DELIVERED'), record('DELIVERED')))).toBe('distributionList');
  });

  it('calls a case closed on a closedAt or a CLOSED status, and an unknown case not found', () => {
    expect(caseAge(caseWith('OPEN', null))).toBe('caseOpen');
    expect(caseAge(caseWith(null, null))).toBe('caseOpen');
    expect(caseAge(caseWith('OPEN', '2026-11-01'))).toBe('caseClosed');
    expect(caseAge(caseWith('closed', null))).toBe('caseClosed');
    expect(caseAge(null)).toBe('notFound');
  });

  it('calls a window closed only once it ended before yesterday', () => {
    expect(windowAge('settlements', { toDate: '2026-10-31' }, today)).toBe('settlementsClosedWindow');
    expect(windowAge('settlements', { toDate: '2026-11-20' }, today)).toBe('settlementsClosedWindow');
    expect(windowAge('settlements', { toDate: '2026-11-21' }, today)).toBe('settlementsOpenWindow');
    expect(windowAge('settlements', {}, today)).toBe('settlementsOpenWindow');
    expect(windowAge('payments', { toDate: '2026-10-31' }, today)).toBe('paymentsClosedWindow');
    expect(windowAge('payments', {}, today)).toBe('paymentsOpenWindow');
  });

  it('reads sync status as pending while anything is pending or nothing is reported', () => {
    expect(syncAge([])).toBe('syncPending');
    expect(syncAge([{ status: 1 }, { status: 0 }])).toBe('syncPending');
    expect(syncAge([{ status: 1 }, { status: null }])).toBe('syncPending');
    expect(syncAge([{ status: 1 }, { status: 7 }])).toBe('syncFailed');
    expect(syncAge([{ status: 1 }, { status: 1 }])).toBe('syncSynced');
  });
});
