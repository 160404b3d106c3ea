import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIRMA_PROVISIONING_TEST_TOKEN, CONFIRMA_TEST_KEY, startConfirmaFake } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS, startFactorCloudFake } from '../fakes/factorcloud.js';
import { always, faultSchedule, pathEndsWith, startTcpGate } from '../support/faults.js';
import type { TcpGate } from '../support/faults.js';
import { BOTH, HEALTHY, expectHealthy, seed } from '../support/faultsQueries.js';
import type { Fakes } from '../support/faultsQueries.js';
import { startHarness, startSubgraph } from '../support/harness.js';
import type { Harness, RunningSubgraph } from '../support/harness.js';

const COOLDOWN_MS = 60_000;
const getClient = pathEndsWith('/get-client/');
const unavailable = { status: 503, json: {} };

describe('the FactorCloud circuit breaker', () => {
  // FactorCloud is reached through a gate that can refuse connections; the breakers run on a
  // clock the test moves, so the cool-down passes without waiting and never passes by accident.
  let skew = 0;
  let gate: TcpGate;
  let h: RunningSubgraph & Fakes;
  beforeAll(async () => {
    const confirma = await startConfirmaFake();
    const factorCloud = await startFactorCloudFake();
    gate = await startTcpGate(factorCloud.url);
    const subgraph = await startSubgraph({
      origins: { confirma: confirma.url, factorCloud: gate.url },
      confirmaCredentials: { apiKey: CONFIRMA_TEST_KEY, provisioningToken: CONFIRMA_PROVISIONING_TEST_TOKEN },
      factorCloudCredentials: FACTORCLOUD_TEST_CREDENTIALS,
      upstream: { breaker: { failureThreshold: 3, cooldownMs: COOLDOWN_MS } },
      now: () => Date.now() + skew,
    });
    h = { ...subgraph, confirma, factorCloud };
    seed(h);
  });
  afterAll(async () => {
    await h.close();
    await Promise.all([gate.close(), h.confirma.close(), h.factorCloud.close()]);
  });
  beforeEach(async () => {
    await gate.accept();
    h.factorCloud.requests.length = 0;
    h.confirma.override = undefined;
    h.factorCloud.override = undefined;
  });
  const breaker = () => h.pools.factorCloudHttp.breakerState();
  const passCoolDown = () => {
    skew += COOLDOWN_MS;
  };

  it('opens on refused connections, fails fast without calling, and closes after a good probe', async () => {
    await gate.refuse();
    const refused = await h.query(BOTH);
    expect(refused.body.data).toEqual({ ...HEALTHY, client: null });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(breaker()).toBe('open');
    expect(h.pools.confirmaHttp.breakerState()).toBe('closed');

    // FactorCloud is back, but the breaker does not know yet: no request reaches it.
    await gate.accept();
    const fastFail = await h.query(BOTH);
    expect(fastFail.body.data).toEqual({ ...HEALTHY, client: null });
    const extensions = fastFail.body.errors?.[0]?.extensions;
    expect(extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstream: 'factorcloud' });
    expect(extensions?.retryAfter).toBeGreaterThan(0);
    expect(extensions?.retryAfter).toBeLessThanOrEqual(COOLDOWN_MS / 1000);
    expect(h.factorCloud.requests).toHaveLength(0);

    passCoolDown();
    expect(breaker()).toBe('half-open');
    await expectHealthy(h);
    expect(h.factorCloud.requestsTo('/get-client/')).toHaveLength(1);
    expect(breaker()).toBe('closed');
  });

  it('re-opens when the probe fails, and the probe is not retried', async () => {
    h.factorCloud.override = always(getClient, unavailable);
    await h.query(BOTH);
    expect(h.factorCloud.requests).toHaveLength(3);
    expect(breaker()).toBe('open');

    passCoolDown();
    h.factorCloud.requests.length = 0;
    const probe = await h.query(BOTH);
    expect(probe.body.data).toEqual({ ...HEALTHY, client: null });
    expect(h.factorCloud.requests).toHaveLength(1);
    expect(breaker()).toBe('open');

    passCoolDown();
    await expectHealthy(h);
    expect(breaker()).toBe('closed');
  });

  it('does not count answers that prove FactorCloud is up: 404 and 400 leave it closed', async () => {
    h.factorCloud.override = always(getClient, { status: 400, json: {} });
    for (let i = 0; i < 4; i += 1) await h.query(BOTH);
    h.factorCloud.override = always(getClient, { status: 404, json: {} });
    for (let i = 0; i < 4; i += 1) await h.query(BOTH);
    expect(h.factorCloud.requests).toHaveLength(8);
    expect(breaker()).toBe('closed');
  });
});

describe('the retry budget', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      upstream: {
        breaker: { failureThreshold: 1_000, cooldownMs: COOLDOWN_MS },
        // No share of traffic, a floor of one retry per (long) window.
        retry: {
          maxAttempts: 3,
          baseDelayMs: 10,
          maxDelayMs: 50,
          budget: { percent: 0, minRetries: 1, windowMs: 3_600_000 },
        },
      },
    });
    seed(h);
  });
  afterAll(() => h.close());

  it('stops retrying once the budget is spent, and the rest of the answer is intact', async () => {
    h.factorCloud.override = always(getClient, unavailable);
    const first = await h.query(BOTH);
    expect(first.body.data).toEqual({ ...HEALTHY, client: null });
    expect(h.factorCloud.requestsTo('/get-client/')).toHaveLength(2);
    h.resetRequests();
    const second = await h.query(BOTH);
    expect(second.body.data).toEqual({ ...HEALTHY, client: null });
    expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(h.factorCloud.requestsTo('/get-client/')).toHaveLength(1);
    await expectHealthy(h);
  });
});

describe('the concurrency bound', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ upstream: { overrides: { confirma: {}, factorCloud: { maxConcurrency: 1 } } } });
    seed(h);
  });
  afterAll(() => h.close());

  it('frees the slot while a retry waits, so other calls go first', async () => {
    h.factorCloud.override = faultSchedule(getClient, [{ status: 429, headers: { 'retry-after': '1' } }]);
    const { body } = await h.query(
      '{ a: client(clientKey: "CL-1") { clientKey } b: client(clientKey: "CL-2") { clientKey } }',
    );
    expect(body).toEqual({ data: { a: { clientKey: 'CL-1' }, b: { clientKey: 'CL-2' } } });
    const keys = h.factorCloud.requestsTo('/get-client/').map((r) => r.query.clientkey);
    // The call that got the 429 waited its second outside the slot: the other call went next.
    expect(keys).toHaveLength(3);
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
    expect(h.factorCloud.maxInFlight()).toBe(1);
  });
});
