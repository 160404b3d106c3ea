import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { factoringInvoice, startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * TTLs by state, with the in-process cache's clock moved by the test (no waiting) and the
 * default TTL table: these tests also pin the documented defaults.
 */
let now = 1_000_000;
const advance = (seconds: number) => (now += seconds * 1_000);
let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  const open = caseReply(480002).case;
  const closed = {
    case: { ...open, summary: { ...open.summary, status: 'CLOSED', closedAt: '2026-11-15' } },
  };
  confirma.cases.set('480001', caseReply(480001));
  confirma.cases.set('480002', closed);
  factorCloud.invoices.set('OPEN', factoringInvoice('OPEN', 'CL-1', { InvoiceStatus: 'P' }));
  factorCloud.invoices.set('PAID', factoringInvoice('PAID', 'CL-1', { PaidInFull: true }));
  factorCloud.invoices.set('CANCELLED', factoringInvoice('CANCELLED', 'CL-1', { InvoiceStatus: 'X' }));
  caching = testCaching({ mode: 'memory' }, { now: () => now, today: () => '2026-11-22' });
  h = await startCachedSubgraph({ caching, confirma, factorCloud });
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => h.resetRequests());

async function ok(query: string): Promise<void> {
  const { body } = await h.query(query);
  expect(body.errors).toBeUndefined();
}

const caseQuery = (id: string) => `{ collectionCase(caseId: "${id}") { caseId status } }`;
const caseCalls = (id: string) =>
  confirma.requestsTo('/invoice/case').filter((r) => r.query.caseId === id).length;

describe('TTL by state', () => {
  it('re-reads an open case after 30 s and keeps a closed one for an hour', async () => {
    await ok(caseQuery('480001'));
    await ok(caseQuery('480002'));
    advance(29);
    await ok(caseQuery('480001'));
    await ok(caseQuery('480002'));
    expect([caseCalls('480001'), caseCalls('480002')]).toEqual([1, 1]);
    advance(2);
    await ok(caseQuery('480001'));
    await ok(caseQuery('480002'));
    expect([caseCalls('480001'), caseCalls('480002')]).toEqual([2, 1]);
    advance(3_600 - 31 + 1);
    await ok(caseQuery('480002'));
    expect(caseCalls('480002')).toBe(2);
  });

  it('keeps cancelled and paid-in-full FactorCloud invoices an hour, open ones 30 s', async () => {
    const read = (id: string) =>
      ok(`{ factoringInvoice(integrationInvoiceId: "${id}") { status paidInFull } }`);
    const calls = (id: string) =>
      factorCloud.requestsTo('get-invoice').filter((r) => r.query.InvoiceIntegrationId === id).length;
    for (const id of ['OPEN', 'PAID', 'CANCELLED']) await read(id);
    advance(31);
    for (const id of ['OPEN', 'PAID', 'CANCELLED']) await read(id);
    expect(['OPEN', 'PAID', 'CANCELLED'].map(calls)).toEqual([2, 1, 1]);
  });

  it('re-reads a pending sync status after 2 s and keeps a synced one for 5 minutes', async () => {
    const read = () => ok(`{ ledgerSyncStatus(sourceIdentifier: "L-1") { nodes { state } } }`);
    const calls = () => confirma.requestsTo('/accounting/ledger').length;
    confirma.ledgerStatusJson = '{"ledgers":[{"sourceIdentifier":"L-1","status":0,"description":"Pending"}]}';
    await read();
    advance(1);
    await read();
    expect(calls()).toBe(1);
    advance(2);
    confirma.ledgerStatusJson = '{"ledgers":[{"sourceIdentifier":"L-1","status":1,"description":"Synced"}]}';
    await read();
    advance(299);
    await read();
    expect(calls()).toBe(2);
    advance(2);
    await read();
    expect(calls()).toBe(3);
  });

  it('keeps settlements of an ended window an hour, of an open window a minute, unfetched ones never', async () => {
    const read = (filter: string) => ok(`{ settlements(filter: ${filter}) { nodes { settlementId } } }`);
    const calls = () => confirma.requestsTo('/settlements').length;
    const ended = '{ from: "2026-10-01", to: "2026-10-31" }';
    const open = '{ from: "2026-11-01", to: "2026-11-22" }';
    await read(ended);
    await read(open);
    advance(61);
    await read(ended);
    await read(open);
    expect(calls()).toBe(3);
    await ok('mutation { fetchNewSettlements { settlements { settlementId } } }');
    await ok('mutation { fetchNewSettlements { settlements { settlementId } } }');
    expect(calls()).toBe(5);
  });

  it('remembers "not known" for 10 s only', async () => {
    const read = () => ok(`{ client(clientKey: "NOBODY") { clientKey } }`);
    await read();
    advance(9);
    await read();
    expect(factorCloud.requestsTo('get-client')).toHaveLength(1);
    advance(2);
    await read();
    expect(factorCloud.requestsTo('get-client')).toHaveLength(2);
  });
});
