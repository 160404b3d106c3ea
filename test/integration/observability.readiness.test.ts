import { afterEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startObservedSubgraph } from '../support/observedSubgraph.js';
import type { ObservedSubgraph } from '../support/observedSubgraph.js';
import { parseMetrics, total } from '../support/prometheus.js';

let s: ObservedSubgraph | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

describe('/healthz and /readyz', () => {
  it('is alive and ready while every breaker is closed, without calling an upstream', async () => {
    s = await startObservedSubgraph();
    const health = await s.get('/healthz');
    const ready = await s.get('/readyz');

    expect(health.status).toBe(200);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'ready',
      upstreams: { confirma: 'closed', factorcloud: 'closed' },
    });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    expect([...s.confirma.requests, ...s.factorCloud.requests]).toHaveLength(0);
  });

  it('answers 503 naming the upstream whose breaker is open, and stays alive', async () => {
    s = await startObservedSubgraph({
      // Opens after two failed calls and stays open for the rest of the test.
      upstreamEnv: {
        UPSTREAM_BREAKER_FAILURE_THRESHOLD: '2',
        UPSTREAM_BREAKER_COOLDOWN_MS: '600000',
        UPSTREAM_RETRY_MAX_ATTEMPTS: '1',
      },
    });
    s.confirma.records.push(distributionRecord(501));
    s.confirma.override = () => ({ status: 503, json: { message: 'down' } });

    let ready = await s.get('/readyz');
    for (let query = 0; query < 20 && ready.status === 200; query += 1) {
      const reply = await s.query('{ invoices { nodes { invoiceNumber } } }');
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      ready = await s.get('/readyz');
    }

    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.text)).toEqual({
      status: 'not ready',
      upstreams: { confirma: 'open', factorcloud: 'closed' },
      notReady: ['confirma'],
    });
    expect(s.confirma.requests).toHaveLength(2);
    expect((await s.get('/healthz')).status).toBe(200);
    const metrics = parseMetrics((await s.get('/metrics')).text);
    expect(total(metrics, 'upstream_circuit_breaker_state', { upstream: 'confirma', state: 'open' })).toBe(1);
    expect(total(metrics, 'upstream_circuit_breaker_state', { upstream: 'confirma', state: 'closed' })).toBe(
      0,
    );
    expect(
      total(metrics, 'upstream_circuit_breaker_state', { upstream: 'factorcloud', state: 'closed' }),
    ).toBe(1);
  });
});
