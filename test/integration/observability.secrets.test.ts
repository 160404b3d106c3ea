import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { factoringInvoice } from '../fakes/factorcloud.js';
import { CANARY_SECRETS, startObservedSubgraph } from '../support/observedSubgraph.js';
import type { ObservedSubgraph } from '../support/observedSubgraph.js';
import { startOtlpCollector } from '../support/otlpCollector.js';
import type { OtlpCollector } from '../support/otlpCollector.js';

let collector: OtlpCollector;
let s: ObservedSubgraph;
beforeAll(async () => {
  collector = await startOtlpCollector();
  s = await startObservedSubgraph({ tracesUrl: `${collector.url}/v1/traces` });
  for (const n of [701, 702]) {
    s.confirma.records.push(distributionRecord(n));
    s.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    s.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-1'));
  }
});
afterAll(async () => {
  await s.close();
  await collector.close();
});

describe('credentials stay out of every observability output', () => {
  it('never shows a credential in responses, logs, metrics, probes or exported spans', async () => {
    const texts: string[] = [];
    const send = async (path: string, init?: RequestInit) => {
      const response = await fetch(`${s.origin}${path}`, init);
      texts.push(await response.text(), JSON.stringify([...response.headers]));
      return response.status;
    };
    const graphql = (body: string) =>
      send('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

    // Successes.
    await graphql(
      JSON.stringify({ query: 'query Page { invoices { nodes { invoiceNumber factoring { status } } } }' }),
    );
    await graphql(
      JSON.stringify({
        query: '{ accessTokenStatus { valid message } factorCloudConnectionCheck { ok message } }',
      }),
    );
    // Upstream failures whose bodies echo the credentials they were sent.
    s.factorCloud.override = (request) => ({
      status: request.query.InvoiceIntegrationId === '701' ? 500 : 401,
      json: {
        message: `bad key ${String(request.headers['auth-apikey'])} ${String(request.headers['auth-systemkey'])}`,
      },
    });
    s.confirma.override = (request) =>
      !request.path.endsWith('/invoice/distribution')
        ? { status: 400, raw: `key=${String(request.headers['x-api-key'])}` }
        : undefined;
    await graphql(
      JSON.stringify({
        query: '{ invoices { nodes { factoring { status } paymentControl { case { stage } } } } }',
      }),
    );
    await graphql(
      JSON.stringify({
        query: '{ accessTokenStatus { valid message } factorCloudConnectionCheck { ok message } }',
      }),
    );
    s.factorCloud.override = undefined;
    s.confirma.override = undefined;
    // Bad input of every kind.
    await graphql(JSON.stringify({ query: '{ invoices(filter: { from: "2026-13-45" }) { totalCount } }' }));
    await graphql(
      JSON.stringify({
        query: 'query Q($n: ID!) { invoice(invoiceNumber: $n) { invoiceNumber } }',
        variables: {},
      }),
    );
    await graphql(
      JSON.stringify({
        query: 'mutation { createInvoiceActions(input: { actions: [{}] }) { userErrors { message } } }',
      }),
    );
    await graphql(JSON.stringify({ query: '{ nope' }));
    await graphql('{"query": ');
    await send('/nope');
    // Every observability output.
    expect(await send('/metrics')).toBe(200);
    expect(await send('/readyz')).toBe(200);
    await s.observability.tracing?.forceFlush();

    const everything = [...texts, s.logText(), ...collector.bodies].join('\n');
    expect(everything).toContain('UPSTREAM_UNAUTHORIZED');
    expect(everything).toContain('upstream_request_duration_seconds_count{upstream="factorcloud"');
    expect(collector.spans.length).toBeGreaterThan(0);
    for (const secret of CANARY_SECRETS) expect(everything).not.toContain(secret);
  });
});
