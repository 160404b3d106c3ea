import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const SECRET = 'shared-router-secret-0b7d41e9c2';
const QUERY = '{ invoices { nodes { invoiceNumber } } }';

describe('router secret', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ security: { routerSecret: { header: 'x-router-secret', value: SECRET } } });
    h.confirma.records.push(distributionRecord(301));
  });
  afterAll(() => h.close());

  it.each([
    ['no secret', {}],
    ['a wrong secret of the same length', { 'x-router-secret': SECRET.replace(/.$/, 'x') }],
    ['a prefix of the secret', { 'x-router-secret': SECRET.slice(0, 8) }],
    ['the secret with extra characters', { 'x-router-secret': `${SECRET}0` }],
    ['the secret in another header', { authorization: `Bearer ${SECRET}` }],
  ])('refuses a request with %s: 401 UNAUTHENTICATED, no upstream call', async (_name, headers) => {
    h.resetRequests();
    const reply = await h.query(QUERY, undefined, headers);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('application/json');
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors).toHaveLength(1);
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(reply.body.errors?.[0]?.message).toContain('router secret');
    expect(h.confirma.requests.length + h.factorCloud.requests.length).toBe(0);
  });

  it('answers a request carrying the secret', async () => {
    const reply = await h.query(QUERY, undefined, { 'x-router-secret': SECRET });
    expect(reply.status).toBe(200);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data).toEqual({ invoices: { nodes: [{ invoiceNumber: '301' }] } });
  });

  it('keeps the probes open and the landing page closed without the secret', async () => {
    const healthz = await fetch(new URL('/healthz', h.url));
    expect(healthz.status).toBe(200);
    const readyz = await fetch(new URL('/readyz', h.url));
    expect(readyz.status).not.toBe(401);
    expect(await readyz.text()).not.toContain('UNAUTHENTICATED');
    const landing = await fetch(h.url, { headers: { accept: 'text/html' } });
    expect(landing.status).toBe(401);
  });

  it('still answers CORS preflights, which carry no custom headers', async () => {
    const preflight = await fetch(h.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://studio.apollographql.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-router-secret',
      },
    });
    expect(preflight.status).toBe(204);
  });

  it('never writes the secret to a response or a log line', async () => {
    await h.query(QUERY, undefined, { 'x-router-secret': SECRET });
    await h.query('{ nope }', undefined, { 'x-router-secret': SECRET });
    await h.query(QUERY, undefined, { 'x-router-secret': 'wrong' });
    expect(h.logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('router secret in a header of the operator’s choice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ security: { routerSecret: { header: 'x-gateway-token', value: SECRET } } });
  });
  afterAll(() => h.close());

  it('reads the configured header and no other', async () => {
    const wrongHeader = await h.query('{ __typename }', undefined, { 'x-router-secret': SECRET });
    expect(wrongHeader.status).toBe(401);
    const rightHeader = await h.query('{ __typename }', undefined, { 'X-Gateway-Token': SECRET });
    expect(rightHeader.status).toBe(200);
    expect(rightHeader.body.data).toEqual({ __typename: 'Query' });
  });
});

describe('without a router secret (the default)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers any caller', async () => {
    const reply = await h.query('{ __typename }');
    expect(reply.status).toBe(200);
  });
});
