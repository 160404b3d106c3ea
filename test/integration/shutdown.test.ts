import { connect } from 'node:net';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startFakeUpstream } from '../support/fakeUpstream.js';
import type { FakeUpstream } from '../support/fakeUpstream.js';
import { startSubgraphProcess } from '../support/subgraphProcess.js';
import type { SubgraphProcess } from '../support/subgraphProcess.js';

const API_KEY = 'shutdown-test-confirma-key-5d2e';
const SLOW_QUERY = '{ invoice(invoiceNumber: "201") { invoiceNumber } }';

/** A promise and the function that settles it, to hold the fake's answer until the test says so. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Connects until the port refuses; resolves true once it does (false: it kept accepting). */
async function refusesNewConnections(origin: string): Promise<boolean> {
  const { hostname, port } = new URL(origin);
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

describe.each(['SIGTERM', 'SIGINT'] as const)('graceful shutdown of the running process on %s', (signal) => {
  const arrived = gate();
  const release = gate();
  let confirma: FakeUpstream;
  let subgraph: SubgraphProcess;
  // Like a router: one connection, kept alive between requests.
  const router = new Agent({ connections: 1, keepAliveTimeout: 60_000, keepAliveMaxTimeout: 60_000 });

  beforeAll(async () => {
    confirma = await startFakeUpstream(async (recorded) => {
      if (!recorded.path.endsWith('/invoice/distribution')) return { status: 404, json: {} };
      arrived.open();
      await release.opened;
      return { json: { invoices: [distributionRecord(201)] } };
    });
    subgraph = await startSubgraphProcess({
      NODE_ENV: 'development',
      CONFIRMA_BASE_URL: confirma.url,
      CONFIRMA_API_KEY: API_KEY,
      CACHE_MODE: 'off',
    });
  });
  afterAll(async () => {
    release.open();
    if (subgraph?.child.exitCode === null) subgraph.child.kill('SIGKILL');
    await router.close();
    await confirma?.close();
  });

  const post = (query: string) =>
    request(`${subgraph.origin}/graphql`, {
      method: 'POST',
      dispatcher: router,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });

  it('stops accepting, finishes the request in flight, closes its connection and exits 0', async () => {
    const warmUp = await post('{ __typename }');
    expect(warmUp.headers.connection).toBe('keep-alive');
    await warmUp.body.text();

    const inFlight = post(SLOW_QUERY);
    await arrived.opened;
    subgraph.child.kill(signal);
    await subgraph.lineContaining('shutting down');
    expect(await refusesNewConnections(subgraph.origin)).toBe(true);
    expect(subgraph.child.exitCode).toBeNull();

    release.open();
    const answer = await inFlight;
    expect(answer.statusCode).toBe(200);
    // Told to close: a router's kept-alive connection must not keep the process serving.
    expect(answer.headers.connection).toBe('close');
    expect(await answer.body.json()).toEqual({ data: { invoice: { invoiceNumber: '201' } } });

    expect(await subgraph.exited).toEqual({ code: 0, signal: null });
    expect(subgraph.lines.some((line) => line.includes('shutdown complete'))).toBe(true);
    expect(confirma.requests.map((r) => r.headers['x-api-key'])).toEqual([API_KEY]);
  });
});

describe('shutdown signalled twice, as a process-group SIGTERM under `npm start` is', () => {
  const INVOICES = [201, 202, 203];
  let confirma: FakeUpstream;
  let subgraph: SubgraphProcess;
  let arrivals = 0;
  const allArrived = gate();
  const release = gate();

  beforeAll(async () => {
    confirma = await startFakeUpstream(async (recorded) => {
      const number = Number(recorded.query.invoiceNumber);
      if (!recorded.path.endsWith('/invoice/distribution') || !INVOICES.includes(number)) {
        return { status: 404, json: {} };
      }
      arrivals += 1;
      if (arrivals === INVOICES.length) allArrived.open();
      await release.opened;
      return { json: { invoices: [distributionRecord(number)] } };
    });
    subgraph = await startSubgraphProcess({
      NODE_ENV: 'development',
      CONFIRMA_BASE_URL: confirma.url,
      CONFIRMA_API_KEY: API_KEY,
      CACHE_MODE: 'off',
    });
  });
  afterAll(async () => {
    release.open();
    if (subgraph?.child.exitCode === null) subgraph.child.kill('SIGKILL');
    await confirma?.close();
  });

  it('finishes every request in flight after a second SIGTERM and exits 0', async () => {
    const answers = INVOICES.map((number) =>
      request(`${subgraph.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ invoice(invoiceNumber: "${number}") { invoiceNumber } }` }),
      }).then(async (answer) => ({ status: answer.statusCode, body: await answer.body.json() })),
    );
    await allArrived.opened;
    subgraph.child.kill('SIGTERM');
    await subgraph.lineContaining('shutting down: finishing');
    subgraph.child.kill('SIGTERM');
    await subgraph.lineContaining('already shutting down');
    expect(subgraph.child.exitCode).toBeNull();

    release.open();
    expect(await Promise.all(answers)).toEqual(
      INVOICES.map((number) => ({
        status: 200,
        body: { data: { invoice: { invoiceNumber: String(number) } } },
      })),
    );
    expect(await subgraph.exited).toEqual({ code: 0, signal: null });
  });
});

describe('shutdown with upstream calls that outlast the shutdown deadline', () => {
  let confirma: FakeUpstream;
  let subgraph: SubgraphProcess;
  const arrived = gate();
  const never = gate();

  beforeAll(async () => {
    confirma = await startFakeUpstream(async (recorded) => {
      if (!recorded.path.includes('/invoice/distribution')) return { status: 404, json: {} };
      if (confirma.requests.length === 2) arrived.open();
      await never.opened;
      return { json: { invoices: [] } };
    });
    subgraph = await startSubgraphProcess({
      NODE_ENV: 'development',
      CONFIRMA_BASE_URL: confirma.url,
      CONFIRMA_API_KEY: API_KEY,
      CACHE_MODE: 'off',
      // Shorter than the upstream call budget (UPSTREAM_TOTAL_TIMEOUT_MS, 15 s by default).
      SHUTDOWN_TIMEOUT_MS: '1000',
    });
  });
  afterAll(async () => {
    never.open();
    if (subgraph?.child.exitCode === null) subgraph.child.kill('SIGKILL');
    await confirma?.close();
  });

  it('aborts those calls at the deadline, answers every request with a coded error and exits 0', async () => {
    const answers = ['301', '302'].map((number) =>
      request(`${subgraph.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ invoice(invoiceNumber: "${number}") { invoiceNumber } }` }),
      }).then(async (answer) => ({ status: answer.statusCode, body: await answer.body.json() })),
    );
    await arrived.opened;
    subgraph.child.kill('SIGTERM');
    subgraph.child.kill('SIGTERM');

    for (const answer of await Promise.all(answers)) {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        data: { invoice: null },
        errors: [
          {
            path: ['invoice'],
            message:
              'The call to Confirma invoice/distribution was ended because this subgraph is shutting down',
            extensions: { code: 'UPSTREAM_UNAVAILABLE', upstream: 'confirma' },
          },
        ],
      });
    }
    expect(await subgraph.exited).toEqual({ code: 0, signal: null });
    expect(subgraph.lines.some((line) => line.includes('aborting upstream calls still in flight'))).toBe(
      true,
    );
    expect(confirma.requests).toHaveLength(2);
  });
});
