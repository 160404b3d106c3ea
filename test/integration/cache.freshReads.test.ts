import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import { startFactorCloudFake } from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import type { Harness } from '../support/harness.js';
import { startCachedSubgraph, testCaching } from '../support/redisSubgraphs.js';
import type { TestCaching } from '../support/redisSubgraphs.js';

/**
 * `Cache-Control: no-cache` (or `max-age=0`) on a request: its reads go upstream, once per
 * distinct read, and refresh the cache; `no-store` reads upstream and stores nothing.
 */
let confirma: ConfirmaFake;
let factorCloud: FactorCloudFake;
let caching: TestCaching;
let h: Harness;

beforeAll(async () => {
  confirma = await startConfirmaFake();
  factorCloud = await startFactorCloudFake();
  caching = testCaching({ mode: 'memory' });
  h = await startCachedSubgraph({ caching, confirma, factorCloud });
});
afterAll(async () => {
  await h?.close();
  await caching?.close();
  await Promise.all([confirma?.close(), factorCloud?.close()]);
});
beforeEach(() => h.resetRequests());

async function ok(query: string, headers?: Record<string, string>, variables?: Record<string, unknown>) {
  const { body } = await h.query(query, variables, headers);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const caseReads = () => confirma.requestsTo('/invoice/case').length;
const stageOf = (caseId: number, stage: string) => {
  const reply = caseReply(caseId);
  reply.case.summary.stage = stage;
  return reply;
};

describe.each([
  ['no-cache', { 'cache-control': 'no-cache' }],
  ['max-age=0', { 'cache-control': 'max-age=0' }],
  ['Pragma: no-cache (HTTP/1.0, without Cache-Control)', { pragma: 'no-cache' }],
])('a request with %s', (_name, fresh) => {
  it('reads upstream past the cache, and later requests see the fresh answer from the cache', async () => {
    const id = 470000 + Math.floor(Math.random() * 9_000);
    const query = `{ collectionCase(caseId: "${id}") { stage } }`;
    confirma.cases.set(String(id), stageOf(id, 'REMINDER'));
    expect(await ok(query)).toEqual({ collectionCase: { stage: 'REMINDER' } });
    confirma.cases.set(String(id), stageOf(id, 'COLLECTION'));
    expect(await ok(query)).toEqual({ collectionCase: { stage: 'REMINDER' } });
    expect(caseReads()).toBe(1);

    expect(await ok(query, fresh)).toEqual({ collectionCase: { stage: 'COLLECTION' } });
    expect(caseReads()).toBe(2);
    // The fresh answer replaced the stored one.
    expect(await ok(query)).toEqual({ collectionCase: { stage: 'COLLECTION' } });
    expect(caseReads()).toBe(2);
  });
});

describe('a request with no-store', () => {
  it('reads upstream past the cache and stores nothing it read', async () => {
    const query = `{ collectionCase(caseId: "480777") { stage } }`;
    confirma.cases.set('480777', stageOf(480777, 'REMINDER'));
    await ok(query);
    confirma.cases.set('480777', stageOf(480777, 'COLLECTION'));
    expect(await ok(query, { 'cache-control': 'no-store' })).toEqual({
      collectionCase: { stage: 'COLLECTION' },
    });
    expect(caseReads()).toBe(2);
    // The stored answer is the one from before: no-store kept this request's answer out.
    expect(await ok(query)).toEqual({ collectionCase: { stage: 'REMINDER' } });
    expect(caseReads()).toBe(2);

    const fresh = `{ collectionCase(caseId: "480778") { stage } }`;
    confirma.cases.set('480778', stageOf(480778, 'REMINDER'));
    await ok(fresh, { 'cache-control': 'no-store, no-cache' });
    await ok(fresh);
    expect(caseReads()).toBe(4);
  });
});

describe('within one no-cache request', () => {
  it('sends each distinct read upstream once, however often the operation asks for it', async () => {
    confirma.ledgerStatusJson = '{"ledgers":[{"sourceIdentifier":"L-1","status":1}]}';
    confirma.records.push(distributionRecord(260100031));
    confirma.cases.set('480031', caseReply(480031));
    // Aliases of a read that resolvers send straight to the client (no loader in between), and
    // the same invoice and case reached by two paths.
    const query = `{
      a: ledgerSyncStatus { nodes { sourceIdentifier } } b: ledgerSyncStatus { nodes { sourceIdentifier } }
      c: ledgerSyncStatus { nodes { sourceIdentifier } }
      d: ledgerSyncStatus(sourceIdentifier: "L-1") { nodes { sourceIdentifier } }
      i: invoice(invoiceNumber: "260100031") { paymentControl { case { stage } } }
      j: invoice(invoiceNumber: "260100031") { invoiceNumber }
      k: collectionCase(caseId: "480031") { stage }
    }`;
    const ledgerReads = () => confirma.requestsTo('/accounting/ledger').length;
    const lookups = () => confirma.requestsTo('/invoice/distribution').length;
    for (const round of [1, 2, 3]) {
      await ok(query, { 'cache-control': 'no-cache' });
      // Two distinct ledger reads (with and without the identifier), one lookup, one case.
      expect([ledgerReads(), lookups(), caseReads()]).toEqual([2 * round, round, round]);
    }
  });

  it('a write still reads what it changed afresh', async () => {
    const created = await ok(
      `mutation ($input: CreateInvoiceInput!, $key: String) {
        createInvoice(input: $input, idempotencyKey: $key) {
          invoice { invoiceNumber distribution { status } } userErrors { code } } }`,
      { 'cache-control': 'no-cache' },
      { input: validInvoiceInput('251601777'), key: randomUUID() },
    );
    expect(created).toEqual({
      createInvoice: {
        invoice: { invoiceNumber: '251601777', distribution: { status: 'PENDING' } },
        userErrors: [],
      },
    });
    // The duplicate check before the write, and the read of the created invoice after it.
    expect(confirma.requestsTo('/invoice/distribution')).toHaveLength(2);
  });
});
