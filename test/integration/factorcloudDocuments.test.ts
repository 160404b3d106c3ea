import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schedule, scheduleInvoice } from '../fakes/factorcloud.js';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ invoiceIdTemplate: 'CF-{invoiceNumber}' });
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const PDF_BASE64 = Buffer.from('%PDF-1.7 example').toString('base64');
const STORE = `mutation ($input: StoreFactoringDocumentInput!) { storeFactoringDocument(input: $input) {
  uuid created document { uuid fileName contentType encodingType encodedDoc } userErrors { field code } } }`;

describe('store-docs → get-docs', () => {
  it('stores a PDF and reads it back by the UUID store-docs returned', async () => {
    const input = { fileName: 'bol-1.pdf', encodingType: 'BASE64', encodedDoc: PDF_BASE64 };
    const stored = await h.query(STORE, { input });
    expect(stored.body.errors).toBeUndefined();
    const document = {
      uuid: 'doc-1',
      fileName: 'bol-1.pdf',
      contentType: 'application/pdf',
      encodingType: 'BASE64',
      encodedDoc: PDF_BASE64,
    };
    expect(stored.body.data?.storeFactoringDocument).toEqual({
      uuid: 'doc-1',
      created: true,
      document,
      userErrors: [],
    });
    const [post] = h.factorCloud.requestsTo('store-docs');
    expect(post?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post?.body ?? '')).toEqual({
      EncodedDoc: PDF_BASE64,
      EncodingType: 'S',
      ContentType: 'application/pdf',
      FileName: 'bol-1.pdf',
    });
    expect(h.factorCloud.requestsTo('get-docs').map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api_factor/get-docs/doc-1.json',
    ]);

    h.resetRequests();
    const read = await h.query(
      '{ factoringDocument(uuid: "doc-1") { uuid fileName encodingType encodedDoc } }',
    );
    expect(read.body.data?.factoringDocument).toEqual({
      uuid: 'doc-1',
      fileName: 'bol-1.pdf',
      encodingType: 'BASE64',
      encodedDoc: PDF_BASE64,
    });
  });

  it('reports an update (200) as created: false and reads nothing unless document is selected', async () => {
    const input = { fileName: 'bol-2.pdf', encodingType: 'BINARY', encodedDoc: 'raw-bytes' };
    await h.query(STORE, { input });
    h.resetRequests();
    // An update the caller asked for: new content under the same name, with replace: true.
    const again = await h.query(
      'mutation ($input: StoreFactoringDocumentInput!) { storeFactoringDocument(input: $input) { uuid created } }',
      { input: { ...input, encodedDoc: 'new-bytes', replace: true } },
    );
    expect(again.body.data?.storeFactoringDocument).toEqual({ uuid: 'doc-2', created: false });
    expect(h.factorCloud.requestsTo('get-docs')).toHaveLength(0);
  });

  it('falls back to POST get-docs with {"UUID"} when the GET form is refused', async () => {
    h.factorCloud.documents.set('doc-9', {
      EncodedDoc: 'x',
      EncodingType: 'E',
      ContentType: 'application/pdf',
      FileName: 'sealed.pdf',
    });
    h.factorCloud.override = (r) => (r.method === 'GET' ? { status: 405, json: {} } : undefined);
    const { body } = await h.query('{ factoringDocument(uuid: "doc-9") { fileName encodingType } }');
    expect(body.data?.factoringDocument).toEqual({ fileName: 'sealed.pdf', encodingType: 'ENCRYPTED' });
    const calls = h.factorCloud.requestsTo('get-docs');
    expect(calls.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(JSON.parse(calls[1]?.body ?? '')).toEqual({ UUID: 'doc-9' });
  });

  it('gives null for an unknown UUID after both request styles', async () => {
    const { body } = await h.query('{ factoringDocument(uuid: "nope") { fileName } }');
    expect(body).toEqual({ data: { factoringDocument: null } });
    expect(h.factorCloud.requestsTo('get-docs').map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('leaves uuid and document null when the reply carries no UUID, as in the docs example', async () => {
    h.factorCloud.override = (r) =>
      r.path.includes('store-docs') ? { status: 201, json: { message: '200' } } : undefined;
    const { body } = await h.query(STORE, {
      input: { fileName: 'x.pdf', encodingType: 'BINARY', encodedDoc: 'b' },
    });
    expect(body.data?.storeFactoringDocument).toEqual({
      uuid: null,
      created: true,
      document: null,
      userErrors: [],
    });
  });
});

describe('schedule invoices without an InvoiceIntegrationId', () => {
  it('are keyed by the configured invoice id template and answer factoringInvoice without a call', async () => {
    h.factorCloud.schedules.set('B-T', schedule('B-T', [scheduleInvoice(undefined, '260100001', '99.99')]));
    const { body } = await h.query(`{
      factoringSchedule(integrationBatchId: "B-T") { invoices { integrationInvoiceId amount { amount } } }
      factoringInvoice(integrationInvoiceId: "CF-260100001") { invoiceNumber }
    }`);
    expect(body.data).toEqual({
      factoringSchedule: {
        invoices: [{ integrationInvoiceId: 'CF-260100001', amount: { amount: '99.99' } }],
      },
      factoringInvoice: { invoiceNumber: '260100001' },
    });
    expect(h.factorCloud.requestsTo('get-invoice')).toHaveLength(0);
  });
});
