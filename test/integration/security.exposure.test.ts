import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const INTROSPECTION = '{ __schema { queryType { name } types { name } } }';

describe('in production with the defaults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ production: true });
  });
  afterAll(() => h.close());

  it('refuses introspection, by __schema and by __type', async () => {
    for (const query of [INTROSPECTION, '{ __type(name: "Invoice") { fields { name } } }']) {
      const reply = await h.query(query);
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(reply.body.errors?.[0]?.message).toContain('introspection is not allowed');
    }
  });

  it('gives no "Did you mean" hints that would spell out the schema', async () => {
    const reply = await h.query('{ invoicez { totalCount } }');
    expect(reply.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(reply.text).not.toContain('Did you mean');
    expect(reply.text).not.toContain('invoices');
  });

  it('serves no landing page to a browser', async () => {
    const response = await fetch(h.url, { headers: { accept: 'text/html' } });
    expect(await response.text()).not.toContain('embeddable-sandbox');
    expect(response.headers.get('content-type')).not.toContain('text/html');
  });

  it('keeps CSRF prevention on: a simple cross-site request is refused before it runs', async () => {
    const get = await fetch(`${h.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toContain('CSRF');
    const form = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('CSRF');
  });

  it('still answers ordinary operations', async () => {
    const reply = await h.query('{ __typename }');
    expect(reply.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('in production with INTROSPECTION and LANDING_PAGE switched on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ production: true, security: { introspection: true, landingPage: true } });
  });
  afterAll(() => h.close());

  it('answers introspection and shows the landing page', async () => {
    const reply = await h.query(INTROSPECTION);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.__schema).toMatchObject({ queryType: { name: 'Query' } });
    const page = await fetch(h.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('embeddable-sandbox');
  });
});

describe('in development', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ security: { introspection: false } });
  });
  afterAll(() => h.close());

  it('lets INTROSPECTION=false switch introspection off there too', async () => {
    const reply = await h.query(INTROSPECTION);
    expect(reply.body.data).toBeUndefined();
    expect(reply.body.errors?.[0]?.message).toContain('introspection is not allowed');
  });
});
