import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness } from '../support/harness.js';
import type { Harness } from '../support/harness.js';

/** Issue 13, outcome 7: a second document under a used file name silently replaced the first. */
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.resetRequests();
  h.factorCloud.override = undefined;
});

const STORE = `mutation ($input: StoreFactoringDocumentInput!) { storeFactoringDocument(input: $input) {
  uuid created userErrors { field code message } } }`;
const pdf = (text: string) => Buffer.from(`%PDF-1.7 ${text}`).toString('base64');
const stored = () => h.factorCloud.requestsTo('/store-docs/').filter((r) => r.method === 'POST');
const contentOf = (fileName: string) =>
  [...h.factorCloud.documents.values()].find((doc) => doc.FileName === fileName)?.EncodedDoc;

describe('storeFactoringDocument under a file name already used', () => {
  it('refuses other content under the same file name with CONFLICT and keeps the first document', async () => {
    const first = { fileName: 'invoice-77.pdf', encodingType: 'BASE64', encodedDoc: pdf('first') };
    expect((await h.query(STORE, { input: first })).body.data?.storeFactoringDocument).toMatchObject({
      created: true,
      userErrors: [],
    });
    const second = await h.query(STORE, { input: { ...first, encodedDoc: pdf('second') } });
    expect(second.body.data?.storeFactoringDocument).toEqual({
      uuid: null,
      created: null,
      userErrors: [
        {
          field: ['input', 'fileName'],
          code: 'CONFLICT',
          message: expect.stringContaining('replace: true'),
        },
      ],
    });
    expect(stored()).toHaveLength(1);
    expect(contentOf('invoice-77.pdf')).toBe(pdf('first'));
  });

  it('replaces the document when the caller sets replace: true', async () => {
    const first = { fileName: 'invoice-78.pdf', encodingType: 'BASE64', encodedDoc: pdf('v1') };
    await h.query(STORE, { input: first });
    const replaced = await h.query(STORE, { input: { ...first, encodedDoc: pdf('v2'), replace: true } });
    expect(replaced.body.data?.storeFactoringDocument).toMatchObject({ created: false, userErrors: [] });
    expect(stored()).toHaveLength(2);
    expect(contentOf('invoice-78.pdf')).toBe(pdf('v2'));
  });

  it('stores a document under a file name not used before as new', async () => {
    await h.query(STORE, { input: { fileName: 'a.pdf', encodingType: 'BASE64', encodedDoc: pdf('a') } });
    const other = await h.query(STORE, {
      input: { fileName: 'b.pdf', encodingType: 'BASE64', encodedDoc: pdf('b') },
    });
    expect(other.body.data?.storeFactoringDocument).toMatchObject({ created: true, userErrors: [] });
    expect(stored()).toHaveLength(2);
  });
});
