import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { CANARY_SECRETS, startObservedSubgraph } from '../support/observedSubgraph.js';
import type { ObservedSubgraph } from '../support/observedSubgraph.js';
import { startOtlpCollector } from '../support/otlpCollector.js';
import type { CollectedSpan, OtlpCollector } from '../support/otlpCollector.js';
import type { RecordedRequest } from '../support/fakeUpstream.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const SERVER = 2;
const CLIENT = 3;

let collector: OtlpCollector;
let s: ObservedSubgraph;
beforeAll(async () => {
  collector = await startOtlpCollector();
  s = await startObservedSubgraph({ tracesUrl: `${collector.url}/v1/traces` });
  for (const n of [301, 302]) {
    s.confirma.records.push(distributionRecord(n));
    s.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    s.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-9'));
  }
  s.factorCloud.clients.set('CL-9', client('CL-9'));
});
afterAll(async () => {
  await s.close();
  await collector.close();
});
beforeEach(() => {
  s.resetRequests();
  collector.spans.length = 0;
});

const QUERY = `query InvoicesWithJoins {
  invoices { nodes { invoiceNumber paymentControl { case { stage } } factoring { status client { name } } } }
}`;

function upstreamRequests(): RecordedRequest[] {
  return [...s.confirma.requests, ...s.factorCloud.requests];
}

/** Exports what has ended so far and returns the spans of one trace. */
async function spansOf(traceId: string): Promise<CollectedSpan[]> {
  await s.observability.tracing?.forceFlush();
  return collector.spans.filter((span) => span.traceId === traceId);
}

describe('OpenTelemetry traces', () => {
  it('exports a server span for the operation, under the caller’s span, and a client span per upstream call', async () => {
    const reply = await s.query(QUERY, undefined, { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` });
    expect(reply.body.errors).toBeUndefined();

    const spans = await spansOf(TRACE_ID);
    const operations = spans.filter((span) => span.kind === SERVER);
    expect(operations).toHaveLength(1);
    const operation = operations[0];
    expect(operation).toMatchObject({
      name: 'query InvoicesWithJoins',
      parentSpanId: CALLER_SPAN_ID,
      serviceName: 'invoice-graph-test',
      attributes: { 'graphql.operation.type': 'query', 'graphql.operation.name': 'InvoicesWithJoins' },
    });

    const calls = spans.filter((span) => span.kind === CLIENT);
    const requests = upstreamRequests();
    // distribution, two cases, two invoices and one client.
    expect(requests).toHaveLength(6);
    expect(calls).toHaveLength(requests.length);
    for (const call of calls) {
      expect(call.parentSpanId).toBe(operation?.spanId);
      expect(call.attributes).toMatchObject({
        'http.request.method': 'GET',
        'http.response.status_code': 200,
        'invoice_graph.upstream.attempt': 1,
      });
    }
    const endpoints = calls.map(
      (c) =>
        `${String(c.attributes['invoice_graph.upstream'])} ${String(c.attributes['invoice_graph.upstream.endpoint'])}`,
    );
    expect(endpoints.sort()).toEqual([
      'confirma invoice/case',
      'confirma invoice/case',
      'confirma invoice/distribution',
      'factorcloud get-client',
      'factorcloud get-invoice',
      'factorcloud get-invoice',
    ]);

    // Each upstream request names its own call span as parent, in the same trace.
    const sentParents = requests.map((r) => String(r.headers.traceparent)).sort();
    expect(sentParents).toEqual(calls.map((c) => `00-${TRACE_ID}-${c.spanId}-01`).sort());
  });

  it('starts a new trace when the caller sends none, and records failed and retried attempts', async () => {
    let served = 0;
    s.factorCloud.override = (request) =>
      request.path.endsWith('/get-invoice/') && served++ === 0 ? { status: 503, json: {} } : undefined;
    s.confirma.override = (request) =>
      request.path.endsWith('/invoice/case') && request.query.caseId === '480301'
        ? { status: 401, json: { message: 'no' } }
        : undefined;
    try {
      const reply = await s.query(QUERY);
      expect(reply.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAUTHORIZED']);
      const traceId = String(s.confirma.requests[0]?.headers.traceparent).split('-')[1] ?? '';
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(reply.headers.get('x-request-id')).not.toBe(traceId);

      const spans = await spansOf(traceId);
      const operation = spans.find((span) => span.kind === SERVER);
      expect(operation?.parentSpanId).toBeUndefined();
      expect(operation?.statusCode).toBe(2);

      const failed = spans.filter((span) => span.attributes['error.type'] === 'UPSTREAM_UNAUTHORIZED');
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ statusCode: 2, attributes: { 'http.response.status_code': 401 } });

      // The first get-invoice attempt got a 503 and was retried inside the same call span.
      const invoiceCalls = spans.filter(
        (span) => span.attributes['invoice_graph.upstream.endpoint'] === 'get-invoice',
      );
      expect(invoiceCalls).toHaveLength(2);
      expect(s.factorCloud.requestsTo('get-invoice')).toHaveLength(3);
      const retried = invoiceCalls.find((span) => span.attributes['invoice_graph.upstream.attempt'] === 2);
      expect(retried?.events).toEqual(['upstream attempt failed', 'upstream retry scheduled']);
      expect(retried?.attributes['http.request.resend_count']).toBe(1);
    } finally {
      s.factorCloud.override = undefined;
      s.confirma.override = undefined;
    }
  });

  it('keeps credentials, documents and variables out of exported spans', async () => {
    await s.query('query Lookup($n: ID!) { invoice(invoiceNumber: $n) { invoiceNumber } }', {
      n: 'variable-canary-5e1d',
    });
    await s.observability.tracing?.forceFlush();
    const exported = collector.bodies.join('\n');
    expect(exported).toContain('query Lookup');
    for (const secret of [...CANARY_SECRETS, 'variable-canary-5e1d', 'invoiceNumber: $n']) {
      expect(exported).not.toContain(secret);
    }
  });
});
