import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { factoringInvoice } from '../fakes/factorcloud.js';
import type { RecordedRequest } from '../support/fakeUpstream.js';
import { startObservedSubgraph } from '../support/observedSubgraph.js';
import type { ObservedSubgraph } from '../support/observedSubgraph.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const QUERY =
  '{ invoices { nodes { invoiceNumber paymentControl { case { stage } } factoring { status } } } }';

let s: ObservedSubgraph;
beforeAll(async () => {
  s = await startObservedSubgraph();
  for (const n of [201, 202]) {
    s.confirma.records.push(distributionRecord(n));
    s.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    s.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-1'));
  }
});
afterAll(() => s.close());
beforeEach(() => {
  s.resetRequests();
  s.factorCloud.override = undefined;
});

function upstreamRequests(): RecordedRequest[] {
  return [...s.confirma.requests, ...s.factorCloud.requests];
}

describe('request id', () => {
  it('sends the router’s x-request-id upstream and echoes it in the response, every error and every log line', async () => {
    // One invoice's factoring fails, so the reply carries a field error and the log a warning.
    s.factorCloud.override = (request) =>
      request.query.InvoiceIntegrationId === '202' ? { status: 401, json: { message: 'no' } } : undefined;
    const linesBefore = s.logs().length;

    const reply = await s.query(QUERY, undefined, { 'x-request-id': 'router-7f3a.b:01' });

    expect(reply.headers.get('x-request-id')).toBe('router-7f3a.b:01');
    expect(s.confirma.requests.length).toBeGreaterThanOrEqual(3);
    expect(s.factorCloud.requests.length).toBeGreaterThanOrEqual(2);
    expect(upstreamRequests().map((r) => r.headers['x-request-id'])).toEqual(
      upstreamRequests().map(() => 'router-7f3a.b:01'),
    );
    expect(reply.body.errors?.length).toBe(1);
    expect(reply.body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAUTHORIZED',
      requestId: 'router-7f3a.b:01',
    });
    const lines = s.logs().slice(linesBefore);
    expect(lines.length).toBeGreaterThanOrEqual(1);
    for (const line of lines) expect(line.requestId).toBe('router-7f3a.b:01');
  });

  it('replaces a malformed or oversized x-request-id with a generated one', async () => {
    for (const bad of ['two words', 'x'.repeat(129), 'semi;colon']) {
      s.resetRequests();
      const reply = await s.query('{ invoices { nodes { invoiceNumber } } }', undefined, {
        'x-request-id': bad,
      });
      const id = reply.headers.get('x-request-id');
      expect(id).toMatch(UUID);
      expect(s.confirma.requests.map((r) => r.headers['x-request-id'])).toEqual([id]);
    }
  });

  it('takes the trace id of a valid traceparent and hands the trace context on to the upstreams', async () => {
    const reply = await s.query(QUERY, undefined, { traceparent: TRACEPARENT, tracestate: 'router=1f' });

    expect(reply.headers.get('x-request-id')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(upstreamRequests()).toHaveLength(5);
    for (const request of upstreamRequests()) {
      expect(request.headers).toMatchObject({
        'x-request-id': '4bf92f3577b34da6a3ce929d0e0e4736',
        // Tracing is off in this subgraph: the caller's context passes through unchanged.
        traceparent: TRACEPARENT,
        tracestate: 'router=1f',
      });
    }
  });

  it('prefers a valid x-request-id over the traceparent', async () => {
    const reply = await s.query('{ invoices { nodes { invoiceNumber } } }', undefined, {
      traceparent: TRACEPARENT,
      'x-request-id': 'router-given',
    });
    expect(reply.headers.get('x-request-id')).toBe('router-given');
    expect(s.confirma.requests[0]?.headers).toMatchObject({
      'x-request-id': 'router-given',
      traceparent: TRACEPARENT,
    });
  });

  it('ignores an invalid traceparent and sends no trace context of its own', async () => {
    for (const bad of [
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
      'not a traceparent',
    ]) {
      s.resetRequests();
      const reply = await s.query('{ invoices { nodes { invoiceNumber } } }', undefined, {
        traceparent: bad,
        tracestate: 'router=1f',
      });
      expect(reply.headers.get('x-request-id')).toMatch(UUID);
      expect(s.confirma.requests).toHaveLength(1);
      expect(s.confirma.requests[0]?.headers.traceparent).toBeUndefined();
      expect(s.confirma.requests[0]?.headers.tracestate).toBeUndefined();
    }
  });

  it('puts the request id in errors the subgraph answers before GraphQL runs', async () => {
    const headers = { 'x-request-id': 'early-1' };
    const notFound = await fetch(`${s.origin}/nope`, { headers });
    const badJson = await fetch(`${s.origin}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"query": ',
    });
    // Refused by Apollo Server's HTTP layer, which formats the error without the request.
    const noQuery = await fetch(`${s.origin}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"variables": {}}',
    });
    const parse = await s.query('{ invoices { nodes ', undefined, headers);
    for (const body of [await notFound.json(), await badJson.json(), await noQuery.json(), parse.body]) {
      expect(body).toMatchObject({ errors: [{ extensions: { requestId: 'early-1' } }] });
    }
    expect([notFound.status, badJson.status, noQuery.status]).toEqual([404, 400, 400]);
    expect(notFound.headers.get('x-request-id')).toBe('early-1');
  });
});
