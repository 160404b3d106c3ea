import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type SimulatorDataset } from '../../src/simulators/dataset.js';
import { startFactorCloudSimulator, type RunningServer } from '../../src/simulators/index.js';
import {
  FC,
  FC_HEADERS,
  factoringInvoiceId,
  getJson,
  isJson,
  TODAY,
  type Json,
} from '../support/simulatorHttp.js';

/** store-docs and get-docs, over real HTTP. */

async function send(
  url: string,
  body: unknown,
  contentType = 'text/plain',
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...FC_HEADERS, 'Content-Type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  if (!isJson(parsed)) throw new Error(`expected a JSON object, got ${JSON.stringify(parsed)}`);
  return { status: response.status, body: parsed };
}

const PDF = Buffer.from('%PDF-1.4\n% simulated\n').toString('base64');

describe('FactorCloud simulator: documents', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    server = await startFactorCloudSimulator({ dataset, ...FC });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (call: string, body: unknown, contentType?: string) =>
    send(`${server.url}/api_factor/${call}/`, body, contentType);
  const get = (pathAndQuery: string) => getJson(`${server.url}/api_factor/${pathAndQuery}`, FC_HEADERS);

  it('stores a document as 201, then updates the same FileName as 200 under the same UUID', async () => {
    const doc = { EncodedDoc: PDF, EncodingType: 'S', ContentType: 'application/pdf', FileName: 'bol-1.pdf' };
    const created = await post('Store-Docs', doc);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ message: '200', FileName: 'bol-1.pdf', Length: 21 });
    expect(created.body.UUID).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const replacement = Buffer.from('%PDF-1.7\n').toString('base64');
    const updated = await post('store-docs', { ...doc, EncodedDoc: replacement });
    expect(updated).toEqual({
      status: 200,
      body: { message: '200', UUID: created.body.UUID, FileName: 'bol-1.pdf', Length: 9 },
    });
    expect(dataset.factorCloud.documents.size).toBe(1);
  });

  it('returns a stored document by GET get-docs/<UUID>.json and by POST GET-Docs/ with a body', async () => {
    const doc = {
      EncodedDoc: PDF,
      EncodingType: 'S',
      ContentType: 'application/pdf',
      FileName: 'invoice-7.pdf',
    };
    const { body } = await post('store-docs', doc);
    const uuid = String(body.UUID);
    const byPath = await get(`get-docs/${uuid}.json`);
    expect(byPath).toMatchObject({ status: 200, body: doc });
    const byBody = await post('GET-Docs', { UUID: uuid });
    expect(byBody).toEqual({ status: 200, body: doc });
    expect(await post('get-docs', { UUID: 'nope' })).toEqual({
      status: 404,
      body: { message: 'UUID: no document "nope"' },
    });
    expect((await get('get-docs/')).status).toBe(400);
  });

  it('takes documents past the default 1 MiB body cap (PDFs travel whole)', async () => {
    const big = Buffer.alloc(3 * 1_048_576, 0x25).toString('base64');
    const doc = { EncodedDoc: big, EncodingType: 'S', ContentType: 'application/pdf', FileName: 'scan.pdf' };
    const stored = await post('store-docs', doc);
    expect(stored).toMatchObject({ status: 201, body: { Length: 3 * 1_048_576 } });
    expect((await get(`get-docs/${String(stored.body.UUID)}.json`)).body.EncodedDoc).toBe(big);
    const wrongMethod = await fetch(`${server.url}/api_factor/store-docs/`, { headers: FC_HEADERS });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    await wrongMethod.body?.cancel();
  });

  it('rejects documents that break the documented rules', async () => {
    const notBase64 = await post('store-docs', {
      EncodedDoc: '%%%',
      EncodingType: 'S',
      ContentType: 'application/pdf',
      FileName: 'x.pdf',
    });
    expect(notBase64.body.message).toBe('EncodedDoc: must be valid Base64 when EncodingType is S');
    const other = await post('store-docs', {
      EncodedDoc: 'abc',
      EncodingType: 'Z',
      ContentType: 'image/png',
    });
    expect(other).toEqual({
      status: 400,
      body: {
        message:
          'EncodingType: must be one of B, S, E; ContentType: must be one of application/pdf; FileName: is required',
      },
    });
  });
});
