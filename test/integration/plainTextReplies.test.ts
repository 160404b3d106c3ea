import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { distributionRecord } from '../fakes/confirma.js';
import { client, factoringInvoice } from '../fakes/factorcloud.js';
import { validInvoiceInput } from '../fixtures/invoiceInput.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/**
 * Neither API documents its error bodies, so a server may answer a status we handle with text or
 * HTML. Such a body must not turn a known outcome (not found, refused, written) into an
 * UPSTREAM_BAD_RESPONSE; only a successful read has to be JSON.
 */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.confirma.records.push(distributionRecord(301), distributionRecord(302));
  h.factorCloud.invoices.set('301', factoringInvoice('301', 'CL-1'));
  h.factorCloud.clients.set('CL-1', client('CL-1'));
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.confirma.override = undefined;
  h.factorCloud.override = undefined;
});

const TEXT = { 'content-type': 'text/plain' };

describe('text bodies on statuses the client handles', () => {
  it('reads a 404 "Not Found" text from get-invoice as "not factored"', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('get-invoice') && request.query.InvoiceIntegrationId === '302'
        ? { status: 404, raw: 'Not Found', headers: TEXT }
        : undefined;
    const { body } = await h.query(
      '{ a: invoice(invoiceNumber: "301") { factoring { status } } b: invoice(invoiceNumber: "302") { factoring { status } } }',
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: { factoring: { status: 'FUNDED' } }, b: { factoring: null } });
  });

  it('still reads a refusal worded in plain text: a taken invoice number is a CONFLICT', async () => {
    h.confirma.override = (request) =>
      request.method === 'POST' && request.path.endsWith('/invoice')
        ? { status: 400, raw: 'Invoice number already exists', headers: TEXT }
        : undefined;
    const { body } = await h.query(
      'mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoice { invoiceNumber } userErrors { code field } } }',
      { input: validInvoiceInput('900301') },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.createInvoice).toEqual({
      invoice: null,
      userErrors: [{ code: 'CONFLICT', field: ['input', 'invoice', 'header', 'invoiceNumber'] }],
    });
    expect(h.confirma.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('takes a write answered 201 "Created" as done, never as a failure to repeat', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('create-client') ? { status: 201, raw: 'Created', headers: TEXT } : undefined;
    const { body } = await h.query(
      'mutation ($input: UpsertClientInput!) { upsertClient(input: $input) { client { clientKey } userErrors { code } } }',
      { input: { clientKey: 'CL-1', name: 'Acme Trucking LLC' } },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.upsertClient).toMatchObject({ userErrors: [] });
    expect(h.factorCloud.requests.filter((r) => r.path.includes('create-client'))).toHaveLength(1);
  });

  it('takes a created invoice whose echo it cannot read as created, not as failed', async () => {
    h.confirma.override = (request) =>
      request.method === 'POST' && request.path.endsWith('/invoice')
        ? { status: 201, json: { invoiceNumber: { unexpected: true }, status: ['RECEIVED'] } }
        : undefined;
    const { body } = await h.query(
      'mutation ($input: CreateInvoiceInput!) { createInvoice(input: $input) { invoice { invoiceNumber } userErrors { code } } }',
      { input: validInvoiceInput('900302') },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.createInvoice).toEqual({ invoice: { invoiceNumber: '900302' }, userErrors: [] });
  });

  it('still refuses a successful read whose body is not JSON', async () => {
    h.factorCloud.override = (request) =>
      request.path.includes('get-invoice')
        ? { status: 200, raw: '<html>ok</html>', headers: { 'content-type': 'text/html' } }
        : undefined;
    const { body } = await h.query(
      '{ invoice(invoiceNumber: "301") { invoiceNumber factoring { status } } }',
    );
    expect(body.data).toEqual({ invoice: { invoiceNumber: '301', factoring: null } });
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
  });
});
