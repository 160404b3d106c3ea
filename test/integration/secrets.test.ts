import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRMA_TEST_KEY, distributionRecord } from '../fakes/confirma.js';
import { FACTORCLOUD_TEST_CREDENTIALS } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

const CANARIES = [
  CONFIRMA_TEST_KEY,
  FACTORCLOUD_TEST_CREDENTIALS.apiKey,
  FACTORCLOUD_TEST_CREDENTIALS.systemKey,
];
const BODY_CANARY = 'upstream-body-canary-a41c';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(401), distributionRecord(402));
});
afterAll(() => h.close());

describe('secrets and upstream bodies never leak', () => {
  it('keeps credentials and upstream error bodies out of responses and logs', async () => {
    // Upstreams that echo our credentials and their internals back in error bodies.
    h.factorCloud.override = (request) => ({
      status: request.query.InvoiceIntegrationId === '401' ? 500 : 401,
      json: {
        message: `bad key ${String(request.headers['auth-apikey'])} ${BODY_CANARY}`,
        trace: 'at Foo.bar (/srv/app.js:1:1)',
      },
    });
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/case')
        ? { status: 400, raw: `key=${String(request.headers['x-api-key'])} ${BODY_CANARY}` }
        : undefined;
    const replies = [
      await h.query('{ invoices { nodes { factoring { status } paymentControl { case { stage } } } } }'),
      await h.query('{ invoice(invoiceNumber: "401") { factoring { amount } } }'),
      await h.query('{ nope }'),
    ];
    expect(replies[0]?.body.errors?.length).toBeGreaterThanOrEqual(3);
    const everything = [...replies.map((r) => r.text), ...h.logLines].join('\n');
    for (const secret of [...CANARIES, BODY_CANARY, '/srv/app.js']) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('stacktrace');
    // The logs still say what happened.
    expect(h.logLines.join('\n')).toContain('UPSTREAM_UNAUTHORIZED');
  });
});
