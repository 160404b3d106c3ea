import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { startObservedSubgraph } from '../support/observedSubgraph.js';
import type { ObservedSubgraph } from '../support/observedSubgraph.js';
import { parseMetrics, total } from '../support/prometheus.js';
import type { Sample } from '../support/prometheus.js';

const NUMBERS = [101, 102, 103, 104, 105, 106];
const CLIENT_OF: Record<number, string> = {
  101: 'CL-1',
  102: 'CL-1',
  103: 'CL-2',
  104: 'CL-2',
  105: 'CL-3',
  106: 'CL-1',
};
const FULL_PAGE = `query InvoicePage { invoices { nodes { invoiceNumber
  paymentControl { case { stage } } factoring { status client { name } } } } }`;

let s: ObservedSubgraph;
beforeEach(async () => {
  s = await startObservedSubgraph();
  for (const n of NUMBERS) {
    s.confirma.records.push(distributionRecord(n));
    s.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    s.factorCloud.invoices.set(String(n), factoringInvoice(String(n), CLIENT_OF[n]));
  }
  for (const key of ['CL-1', 'CL-2', 'CL-3']) s.factorCloud.clients.set(key, client(key));
});
afterEach(() => s.close());

async function scrape(): Promise<Sample[]> {
  const reply = await s.get('/metrics');
  expect(reply.status).toBe(200);
  expect(reply.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(reply.text);
}

const UPSTREAM_COUNT = 'upstream_request_duration_seconds_count';

describe('/metrics', () => {
  it('counts one upstream request per request the upstreams received, by endpoint and status', async () => {
    expect((await s.query(FULL_PAGE)).body.errors).toBeUndefined();
    const m = await scrape();

    expect(total(m, UPSTREAM_COUNT, { upstream: 'confirma' })).toBe(s.confirma.requests.length);
    expect(total(m, UPSTREAM_COUNT, { upstream: 'factorcloud' })).toBe(s.factorCloud.requests.length);
    expect(
      total(m, UPSTREAM_COUNT, { upstream: 'confirma', endpoint: 'invoice/case', status: '200', code: 'OK' }),
    ).toBe(6);
    expect(total(m, UPSTREAM_COUNT, { upstream: 'factorcloud', endpoint: 'get-invoice' })).toBe(6);
    expect(total(m, UPSTREAM_COUNT, { upstream: 'factorcloud', endpoint: 'get-client' })).toBe(3);
    expect(
      total(m, 'graphql_operation_duration_seconds_count', {
        operation_type: 'query',
        operation_name: 'InvoicePage',
        outcome: 'success',
      }),
    ).toBe(1);
  });

  it('reports DataLoader batch sizes for a known query', async () => {
    await s.query(FULL_PAGE);
    const m = await scrape();

    // The six cases and the six invoices are each asked for in one batch.
    expect(total(m, 'dataloader_batch_size_count', { loader: 'caseById' })).toBe(1);
    expect(total(m, 'dataloader_batch_size_sum', { loader: 'caseById' })).toBe(6);
    expect(total(m, 'dataloader_batch_size_count', { loader: 'factoringInvoiceById' })).toBe(1);
    expect(total(m, 'dataloader_batch_size_sum', { loader: 'factoringInvoiceById' })).toBe(6);
    // Clients are asked for as invoices arrive: batches vary, the three distinct keys do not.
    expect(total(m, 'dataloader_batch_size_sum', { loader: 'clientByKey' })).toBe(3);
    expect(total(m, 'dataloader_batch_size_sum', { loader: 'distributionPages' })).toBe(1);
    expect(total(m, 'dataloader_batch_size_count', { loader: 'debtorByKey' })).toBe(0);
  });

  it('counts retries and failed attempts with their status and code', async () => {
    let served = 0;
    s.factorCloud.override = (request) =>
      request.path.endsWith('/get-invoice/') && served++ < 2 ? { status: 503, json: {} } : undefined;
    s.confirma.override = (request) =>
      request.query.caseId === '480101' ? { status: 401, json: { message: 'no' } } : undefined;
    const reply = await s.query(FULL_PAGE);
    expect(reply.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAUTHORIZED']);
    const m = await scrape();

    expect(s.factorCloud.requestsTo('get-invoice')).toHaveLength(8);
    expect(total(m, 'upstream_retries_total', { upstream: 'factorcloud', endpoint: 'get-invoice' })).toBe(2);
    expect(
      total(m, UPSTREAM_COUNT, { endpoint: 'get-invoice', status: '503', code: 'UPSTREAM_UNAVAILABLE' }),
    ).toBe(2);
    expect(
      total(m, UPSTREAM_COUNT, { endpoint: 'invoice/case', status: '401', code: 'UPSTREAM_UNAUTHORIZED' }),
    ).toBe(1);
    expect(total(m, UPSTREAM_COUNT, { upstream: 'factorcloud' })).toBe(s.factorCloud.requests.length);
    expect(
      total(m, 'graphql_operation_duration_seconds_count', {
        operation_name: 'InvoicePage',
        outcome: 'partial',
      }),
    ).toBe(1);
  });

  it('labels anonymous, invalid and unnamed operations without taking names from bad documents', async () => {
    await s.query('{ invoices { totalCount } }');
    await s.query('query NoSuchField { nope }');
    await s.query(`query ${'Long'.repeat(20)} { invoices { totalCount } }`);
    const m = await scrape();
    const operations = (where: Record<string, string>) =>
      total(m, 'graphql_operation_duration_seconds_count', where);

    expect(operations({ operation_type: 'query', operation_name: 'anonymous', outcome: 'success' })).toBe(1);
    expect(operations({ operation_type: 'unknown', operation_name: 'unknown', outcome: 'error' })).toBe(1);
    expect(operations({ operation_type: 'query', operation_name: 'invalid', outcome: 'success' })).toBe(1);
    expect(m.some((sample) => sample.labels.operation_name === 'NoSuchField')).toBe(false);
  });

  it('shows breaker state per upstream, cache lookups and the default process metrics', async () => {
    s.observability.metrics.recordCacheRequest('distribution', 'hit');
    s.observability.metrics.recordCacheRequest('distribution', 'hit');
    s.observability.metrics.recordCacheRequest('distribution', 'miss');
    const m = await scrape();

    for (const upstream of ['confirma', 'factorcloud']) {
      expect(total(m, 'upstream_circuit_breaker_state', { upstream, state: 'closed' })).toBe(1);
      expect(total(m, 'upstream_circuit_breaker_state', { upstream, state: 'open' })).toBe(0);
    }
    expect(total(m, 'cache_requests_total', { cache: 'distribution', result: 'hit' })).toBe(2);
    expect(total(m, 'cache_requests_total', { cache: 'distribution', result: 'miss' })).toBe(1);
    expect(m.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(m.some((sample) => sample.name === 'nodejs_heap_size_used_bytes')).toBe(true);
  });
});
