import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseReply, distributionRecord } from '../fakes/confirma.js';
import { EMPTY_INVOICE, client, factoringInvoice } from '../fakes/factorcloud.js';
import type { FakeReply } from '../support/fakeUpstream.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ totalTimeoutMs: 300 });
  for (const n of [201, 202, 203]) {
    h.confirma.records.push(distributionRecord(n));
    h.confirma.cases.set(String(480000 + n), caseReply(480000 + n));
    h.factorCloud.invoices.set(String(n), factoringInvoice(String(n), 'CL-1'));
  }
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
  h.confirma.override = undefined;
});

const LIST =
  '{ invoices { totalCount nodes { invoiceNumber distribution { status } factoring { status amount { amount } } } } }';

/** Make FactorCloud answer get-invoice for invoice 202 with `reply`; the others stay healthy. */
function failInvoice202(reply: FakeReply) {
  h.factorCloud.override = (request) => (request.query.InvoiceIntegrationId === '202' ? reply : undefined);
}

describe('one upstream failure nulls one field and keeps the rest', () => {
  const cases: Array<[string, FakeReply, string]> = [
    ['a 503', { status: 503, json: { message: 'down' } }, 'UPSTREAM_UNAVAILABLE'],
    ['a 401', { status: 401, json: { message: 'nope' } }, 'UPSTREAM_UNAUTHORIZED'],
    ['malformed JSON', { raw: '{"ClientKey": "CL-1", "InvoiceAm' }, 'UPSTREAM_BAD_RESPONSE'],
    [
      'an amount that is no number',
      { json: factoringInvoice('202', 'CL-1', { InvoiceAmount: 'N/A' }) },
      'UPSTREAM_BAD_RESPONSE',
    ],
    ['a dropped connection', { drop: true }, 'UPSTREAM_UNAVAILABLE'],
    [
      'no answer within the time budget',
      { json: factoringInvoice('202'), delayMs: 1_000 },
      'UPSTREAM_TIMEOUT',
    ],
  ];
  it.each(cases)('turns %s into a coded field error with partial data', async (_name, reply, code) => {
    failInvoice202(reply);
    const { status, body } = await h.query(LIST);
    expect(status).toBe(200);
    const nodes = (body.data?.invoices as { nodes: Array<Record<string, unknown>> }).nodes;
    expect(nodes.map((n) => n.invoiceNumber)).toEqual(['201', '202', '203']);
    expect(nodes[1]?.factoring).toBeNull();
    expect(nodes[0]?.factoring).toEqual({ status: 'FUNDED', amount: { amount: '1250.50' } });
    expect(nodes[2]?.factoring).toEqual({ status: 'FUNDED', amount: { amount: '1250.50' } });
    expect(nodes.every((n) => (n.distribution as { status: string }).status === 'DELIVERED')).toBe(true);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.path).toEqual(['invoices', 'nodes', 1, 'factoring']);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code,
      upstream: 'factorcloud',
      endpoint: 'get-invoice',
    });
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('stacktrace');
  });

  it('fails only the fields of a distribution record that breaks the contract', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution')
        ? {
            json: {
              invoices: [
                distributionRecord(201),
                distributionRecord(202, {
                  paymentControl: { enabled: 'maybe', caseId: 480202 },
                  dates: { createdAt: 'yesterday' },
                }),
              ],
            },
          }
        : undefined;
    const { body } = await h.query('{ invoices { nodes { invoiceNumber distribution { status } } } }');
    expect(body.data?.invoices).toEqual({
      nodes: [
        { invoiceNumber: '201', distribution: { status: 'DELIVERED' } },
        { invoiceNumber: '202', distribution: null },
      ],
    });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['invoices', 'nodes', 1, 'distribution'], 'UPSTREAM_BAD_RESPONSE'],
    ]);
  });

  it('fails only the timestamps of a record whose other fields read, and still fetches its case', async () => {
    const dates = {
      // The docs' own example sends this placeholder.
      createdAt: 'string',
      printedAt: '2026-11-01T09:00:00.000Z',
      distributedAt: '2026-02-30T10:00:00Z',
      paymentControlActivatedAt: 'soon',
    };
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/distribution')
        ? { json: { invoices: [distributionRecord(201), distributionRecord(202, { dates })] } }
        : undefined;
    const { body } = await h.query(`{ invoices { nodes { invoiceNumber
      distribution { status createdAt printedAt distributedAt }
      paymentControl { caseId activatedAt case { stage } } } } }`);
    expect((body.data as { invoices: { nodes: unknown[] } }).invoices.nodes[1]).toEqual({
      invoiceNumber: '202',
      distribution: {
        status: 'DELIVERED',
        createdAt: null,
        printedAt: '2026-11-01T09:00:00.000Z',
        distributedAt: null,
      },
      paymentControl: { caseId: '480202', activatedAt: null, case: { stage: 'REMINDER' } },
    });
    expect(body.errors?.map((e) => [e.path?.slice(3).join('.'), e.extensions?.code])).toEqual([
      ['distribution.createdAt', 'UPSTREAM_BAD_RESPONSE'],
      ['distribution.distributedAt', 'UPSTREAM_BAD_RESPONSE'],
      ['paymentControl.activatedAt', 'UPSTREAM_BAD_RESPONSE'],
    ]);
    expect(body.errors?.every((e) => e.path?.[2] === 1)).toBe(true);
    expect(body.errors?.[0]?.message).toMatch(
      /dates\.createdAt cannot be read \(expected an ISO 8601 date-time\)/,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      upstream: 'confirma',
      endpoint: 'invoice/distribution',
    });
    expect(h.confirma.requestsTo('/invoice/case').map((r) => r.query.caseId)).toEqual(['480201', '480202']);
  });

  it('nulls only `invoices`, with its error, when the distribution list itself is unavailable', async () => {
    h.confirma.override = () => ({ status: 500, raw: 'Internal Server Error' });
    const { status, body } = await h.query(LIST);
    expect(status).toBe(200);
    expect(body.data).toEqual({ invoices: null });
    expect(body.errors?.[0]?.path).toEqual(['invoices']);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      upstream: 'confirma',
      upstreamStatus: 500,
    });
  });

  it('keeps the invoice when only its case lookup fails', async () => {
    h.confirma.override = (request) =>
      request.path.endsWith('/invoice/case') ? { status: 502, raw: '' } : undefined;
    const { body } = await h.query(
      '{ invoice(invoiceNumber: "201") { invoiceNumber paymentControl { caseId case { stage } } } }',
    );
    expect(body.data).toEqual({
      invoice: { invoiceNumber: '201', paymentControl: { caseId: '480201', case: null } },
    });
    expect(body.errors?.[0]?.path).toEqual(['invoice', 'paymentControl', 'case']);
  });
});

describe('things that are not known are null, not errors', () => {
  it('gives factoring null for a 404 and for an all-empty 200', async () => {
    h.factorCloud.override = (request) =>
      request.query.InvoiceIntegrationId === '201'
        ? { status: 404, json: { message: 'not found' } }
        : { json: EMPTY_INVOICE };
    const { body } = await h.query(
      '{ a: invoice(invoiceNumber: "201") { factoring { status } } b: invoice(invoiceNumber: "202") { factoring { status } } }',
    );
    expect(body).toEqual({ data: { a: { factoring: null }, b: { factoring: null } } });
  });

  it('gives invoice null when Confirma does not know the number', async () => {
    const { body } = await h.query(
      '{ invoice(invoiceNumber: "999999") { invoiceNumber factoring { status } } }',
    );
    expect(body).toEqual({ data: { invoice: null } });
    expect(h.factorCloud.requests).toHaveLength(0);
  });

  it('gives case null when Confirma answers 404 for the case', async () => {
    h.confirma.cases.delete('480203');
    const { body } = await h.query('{ invoice(invoiceNumber: "203") { paymentControl { case { stage } } } }');
    expect(body).toEqual({ data: { invoice: { paymentControl: { case: null } } } });
  });
});
