import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheConfig } from '../../src/cache/cacheConfig.js';
import { createCaching } from '../../src/cache/caching.js';
import type { Caching } from '../../src/cache/caching.js';
import { CONFIRMA_TEST_KEY, caseReply, distributionRecord, startConfirmaFake } from '../fakes/confirma.js';
import type { ConfirmaFake } from '../fakes/confirma.js';
import {
  FACTORCLOUD_TEST_CREDENTIALS,
  client,
  factoringInvoice,
  startFactorCloudFake,
} from '../fakes/factorcloud.js';
import type { FactorCloudFake } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { memoryLogger, startCachedSubgraph } from '../support/redisSubgraphs.js';

const DEBUG = { 'x-debug-upstream-calls': '1' };
const ADMIN_TOKEN = 'admin-canary-token-6d21e0f4';
const INVOICE = 260100001;
const QUERY = `query Look($n: ID!) {
  invoice(invoiceNumber: $n) {
    distribution { status }
    paymentControl { case { stage } }
    factoring { client { name } }
  }
}`;
/** Values that identify a customer or are credentials: none may appear in the extension. */
const FORBIDDEN = [
  String(INVOICE),
  String(480000 + (INVOICE % 1000)),
  'CL-7',
  CONFIRMA_TEST_KEY,
  ...Object.values(FACTORCLOUD_TEST_CREDENTIALS),
  ADMIN_TOKEN,
  '?',
  'http',
];

interface Entry {
  source: string;
  upstream?: string;
  endpoint?: string;
  resource?: string;
  cache?: string;
  status?: number | null;
  attempt?: number;
  durationMs?: number;
  fields: string[];
}

function callsOf(reply: GraphQLReply): Entry[] | undefined {
  const extensions = (reply.body as { extensions?: { upstreamCalls?: Entry[] } }).extensions;
  return extensions?.upstreamCalls;
}

function seed(confirma: ConfirmaFake, factorCloud: FactorCloudFake): void {
  confirma.records.push(distributionRecord(INVOICE));
  confirma.cases.set(String(480000 + (INVOICE % 1000)), caseReply(480000 + (INVOICE % 1000)));
  factorCloud.invoices.set(String(INVOICE), factoringInvoice(String(INVOICE), 'CL-7'));
  factorCloud.clients.set('CL-7', client('CL-7'));
}

describe('extensions.upstreamCalls in development', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    seed(h.confirma, h.factorCloud);
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetRequests());

  it('lists one entry per upstream request, with its endpoint label, status, attempt and asking field', async () => {
    const reply = await h.query(QUERY, { n: String(INVOICE) }, DEBUG);
    expect(reply.body.errors).toBeUndefined();
    const calls = callsOf(reply) ?? [];
    const sent = h.confirma.requests.length + h.factorCloud.requests.length;
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(calls.filter((c) => c.source === 'upstream')).toHaveLength(sent);
    expect(calls.filter((c) => c.upstream === 'confirma')).toHaveLength(h.confirma.requests.length);
    expect(calls.filter((c) => c.upstream === 'factorcloud')).toHaveLength(h.factorCloud.requests.length);
    for (const call of calls) {
      expect(call).toMatchObject({ source: 'upstream', status: 200, attempt: 1 });
      expect(call.endpoint).toMatch(/^[a-z][a-z/-]*$/i);
      expect(typeof call.durationMs).toBe('number');
      expect(call.fields.length).toBeGreaterThan(0);
    }
    const askers = calls.flatMap((c) => c.fields);
    expect(askers).toContain('invoice.paymentControl.case');
    expect(askers).toContain('invoice.factoring.client');
  });

  it('carries no invoice number, id, name, query string or credential', async () => {
    const reply = await h.query(QUERY, { n: String(INVOICE) }, DEBUG);
    const text = JSON.stringify(callsOf(reply));
    expect(text.length).toBeGreaterThan(10);
    for (const value of FORBIDDEN) expect(text).not.toContain(value);
  });

  it('is absent without the header', async () => {
    const reply = await h.query(QUERY, { n: String(INVOICE) });
    expect(reply.body.errors).toBeUndefined();
    expect(callsOf(reply)).toBeUndefined();
    expect(reply.text).not.toContain('upstreamCalls');
  });
});

describe('extensions.upstreamCalls in production', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ production: true, adminToken: ADMIN_TOKEN });
    seed(h.confirma, h.factorCloud);
  });
  afterAll(() => h.close());

  it('needs the admin token as well as the header', async () => {
    const variables = { n: String(INVOICE) };
    expect(callsOf(await h.query(QUERY, variables, DEBUG))).toBeUndefined();
    const wrong = { ...DEBUG, 'x-admin-token': `${ADMIN_TOKEN}x` };
    expect(callsOf(await h.query(QUERY, variables, wrong))).toBeUndefined();
    const right = { ...DEBUG, 'x-admin-token': ADMIN_TOKEN };
    const calls = callsOf(await h.query(QUERY, variables, right));
    expect(calls?.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(calls)).not.toContain(ADMIN_TOKEN);
  });

  it('stays off for everyone when no admin token is configured', async () => {
    const closed = await startHarness({ production: true });
    try {
      const headers = { ...DEBUG, 'x-admin-token': ADMIN_TOKEN };
      expect(callsOf(await closed.query('{ __typename }', undefined, headers))).toBeUndefined();
    } finally {
      await closed.close();
    }
  });
});

describe('extensions.upstreamCalls with the read cache', () => {
  let confirma: ConfirmaFake;
  let factorCloud: FactorCloudFake;
  let caching: Caching;
  let h: Harness;
  beforeAll(async () => {
    confirma = await startConfirmaFake();
    factorCloud = await startFactorCloudFake();
    seed(confirma, factorCloud);
    caching = createCaching(defaultCacheConfig({ mode: 'memory' }), { logger: memoryLogger().logger });
    h = await startCachedSubgraph({ caching, confirma, factorCloud });
  });
  afterAll(async () => {
    await h?.close();
    await caching?.close();
    await Promise.all([confirma?.close(), factorCloud?.close()]);
  });

  it('marks answers from the cache, and lists only the requests that were sent', async () => {
    const query = `{ client(clientKey: "CL-7") { name } }`;
    const first = callsOf(await h.query(query, undefined, DEBUG)) ?? [];
    expect(first.filter((c) => c.source === 'upstream')).toHaveLength(factorCloud.requests.length);
    expect(factorCloud.requests).toHaveLength(1);
    h.resetRequests();
    const second = callsOf(await h.query(query, undefined, DEBUG)) ?? [];
    expect(factorCloud.requests).toHaveLength(0);
    expect(second).toEqual([
      { source: 'cache', resource: expect.any(String), cache: 'hit', fields: ['client'] },
    ]);
    expect(JSON.stringify(second)).not.toContain('CL-7');
  });
});
