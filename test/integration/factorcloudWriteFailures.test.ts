import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { client } from '../fakes/factorcloud.js';
import { CREATE_SCHEDULE as CREATE, docsExample, postsTo } from '../fakes/factorcloudInputs.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  // A short time budget keeps the timeout case quick; the fake answers everything else at once.
  h = await startHarness({ totalTimeoutMs: 500 });
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const posts = (call: string) => postsTo(h.factorCloud, call);

describe('upstream failures on writes', () => {
  it('turns a 500 into a field error on the mutation, sent once and never retried', async () => {
    h.factorCloud.override = (r) => (r.method === 'POST' ? { status: 500, raw: 'boom' } : undefined);
    const { body } = await h.query(CREATE, { input: docsExample('S-6') });
    expect(body.data).toEqual({ createFactoringSchedule: null });
    expect(body.errors?.[0]).toMatchObject({
      path: ['createFactoringSchedule'],
      extensions: {
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: 'factorcloud',
        endpoint: 'create-sched',
        upstreamStatus: 500,
      },
    });
    expect(posts('create-sched')).toHaveLength(1);
  });

  it('creates nothing when the get-sched check itself fails', async () => {
    h.factorCloud.override = (r) => (r.path.includes('get-sched') ? { status: 503, json: {} } : undefined);
    const { body } = await h.query(CREATE, { input: docsExample('S-7') });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      endpoint: 'get-sched',
    });
    expect(posts('create-sched')).toHaveLength(0);
  });

  it('turns a 404 into NOT_FOUND on the key the write refers to', async () => {
    const { body } = await h.query(
      `mutation { upsertDebtor(input: { clientKey: "CL-404", debtorKey: "D", name: "N" }) {
        clientDebtor { name } userErrors { field code message } } }`,
    );
    expect(body.data?.upsertDebtor).toEqual({
      clientDebtor: null,
      userErrors: [
        { field: ['input', 'clientKey'], code: 'NOT_FOUND', message: expect.stringContaining('HTTP 404') },
      ],
    });
  });

  it('keeps refused credentials a field error, not a user error', async () => {
    h.factorCloud.override = () => ({ status: 401, json: { message: 'bad key' } });
    const { body } = await h.query(
      'mutation { upsertClient(input: { clientKey: "C", name: "N" }) { userErrors { code } } }',
    );
    expect(body.data).toEqual({ upsertClient: null });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAUTHORIZED',
      endpoint: 'create-client',
    });
  });

  it('turns another 4xx into REJECTED without the upstream body, and a timeout into a field error', async () => {
    h.factorCloud.override = () => ({ status: 422, json: { message: 'Name has bad chars: secret' } });
    const rejected = await h.query(
      'mutation { upsertClient(input: { clientKey: "C", name: "N" }) { userErrors { field code } } }',
    );
    expect(rejected.body.data?.upsertClient).toEqual({
      userErrors: [{ field: ['input'], code: 'REJECTED' }],
    });
    expect(rejected.text).not.toContain('secret');

    h.resetRequests();
    h.factorCloud.override = () => ({ delayMs: 1_000, json: {} });
    const slow = await h.query(
      'mutation { upsertClient(input: { clientKey: "C", name: "N" }) { userErrors { code } } }',
    );
    expect(slow.body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(h.factorCloud.requestsTo('create-client')).toHaveLength(1);
  });
});
