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

/** create-client and get-client, and how request bodies are read, over real HTTP. */

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

describe('FactorCloud simulator: clients', () => {
  let dataset: SimulatorDataset;
  let server: RunningServer;
  const uuids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
  beforeAll(async () => {
    dataset = generateDataset({ today: TODAY, factoringInvoiceId });
    server = await startFactorCloudSimulator({
      dataset,
      ...FC,
      newUuid: () => uuids.shift() ?? 'no-more-uuids',
    });
  });
  afterAll(async () => {
    await server.close();
  });
  const post = (call: string, body: unknown, contentType?: string) =>
    send(`${server.url}/api_factor/${call}/`, body, contentType);
  const get = (pathAndQuery: string) => getJson(`${server.url}/api_factor/${pathAndQuery}`, FC_HEADERS);

  it('creates a client (201), then updates it in place (200) instead of adding a second one', async () => {
    const before = dataset.factorCloudClients.size;
    const created = await post('create-client', {
      ClientKey: 'C-001',
      Name: 'Acme Trucking LLC',
      State: 'ky',
      Type: 0,
      Industry: '1',
      UccDate: '2024-03-05',
      CreditLimit: '250000',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      UUID: '11111111-1111-4111-8111-111111111111',
      ClientKey: 'C-001',
      CompCode: 'ACME01',
      State: 'KY',
      Type: '0',
      Industry: 1,
      UccDate: '2024-03-05 00:00:00',
      CreditLimit: 250000,
      City: null,
    });
    const updated = await post('create-client', {
      ClientKey: 'C-001',
      Name: 'Acme Trucking Inc',
      City: 'Louisville',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      UUID: created.body.UUID,
      Name: 'Acme Trucking Inc',
      City: 'Louisville',
    });
    expect(updated.body.State).toBe('KY');
    expect(dataset.factorCloudClients.size).toBe(before + 1);
    expect((await get('get-client/?clientkey=C-001')).body).toEqual(updated.body);
  });

  it('rejects bad client fields with 400 "<field>: <rule>"', async () => {
    const bad = await post('create-client', {
      ClientKey: 'C-002',
      State: 'Kentucky',
      Type: '2',
      Industry: 9,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe(
      'Name: is required; State: must be a two-letter state code; ' +
        'Type: must be one of 0, 1; Industry: must be an integer from 1 to 5',
    );
    expect(
      (await post('create-client', { ClientKey: 'C-002', Name: 'X', UccDate: '2024-02-30' })).status,
    ).toBe(400);
    expect(dataset.factorCloudClients.has('C-002')).toBe(false);
  });

  it('reads the body as JSON whether sent as text/plain or form-urlencoded', async () => {
    const raw = '{"ClientKey":"C-003","Name":"Plain Text Freight"}';
    expect((await post('create-client', raw, 'text/plain')).status).toBe(201);
    const form = await post(
      'create-client',
      '{"ClientKey":"C-003","Name":"Form Freight"}',
      'application/x-www-form-urlencoded',
    );
    expect(form).toMatchObject({ status: 200, body: { Name: 'Form Freight' } });
    const encoded = new URLSearchParams({ '{"ClientKey":"C-003","Name":"Encoded Freight"}': '' }).toString();
    expect((await post('create-client', encoded, 'application/x-www-form-urlencoded')).body.Name).toBe(
      'Encoded Freight',
    );
    expect((await post('create-client', 'not json', 'text/plain')).status).toBe(400);
  });
});
