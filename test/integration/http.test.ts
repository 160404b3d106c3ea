import { serverAudits } from 'graphql-http';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('GraphQL over HTTP', () => {
  it('passes every MUST and SHOULD audit of graphql-http', async () => {
    const problems: string[] = [];
    for (const audit of serverAudits({ url: h.url, fetchFn: fetch })) {
      const result = await audit.fn();
      if (result.status === 'error' || result.status === 'warn')
        problems.push(`${audit.name}: ${result.reason}`);
    }
    expect(problems).toEqual([]);
  });

  it('shows the Apollo Sandbox landing page to a browser in development', async () => {
    const response = await fetch(h.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('embeddable-sandbox');
  });

  it("lets Apollo's hosted Sandbox call it across origins", async () => {
    const preflight = await fetch(h.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://studio.apollographql.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
    const reply = await h.query('{ __typename }', undefined, { origin: 'https://studio.apollographql.com' });
    expect(reply.headers.get('access-control-allow-origin')).toBe('https://studio.apollographql.com');
  });

  it('gives other origins no CORS permission', async () => {
    const reply = await h.query('{ __typename }', undefined, { origin: 'https://evil.example' });
    expect(reply.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a liveness probe and echoes a valid request id', async () => {
    const response = await fetch(new URL('/healthz', h.url), {
      headers: { 'x-request-id': 'router-abc.123' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-request-id')).toBe('router-abc.123');
  });

  it('refuses a body that is not JSON or is too large with a coded error', async () => {
    const broken = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    const huge = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename }${' '.repeat(200_000)}` }),
    });
    expect(huge.status).toBe(413);
    expect(h.confirma.requests).toHaveLength(0);
  });

  it('answers unknown paths with 404 and points at /graphql', async () => {
    const response = await fetch(new URL('/nope', h.url));
    expect(response.status).toBe(404);
    expect(JSON.stringify(await response.json())).toContain('/graphql');
  });

  it('serves a GET query whose target is an absolute URL, as a proxy may send it', async () => {
    const target = new URL('/graphql?query=%7B__typename%7D', h.url);
    const reply = await new Promise<{ status: number | undefined; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.href,
          headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ data: { __typename: 'Query' } });
  });
});
