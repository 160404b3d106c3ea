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
