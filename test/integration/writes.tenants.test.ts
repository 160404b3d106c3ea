import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CREATE_SCHEDULE, docsExample, postsTo } from '../fakes/factorcloudInputs.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import { CREATE_INVOICE } from '../support/confirmaMutations.js';
import { startHarness } from '../support/harness.js';
import type { GraphQLReply, Harness } from '../support/harness.js';
import { TENANT_A, TENANT_B, bearer, createTestIssuer, tenantsAB } from '../support/securityFixtures.js';
import type { TestIssuer } from '../support/securityFixtures.js';

/**
 * Issue 13, outcome 10: the guards of invoice creation and schedules were keyed by invoice
 * number / batch id alone, so tenant B got a false CONFLICT while tenant A wrote the same one.
 */
let h: Harness;
let issuer: TestIssuer;
let asA: Record<string, string>;
let asB: Record<string, string>;
beforeAll(async () => {
  issuer = await createTestIssuer();
  h = await startHarness({ security: { jwt: issuer.jwt, tenants: tenantsAB() } });
  asA = bearer(await issuer.sign({ tenant: TENANT_A.id }));
  asB = bearer(await issuer.sign({ tenant: TENANT_B.id }));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
  h.factorCloud.override = undefined;
});

/** Tenant B's credentials are unknown to the fakes: its reads are answered here ("nothing yet"). */
const isB = (headers: Record<string, string | string[] | undefined>) =>
  headers['x-api-key'] === TENANT_B.confirma.apiKey ||
  headers['auth-factorid'] === TENANT_B.factorCloud.factorId;
const NO_INVOICES = { json: { metaData: { totalCount: 0 }, invoices: [] } };

const outcome = (reply: GraphQLReply, field: string): string => {
  const payload = reply.body.data?.[field] as { userErrors: Array<{ code: string }> } | null | undefined;
  return reply.body.errors?.[0]?.extensions?.code?.toString() ?? payload?.userErrors[0]?.code ?? 'ok';
};

describe('write guards are per tenant', () => {
  it('lets tenant B create invoice 800900 while tenant A creates the same number', async () => {
    // POST /invoice answers after 150 ms, so the two tenants' requests overlap.
    h.confirma.override = (r) =>
      r.method === 'POST'
        ? { status: 201, json: {}, delayMs: 150 }
        : isB(r.headers)
          ? NO_INVOICES
          : undefined;
    const input = validInvoiceInput('800900');
    const [a, b] = await Promise.all([
      h.query(CREATE_INVOICE, { input }, asA),
      h.query(CREATE_INVOICE, { input }, asB),
    ]);
    expect([outcome(a, 'createInvoice'), outcome(b, 'createInvoice')]).toEqual(['ok', 'ok']);
    expect(h.confirma.requestsTo('/invoice').filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('lets tenant B create schedule S-T1 while tenant A creates the same batch id', async () => {
    h.factorCloud.override = (r) =>
      r.path.includes('create-sched')
        ? { delayMs: 150, json: { message: 'OK' } }
        : isB(r.headers)
          ? { status: 404, json: {} }
          : undefined;
    const input = docsExample('S-T1');
    const [a, b] = await Promise.all([
      h.query(CREATE_SCHEDULE, { input }, asA),
      h.query(CREATE_SCHEDULE, { input }, asB),
    ]);
    expect([outcome(a, 'createFactoringSchedule'), outcome(b, 'createFactoringSchedule')]).toEqual([
      'ok',
      'ok',
    ]);
    expect(postsTo(h.factorCloud, 'create-sched')).toHaveLength(2);
  });

  it('still refuses the same tenant’s second concurrent write of one invoice number', async () => {
    h.confirma.override = (r) => (r.method === 'POST' ? { status: 201, json: {}, delayMs: 150 } : undefined);
    const [a, b] = await Promise.all([
      h.query(CREATE_INVOICE, { input: validInvoiceInput('800901') }, asA),
      h.query(
        CREATE_INVOICE,
        { input: { ...validInvoiceInput('800901'), distribution: { method: 'EMAIL', enabled: false } } },
        asA,
      ),
    ]);
    expect([a, b].map((r) => r.body.errors?.[0]?.extensions?.reason ?? 'ok').sort()).toEqual([
      'RESOURCE_BUSY',
      'ok',
    ]);
    expect(h.confirma.requestsTo('/invoice').filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
